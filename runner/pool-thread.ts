/**
 * A worker thread of the pool (see pool.ts). It is sent the job list once, then
 * claims jobs from the shared counter until none is left (or a job has failed
 * somewhere), posting each tally packed in one Float64Array, or the error's message;
 * then it says it has stopped. Jobs name their model by index, so that consecutive
 * jobs share one model object here and the thread's simulator is reused (JobRunner).
 */
import { parentPort } from "node:worker_threads";
import type { AccountModel } from "../models/account-simulation.ts";
import type { Chunk } from "../models/simulate.ts";
import { JobRunner } from "./pool-worker.ts";

/** Slots of the shared claim counter: the next job to claim, and whether a job failed. */
export const CLAIM_NEXT = 0;
export const CLAIM_FAILED = 1;
export const claimSlots = 2;

/** What the pool sends each thread, once. */
export interface ThreadStart {
  readonly models: readonly AccountModel[];
  readonly jobs: readonly { readonly model: number; readonly seed: number | string; readonly chunk: Chunk }[];
  /** Int32Array on a SharedArrayBuffer, indexed by CLAIM_*. */
  readonly claim: Int32Array;
}

/** What a thread posts back. */
export type ThreadMessage =
  | { readonly id: number; readonly packed: Float64Array }
  | { readonly id: number; readonly error: string }
  | { readonly stopped: true };

function work({ models, jobs, claim }: ThreadStart): void {
  const runner = new JobRunner();
  const post = (m: ThreadMessage) => parentPort!.postMessage(m);
  for (;;) {
    const id = Atomics.add(claim, CLAIM_NEXT, 1);
    if (id >= jobs.length || Atomics.load(claim, CLAIM_FAILED) !== 0) break;
    const job = jobs[id]!;
    try {
      post({ id, packed: runner.runPacked({ model: models[job.model]!, seed: job.seed, chunk: job.chunk }) });
    } catch (err) {
      Atomics.store(claim, CLAIM_FAILED, 1);
      post({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      break;
    }
  }
  post({ stopped: true });
}

// The listener stays, so the thread lives until the pool terminates it.
parentPort?.on("message", work);
