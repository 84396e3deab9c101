/**
 * What the queue costs and gives on this machine (issue 14), against the local pool:
 *
 * 1. Per-job overhead: `--jobs` (2,000) tiny jobs (one account, one cycle) through the
 *    local pool on one thread, then through the queue to one worker process of one
 *    thread; the difference per job is the queue's round trip (add, take, lock, store,
 *    event, read back).
 * 2. One large sweep (plan-comparison's grid at `--accounts` 500 accounts × 10
 *    replications: 150 jobs of 500 accounts) on the local pool with every core, then on
 *    the queue with 1, 2 and 4 worker processes of one thread each.
 *
 * It starts its own redis-server (127.0.0.1, a free port, no persistence) and its
 * workers, empties Redis before every queued run (else results would be reused), and
 * stops them all at the end. Prints a table, or JSON with --json. A benchmark, not a
 * test: nothing here is asserted.
 *
 *   npx tsx bench/queue.ts [--jobs N] [--accounts N] [--json]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { Redis } from "ioredis";
import { localExecutor, withExecutor } from "../runner/executor.ts";
import { BatchTotals, planBatch } from "../runner/batch-plan.ts";
import { queueExecutor } from "../runner/queue-executor.ts";
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec, ParsedOptions } from "../cli/options.ts";
import { resolve } from "../experiments/inputs/params.ts";
import { planComparison } from "../scenarios/plan-comparison.ts";
import { buildModel, scenarioParams } from "../experiments/general/scenario.ts";
import { planSweep, runSweepPlan } from "../experiments/general/sweep.ts";
import { startRedis } from "../tools/redis-server.ts";

const command = "bench/queue.ts";
const spec: CommandSpec = {
  command,
  usage: `npx tsx ${command} [--jobs N] [--accounts N] [--json]`,
  description: "Per-job overhead of the queue against the local pool, and one large sweep on 1, 2 and 4 worker processes.",
  options: [
    { name: "jobs", kind: "integer", min: 10, max: 100_000, default: 2000, description: "tiny jobs for the overhead" },
    { name: "accounts", kind: "integer", min: 1, max: 100_000, default: 500, description: "accounts per point of the large sweep" },
  ],
  run: ["json"],
  runHelp: { json: "print the figures as JSON" },
};

const root = join(import.meta.dirname, "..");
const tsxLoader = import.meta.resolve("tsx");

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", tsxLoader, join(root, "commands/worker.ts"), "--queue", url, "--workers", "1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let text = "";
    child.stderr!.on("data", (d: Buffer) => {
      text += d.toString();
      if (text.includes("working for")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`a worker exited (${code}) before it was ready: ${text}`)));
  });
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.splice(0).map((w) => new Promise<void>((r) => (w.exitCode !== null ? r() : (w.once("exit", () => r()), w.kill("SIGTERM"))))));
}

async function timed(body: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await body();
  return (performance.now() - started) / 1000;
}

async function main(o: ParsedOptions): Promise<number> {
  const { values, run } = o;
  const jobsCount = values.jobs as number;
  const redis = await startRedis();
  const flush = new Redis(redis.url);
  const workers: ChildProcess[] = [];
  const say = (line: string) => process.stderr.isTTY && process.stderr.write(`${line}\n`);
  try {
    const model = buildModel(resolve(scenarioParams("seller"), ["cycles=1"])).model;
    // One account of each replication: jobsCount jobs.
    const tiny = planBatch([{ model, seed: 1, accounts: 1, replications: jobsCount }]);
    const onQueue = async <T>(body: () => Promise<T>): Promise<T> => {
      await flush.flushall();
      const executor = queueExecutor(redis.url);
      try {
        return await withExecutor(executor, body);
      } finally {
        await executor.close();
      }
    };
    say("tiny jobs, local pool (1 thread)…");
    const localTiny = await timed(() => localExecutor.run(tiny, { workers: 1, label: "tiny" }, new BatchTotals(tiny)));
    workers.push(await startWorker(redis.url));
    say("tiny jobs, queue (1 worker process)…");
    await flush.flushall();
    const tinyExecutor = queueExecutor(redis.url);
    const queueTiny = await timed(() => tinyExecutor.run(tiny, { label: "tiny" }, new BatchTotals(tiny))).finally(() => tinyExecutor.close());

    const specs = scenarioParams(planComparison.persona, planComparison.defaults);
    const base = resolve(specs, [`accounts=${values.accounts as number}`]);
    const plan = () => planSweep("bench", specs, base, planComparison.grid);
    say("large sweep, local pool (every core)…");
    const localSweep = await timed(() => runSweepPlan(plan()));
    const sweep: { workers: number; seconds: number }[] = [];
    for (const n of [1, 2, 4]) {
      while (workers.length < n) workers.push(await startWorker(redis.url));
      say(`large sweep, queue (${n} worker processes)…`);
      sweep.push({ workers: n, seconds: await timed(() => onQueue(() => runSweepPlan(plan()))) });
    }
    const jobs = plan().points.distinct.reduce((n, d) => n + Math.ceil(d.built.accounts / 500) * d.built.replications, 0);
    const figures = {
      tinyJobs: jobsCount,
      localTinySeconds: localTiny,
      queueTinySeconds: queueTiny,
      overheadMsPerJob: ((queueTiny - localTiny) / jobsCount) * 1000,
      sweepJobs: jobs,
      localSweepSeconds: localSweep,
      queueSweep: sweep,
    };
    if (run.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    else {
      const f = (x: number) => x.toFixed(2);
      process.stdout.write(
        [
          `per-job overhead: ${jobsCount} one-account jobs — local pool (1 thread) ${f(localTiny)} s, queue (1 worker process) ${f(queueTiny)} s: ${f(figures.overheadMsPerJob)} ms per job`,
          `large sweep: ${jobs} jobs of ${values.accounts as number} accounts × 12 cycles — local pool (every core) ${f(localSweep)} s`,
          ...sweep.map((s) => `  queue, ${s.workers} worker process${s.workers > 1 ? "es" : ""} of 1 thread: ${f(s.seconds)} s`),
          "",
        ].join("\n"),
      );
    }
    return 0;
  } finally {
    await stopWorkers(workers);
    await flush.quit();
    await redis.stop();
  }
}

if (isMain(import.meta.url)) runMain(command, () => runCommandLine(spec, process.argv.slice(2), main));
