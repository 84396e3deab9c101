/**
 * The one batch runner: several models, each `replications` × `accounts` units, cut
 * into jobs of a fixed number of accounts (never from the number of workers, so
 * results do not depend on it) and run as one batch on the pool, under one progress
 * bar; for each model, one tally per replication. The batch runs on the executor in
 * force (executor.ts): this machine's threads, or a queue, shard or merged parts.
 */
import type { AccountModel, Tally } from "../models/index.ts";
import { planBatch, type ModelRun } from "./batch-plan.ts";
import { runBatch, sizeNote } from "./executor.ts";
import { defaultWorkers } from "./pool.ts";
import { estimateRuns, refuseTooLarge, type SizeWords } from "./run-estimate.ts";

export { chunkAccounts, type ModelRun } from "./batch-plan.ts";

export interface RunOptions {
  /** Threads that simulate (default: every core). */
  workers?: number;
  /** Progress bar label (stderr, terminals only). */
  label: string;
  /** Run even when the estimate is above the limit (the user's `--big`); default false: refused. */
  big?: boolean;
  /** The words of the refusal (default: accounts, cycles). */
  sizeWords?: SizeWords;
}

/**
 * Runs several models as one batch of jobs on the pool (one progress bar), each cut
 * into chunks of `chunkAccounts` accounts (batch-plan.ts); for each run, one tally per
 * replication. Planning is O(runs): no job is built before it runs.
 * A batch whose estimate is above the limit (run-estimate.ts) is refused before anything
 * is planned or run (RunTooLargeError), unless `options.big`.
 */
export async function runModels(runs: readonly ModelRun[], options: RunOptions): Promise<Tally[][]> {
  const workers = options.workers ?? defaultWorkers();
  refuseTooLarge(estimateRuns(runs, workers, options.sizeWords), options.big ?? false, "--big", sizeNote());
  return runBatch(planBatch(runs), { workers, label: options.label });
}

/** Runs `replications` × `accounts` units of `model`; one tally per replication. */
export async function runModel(model: AccountModel, seed: number, accounts: number, replications: number, options: RunOptions): Promise<Tally[]> {
  return (await runModels([{ model, seed, accounts, replications }], options))[0]!;
}
