/**
 * Runs a batch of model runs in the calling thread, job after job, cut and added
 * exactly as `runModels` does (batch-plan.ts), so the tallies are the same bits. For
 * a thread that has no pool of its own: the explorer page's Web Worker. Between jobs
 * it awaits `between`, which reports progress and may stop the batch — the way a
 * newer input cancels a running computation. Imports nothing from `node:`.
 */
import type { Tally } from "../models/tally.ts";
import { batchTallies, planBatch } from "./batch-plan.ts";
import { JobRunner } from "./pool-worker.ts";
import type { ModelRun } from "./run-models.ts";

export interface InThreadOptions {
  /**
   * Called after every job with the jobs done and the total; resolving to false stops
   * the batch. Awaiting it also lets the thread take messages between jobs.
   */
  readonly between?: (done: number, total: number) => boolean | Promise<boolean>;
}

/** One tally per replication of each run, or null when `between` stopped the batch. */
export async function runModelsInThread(runs: readonly ModelRun[], options: InThreadOptions = {}): Promise<Tally[][] | null> {
  const batch = planBatch(runs);
  const runner = new JobRunner();
  const tallies: Tally[] = [];
  for (const job of batch.jobs) {
    tallies.push(runner.run(job));
    if (options.between && !(await options.between(tallies.length, batch.jobs.length))) return null;
  }
  return batchTallies(batch, tallies);
}
