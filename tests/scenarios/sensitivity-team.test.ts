import { describe, expect, it } from "vitest";
import { summarize } from "../../models/index.ts";
import { runModels } from "../../runner/run-models.ts";
import { resolve } from "../../scenarios/params.ts";
import { buildModel, scenarioParams } from "../../scenarios/scenario.ts";
import { buildTeam, teamModel } from "../../scenarios/sensitivity-team.ts";

const values = resolve(scenarioParams("recruiter"), ["cycles=2"]);
const setup = { values, seats: 3, teams: 2, seed: 5, fixed: new Set<string>(), run: { workers: 1 } };

describe("sensitivity team model", () => {
  it("individual seats: team conversations = seats × per-seat conversations; cost = price × seats ÷ conversations; multiplier = capacity ÷ credits", async () => {
    const model = teamModel(setup);
    const x = Float64Array.from(model.inputs, (i) => (i.distribution.kind === "choice" ? 0 : (i.distribution.min + i.distribution.max) / 2));
    const point = (await model.evaluate([[x]], { stage: "sobol", replications: 2 }))[0]![0]!;
    // The same point run by hand: 2 teams × 3 seats = 6 accounts, seed of block 0.
    const { built, inputs } = buildTeam(setup);
    expect(inputs.map((i) => i.id)).toEqual(model.inputs.map((i) => i.id));
    const mid = (id: string) => x[model.inputs.findIndex((i) => i.id === id)]!;
    const b = buildModel({ ...values, "delay.medianDays": mid("delay.medianDays"), "delay.sigma": mid("delay.sigma"), "audience.responseRate": mid("audience.responseRate"), "audience.acceptedShare": mid("audience.acceptedShare"), "audience.repliedShare": mid("audience.repliedShare"), "audience.spamRate": mid("audience.spamRate"), "audience.blockedShare": mid("audience.blockedShare") });
    const withOffPeak = { ...b.model, response: { ...b.model.response, offPeakMultiplier: mid("timing.offPeakMultiplier") } };
    const [tallies] = await runModels([{ model: withOffPeak, seed: "5/sobol/0", accounts: 6, replications: 2 }], { workers: 1, label: "test" });
    const s = summarize(tallies!);
    const perSeat = s.replications.positives.reduce((a, c) => a + c, 0) / 2;
    const price = built.price.usd * mid("price.factor");
    expect(point.mean[0]).toBeCloseTo(3 * perSeat, 10);
    const cost = s.replications.positives.map((p) => (price * 3) / (3 * p)).reduce((a, c) => a + c, 0) / 2;
    expect(point.mean[1]).toBeCloseTo(cost, 10);
    expect(point.mean[2]).toBeCloseTo(s.capacity.mean / built.credits, 10);
    expect(point.meanVariance.every((v) => v >= 0)).toBe(true);
  });

  it("common random numbers: the same point gives the same outputs within a block, other outputs in another block", async () => {
    const model = teamModel(setup);
    const x = Float64Array.from(model.inputs, (i) => (i.distribution.kind === "choice" ? 0 : i.distribution.min));
    const out = await model.evaluate([[x, x], [x]], { stage: "morris", replications: 2 });
    expect(out[0]![1]).toEqual(out[0]![0]);
    expect(out[1]![0]).not.toEqual(out[0]![0]);
  });

  it("a pooled plan is one contract of `seats` seats per team", () => {
    const pooled = buildTeam({ ...setup, values: { ...values, plan: "recruiter" } });
    expect(pooled.built.seats).toBe(3);
    expect(pooled.accountsPerTeam).toBe(1);
    expect(buildTeam(setup).accountsPerTeam).toBe(3);
  });
});
