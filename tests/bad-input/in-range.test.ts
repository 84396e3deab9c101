/**
 * Property: random values inside every documented range of the general scenario either
 * run (tiny sizes) or are refused as bad input (an InputError: exit code 2 on the
 * command line) — never another error (exit 1), never NaN or an infinity in the result.
 * A few parameters at a time are drawn (each from its spec, so the ranges here are the
 * ones --help documents), the sizes kept tiny; a run whose estimate is above a small
 * budget is skipped after checking that its estimate is a finite number.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateRuns } from "../../runner/run-estimate.ts";
import { defaults, InputError, type ParamSpec, type ParamValue } from "../../experiments/inputs/params.ts";
import { resultText, runScenario } from "../../experiments/general/run-scenario.ts";
import { buildModel, scenarioParams } from "../../experiments/general/scenario.ts";

const specs = scenarioParams("recruiter");
/** Sizes are drawn apart, tiny: the property is about the values, not the run's size. */
const sizes = new Set(["accounts", "replications", "cycles", "contract.seats"]);
/** Events a drawn run may take here (~0.1 s); larger ones are left to the estimate. */
const eventBudget = 300_000;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Values inside a spec's documented range. */
function inRange(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  switch (spec.kind) {
    case "integer":
      return fc.integer({ min: spec.min, max: spec.max });
    case "number":
      return fc.double({ min: spec.min, max: spec.max, minExcluded: spec.minExclusive ?? false, noNaN: true, noDefaultInfinity: true });
    case "limit":
      return fc.oneof(fc.constant(Infinity), fc.integer({ min: spec.min, max: spec.max }));
    case "override":
      return fc.oneof(fc.constant(spec.word), spec.integer ? fc.integer({ min: spec.min, max: spec.max }) : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }));
    case "enum":
      return fc.constantFrom(...spec.values);
    case "boolean":
      return fc.boolean();
    case "string":
      return spec.name === "startDate" ? fc.integer({ min: Date.UTC(2003, 0, 1), max: Date.UTC(2099, 11, 31) }).map(day) : fc.string({ maxLength: 2_100 });
  }
}

const drawn = specs.filter((s) => !sizes.has(s.name));
const overrides = fc
  .uniqueArray(fc.constantFrom(...drawn), { minLength: 1, maxLength: 4, selector: (s) => s.name })
  .chain((chosen) => fc.tuple(...chosen.map((s) => inRange(s).map((v) => [s.name, v] as const))));
const tinySizes = fc.record({
  accounts: fc.integer({ min: 1, max: 3 }),
  replications: fc.integer({ min: 2, max: 3 }),
  cycles: fc.integer({ min: 1, max: 2 }),
});

/** Paths of every number in `x` that is NaN or infinite. */
function nonFinite(x: unknown, path = "result"): string[] {
  if (typeof x === "number") return Number.isFinite(x) ? [] : [path];
  if (Array.isArray(x)) return x.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (x !== null && typeof x === "object") return Object.entries(x).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

describe("values inside the documented ranges", () => {
  it("run or are refused as bad input, never a crash or a non-finite number", async () => {
    await fc.assert(
      fc.asyncProperty(overrides, tinySizes, async (set, size) => {
        const values = { ...defaults(specs), ...Object.fromEntries(set), ...size };
        let built: ReturnType<typeof buildModel>;
        try {
          built = buildModel(values);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        const estimate = estimateRuns([built], 1);
        expect(Number.isFinite(estimate.events) && Number.isFinite(estimate.memoryBytes)).toBe(true);
        if (estimate.events > eventBudget) return;
        const result = await runScenario("in-range", values, built, { workers: 1 });
        // The parameters echo what was set (an unlimited limit prints as "unlimited"); the rest is computed.
        const { params: _params, perf: _perf, ...computed } = result;
        expect(nonFinite(computed)).toEqual([]);
        expect(resultText(result)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 80, seed: 11, endOnFailure: true },
    );
  }, 60_000);
});
