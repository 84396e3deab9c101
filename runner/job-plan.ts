/**
 * A batch's jobs without a list of them: each run's `replications` × `accounts` units cut
 * into chunks of `chunkAccounts` accounts, job i computed from i when it is claimed. A
 * plan is a few numbers per run, whatever the batch's size — a run of 10 million accounts
 * × 100,000 replications has 2 × 10⁹ jobs, and one object per job (and a tally per job
 * kept to the end) would not fit in memory. Plain data, so it can be sent to pool threads.
 * Jobs run in the order a list would hold them: run by run, replication by replication,
 * chunk by chunk.
 */
import type { AccountModel } from "../models/account-simulation.ts";
import type { Chunk } from "../models/simulate.ts";

/** One run of a plan: its model (an index into `models`), seed and size, and its first job. */
export interface PlannedRun {
  readonly model: number;
  readonly seed: number | string;
  readonly accounts: number;
  readonly replications: number;
  /** Chunks per replication: ceil(accounts / chunkAccounts). */
  readonly chunks: number;
  /** Index of the run's first job in the batch. */
  readonly first: number;
}

export interface JobPlan {
  readonly models: readonly AccountModel[];
  readonly runs: readonly PlannedRun[];
  readonly chunkAccounts: number;
  /** Jobs in the batch. */
  readonly length: number;
}

/** A job of a plan: which run, which model, which seed, which chunk. */
export interface PlannedJob {
  readonly run: number;
  readonly model: number;
  readonly seed: number | string;
  readonly chunk: Chunk;
}

/** Plans `runs` (each model once, by identity) in chunks of `chunkAccounts` accounts. */
export function planJobs(
  runs: readonly { readonly model: AccountModel; readonly seed: number | string; readonly accounts: number; readonly replications: number }[],
  chunkAccounts: number,
): JobPlan {
  const models: AccountModel[] = [];
  const index = new Map<AccountModel, number>();
  let length = 0;
  const planned = runs.map((r): PlannedRun => {
    let m = index.get(r.model);
    if (m === undefined) {
      m = models.push(r.model) - 1;
      index.set(r.model, m);
    }
    const chunks = Math.ceil(r.accounts / chunkAccounts);
    const first = length;
    length += chunks * r.replications;
    return { model: m, seed: r.seed, accounts: r.accounts, replications: r.replications, chunks, first };
  });
  return { models, runs: planned, chunkAccounts, length };
}

/** The run job `i` belongs to (binary search over the runs' first jobs). */
function runOf(plan: JobPlan, i: number): number {
  let lo = 0;
  let hi = plan.runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.runs[mid]!.first <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Job `i` of the plan (0 ≤ i < plan.length). */
export function jobAt(plan: JobPlan, i: number): PlannedJob {
  const run = runOf(plan, i);
  const r = plan.runs[run]!;
  const k = i - r.first;
  const replication = Math.floor(k / r.chunks);
  const from = (k - replication * r.chunks) * plan.chunkAccounts;
  return { run, model: r.model, seed: r.seed, chunk: { replication, from, to: Math.min(r.accounts, from + plan.chunkAccounts) } };
}
