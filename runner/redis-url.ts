/**
 * A Redis URL's form and how messages show it (the password as "***"). Imports no
 * Redis client, so a command checks `--queue` without loading one (loading a client
 * library into a process slows its simulation).
 */
import { RunnerInputError } from "./runner-input-error.ts";

/**
 * The URL as every message shows it: everything between "//" and the last "@" is the
 * credentials, whatever characters the password holds ("/", "@", "#", "?", "%", "[") —
 * a URL parser would split such a URL elsewhere and show part of the password as the
 * host or the path — and only a plain user name before the first ":" is kept
 * (`redis://u:***@host:port`); anything else there is shown as "***". A text without
 * "@" carries no credentials and is shown as it is, cut to 200 characters.
 */
export function redactUrl(url: string): string {
  const start = url.indexOf("//");
  const at = url.lastIndexOf("@");
  const shown = start < 0 || at < start ? url : `${url.slice(0, start + 2)}${authWords(url.slice(start + 2, at))}${url.slice(at)}`;
  return shown.length > 200 ? `${shown.slice(0, 199)}…` : shown;
}

function authWords(auth: string): string {
  const colon = auth.indexOf(":");
  if (colon < 0) return "***";
  const user = auth.slice(0, colon);
  return /^[A-Za-z0-9._~-]*$/.test(user) ? `${user}:***` : "***";
}

/** The database a checked URL names (its path, default 0). */
export function redisDb(url: string): number {
  const db = new URL(url).pathname.replace(/^\//, "");
  return db === "" ? 0 : Number(db);
}

/**
 * Checks a `--queue` URL's form (RunnerInputError naming the option, the URL without
 * password and what is allowed). The database index must be an integer from 0 to 9999
 * here; whether that database exists is checked at connect (redis-connection.ts).
 */
export function checkRedisUrl(option: string, url: string): string {
  const expected = "expected redis://[user:password@]host:port[/db] or rediss://… (TLS), with reserved characters of the password percent-encoded (@ as %40, / as %2F)";
  const refuse = () => new RunnerInputError(`${option}: ${JSON.stringify(redactUrl(url))} is not allowed; ${expected}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw refuse();
  }
  // More than one "@", or one the parser did not take as the end of the credentials: a password with a reserved character.
  const ats = url.split("@").length - 1;
  if (ats > 1 || (ats === 1 && u.username === "" && u.password === "")) throw refuse();
  const db = u.pathname.replace(/^\//, "");
  if ((u.protocol !== "redis:" && u.protocol !== "rediss:") || u.hostname === "" || !/^(\d{1,4})?$/.test(db) || u.search !== "" || u.hash !== "") {
    throw refuse();
  }
  try {
    decodeURIComponent(u.password);
    decodeURIComponent(u.username);
  } catch {
    throw refuse();
  }
  return url;
}
