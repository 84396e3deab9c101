import { describe, expect, it } from "vitest";
import { planChunks } from "../../models/simulate.ts";
import { jobAt, planJobs } from "../../runner/job-plan.ts";
import type { AccountModel } from "../../models/index.ts";

const a = { cycles: 1 } as AccountModel;
const b = { cycles: 2 } as AccountModel;

describe("job plan", () => {
  it("computes the same jobs, in the same order, as listing every run's chunks", () => {
    const runs = [
      { model: a, seed: 1, accounts: 1201, replications: 3 },
      { model: b, seed: "x", accounts: 500, replications: 2 },
      { model: a, seed: 2, accounts: 1, replications: 1 },
    ];
    const plan = planJobs(runs, 500);
    const listed = runs.flatMap((r, run) => planChunks(r.accounts, r.replications, 500).map((chunk) => ({ run, seed: r.seed, chunk })));
    expect(plan.length).toBe(listed.length);
    expect(plan.models).toEqual([a, b]); // each model once
    const computed = Array.from({ length: plan.length }, (_, i) => jobAt(plan, i));
    expect(computed.map(({ run, seed, chunk }) => ({ run, seed, chunk }))).toEqual(listed);
    expect(computed.map((j) => j.model)).toEqual(listed.map((j) => (j.run === 1 ? 1 : 0)));
  });

  it("plans a batch of billions of jobs in a few numbers", () => {
    const plan = planJobs([{ model: a, seed: 1, accounts: 10_000_000, replications: 100_000 }], 500);
    expect(plan.length).toBe(20_000 * 100_000);
    expect(jobAt(plan, plan.length - 1).chunk).toEqual({ replication: 99_999, from: 9_999_500, to: 10_000_000 });
  });
});
