import { describe, expect, it } from "vitest";
import { InputError, resolve } from "../../../experiments/inputs/params.ts";
import { runScenario } from "../../../experiments/general/run-scenario.ts";
import { buildModel, scenarioParams } from "../../../experiments/general/scenario.ts";

const seller = scenarioParams("seller");
const build = (...sets: string[]) => buildModel(resolve(seller, sets));
const small = ["accounts=20", "replications=3", "cycles=4"];

describe("follow-up and credit-rule parameters", () => {
  it.each([
    [
      ["plan=premium-career", "followUps.count=1"],
      /^followUps\.count: 1 is not allowed with plan=premium-career and followUps\.premiumRule=refused; expected 0 \(help answer\/75.*followUps\.premiumRule=allowed/,
    ],
    [["plan=recruiter-lite", "followUps.count=1", "followUps.afterDays=2"], /^followUps\.afterDays: 2 is not allowed with plan=recruiter-lite; expected an integer from 3 to 28/],
    [["plan=recruiter", "followUps.count=2", "followUps.afterDays=29"], /^followUps\.afterDays: 29 is not allowed with plan=recruiter; expected an integer from 3 to 28/],
    [["followUps.count=6"], /^followUps\.count: 6 is not allowed; expected an integer from 0 to 5/],
    [["followUps.responseFactor=1.5"], /^followUps\.responseFactor: 1\.5 is not allowed; expected a number from 0 to 1/],
    [["plan=recruiter-lite", "rules.salesNavigatorCreditLife=never"], /^rules\.salesNavigatorCreditLife: "never" is not allowed with plan=recruiter-lite; expected 90/],
    [["rules.salesNavigatorCreditLife=never", "rules.creditLifetimeDays=60"], /^rules\.salesNavigatorCreditLife: "never" is not allowed with rules\.creditLifetimeDays=60/],
    [["metrics.responseWindowDays=0"], /^metrics\.responseWindowDays: 0 is not allowed; expected an integer from 1 to 100000, or unlimited/],
  ])("%j is refused with one line naming the field", (sets, message) => {
    let error: unknown;
    try {
      build(...sets);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("each plan gets its rule: Sales Navigator charged, Recruiter scheduled, Premium only under the FAQ's rule", () => {
    expect(build("followUps.count=1").followUps?.rule).toBe("charged");
    expect(build("plan=recruiter-lite", "followUps.count=2").followUps).toMatchObject({ rule: "scheduled", count: 2, afterDays: 7 });
    expect(build("plan=premium-career", "followUps.count=1", "followUps.premiumRule=allowed").followUps?.rule).toBe("charged");
    expect(build().followUps).toBeNull();
    expect(build().model.followUps).toBeUndefined();
  });

  it("Sales Navigator's credit life: 90 days (57013) by default, never (a101030) as the variant", () => {
    expect(build().model.rules.creditLifetimeDays).toBe(90);
    expect(build("rules.salesNavigatorCreditLife=never").model.rules.creditLifetimeDays).toBe(Infinity);
  });

  it("the metric window reaches the model; refunds keep the policy's 90 days", () => {
    const b = build("metrics.responseWindowDays=30");
    expect(b.model.metricWindowDays).toBe(30);
    expect(b.model.rules.refundWindowDays).toBe(90);
    expect(build().model.metricWindowDays).toBeUndefined();
  });

  it("the JSON has a followUps block only with follow-ups, and labels the assumptions behind it", async () => {
    const base = resolve(seller, small);
    const without = await runScenario("s", base, buildModel(base), { workers: 1 });
    expect(without.followUps).toBeUndefined();
    expect(without.assumptions.some((a) => a.includes("follow-up"))).toBe(false);
    const values = resolve(seller, [...small, "followUps.count=1"]);
    const r = await runScenario("s", values, buildModel(values), { workers: 1 });
    const fu = r.followUps!;
    expect(fu).toMatchObject({ count: 1, afterDays: 7, rule: "charged" });
    expect(fu.sent.mean).toBeGreaterThan(0);
    expect(fu.creditsUsed.mean).toBeCloseTo(fu.creditsTaken.mean - fu.creditsGivenBack.mean, 9);
    expect(fu.conversations.mean).toBeLessThanOrEqual(r.positivesPerCycle.mean);
    expect(fu.replicationValues.sent).toHaveLength(3);
    expect(r.assumptions).toContain("follow-up response probability ×0.5 of the first InMail's (none is published; plausible 0.25–1)");
    expect(r.ledger.identityHolds).toBe(true);
  });
});
