import { describe, expect, it } from "vitest";
import { packTally, type Tally } from "../../models/index.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../../experiments/capacity/capacity.ts";
import { defaults } from "../../experiments/inputs/params.ts";
import { chunkAccounts, runModel, runModels } from "../../runner/run-models.ts";

const base = { ...(defaults(capacityParams) as unknown as CapacityParams), cycles: 3 };
const bytes = (tallies: readonly Tally[]) => tallies.map((t) => Array.from(packTally(t)));

describe("runModels", () => {
  it("runs several models as one batch: each the same bits as alone, on any number of threads", async () => {
    // More accounts than one chunk holds, so a run spreads over several jobs.
    const runs = [
      { model: capacityModel(base), seed: 4, accounts: chunkAccounts + 7, replications: 2 },
      { model: capacityModel({ ...base, policy: "linkedin" }), seed: 4, accounts: 3, replications: 2 },
    ];
    const alone = await Promise.all(runs.map((r) => runModel(r.model, r.seed, r.accounts, r.replications, { workers: 1, label: "alone" })));
    for (const workers of [1, 2]) {
      const batch = await runModels(runs, { workers, label: "batch" });
      expect(batch).toHaveLength(2);
      batch.forEach((tallies, i) => {
        expect(tallies).toHaveLength(2);
        expect(tallies[0]!.accounts).toBe(runs[i]!.accounts);
        expect(bytes(tallies)).toEqual(bytes(alone[i]!));
      });
    }
  });
});
