/**
 * A Redis URL's form and how messages show it (the password as "***"). Imports no
 * Redis client, so a command checks `--queue` without loading one (loading a client
 * library into a process slows its simulation).
 */
import { RunnerInputError } from "./runner-input-error.ts";

/** The URL as every message shows it: the password replaced by "***". */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString().replace(/\/$/, "");
  } catch {
    return url.replace(/\/\/([^@/]*)@/, (_, auth: string) => `//${auth.includes(":") ? `${auth.split(":")[0]}:***` : auth}@`);
  }
}

/** Checks a `--queue` URL's form (RunnerInputError naming the option, the URL without password and what is allowed). */
export function checkRedisUrl(option: string, url: string): string {
  const expected = "expected redis://[user:password@]host:port[/db] or rediss://… (TLS)";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RunnerInputError(`${option}: ${JSON.stringify(redactUrl(url))} is not allowed; ${expected}`);
  }
  const db = u.pathname.replace(/^\//, "");
  if ((u.protocol !== "redis:" && u.protocol !== "rediss:") || u.hostname === "" || !/^(\d{1,2})?$/.test(db) || u.search !== "" || u.hash !== "") {
    throw new RunnerInputError(`${option}: ${JSON.stringify(redactUrl(url))} is not allowed; ${expected}`);
  }
  return url;
}
