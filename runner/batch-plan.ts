/**
 * How a batch of model runs is cut into jobs and how the jobs' tallies add back up
 * into one tally per replication of each run. Shared by every executor — the pool
 * (`runModels`), the queue, shards and the explorer page's Web Workers — so that they
 * cut and add the same way and give the same bits. Imports nothing from `node:`.
 *
 * A plan is O(runs), whatever the number of jobs: job i is computed from its index
 * when it is needed (`jobAt`), never built up front, and `BatchTotals` adds each
 * job's tally into its replication's as it arrives, so a run of millions of jobs holds
 * one tally per replication, not one per job.
 */
import type { AccountModel } from "../models/account-simulation.ts";
import type { Chunk } from "../models/simulate.ts";
import { addTally, createTally, type Tally } from "../models/tally.ts";

/** Accounts per job: fixed, so results never depend on how work is split. */
export const chunkAccounts = 500;

/** `replications` × `accounts` units of one model. */
export interface ModelRun {
  readonly model: AccountModel;
  readonly seed: number | string;
  readonly accounts: number;
  readonly replications: number;
}

/** One job: a chunk of accounts of one replication of a model and seed. */
export interface Job {
  readonly model: AccountModel;
  readonly seed: number | string;
  readonly chunk: Chunk;
}

/**
 * A batch's runs and where their jobs are: run r's jobs are `starts[r]` to
 * `starts[r + 1]`, replication-major (every chunk of replication 0, then 1, …), each
 * of `chunkAccounts[r]` accounts (the last of a replication fewer). Plain data: it
 * crosses to a thread or a Web Worker as it is.
 */
export interface BatchPlan {
  readonly runs: readonly ModelRun[];
  /** Accounts per job of each run. */
  readonly chunkAccounts: readonly number[];
  /** Jobs per replication of each run. */
  readonly chunksPerReplication: readonly number[];
  /** First job of each run, then the number of jobs of the batch. */
  readonly starts: readonly number[];
}

/** Cuts every run into chunks of `accounts` accounts (default `chunkAccounts`), one job a chunk. */
export function planBatch(runs: readonly ModelRun[], accounts: number = chunkAccounts): BatchPlan {
  if (!Number.isInteger(accounts) || accounts < 1) throw new RangeError(`accounts per job must be an integer ≥ 1, not ${accounts}`);
  const starts = [0];
  const chunksPerReplication = runs.map((r) => {
    const n = Math.ceil(r.accounts / accounts);
    starts.push(starts[starts.length - 1]! + n * r.replications);
    return n;
  });
  return { runs, chunkAccounts: runs.map(() => accounts), chunksPerReplication, starts };
}

/** The number of jobs of `plan`. */
export function jobCount(plan: BatchPlan): number {
  return plan.starts[plan.starts.length - 1]!;
}

/** The run that job `i` belongs to (a binary search over the runs). */
export function runOfJob(plan: BatchPlan, i: number): number {
  let lo = 0;
  let hi = plan.runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Job `i` of `plan` (0 ≤ i < jobCount), computed from its index. */
export function jobAt(plan: BatchPlan, i: number): Job {
  if (!Number.isInteger(i) || i < 0 || i >= jobCount(plan)) throw new RangeError(`job ${i} is not one of the batch's ${jobCount(plan)}`);
  const r = runOfJob(plan, i);
  const run = plan.runs[r]!;
  const per = plan.chunksPerReplication[r]!;
  const k = i - plan.starts[r]!;
  const from = (k % per) * plan.chunkAccounts[r]!;
  return { model: run.model, seed: run.seed, chunk: { replication: Math.floor(k / per), from, to: Math.min(run.accounts, from + plan.chunkAccounts[r]!) } };
}

/**
 * One tally per replication of each run of a plan, added up as jobs' tallies arrive,
 * in any order (tallies are integer counts: the sum has the same bits whatever the
 * order). A replication's tally is made at its first job.
 */
export class BatchTotals {
  readonly plan: BatchPlan;
  readonly #tallies: (Tally | undefined)[][];

  constructor(plan: BatchPlan) {
    this.plan = plan;
    this.#tallies = plan.runs.map((r) => new Array<Tally | undefined>(r.replications));
  }

  /** Adds the tally of job `i` into its replication's. */
  add(i: number, tally: Tally): void {
    const r = runOfJob(this.plan, i);
    this.addToReplication(r, Math.floor((i - this.plan.starts[r]!) / this.plan.chunksPerReplication[r]!), tally);
  }

  /** Adds `tally` (of some of its jobs) into replication `replication` of run `run`. */
  addToReplication(run: number, replication: number, tally: Tally): void {
    const row = this.#tallies[run]!;
    let into = row[replication];
    if (into === undefined) {
      into = createTally(this.plan.runs[run]!.model.cycles);
      row[replication] = into;
    }
    addTally(into, tally);
  }

  /** The tally of each replication so far, undefined where no job has been added. */
  partial(): readonly (readonly (Tally | undefined)[])[] {
    return this.#tallies;
  }

  /** For each run, one tally per replication (empty where no job was added). */
  tallies(): Tally[][] {
    return this.#tallies.map((row, r) => Array.from(row, (t) => t ?? createTally(this.plan.runs[r]!.model.cycles)));
  }
}
