import { describe, expect, it } from "vitest";
import { packTally, planChunks, unpackTally, type Tally } from "../../models/index.ts";
import { BatchTotals, chunkAccounts, jobAt, jobCount, planBatch, runOfJob } from "../../runner/batch-plan.ts";
import { JobRunner } from "../../runner/pool-worker.ts";
import { runModels } from "../../runner/run-models.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../../experiments/capacity/capacity.ts";
import { defaults } from "../../experiments/inputs/params.ts";

const base = { ...(defaults(capacityParams) as unknown as CapacityParams), cycles: 3 };
const bytes = (tallies: readonly Tally[]) => tallies.map((t) => Array.from(packTally(t)));
// More accounts than one chunk holds, so a run spreads over several jobs; a run of no accounts between.
const runs = [
  { model: capacityModel(base), seed: 4, accounts: chunkAccounts + 7, replications: 2 },
  { model: capacityModel(base), seed: 9, accounts: 0, replications: 2 },
  { model: capacityModel({ ...base, policy: "linkedin" }), seed: "x", accounts: 3, replications: 3 },
];
const jobsOf = (plan: ReturnType<typeof planBatch>) => Array.from({ length: jobCount(plan) }, (_, i) => jobAt(plan, i));

describe("planBatch and BatchTotals", () => {
  it("cut every run into chunks of chunkAccounts accounts, one job a chunk, runs one after another", () => {
    const plan = planBatch(runs);
    // 2 replications × 2 chunks, no job for the empty run, then 3 replications × 1 chunk.
    expect(jobsOf(plan).map((j) => [j.seed, j.chunk.replication, j.chunk.from, j.chunk.to])).toEqual([
      [4, 0, 0, chunkAccounts],
      [4, 0, chunkAccounts, chunkAccounts + 7],
      [4, 1, 0, chunkAccounts],
      [4, 1, chunkAccounts, chunkAccounts + 7],
      ["x", 0, 0, 3],
      ["x", 1, 0, 3],
      ["x", 2, 0, 3],
    ]);
    expect(jobsOf(plan).map((_, i) => runOfJob(plan, i))).toEqual([0, 0, 0, 0, 2, 2, 2]);
    expect(() => jobAt(plan, 7)).toThrow(RangeError);
  });

  it("make the chunks of the model's planChunks, in its order, for any chunk size", () => {
    for (const [accounts, replications, size] of [
      [40, 3, 9],
      [10, 2, 10],
      [1, 4, 500],
      [1001, 2, 250],
    ] as const) {
      const plan = planBatch([{ ...runs[0]!, accounts, replications }], size);
      expect(jobsOf(plan).map((j) => j.chunk)).toEqual(planChunks(accounts, replications, size));
    }
  });

  it("plan a run of two billion jobs in O(runs), and compute any of its jobs from its index", () => {
    const plan = planBatch([runs[2]!, { ...runs[0]!, accounts: 10_000_000, replications: 100_000 }]);
    expect(jobCount(plan)).toBe(3 + 20_000 * 100_000);
    expect(plan.starts).toEqual([0, 3, 3 + 2e9]);
    expect(jobAt(plan, 3 + 2e9 - 1).chunk).toEqual({ replication: 99_999, from: 9_999_500, to: 10_000_000 });
    expect(jobAt(plan, 3 + 20_000 * 7 + 3).chunk).toEqual({ replication: 7, from: 1500, to: 2000 });
  });

  it("give runModels' bits whatever thread runs which job, in any order (as the explorer's Web Workers do)", async () => {
    const pooled = await runModels(runs, { workers: 2, label: "pool" });
    const plan = planBatch(runs);
    const totals = new BatchTotals(plan);
    // Backwards, each through a pack and unpack as across threads, on two runners.
    const runners = [new JobRunner(), new JobRunner()];
    for (let i = jobCount(plan) - 1; i >= 0; i--) totals.add(i, unpackTally(runners[i % 2]!.runPacked(jobAt(plan, i))));
    const summed = totals.tallies();
    expect(summed.map((r) => r.length)).toEqual([2, 2, 3]);
    expect(summed[1]!.every((t) => t.accounts === 0)).toBe(true);
    expect(summed.map(bytes)).toEqual(pooled.map(bytes));
    expect(summed[0]!.map((t) => t.accounts)).toEqual([chunkAccounts + 7, chunkAccounts + 7]);
  });
});
