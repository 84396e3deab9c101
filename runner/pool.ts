/**
 * Runs the jobs of a batch plan — (model, seed, chunk of accounts), batch-plan.ts — on
 * every core and hands each tally to `onTally` with its job's index, as it arrives. A
 * job's tally depends only on the job, and tallies are integer counts that add up to
 * the same bits in any order, so the result does not depend on the number of workers
 * or on which thread ran which job.
 *
 * `workers` counts the threads that simulate, this one included: 1 runs every job
 * here, in order; N > 1 also starts N − 1 worker threads. This thread simulates too:
 * it is warm and ready at once, while a new thread first starts (~25 ms from the cached
 * bundle, ~80 ms through tsx; see pool-entry.ts) and then runs its first jobs on cold
 * code until its JIT has warmed up.
 *
 * Every thread is sent the plan at the start (O(runs): each job is computed from its
 * index, never listed) and claims jobs one at a time from a counter in shared memory
 * (`Atomics.add`), so no thread ever waits for another to hand it work, and all
 * finish within about one job of each other. Each thread reuses its simulator while
 * jobs share a model and seed (see ChunkSimulator). Tallies come back as messages and
 * are handed on at once, never kept; a failing job raises a shared flag that stops
 * every thread at its next claim.
 *
 * Plain `worker_threads`, not a pool library: under tsx a thread's simulation runs
 * ~10% slower once such a library is loaded in it (measured with piscina), which
 * would cost this thread more than the library saves. Threads start from a cached
 * bundle of their code, or load the TypeScript through tsx (see pool-entry.ts).
 *
 * When the pool fills every core, its threads compile hot code on their own thread
 * rather than in V8's background compiler (see startThreads).
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { unpackTally, type Tally } from "../models/index.ts";
import { jobAt, type BatchPlan } from "./batch-plan.ts";
import { threadEntry, type ThreadEntry } from "./pool-entry.ts";
import { CLAIM_FAILED, CLAIM_NEXT, claimSlots, sliceLength, type PlanSlice, type ThreadMessage, type ThreadStart } from "./pool-thread.ts";
import { JobRunner } from "./pool-worker.ts";
import { progress } from "./progress.ts";

export type { Job } from "./batch-plan.ts";

export interface PoolOptions {
  /** Threads that simulate, this one included (integer ≥ 1); 1 runs the jobs here. */
  readonly workers: number;
  /** Show a bar on stderr (only when it is a terminal), ticked per finished job. */
  readonly progress?: { readonly label: string };
  /** How worker threads load their code (see pool-entry.ts); default: the cached bundle, tsx if it fails. */
  readonly threadCode?: "bundle" | "tsx";
  /** Which of the plan's jobs to run: every `step`-th from `first` (default: all of them). */
  readonly slice?: PlanSlice;
}

/** The default number of workers: every core this process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** A pool thread, started as `entry` says (a bundle needs none of this process's loader flags). */
function startThread(entry: ThreadEntry): Worker {
  return entry.kind === "bundle" ? new Worker(entry.file, { execArgv: [] }) : new Worker(entry.code, { eval: true });
}

/** Whether this process was started with V8's background compiler off (then it stays off). */
const compilesOnThreadAlready = process.execArgv.some((a) => /^--(no-concurrent[-_]recompilation|single[-_]threaded)$/.test(a));

/**
 * Starts `count` pool threads. V8 compiles hot functions to optimised code on a
 * background thread, and the simulating thread runs slower code until that is done:
 * free while a core is idle, as with one worker. When the pool's threads and this
 * one fill every core there is none, and each thread runs its slow code longer while
 * two isolates' background compiles compete with both simulations. So such a pool's
 * threads are started with V8's `--no-concurrent-recompilation`, which an isolate
 * reads once, when it is created, and compile on their own thread; this thread keeps
 * its background compiler. The flag is put back once every thread is running
 * (`online`), or by `compilerBack` (idempotent) when the run ends first. On the perf
 * case this made a 2-worker run about 1.5% faster. It changes when code is compiled,
 * never what it computes.
 */
function startThreads(entry: ThreadEntry, count: number): { threads: Worker[]; compilerBack: () => void } {
  const onThread = count + 1 >= availableParallelism() && !compilesOnThreadAlready;
  if (onThread) setFlagsFromString("--no-concurrent-recompilation");
  const threads = Array.from({ length: count }, () => startThread(entry));
  let back = !onThread;
  const compilerBack = () => {
    if (back) return;
    back = true;
    setFlagsFromString("--concurrent-recompilation");
  };
  let starting = count;
  if (onThread) for (const t of threads) t.once("online", () => --starting === 0 && compilerBack());
  return { threads, compilerBack };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the jobs of `plan` (or of `options.slice` of it) on `options.workers` threads
 * (never more threads than jobs), handing each tally to `onTally` with its job's index
 * in the plan, in whatever order they finish. Rejects with the first error a job
 * throws (the remaining jobs are abandoned and the threads stopped).
 */
export async function runJobs(plan: BatchPlan, options: PoolOptions, onTally: (job: number, tally: Tally) => void): Promise<void> {
  if (!Number.isInteger(options.workers) || options.workers < 1) {
    throw new RangeError(`workers must be an integer ≥ 1, not ${options.workers}`);
  }
  const slice = options.slice ?? { first: 0, step: 1 };
  if (!Number.isInteger(slice.first) || slice.first < 0 || !Number.isInteger(slice.step) || slice.step < 1) {
    throw new RangeError(`a slice is every step-th job (step ≥ 1) from first (≥ 0), not ${JSON.stringify(slice)}`);
  }
  const count = sliceLength(plan, slice);
  const jobOf = (k: number) => slice.first + k * slice.step;
  const bar = options.progress ? progress(options.progress.label, count) : undefined;
  const extra = Math.min(options.workers, count) - 1;
  const runner = new JobRunner();
  if (extra <= 0) {
    try {
      for (let k = 0; k < count; k++) {
        const i = jobOf(k);
        onTally(i, runner.run(jobAt(plan, i)));
        bar?.tick();
      }
      return;
    } finally {
      bar?.stop();
    }
  }

  const claim = new Int32Array(new SharedArrayBuffer(claimSlots * Int32Array.BYTES_PER_ELEMENT));
  const start: ThreadStart = { plan, slice, claim };
  const entry = await threadEntry(options.threadCode === "tsx" ? null : undefined);
  const { threads, compilerBack } = startThreads(entry, extra);
  let done = 0;
  let stopped = 0;
  let failure: unknown;
  let settle!: () => void;
  const finished = new Promise<void>((resolve) => (settle = resolve));
  const fail = (err: unknown) => {
    failure ??= err;
    Atomics.store(claim, CLAIM_FAILED, 1);
    settle();
  };
  const finish = () => {
    done++;
    bar?.tick();
    if (done === count) settle();
  };
  const take = (i: number, tally: Tally) => {
    try {
      onTally(i, tally);
    } catch (err) {
      fail(err);
      return;
    }
    finish();
  };
  threads.forEach((thread) => {
    thread.on("message", (m: ThreadMessage) => {
      if ("stopped" in m) {
        if (++stopped === threads.length && done < count) settle();
      } else if ("error" in m) fail(new Error(m.error));
      else if (failure === undefined) take(m.id, unpackTally(m.packed));
    });
    thread.on("error", fail);
    thread.on("exit", (code) => {
      if (done < count) fail(new Error(`a worker thread stopped (exit code ${code}) before its jobs were done`));
    });
    thread.postMessage(start);
  });
  try {
    // This thread claims jobs from the same counter, letting messages in between jobs.
    for (;;) {
      const k = Atomics.add(claim, CLAIM_NEXT, 1);
      if (k >= count || failure !== undefined || Atomics.load(claim, CLAIM_FAILED) !== 0) break;
      const i = jobOf(k);
      let tally: Tally;
      try {
        tally = runner.run(jobAt(plan, i));
      } catch (err) {
        fail(err);
        break;
      }
      take(i, tally);
      await nextTurn();
    }
    if (done < count && failure === undefined) await finished;
    if (failure !== undefined) throw failure;
    if (done < count) throw new Error(`the worker threads stopped with ${count - done} jobs not done`);
  } finally {
    compilerBack();
    bar?.stop();
    for (const t of threads) t.removeAllListeners("exit");
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
