import { describe, expect, it } from "vitest";
import { packTally, type Tally } from "../../models/index.ts";
import { chunkAccounts } from "../../runner/batch-plan.ts";
import { runModelsInThread } from "../../runner/run-in-thread.ts";
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

describe("runModelsInThread", () => {
  it("gives the same bits as runModels on the pool", async () => {
    const pooled = await runModels(runs, { workers: 2, label: "pool" });
    const here = await runModelsInThread(runs);
    expect(here).not.toBeNull();
    expect(here!.map(bytes)).toEqual(pooled.map(bytes));
  });

  it("reports each job done and stops when asked", async () => {
    const seen: [number, number][] = [];
    // Jobs: 2 replications × 2 chunks, then 3 replications × 1 chunk.
    const all = await runModelsInThread(runs, { between: (done, total) => (seen.push([done, total]), true) });
    expect(all).not.toBeNull();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => [d, 7]));
    let calls = 0;
    const stopped = await runModelsInThread(runs, { between: async () => ++calls < 3 });
    expect(stopped).toBeNull();
    expect(calls).toBe(3);
  });
});
