import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { quantile } from "../../../analysis/input-distribution.ts";
import { assumptionRanges, rangeOf, withModelInputs, withValueInputs } from "../../../experiments/sensitivity/assumption-ranges.ts";
import { checkValue, defaults, resolve } from "../../../experiments/inputs/params.ts";
import { assumptions } from "../../../experiments/general/run-scenario.ts";
import { buildModel, scenarioParams } from "../../../experiments/general/scenario.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { planTeam } from "../../../experiments/team/team-plan.ts";
import { teamResult } from "../../../experiments/team/team-result.ts";
import { teamAssumptions } from "../../../experiments/sensitivity/sensitivity-team.ts";
import { runModels } from "../../../runner/run-models.ts";
import { assumptionRangesMarkdown } from "../../../experiments/sensitivity/assumption-ranges-markdown.ts";

const general = scenarioParams("recruiter");
// Every assumption the general model can label is in force here.
const everything = [
  "message.personalised=true",
  "audience.openProfileShare=0.05",
  "connections.use=mix",
  "enforcement.complaints=true",
  "enforcement.contentFlagRate=0.001",
  "enforcement.responseRateFloor=true",
  "followUps.count=2",
  "followUps.undeliverableShare=0.05",
];
const teamEverything = ["plan=recruiter", "seats=2", "months=2", "replications=2", ...everything];
const teamValues = resolve(teamParams, teamEverything);
const teamPlan = planTeam(teamValues);
const teamRunModel = teamPlan.runs[0]!.model;
const spec = new Map(teamParams.map((s) => [s.name, s]));

describe("assumption ranges: one documented range for every labelled assumption", () => {
  it("every label the general scenarios print has one entry", () => {
    const labels = assumptions(buildModel(resolve(general, everything)));
    expect(labels).toHaveLength(16);
    expect(
      assumptions(buildModel(resolve(general, [...everything, "plan=premium-business", "followUps.premiumRule=allowed", "connections.use=none", "enforcement.responseRateFloor=false"]))),
    ).toContain("a Premium follow-up costs a credit (the FAQ a554514 says only 'may be eligible')");
    for (const label of labels) expect(() => rangeOf(label), label).not.toThrow();
    expect(rangeOf("follow-up response probability ×0.35 of the first InMail's (none is published; plausible 0.25–1)").inputs[0]!.id).toBe("followUps.responseFactor");
  });

  it("every label the team planner prints has one entry", async () => {
    const tallies = await runModels(teamPlan.runs, { workers: 1, label: "test" });
    for (const label of teamResult(teamPlan, tallies).assumptions) expect(() => rangeOf(label), label).not.toThrow();
    for (const label of teamAssumptions(teamValues, teamRunModel, teamPlan)) expect(() => rangeOf(label), label).not.toThrow();
  });

  it("each entry has inputs with sources and what to measure, or says why it is not varied; ids are unique", () => {
    for (const r of assumptionRanges) {
      expect(r.inputs.length > 0 || r.notVaried !== undefined, r.labels[0]).toBe(true);
      for (const i of r.inputs) {
        expect(i.source.length).toBeGreaterThan(5);
        expect(i.measure.length).toBeGreaterThan(5);
      }
    }
    const ids = assumptionRanges.flatMap((r) => r.inputs.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a parameter input's whole range is allowed by the team planner's parameter", () => {
    for (const input of assumptionRanges.flatMap((r) => r.inputs)) {
      const t = input.target;
      if (t.kind !== "param") continue;
      const s = spec.get(t.path);
      expect(s, t.path).toBeDefined();
      for (const u of [0, 0.5, 1]) {
        const x = quantile(input.distribution, u);
        expect(() => checkValue(s!, t.integer ? Math.round(x) : x), `${t.path}=${x}`).not.toThrow();
      }
    }
  });

  it("every varied input changes the team's model or price between the ends of its range", () => {
    const inputs = assumptionRanges.filter((r) => r.notVaried === undefined).flatMap((r) => r.inputs);
    const at = (u: number, which: number) => {
      const x = inputs.map((inp, i) => quantile(inp.distribution, i === which ? u : 0.5));
      const values = withValueInputs(teamValues, inputs, x);
      const plan = planTeam(values);
      return JSON.stringify({ model: withModelInputs(plan.runs[0]!.model, values, inputs, x), price: plan.settings.prices.recruiter });
    };
    inputs.forEach((input, i) => expect(at(0, i), input.id).not.toBe(at(1, i)));
  });

  it("the planner's defaults leave no label without a range", () => {
    const v = { ...defaults(teamParams), plan: "recruiter-lite", months: 2, replications: 2 };
    const plan = planTeam(v);
    for (const label of teamAssumptions(v, plan.runs[0]!.model, plan)) expect(() => rangeOf(label)).not.toThrow();
  });
});

describe("docs/model.md's table of ranges", () => {
  it("is the table in code, rendered (npx tsx experiments/sensitivity/assumption-ranges-markdown.ts)", () => {
    const doc = readFileSync(join(import.meta.dirname, "../../../docs/model.md"), "utf8");
    expect(doc).toContain(assumptionRangesMarkdown());
  });
});
