/**
 * A worker thread of the pool (see pool.ts). It is sent its work once — a batch plan
 * and which of its jobs to run (every `step`-th from `first`), or a single job — then
 * claims jobs from the shared counter until none is left (or a job has failed
 * somewhere), computing each job from its index (batch-plan.ts `jobAt`: no job list
 * crosses to the thread) and posting each tally packed in one Float64Array, or the
 * error's message; then it says it has stopped. The plan's runs that share a model
 * share one object here too (a message keeps shared references), so consecutive jobs
 * reuse the thread's simulator (JobRunner).
 */
import { parentPort } from "node:worker_threads";
import { jobAt, jobCount, type BatchPlan, type Job } from "./batch-plan.ts";
import { JobRunner } from "./pool-worker.ts";

/** Slots of the shared claim counter: the next claim, and whether a job failed. */
export const CLAIM_NEXT = 0;
export const CLAIM_FAILED = 1;
export const claimSlots = 2;

/** Which jobs of a plan a run takes: every `step`-th, from `first`. */
export interface PlanSlice {
  readonly first: number;
  readonly step: number;
}

/** What the pool sends each thread, once. */
export type ThreadStart = { readonly plan: BatchPlan; readonly slice: PlanSlice; readonly claim: Int32Array } | { readonly job: Job; readonly claim: Int32Array };

/** What a thread posts back; `id` is the job's index in its plan (0 for a single job). */
export type ThreadMessage = { readonly id: number; readonly packed: Float64Array } | { readonly id: number; readonly error: string } | { readonly stopped: true };

/** The jobs of `plan` in `slice`. */
export function sliceLength(plan: BatchPlan, slice: PlanSlice): number {
  const n = jobCount(plan);
  return slice.first >= n ? 0 : Math.ceil((n - slice.first) / slice.step);
}

function work(start: ThreadStart): void {
  const runner = new JobRunner();
  const post = (m: ThreadMessage) => parentPort!.postMessage(m);
  const { claim } = start;
  const count = "job" in start ? 1 : sliceLength(start.plan, start.slice);
  for (;;) {
    const k = Atomics.add(claim, CLAIM_NEXT, 1);
    if (k >= count || Atomics.load(claim, CLAIM_FAILED) !== 0) break;
    const id = "job" in start ? 0 : start.slice.first + k * start.slice.step;
    try {
      post({ id, packed: runner.runPacked("job" in start ? start.job : jobAt(start.plan, id)) });
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
