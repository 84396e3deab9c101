import { describe, expect, it } from "vitest";
import { creditRules, OUTCOME_CODE, outcomes, plans, planIds } from "../../models/index.ts";

const refunding = (policy: "guide" | "linkedin") => {
  const r = creditRules({ policy, creditsPerCycle: 50, capMultiplier: 3, creditLifetimeDays: 90 });
  return outcomes.filter((o) => r.refundOn[OUTCOME_CODE[o]]);
};

describe("policy presets", () => {
  it("guide refunds accepted (incl. Interested) and replied only (G5, G6)", () => {
    expect(refunding("guide")).toEqual(["accepted", "replied"]);
  });

  it("linkedin also refunds declined, never spam or no answer", () => {
    expect(refunding("linkedin")).toEqual(["accepted", "replied", "declined"]);
  });

  it("guide resets each cycle with no cap, no credit life and no refund window (G7)", () => {
    const r = creditRules({ policy: "guide", creditsPerCycle: 50, capMultiplier: 3, creditLifetimeDays: 90 });
    expect(r.resetEachCycle).toBe(true);
    expect(r.capCredits).toBe(Infinity);
    expect(r.creditLifetimeDays).toBe(Infinity);
    expect(r.refundWindowDays).toBe(Infinity);
  });

  it("linkedin rolls over to the cap, with a 90-day life and refund window", () => {
    const r = creditRules({ policy: "linkedin", creditsPerCycle: 50, capMultiplier: 3, creditLifetimeDays: 90 });
    expect(r.resetEachCycle).toBe(false);
    expect(r.capCredits).toBe(150);
    expect(r.creditLifetimeDays).toBe(90);
    expect(r.refundWindowDays).toBe(90);
    expect(r.refundAging).toBe("original");
  });
});

describe("plans (G2, G3)", () => {
  it("carries LinkedIn's documented allotments and caps", () => {
    const table = planIds.map((id) => [id, plans[id].creditsPerMonth, plans[id].creditsPerMonth * plans[id].capMultiplier]);
    expect(table).toEqual([
      ["basic", 0, 0],
      ["premium-career", 5, 15],
      ["premium-business", 15, 45],
      ["sales-navigator", 50, 150],
      ["recruiter-lite", 30, 120],
      ["recruiter", 150, 600],
    ]);
  });

  it("every paid plan's allotment is of the order the guide gives (G3: Career 5 or 15; Recruiter/Sales Navigator 50 to 150+)", () => {
    for (const id of planIds) {
      const p = plans[id];
      if (id === "basic" || id === "recruiter-lite") continue; // Recruiter Lite (30) is below the guide's range
      expect(p.creditsPerMonth).toBeGreaterThanOrEqual(p.guideCredits[0]);
      expect(p.creditsPerMonth).toBeLessThanOrEqual(p.guideCredits[1]);
    }
  });

  it("Sales Navigator grants on the 1st of the calendar month; Recruiter pools credits", () => {
    expect(plans["sales-navigator"].grantSchedule).toBe("calendar-month");
    expect(plans.recruiter.pooled).toBe(true);
  });
});
