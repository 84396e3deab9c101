/**
 * How a batch of model runs is cut into jobs and how the jobs' tallies add back up
 * into one tally per replication of each run. Shared by every executor — the pool
 * (`runModels`) and the explorer page's Web Worker (`runModelsInThread`) — so that
 * they cut and add the same way and give the same bits. Imports nothing from `node:`.
 */
import { planChunks, tallyByReplication, type Chunk } from "../models/simulate.ts";
import type { Tally } from "../models/tally.ts";
import type { Job } from "./pool.ts";
import type { ModelRun } from "./run-models.ts";

/** Accounts per job: fixed, so results never depend on how work is split. */
export const chunkAccounts = 500;

/** The jobs of a batch, in order, and where each run's jobs are in the list. */
export interface BatchPlan {
  readonly runs: readonly ModelRun[];
  readonly jobs: readonly Job[];
  readonly spans: readonly { readonly chunks: readonly Chunk[]; readonly from: number }[];
}

/** Cuts every run into chunks of `chunkAccounts` accounts, one job a chunk. */
export function planBatch(runs: readonly ModelRun[]): BatchPlan {
  const jobs: Job[] = [];
  const spans = runs.map((r) => {
    const chunks = planChunks(r.accounts, r.replications, chunkAccounts);
    const from = jobs.length;
    for (const chunk of chunks) jobs.push({ model: r.model, seed: r.seed, chunk });
    return { chunks, from };
  });
  return { runs, jobs, spans };
}

/** Adds the jobs' tallies (in job order) into one tally per replication of each run. */
export function batchTallies(batch: BatchPlan, tallies: readonly Tally[]): Tally[][] {
  return batch.runs.map((r, i) => {
    const { chunks, from } = batch.spans[i]!;
    return tallyByReplication(r.model.cycles, r.replications, chunks, tallies.slice(from, from + chunks.length));
  });
}
