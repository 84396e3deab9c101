/**
 * Where a batch of jobs runs. Every batch goes through `runBatch` (`runModels` and the
 * capacity scenario call it), which hands its plan (batch-plan.ts) to the executor in
 * force:
 *
 * - `local` (the default): this machine's thread pool (pool.ts);
 * - `queue`: workers on any number of machines, through Redis (queue-executor.ts);
 * - `shard`: a deterministic slice, recorded in a part file (shard.ts);
 * - `parts`: every tally taken from merged part files, nothing simulated (shard.ts).
 *
 * The executor is chosen once per command, by its run options (execution.ts), and is
 * in force for what the command does inside `withExecutor` — an AsyncLocalStorage, so
 * no module state changes and two runs in one process (tests) never see each other's.
 * Every executor adds the same tallies for the same jobs, so results never depend on
 * where they ran. An executor adds each job's tally into its replication's total as it
 * arrives (`BatchTotals`) and keeps none of them: a batch of millions of jobs holds one
 * tally per replication.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Tally } from "../models/index.ts";
import { BatchTotals, type BatchPlan } from "./batch-plan.ts";
import { defaultWorkers, runJobs } from "./pool.ts";

export interface BatchOptions {
  /** Threads that simulate on this machine (default: every core); only `local` and `shard` simulate here. */
  readonly workers?: number;
  /** Progress bar label (stderr, terminals only). */
  readonly label: string;
}

export interface Executor {
  /** e.g. "local", "queue redis://127.0.0.1:6379" (never a password). */
  readonly name: string;
  /** What the run-size limit's estimate (this machine's threads, the whole batch) means here, for its refusal; none when local. */
  readonly sizeNote?: string;
  /** Runs every job of `plan` and adds each tally into `totals` (`add`, or `addToReplication` for sums of jobs). */
  run(plan: BatchPlan, options: BatchOptions, totals: BatchTotals): Promise<void>;
}

/** This machine's thread pool. */
export const localExecutor: Executor = {
  name: "local",
  run: (plan, options, totals) => runJobs(plan, { workers: options.workers ?? defaultWorkers(), progress: { label: options.label } }, (i, tally) => totals.add(i, tally)),
};

const current = new AsyncLocalStorage<Executor>();

/** Runs `body` with `executor` in force for every batch it starts. */
export function withExecutor<T>(executor: Executor, body: () => T): T {
  return current.run(executor, body);
}

/** What the run-size estimate means under the executor in force (see `Executor.sizeNote`). */
export function sizeNote(): string | undefined {
  return currentExecutor().sizeNote;
}

/** `message` with the executor's `sizeNote` after it, for a command's own run-size refusal. */
export function withSizeNote(message: string): string {
  const note = sizeNote();
  return note === undefined ? message : `${message}; ${note}`;
}

/** The executor in force (local outside `withExecutor`). */
export function currentExecutor(): Executor {
  return current.getStore() ?? localExecutor;
}

/** Runs the jobs of `plan` on the executor in force; for each run, one tally per replication. */
export async function runBatch(plan: BatchPlan, options: BatchOptions): Promise<Tally[][]> {
  const totals = new BatchTotals(plan);
  await currentExecutor().run(plan, options, totals);
  return totals.tallies();
}
