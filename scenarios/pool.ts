/**
 * Runs simulation jobs — (model, seed, chunk of accounts) — on every core and returns
 * their tallies in job order. A job's tally depends only on the job, and tallies are
 * integer counts that add up to the same bits in any order, so the result does not
 * depend on the number of workers or on which thread ran which job.
 *
 * `workers` counts the threads that simulate, this one included: 1 runs every job
 * here, in order; N > 1 also starts N − 1 worker threads. This thread simulates too:
 * it is warm and ready at once, while a new thread needs ~0.1 s (tsx and the model
 * load, the JIT warms up) before it helps. Jobs are handed out one at a time from a
 * shared queue; a worker holds a second one while many remain, so it never waits, and
 * only one near the end, so the threads finish close together.
 *
 * Plain `worker_threads`, not a pool library: under tsx a thread's simulation runs
 * ~10% slower once such a library is loaded in it (measured with piscina), which
 * would cost this thread more than the library saves.
 *
 * The worker entry is TypeScript: threads load tsx's require hook first, which works
 * alike under `npx tsx`, vitest and plain node.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { simulateChunk, unpackTally, type AccountModel, type Chunk, type Tally } from "../models/index.ts";
import { progress } from "./progress.ts";

export interface Job {
  readonly model: AccountModel;
  readonly seed: number | string;
  readonly chunk: Chunk;
}

export interface PoolOptions {
  /** Threads that simulate, this one included (integer ≥ 1); 1 runs the jobs here. */
  readonly workers: number;
  /** Show a bar on stderr (only when it is a terminal), ticked per finished job. */
  readonly progress?: { readonly label: string };
}

/** Jobs a worker holds at once while many remain: the one it runs and the next. */
const jobsPerThread = 2;

const threadFile = fileURLToPath(new URL("./pool-thread.ts", import.meta.url));
const tsxHook = createRequire(import.meta.url).resolve("tsx/cjs");
const threadCode = `require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(threadFile)});`;

/** The default number of workers: every core this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Runs one job in this thread. */
export function runJob(job: Job): Tally {
  return simulateChunk(job.model, job.seed, job.chunk);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `jobs` on `options.workers` threads (never more threads than jobs); resolves
 * with their tallies in job order. Rejects with the first error a job throws (the
 * remaining jobs are abandoned and the threads stopped).
 */
export async function runJobs(jobs: readonly Job[], options: PoolOptions): Promise<Tally[]> {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`workers must be an integer ≥ 1, not ${options.workers}`);
  }
  const results: Tally[] = new Array(jobs.length);
  const bar = options.progress ? progress(options.progress.label, jobs.length) : undefined;
  const extra = Math.min(options.workers, jobs.length) - 1;
  if (extra <= 0) {
    try {
      for (let i = 0; i < jobs.length; i++) {
        results[i] = runJob(jobs[i]!);
        bar?.tick();
      }
      return results;
    } finally {
      bar?.stop();
    }
  }

  const threads = Array.from({ length: extra }, () => new Worker(threadCode, { eval: true }));
  const held = new Array<number>(extra).fill(0);
  let next = 0;
  let done = 0;
  let failure: unknown;
  let settle!: () => void;
  const finished = new Promise<void>((resolve) => (settle = resolve));
  const fail = (err: unknown) => {
    failure ??= err;
    settle();
  };
  const handOut = (w: number) => {
    while (failure === undefined && next < jobs.length && held[w]! < (jobs.length - next > extra + 1 ? jobsPerThread : 1)) {
      const id = next++;
      held[w]! += 1;
      threads[w]!.postMessage({ id, job: jobs[id] });
    }
  };
  const finish = () => {
    done++;
    bar?.tick();
    if (done === jobs.length) settle();
  };
  threads.forEach((thread, w) => {
    thread.on("message", (m: { id: number; packed?: Float64Array; error?: string }) => {
      if (m.error !== undefined) return fail(new Error(m.error));
      results[m.id] = unpackTally(m.packed!);
      held[w]! -= 1;
      handOut(w);
      finish();
    });
    thread.on("error", fail);
    thread.on("exit", (code) => {
      if (done < jobs.length) fail(new Error(`a worker thread stopped (exit code ${code}) before its jobs were done`));
    });
  });
  try {
    threads.forEach((_, w) => handOut(w));
    // This thread takes jobs from the same queue, letting messages in between jobs.
    while (failure === undefined && next < jobs.length) {
      const i = next++;
      results[i] = runJob(jobs[i]!);
      finish();
      await nextTurn();
    }
    if (done < jobs.length && failure === undefined) await finished;
    if (failure !== undefined) throw failure;
    return results;
  } finally {
    bar?.stop();
    for (const t of threads) t.removeAllListeners("exit");
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
