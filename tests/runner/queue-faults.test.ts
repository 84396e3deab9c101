/**
 * The queue under faults, on redis-servers of its own (127.0.0.1, free ports), each
 * command a real process: no worker on the queue (said once, `--queue-timeout` ends it
 * with exit 2); Redis killed while the first jobs are being added and never back (one
 * line, exit 2, after the documented 30 s), and killed then back on the same port (the
 * run goes on: the jobs are queued again). Every redis-server and command is stopped in
 * afterAll, even when a test fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { lostSeconds } from "../../runner/queue-executor.ts";
import { startRedis, type TestRedis } from "../../tools/redis-server.ts";

const root = join(import.meta.dirname, "../..");
const tsxLoader = import.meta.resolve("tsx");
const servers: TestRedis[] = [];
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.stop()));
});

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  /** stderr lines, each with the seconds since the start when it came. */
  readonly lines: { at: number; text: string }[];
  readonly seconds: number;
}

/** Runs `scenarios/plan-comparison.ts` on the queue at `url`; `during(t0)` is called once it has started. */
function queued(url: string, replications: number, extra: string[], during?: () => void): Promise<Ran> {
  const args = ["scenarios/plan-comparison.ts", "--set", "accounts=5", "--set", `replications=${replications}`, "--workers", "1", "--queue", url, ...extra];
  const child = spawn(process.execPath, ["--import", tsxLoader, ...args.map((a, i) => (i === 0 ? join(root, a) : a))], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const started = performance.now();
  const lines: { at: number; text: string }[] = [];
  let stdout = "";
  let pending = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => {
    pending += d.toString();
    const parts = pending.split("\n");
    pending = parts.pop()!;
    for (const text of parts) lines.push({ at: (performance.now() - started) / 1000, text });
  });
  during?.();
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, lines, seconds: (performance.now() - started) / 1000 })));
}

/**
 * Resolves once the command has written to the (fresh) Redis at `url`: it is adding its
 * jobs. Faults are timed from then, not from the spawn, which a loaded machine delays.
 */
async function jobsArriving(url: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  await client.connect();
  try {
    while ((await client.dbsize()) === 0) await new Promise((r) => setTimeout(r, 25));
  } finally {
    client.disconnect();
  }
}

const noStack = (r: Ran) => expect(r.lines.map((l) => l.text).join("\n")).not.toMatch(/^\s+at /m);

describe("the queue under faults", () => {
  it("with no worker: says so once with the jobs outstanding, and --queue-timeout ends it with exit 2", async () => {
    const redis = await startRedis();
    servers.push(redis);
    const r = await queued(redis.url, 2, ["--queue-timeout", "2"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    noStack(r);
    expect(r.lines.map((l) => l.text)).toEqual([
      expect.stringMatching(
        /^plan-comparison: no worker on the queue at redis:\/\/127\.0\.0\.1:\d+: waiting for one .* with 30 of 30 jobs outstanding; stops after 2 s without a job done \(--queue-timeout\)$/,
      ),
      expect.stringMatching(/^scenarios\/plan-comparison\.ts: --queue-timeout: no job done for 2 s, 30 of 30 jobs outstanding .*\(0 workers on it\)/),
    ]);
    expect(r.seconds).toBeLessThan(10);
  }, 30_000);

  it("refuses a bad --queue-timeout, and one without --queue, before connecting", async () => {
    const redis = await startRedis();
    servers.push(redis);
    for (const [extra, message] of [
      [["--queue-timeout", "0"], /--queue-timeout: "0" is not allowed; expected whole seconds from 1 to 604800/],
      [["--queue-timeout", "1e3"], /--queue-timeout: "1e3" is not allowed/],
    ] as const) {
      const r = await queued(redis.url, 2, [...extra]);
      expect(r.code).toBe(2);
      expect(r.lines).toHaveLength(1);
      expect(r.lines[0]!.text).toMatch(message);
    }
  }, 30_000);

  // The two waits below (the documented 30 s, a 25 s --queue-timeout) run side by side: each has its own Redis.
  it.concurrent("Redis killed while the jobs are added and not back: one line, exit 2, after the documented 30 s", async () => {
    const redis = await startRedis();
    servers.push(redis);
    // 75,000 jobs: the first 20,000 (the window) take seconds to add.
    const r = await queued(redis.url, 5000, [], () => void jobsArriving(redis.url).then(() => setTimeout(() => void redis.stop(), 300)));
    expect(r.code).toBe(2);
    noStack(r);
    // A fast machine may finish adding the window before Redis goes, and then say once that it
    // waits for workers: that notice may come first; the loss is the one other line.
    const lines = r.lines.filter((l) => !/no worker on the queue/.test(l.text));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toMatch(new RegExp(`--queue: lost Redis at redis://127\\.0\\.0\\.1:\\d+ for over ${lostSeconds} s while .* with 75000 of 75000 jobs not done`));
    expect(lines[0]!.at).toBeGreaterThan(lostSeconds);
    expect(r.seconds).toBeLessThan(lostSeconds + 15);
  }, 90_000);

  it.concurrent("Redis killed while the jobs are added and back on the same port: the run goes on", async () => {
    const redis = await startRedis();
    servers.push(redis);
    // The timeout is well past the restart (~5 s after the jobs start arriving), so a slow machine still sees the restart first.
    const r = await queued(redis.url, 5000, ["--queue-timeout", "25"], () => {
      void jobsArriving(redis.url).then(() => {
        setTimeout(() => void redis.stop(), 300);
        setTimeout(() => void startRedis(redis.port).then((s) => servers.push(s)), 4800);
      });
    });
    noStack(r);
    const texts = r.lines.map((l) => l.text);
    // It came back to the loop: the jobs queued again, waiting for workers, then the timeout (none here).
    expect(
      texts.some((t) => /Redis at .* restarted; queued the \d+ outstanding jobs again/.test(t)),
      texts.join("\n"),
    ).toBe(true);
    expect(texts.some((t) => /no worker on the queue/.test(t))).toBe(true);
    expect(texts.at(-1)).toMatch(/--queue-timeout: no job done for 25 s/);
    expect(r.code).toBe(2);
  }, 90_000);
});
