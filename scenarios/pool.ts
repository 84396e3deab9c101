/**
 * Runs simulation jobs — (model, seed, chunk of accounts) — on every core and returns
 * their tallies in job order. A job's tally depends only on the job, and tallies are
 * integer counts that add up to the same bits in any order, so the result does not
 * depend on the number of workers, on which thread ran which job, or on how a job
 * was cut into slices.
 *
 * `workers` counts the threads that simulate, this one included: 1 runs everything
 * here, N runs here and on a piscina pool of N − 1 threads. This thread works too
 * because it would otherwise sit idle, and because it covers a pool thread's start-up
 * (~0.1 s to load tsx and the model, then JIT warm-up) that would otherwise delay
 * every result. It simulates its jobs in slices and looks at the pool between them,
 * so a pool thread that finishes a job gets the next one within a slice's time; each
 * pool thread also holds a second job while many remain, and only one near the end,
 * so that every thread finishes at about the same time.
 *
 * The worker file is TypeScript: pool threads load tsx's require hook (`--require
 * tsx/cjs`), which works alike under `npx tsx`, vitest and plain node.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import {
  addTally,
  createTally,
  simulateChunk,
  unpackTally,
  type AccountModel,
  type Chunk,
  type Tally,
} from "../models/index.ts";
import { progress } from "./progress.ts";

export interface Job {
  readonly model: AccountModel;
  readonly seed: number | string;
  readonly chunk: Chunk;
}

export interface PoolOptions {
  /** Threads that simulate, this one included (integer ≥ 1). */
  readonly workers: number;
  /** Show a bar on stderr (only when it is a terminal), ticked per finished job. */
  readonly progress?: { readonly label: string };
}

/** Jobs a pool thread holds at once while many remain: the one it runs and the next. */
const jobsPerThread = 2;
/** Slices of a job this thread runs between two looks at the pool. */
const slicesPerJob = 8;

const workerFile = fileURLToPath(new URL("./pool-worker.ts", import.meta.url));
const workerExecArgv = ["--require", createRequire(import.meta.url).resolve("tsx/cjs")];

/** The default number of workers: every core this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Runs one job in this thread. */
export function runJob(job: Job): Tally {
  return simulateChunk(job.model, job.seed, job.chunk);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one job in this thread in slices, letting the event loop turn between them. */
async function runJobInSlices(job: Job): Promise<Tally> {
  const { replication, from, to } = job.chunk;
  const step = Math.max(1, Math.ceil((to - from) / slicesPerJob));
  const tally = createTally(job.model.cycles);
  for (let a = from; a < to; a += step) {
    addTally(tally, simulateChunk(job.model, job.seed, { replication, from: a, to: Math.min(to, a + step) }));
    await nextTurn();
  }
  return tally;
}

/**
 * Runs `jobs` on `options.workers` threads; resolves with their tallies in job order.
 * Rejects with the first error a job throws (the remaining jobs are abandoned).
 */
export async function runJobs(jobs: readonly Job[], options: PoolOptions): Promise<Tally[]> {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`workers must be an integer ≥ 1, not ${options.workers}`);
  }
  const results: Tally[] = new Array(jobs.length);
  const bar = options.progress ? progress(options.progress.label, jobs.length) : undefined;
  const threads = Math.min(options.workers - 1, jobs.length - 1);
  let next = 0;
  let failed = false;
  try {
    if (threads <= 0) {
      for (; next < jobs.length; next++) {
        results[next] = runJob(jobs[next]!);
        bar?.tick();
      }
      return results;
    }
    const pool = new Piscina<Job, Float64Array>({
      filename: workerFile,
      execArgv: workerExecArgv,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: jobsPerThread,
      // Between jobs a thread returns to its event loop ("sync" would block it in
      // Atomics.wait): tsx writes its transform cache asynchronously, and a thread
      // blocked until terminated leaves empty cache files that make every later
      // start transform again (~40 ms).
      atomics: "async",
    });
    // Feeder k keeps one job in flight on the pool; those past the first `threads`
    // only while more jobs remain than threads simulate.
    const feed = async (k: number) => {
      while (!failed && next < jobs.length && (k < threads || jobs.length - next > options.workers)) {
        const i = next++;
        results[i] = unpackTally(await pool.run(jobs[i]!));
        bar?.tick();
      }
    };
    const runHere = async () => {
      while (!failed && next < jobs.length) {
        const i = next++;
        results[i] = await runJobInSlices(jobs[i]!);
        bar?.tick();
      }
    };
    try {
      // Hand the pool its first jobs before this thread starts simulating.
      const feeders = Array.from({ length: threads * jobsPerThread }, (_, k) => feed(k));
      await Promise.all([...feeders, runHere()]);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      await pool.destroy();
    }
    return results;
  } finally {
    bar?.stop();
  }
}
