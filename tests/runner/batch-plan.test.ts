import { describe, expect, it } from "vitest";
import { packTally, unpackTally, type Tally } from "../../models/index.ts";
import { batchTallies, chunkAccounts, planBatch } from "../../runner/batch-plan.ts";
import { JobRunner } from "../../runner/pool-worker.ts";
import { runModels } from "../../runner/run-models.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../../scenarios/capacity.ts";
import { defaults } from "../../scenarios/params.ts";

const base = { ...(defaults(capacityParams) as unknown as CapacityParams), cycles: 3 };
const bytes = (tallies: readonly Tally[]) => tallies.map((t) => Array.from(packTally(t)));
// More accounts than one chunk holds, so a run spreads over several jobs.
const runs = [
  { model: capacityModel(base), seed: 4, accounts: chunkAccounts + 7, replications: 2 },
  { model: capacityModel({ ...base, policy: "linkedin" }), seed: "x", accounts: 3, replications: 3 },
];

describe("planBatch and batchTallies", () => {
  it("cut every run into chunks of chunkAccounts accounts, one job a chunk, runs one after another", () => {
    const batch = planBatch(runs);
    // 2 replications × 2 chunks, then 3 replications × 1 chunk.
    expect(batch.jobs.map((j) => [j.chunk.replication, j.chunk.from, j.chunk.to])).toEqual([
      [0, 0, chunkAccounts],
      [0, chunkAccounts, chunkAccounts + 7],
      [1, 0, chunkAccounts],
      [1, chunkAccounts, chunkAccounts + 7],
      [0, 0, 3],
      [1, 0, 3],
      [2, 0, 3],
    ]);
    expect(batch.spans.map((s) => s.from)).toEqual([0, 4]);
  });

  it("give runModels' bits whatever thread runs which job, in any order (as the explorer's Web Workers do)", async () => {
    const pooled = await runModels(runs, { workers: 2, label: "pool" });
    const batch = planBatch(runs);
    const tallies: Tally[] = [];
    // Backwards, each through a pack and unpack as across threads, on two runners.
    const runners = [new JobRunner(), new JobRunner()];
    for (let i = batch.jobs.length - 1; i >= 0; i--) tallies[i] = unpackTally(runners[i % 2]!.runPacked(batch.jobs[i]!));
    expect(batchTallies(batch, tallies).map(bytes)).toEqual(pooled.map(bytes));
  });
});
