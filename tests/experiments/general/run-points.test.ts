import { describe, expect, it } from "vitest";
import { meanTimingMultiplier, audienceRateFor } from "../../../experiments/general/observed-rate.ts";
import { pointValues, runPoints, type PointOverrides } from "../../../experiments/general/run-points.ts";
import { defaults, InputError } from "../../../experiments/inputs/params.ts";
import { recruiting } from "../../../experiments/general/presets.ts";
import { runScenario } from "../../../experiments/general/run-scenario.ts";
import { buildModel, scenarioParams } from "../../../experiments/general/scenario.ts";

const specs = scenarioParams("recruiter", recruiting.defaults);
const base = { ...defaults(specs), accounts: 6, replications: 2, cycles: 3, seed: 9 };

describe("runPoints", () => {
  it("runs points in one batch with the base seed: the same numbers as running each alone, in the order given", async () => {
    const points: PointOverrides[] = [{ plan: "recruiter" }, {}, { plan: "recruiter" }, { "audience.responseRate": 0.3 }];
    const runs = await runPoints("test", specs, base, points, { workers: 2, label: "test" });
    expect(runs).toHaveLength(4);
    expect(runs[2]).toBe(runs[0]); // identical points are simulated once
    for (const [i, p] of points.entries()) {
      const values = pointValues(specs, base, p);
      const alone = await runScenario("test", values, buildModel(values), { workers: 1 });
      expect(runs[i]!.result.capacity).toEqual(alone.capacity);
      expect(runs[i]!.result.positivesPerCycle).toEqual(alone.positivesPerCycle);
      expect(runs[i]!.tallies).toHaveLength(2);
    }
    expect(runs[1]!.result.plan).toBe("recruiter-lite");
  });

  it("checks every override against its spec", () => {
    expect(() => pointValues(specs, base, { "audience.responseRate": 2 })).toThrow(InputError);
    expect(() => pointValues(specs, base, { nonsense: 1 })).toThrow(/nonsense: unknown scenario parameter/);
  });
});

describe("audienceRateFor", () => {
  it("divides the message and timing multipliers out of an observed response rate", () => {
    const built = buildModel(defaults(specs));
    // 550 characters (×1.03), personalised (×1.2), clear call to action (×1.1); Friday ×0.95 on one working day of five.
    expect(built.messageMultiplier).toBeCloseTo(1.03 * 1.2 * 1.1, 12);
    expect(meanTimingMultiplier(built)).toBeCloseTo((1.01 + 1 + 1 + 1 + 0.95) / 5, 12);
    expect(audienceRateFor(0.18, built)).toBeCloseTo(0.18 / (1.3596 * 0.992), 8);
    const evenings = buildModel({ ...defaults(specs), "sender.startHour": 18, "sender.endHour": 22 });
    expect(meanTimingMultiplier(evenings)).toBeCloseTo(0.992 * 1.05, 12);
  });
});
