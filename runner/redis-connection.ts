/**
 * The Redis behind `--queue`: its URL checked and shown without its password, and
 * connections that fail fast. `redis://[user:password@]host:port[/db]`, or `rediss://`
 * for TLS; the password and TLS settings travel in the URL only and are never printed
 * or logged (`redactUrl` is what every message shows).
 *
 * Unreachable: `connectRedis` gives up after `connectSeconds` (5 s) — one attempt
 * bounded by ioredis's `connectTimeout`, no retries — with an InputError naming the URL
 * (exit code 2). Once connected, the long-lived connections BullMQ needs retry forever
 * (`maxRetriesPerRequest: null`, as BullMQ requires for workers); the coordinator
 * bounds how long it waits for a lost Redis itself (queue-executor.ts).
 */
import { Redis, type RedisOptions } from "ioredis";
import { InputError } from "../scenarios/params.ts";

/** How long a first connection may take before the command gives up (seconds). */
export const connectSeconds = 5;

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

/** Checks a `--queue` URL's form (InputError naming the option, the URL without password and what is allowed). */
export function checkRedisUrl(option: string, url: string): string {
  const expected = "expected redis://[user:password@]host:port[/db] or rediss://… (TLS)";
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`${option}: ${JSON.stringify(redactUrl(url))} is not allowed; ${expected}`);
  }
  const db = u.pathname.replace(/^\//, "");
  if ((u.protocol !== "redis:" && u.protocol !== "rediss:") || u.hostname === "" || !/^(\d{1,2})?$/.test(db) || u.search !== "" || u.hash !== "") {
    throw new InputError(`${option}: ${JSON.stringify(redactUrl(url))} is not allowed; ${expected}`);
  }
  return url;
}

/** Options of a long-lived connection (BullMQ queues and workers): it retries forever, commands wait for it. */
export function lastingOptions(): RedisOptions {
  return { maxRetriesPerRequest: null, connectTimeout: connectSeconds * 1000, lazyConnect: true };
}

/**
 * A connected client for `url`, or an InputError naming the URL (without password) and
 * why, within `connectSeconds`. `options` are added to the connection's (a lasting
 * connection passes `lastingOptions()`).
 */
export async function connectRedis(option: string, url: string, options: RedisOptions = {}): Promise<Redis> {
  const shown = redactUrl(url);
  const redis = new Redis(url, {
    connectTimeout: connectSeconds * 1000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    ...options,
    lazyConnect: true,
  });
  let lastError: Error | undefined;
  redis.on("error", (err: Error) => (lastError = err));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${connectSeconds} s`)), connectSeconds * 1000);
      }),
    ]);
    // From now on, the connection behaves as the caller asked (a lasting one retries).
    redis.removeAllListeners("error");
    redis.on("error", () => {});
    return redis;
  } catch (err) {
    redis.disconnect();
    const reason = describe(lastError ?? (err as Error));
    throw new InputError(`${option}: cannot reach Redis at ${shown} (${reason}); is redis-server running there, and are the host, port and password right?`);
  } finally {
    clearTimeout(timer);
  }
}

/** A connection error in a few words, without anything from the URL but host and port. */
function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  const message = err.message ?? String(err);
  if (/WRONGPASS|NOAUTH|invalid username-password/i.test(message)) return "authentication failed";
  if (code) return code;
  return message.split("\n")[0]!.slice(0, 200);
}
