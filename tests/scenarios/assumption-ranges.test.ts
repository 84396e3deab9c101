import { describe, expect, it } from "vitest";
import { quantile } from "../../analysis/input-distribution.ts";
import { assumptionInputs, assumptionRanges, withBuiltInputs, withParamInputs } from "../../scenarios/assumption-ranges.ts";
import { checkValue, resolve } from "../../scenarios/params.ts";
import { assumptions } from "../../scenarios/run-scenario.ts";
import { buildModel, scenarioParams } from "../../scenarios/scenario.ts";

const params = scenarioParams("recruiter");
const spec = new Map(params.map((s) => [s.name, s]));
// Every assumption the model can label is in force here.
const everything = [
  "message.personalised=true",
  "audience.blockedShare=0.02",
  "audience.openProfileShare=0.05",
  "connections.use=mix",
  "enforcement.complaints=true",
  "enforcement.contentFlagRate=0.001",
  "enforcement.responseRateFloor=true",
  "policy=linkedin",
];
const values = resolve(params, everything);
const built = buildModel(values);

describe("assumption ranges: one documented range for every labelled assumption", () => {
  it("every label assumptions() prints has exactly one entry, with inputs, sources and what to measure", () => {
    const labels = assumptions(built);
    expect(labels).toHaveLength(12);
    expect(assumptionRanges.map((r) => r.assumption).sort()).toEqual([...labels].sort());
    for (const r of assumptionRanges) {
      expect(r.inputs.length).toBeGreaterThan(0);
      for (const i of r.inputs) {
        expect(i.source.length).toBeGreaterThan(5);
        expect(i.measure.length).toBeGreaterThan(5);
      }
    }
    expect(new Set(assumptionInputs(built).map((i) => i.id)).size).toBe(assumptionInputs(built).length);
  });

  it("a parameter input's whole range is allowed by its parameter and contains the default", () => {
    for (const input of assumptionInputs(built)) {
      if (input.target.kind !== "param") continue;
      const s = spec.get(input.target.path);
      expect(s, input.target.path).toBeDefined();
      for (const u of [0, 0.5, 1]) {
        const x = quantile(input.distribution, u);
        expect(() => checkValue(s!, input.target.kind === "param" && input.target.integer ? Math.round(x) : x)).not.toThrow();
      }
    }
  });

  it("every input changes the model (or its price) when set to either end of its range", () => {
    const inputs = assumptionInputs(built);
    const at = (u: number, which: number) => {
      const x = inputs.map((inp, i) => quantile(inp.distribution, i === which ? u : 0.5));
      const b = withBuiltInputs(buildModel(withParamInputs(values, inputs, x)), inputs, x);
      return JSON.stringify({ model: b.model, price: b.price });
    };
    inputs.forEach((input, i) => expect(at(0, i), input.id).not.toBe(at(1, i)));
  });

  it("the default scenario's assumptions are a subset, and no range is missing for them", () => {
    const b = buildModel(resolve(params, []));
    expect(() => assumptionInputs(b)).not.toThrow();
    expect(assumptionInputs(b).map((i) => i.id)).toContain("delay.medianDays");
  });
});
