/**
 * Runs simulation jobs — (model, seed, chunk of accounts) — on every core and returns
 * their tallies in job order. A job's tally depends only on the job, and tallies are
 * integer counts that add up to the same bits in any order, so the result does not
 * depend on the number of workers or on which thread ran which job.
 *
 * `workers` counts the threads that simulate: 1 runs every job here, in order; N > 1
 * runs them on a piscina pool of N threads while this thread only hands out jobs and
 * collects results. Each pool thread holds a second job while many remain (it never
 * waits for the next one), and only one near the end, so the threads finish close
 * together.
 *
 * Measured on the perf case (bench/), this thread does not simulate alongside the
 * pool: under tsx, a thread's simulation runs ~10% slower once piscina is loaded in
 * it (not so with plain node on a bundle), which cancels what the extra thread would
 * bring past short runs. For the same reason piscina is loaded only when a pool is
 * needed, and a pool thread loads only the model (see pool-worker.ts).
 *
 * The worker file is TypeScript: pool threads load tsx's require hook (`--require
 * tsx/cjs`), which works alike under `npx tsx`, vitest and plain node.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { simulateChunk, unpackTally, type AccountModel, type Chunk, type Tally } from "../models/index.ts";
import { progress } from "./progress.ts";

export interface Job {
  readonly model: AccountModel;
  readonly seed: number | string;
  readonly chunk: Chunk;
}

export interface PoolOptions {
  /** Threads that simulate (integer ≥ 1); 1 runs the jobs in this thread. */
  readonly workers: number;
  /** Show a bar on stderr (only when it is a terminal), ticked per finished job. */
  readonly progress?: { readonly label: string };
}

/** Jobs a pool thread holds at once while many remain: the one it runs and the next. */
const jobsPerThread = 2;

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

/**
 * Runs `jobs` on `options.workers` threads (never more threads than jobs); resolves
 * with their tallies in job order. Rejects with the first error a job throws (the
 * remaining jobs are abandoned).
 */
export async function runJobs(jobs: readonly Job[], options: PoolOptions): Promise<Tally[]> {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`workers must be an integer ≥ 1, not ${options.workers}`);
  }
  const results: Tally[] = new Array(jobs.length);
  const bar = options.progress ? progress(options.progress.label, jobs.length) : undefined;
  const threads = Math.min(options.workers, jobs.length);
  try {
    if (threads <= 1) {
      for (let i = 0; i < jobs.length; i++) {
        results[i] = runJob(jobs[i]!);
        bar?.tick();
      }
      return results;
    }
    const { Piscina } = await import("piscina");
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
    let next = 0;
    let failed = false;
    // Feeder k keeps one job in flight; those past the first `threads` only while
    // more jobs remain than there are threads.
    const feed = async (k: number) => {
      while (!failed && next < jobs.length && (k < threads || jobs.length - next > threads)) {
        const i = next++;
        results[i] = unpackTally(await pool.run(jobs[i]!));
        bar?.tick();
      }
    };
    try {
      await Promise.all(Array.from({ length: threads * jobsPerThread }, (_, k) => feed(k)));
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
