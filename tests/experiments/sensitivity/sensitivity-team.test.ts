import { describe, expect, it } from "vitest";
import { runModels } from "../../../runner/run-models.ts";
import { resolve } from "../../../experiments/inputs/params.ts";
import { teamInputs, teamModel } from "../../../experiments/sensitivity/sensitivity-team.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { planTeam } from "../../../experiments/team/team-plan.ts";
import { teamResult } from "../../../experiments/team/team-result.ts";

const values = resolve(teamParams, ["plan=recruiter-lite", "seats=3", "months=2"]);
const setup = { values, seed: 5, fixed: new Set<string>(), run: { workers: 1 } };
const mid = (d: { kind: string; min?: number; max?: number }) => (d.kind === "choice" ? 0 : (d.min! + d.max!) / 2);

describe("sensitivity team model (the team planner's team)", () => {
  it("its outputs are the team planner's figures for the same team: conversations and cost per conversation per team per month, and InMails ÷ credits", async () => {
    const model = teamModel(setup);
    const x = Float64Array.from(model.inputs, (i) => mid(i.distribution));
    const point = (await model.evaluate([[x]], { stage: "sobol", replications: 3 }))[0]![0]!;
    // The same team by hand, through planTeam / runModels / teamResult.
    const byId = Object.fromEntries(model.inputs.map((i, k) => [i.id, x[k]!]));
    const plan = planTeam({
      ...values,
      replications: 3,
      responseRate: byId.responseRate!,
      positiveShare: byId.positiveShare!,
      "audience.spamRate": byId["audience.spamRate"]!,
      "audience.blockedShare": byId["audience.blockedShare"]!,
      "delay.medianDays": byId["delay.medianDays"]!,
      "delay.sigma": byId["delay.sigma"]!,
      "price.recruiter-lite": 119.95 * byId["price.factor"]!,
    });
    const run = { ...plan.runs[0]!, seed: "5/sobol/0" };
    const tallies = await runModels([run], { workers: 1, label: "test" });
    const r = teamResult(plan, tallies).plans[0]!;
    expect(point.mean[0]).toBeCloseTo(r.perTeamPerMonth.conversations.mean, 9);
    expect(point.mean[1]).toBeCloseTo(r.costPerConversationUsd!.mean, 9);
    expect(point.mean[2]).toBeCloseTo(r.perTeamPerMonth.inmailsDelivered.mean / (3 * 30), 9);
    // Variance of the mean from the CI: positive, and a quarter of the CI's half-width squared at most.
    const half = r.perTeamPerMonth.conversations.ci95[1] - r.perTeamPerMonth.conversations.mean;
    expect(point.meanVariance[0]).toBeGreaterThan(0);
    expect(point.meanVariance[0]).toBeLessThan(half ** 2);
  });

  it("common random numbers: the same point gives the same outputs within a block, other outputs in another block", async () => {
    const model = teamModel(setup);
    const x = Float64Array.from(model.inputs, (i) => mid(i.distribution));
    const out = await model.evaluate([[x, x], [x]], { stage: "morris", replications: 2 });
    expect(out[0]![1]).toEqual(out[0]![0]);
    expect(out[1]![0]).not.toEqual(out[0]![0]);
  });

  it("holds what the user set and what the planner divides out; refuses plan=all", () => {
    const held = teamInputs({ values: resolve(teamParams, ["plan=recruiter-lite", "responseRate=0.2", "message.personalised=true"]), fixed: new Set(["responseRate"]) });
    expect(held.inputs.map((i) => i.id)).not.toContain("responseRate");
    expect(held.inputs.map((i) => i.id)).not.toContain("levers.sizeFactor");
    expect(held.held.map((h) => h.assumption)).toEqual(expect.arrayContaining(["response rate", "size of the message levers (direction documented, size not)"]));
    expect(() => teamInputs({ values: resolve(teamParams, []), fixed: new Set() })).toThrow(/^plan: "all" is not allowed here/);
  });
});
