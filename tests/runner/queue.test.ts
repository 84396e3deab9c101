/**
 * The queue end to end, on a real redis-server (127.0.0.1, a free port, no
 * persistence; .ci/run installs it): a job of other code and a malformed job are
 * refused and reported; a calibrate forecast queued prints the local run's bytes; three
 * worker processes, one SIGKILLed while every worker runs a
 * job; the sweep's tables equal the local run's, byte for byte; run again
 * with no worker left, it is served from the result store alone; Redis restarted mid-run (queue and
 * results lost), the run goes on to the same bytes; an unreachable Redis is an input error
 * naming the URL. Redis and every worker are stopped in afterAll, even when a test fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import * as aq from "arquero";
import { Queue, QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BatchTotals, planBatch } from "../../runner/batch-plan.ts";
import { withExecutor } from "../../runner/executor.ts";
import { jobPayload } from "../../runner/job-identity.ts";
import { queueExecutor } from "../../runner/queue-executor.ts";
import { queueJobId, queueName } from "../../runner/queue-names.ts";
import { codeVersion } from "../../runner/pool-entry.ts";
import { encodePlain } from "../../runner/plain-data.ts";
import { calibrateCommand } from "../../commands/calibrate.ts";
import { resolve } from "../../experiments/inputs/params.ts";
import { RunnerInputError } from "../../runner/runner-input-error.ts";
import { buildModel, scenarioParams } from "../../experiments/general/scenario.ts";
import { planSweep, runSweepPlan } from "../../experiments/general/sweep.ts";
import { runInProcess } from "../support/in-process.ts";
import { freePort, startRedis, type TestRedis } from "../../tools/redis-server.ts";

const root = join(import.meta.dirname, "../..");
const tsxLoader = import.meta.resolve("tsx");

interface WorkerProcess {
  readonly child: ChildProcess;
  stderr: string;
}

let redis: TestRedis;
const workers: WorkerProcess[] = [];

function startWorker(url: string): WorkerProcess {
  const child = spawn(process.execPath, ["--import", tsxLoader, join(root, "commands/worker.ts"), "--queue", url, "--workers", "1", "--lock-seconds", "2"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const w: WorkerProcess = { child, stderr: "" };
  child.stderr!.on("data", (d: Buffer) => (w.stderr += d.toString()));
  workers.push(w);
  return w;
}

async function until(what: string, test: () => boolean | Promise<boolean>, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const stopped = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once("exit", () => r())));

beforeAll(async () => {
  redis = await startRedis();
  for (let i = 0; i < 3; i++) startWorker(redis.url);
  await until("three workers ready", () => workers.every((w) => w.stderr.includes("working for")), 90);
}, 120_000);

afterAll(async () => {
  for (const w of workers) w.child.kill("SIGKILL");
  await Promise.all(workers.map((w) => stopped(w.child)));
  await redis?.stop();
});

// 2 points × 6 replications of 500 accounts over 12 cycles: 12 jobs of a fraction of a second each.
function sweep() {
  const specs = scenarioParams("seller");
  const base = resolve(specs, ["accounts=500", "replications=6", "cycles=12"]);
  return planSweep("queue-test", specs, base, [{ name: "audience.responseRate", values: [0.1, 0.3] }]);
}

describe("the queue", () => {
  it("refuses a job of other code and a malformed job, and reports them", async () => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(queueName, { connection });
    const eventsConnection = connection.duplicate();
    // From the stream's start (this Redis is the file's own): read from "$", the events of jobs
    // refused before the first read was sent would be missed.
    const events = new QueueEvents(queueName, { connection: eventsConnection, lastEventId: "0-0" });
    try {
      await events.waitUntilReady();
      const reasons = new Map<string, string>();
      events.on("failed", ({ jobId, failedReason }) => reasons.set(jobId, failedReason));
      const job = { model: buildModel(resolve(scenarioParams("seller"), ["accounts=10"])).model, seed: 1, chunk: { replication: 0, from: 0, to: 10 } };
      const other = jobPayload("0".repeat(64), job);
      const mine = jobPayload(await codeVersion(), job);
      const model = JSON.parse(mine.payload.model) as Record<string, unknown>;
      const malformed = { ...mine.payload, model: encodePlain({ ...model, cycles: -1 }) };
      await queue.add("simulate", other.payload, { jobId: queueJobId(other.id), removeOnFail: true, removeOnComplete: true });
      await queue.add("simulate", malformed, { jobId: queueJobId(mine.id), removeOnFail: true, removeOnComplete: true });
      // A bound, not a timing: on a loaded machine the workers may take a while to reach the jobs.
      await until("both jobs refused", () => reasons.size >= 2, 150);
      expect(reasons.get(queueJobId(other.id))).toMatch(/refused: the job was made by code version 000000000000…, this worker runs/);
      expect(reasons.get(queueJobId(mine.id))).toMatch(/refused: the job's model is malformed: model\.cycles: expected a number from 1 to 1200, got -1/);
      await until("the refusals reported", () => workers.some((w) => /refused job sim-[0-9a-f]{64}: the job was made by code version/.test(w.stderr)), 10);
      expect(await connection.exists(`inmail-sim:result:${mine.id}`)).toBe(0);
    } finally {
      await events.close();
      await queue.close();
      await eventsConnection.quit();
      await connection.quit();
    }
  }, 180_000);

  it("runs a log command's forecast (commands/calibrate.ts --queue URL) to the local run's bytes", async () => {
    const args = ["--log", "data/sample-send-log.csv", "--json", "--draws", "2", "--accounts", "3", "--cycles", "2"];
    const local = await runInProcess(() => calibrateCommand([...args, "--workers", "1"]));
    expect(local.code, local.stderr).toBe(0);
    const queued = await runInProcess(() => calibrateCommand([...args, "--queue", redis.url]));
    expect(queued.code, queued.stderr).toBe(0);
    expect(queued.stdout).toBe(local.stdout);
  }, 90_000);

  it("gives the local run's bytes with three workers, one SIGKILLed mid-job, and reuses stored results", async () => {
    const local = await runSweepPlan(sweep(), { workers: 1 });
    const watchConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const watch = new Queue(queueName, { connection: watchConnection });
    // At most 4 of the 12 jobs outstanding at a time: the batch is queued in windows as results come.
    const executor = queueExecutor(redis.url, "--queue", { window: 4 });
    let most = 0;
    let watching = true;
    const sampling = (async () => {
      while (watching) {
        const c = await watch.getJobCounts("waiting", "active", "delayed", "prioritized");
        most = Math.max(
          most,
          Object.values(c).reduce((a, b) => a + b, 0),
        );
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    try {
      const queued = withExecutor(executor, () => runSweepPlan(sweep()));
      // Every worker is running a job: kill one of them in the middle of it.
      await until("three jobs active", async () => (await watch.getActiveCount()) >= 3, 60);
      workers[0]!.child.kill("SIGKILL");
      const result = await queued;
      watching = false;
      await sampling;
      expect(most).toBeGreaterThanOrEqual(3);
      expect(most).toBeLessThanOrEqual(4);
      expect(aq.toCSV(result.rows)).toBe(aq.toCSV(local.rows));
      expect(Buffer.from(aq.toArrowIPC(result.rows)).equals(Buffer.from(aq.toArrowIPC(local.rows)))).toBe(true);
      expect(aq.toCSV(result.summary)).toBe(aq.toCSV(local.summary));

      // No worker left: the same command is served from the result store alone.
      for (const w of workers) w.child.kill("SIGKILL");
      await Promise.all(workers.map((w) => stopped(w.child)));
      const again = await withExecutor(executor, () => runSweepPlan(sweep()));
      expect(aq.toCSV(again.rows)).toBe(aq.toCSV(local.rows));
    } finally {
      watching = false;
      await sampling;
      await executor.close();
      await watch.close();
      await watchConnection.quit();
    }
  }, 120_000);

  it("goes on when Redis restarts mid-run (its queue and results gone): the local run's bytes", async () => {
    const local = await runSweepPlan(sweep(), { workers: 1 });
    let own = await startRedis();
    const port = own.port;
    const worker = startWorker(own.url);
    const executor = queueExecutor(own.url);
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (said.push(String(chunk)), true));
    try {
      await until("the worker ready", () => worker.stderr.includes("working for"), 60);
      const queued = withExecutor(executor, () => runSweepPlan(sweep()));
      const probe = new Redis(own.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => {});
      await until("3 results stored", async () => (await probe.keys("inmail-sim:result:*")).length >= 3, 60);
      probe.disconnect();
      // A restart without persistence: the queue and every stored result are gone.
      await own.stop();
      own = await startRedis(port);
      const result = await queued;
      expect(aq.toCSV(result.rows)).toBe(aq.toCSV(local.rows));
      expect(aq.toCSV(result.summary)).toBe(aq.toCSV(local.summary));
      expect(said.join("")).toMatch(/restarted; queued the \d+ outstanding jobs again/);
    } finally {
      spy.mockRestore();
      await executor.close();
      worker.child.kill("SIGKILL");
      await stopped(worker.child);
      await own.stop();
    }
  }, 120_000);

  it("names an unreachable Redis (never its password) and gives up within seconds", async () => {
    const port = await freePort();
    const started = Date.now();
    const executor = queueExecutor(`redis://user:hunter2@127.0.0.1:${port}`);
    const plan = planBatch([{ model: buildModel(resolve(scenarioParams("seller"), [])).model, seed: 1, accounts: 1, replications: 1 }]);
    const err = await executor.run(plan, { label: "t" }, new BatchTotals(plan)).catch((e: unknown) => e);
    await executor.close();
    expect(err).toBeInstanceOf(RunnerInputError);
    expect((err as Error).message).toMatch(new RegExp(`--queue: cannot reach Redis at redis://user:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect((err as Error).message).not.toContain("hunter2");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
