/**
 * The Redis behind `--queue`: its URL checked and shown without its password, and
 * connections that fail fast. `redis://[user:password@]host:port[/db]`, or `rediss://`
 * for TLS; the password and TLS settings travel in the URL only and are never printed
 * or logged (`redactUrl` is what every message shows).
 *
 * Unreachable: `connectRedis` gives up after `connectSeconds` (5 s) — one attempt
 * bounded by ioredis's `connectTimeout`, no retries — with an RunnerInputError naming the URL
 * (exit code 2). Once connected, the long-lived connections BullMQ needs retry forever
 * (`maxRetriesPerRequest: null`, as BullMQ requires for workers; every 0.2–2 s); the
 * coordinator bounds how long it waits for a lost Redis itself (queue-executor.ts), and
 * closing never waits for a Redis that is gone (`closeWithin`).
 */
import { Redis, type RedisOptions } from "ioredis";
import { RunnerInputError } from "./runner-input-error.ts";
import { redactUrl, redisDb } from "./redis-url.ts";

export { checkRedisUrl, redactUrl } from "./redis-url.ts";

/** How long a first connection may take before the command gives up (seconds). */
export const connectSeconds = 5;

/** Longest wait between two attempts of a lasting connection to reconnect (ms). */
const reconnectMaxMs = 2000;

/**
 * Options of a long-lived connection (BullMQ queues and workers, the result store): it
 * reconnects forever (every 0.2–2 s), and commands wait for it.
 */
export function lastingOptions(): RedisOptions {
  return {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => Math.min(times * 200, reconnectMaxMs),
    connectTimeout: connectSeconds * 1000,
    lazyConnect: true,
  };
}

/**
 * A connected client for `url`, or an RunnerInputError naming the URL (without password) and
 * why, within `connectSeconds`: the first attempt is the only one. Once connected, the
 * client behaves as `lastingOptions()` says (it reconnects forever), and so do its
 * duplicates.
 */
export async function connectRedis(option: string, url: string): Promise<Redis> {
  const shown = redactUrl(url);
  const redis = new Redis(url, {
    connectTimeout: connectSeconds * 1000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
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
    await checkDb(option, redis, url);
    // From now on the connection lasts: ioredis reads these options whenever it needs them.
    Object.assign(redis.options, lastingOptions(), { lazyConnect: false });
    redis.removeAllListeners("error");
    redis.on("error", () => {});
    return redis;
  } catch (err) {
    redis.disconnect();
    if (err instanceof RunnerInputError) throw err;
    const reason = describe(lastError ?? (err as Error));
    throw new RunnerInputError(`${option}: cannot reach Redis at ${shown} (${reason}); is redis-server running there, and are the host, port and password right?`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks that the URL's database exists: ioredis selects it on connecting, but a SELECT
 * refused ("DB index is out of range") leaves the connection on database 0, where it
 * would take another team's jobs. Selected again here, and refused (exit code 2).
 */
async function checkDb(option: string, redis: Redis, url: string): Promise<void> {
  const db = redisDb(url);
  try {
    await redis.select(db);
  } catch (err) {
    let count = "";
    try {
      const reply = (await redis.config("GET", "databases")) as unknown as string[];
      if (reply[1] !== undefined) count = `; it has ${reply[1]} (0 to ${Number(reply[1]) - 1})`;
    } catch {
      // CONFIG may be disabled (managed Redis): the count is left out.
    }
    throw new RunnerInputError(`${option}: Redis at ${redactUrl(url)} has no database ${db} (${describe(err as Error)})${count}; expected a database index it has`);
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

/**
 * Closes `things` in order, each given at most `ms` (a BullMQ close waits for Redis,
 * which may be gone); then disconnects `connections` outright, so nothing keeps the
 * process alive.
 */
export async function closeWithin(ms: number, things: readonly { close(): Promise<unknown> }[], connections: readonly Redis[]): Promise<void> {
  for (const t of things) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([t.close().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  }
  for (const c of connections) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([c.quit().catch(() => {}), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
    c.disconnect();
  }
}
