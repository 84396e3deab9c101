import { describe, expect, it } from "vitest";
import { complaintVerdict, creditRules, floorVerdict, guideComplaintRule, lockoutDays, recruiterContentRule, recruiterFloor, traceAccount, type AccountModel } from "../../models/index.ts";
import { model, recorder, type TestModel } from "../support/model-helpers.ts";

/** Plenty of credits, 20 sends a day around the clock, for enforcement timelines. */
function busy(over: Partial<AccountModel>, outcomes: TestModel["outcomes"]): AccountModel {
  return {
    ...model({ credits: 100_000, sendsPerDay: 20, cycles: 3, outcomes, meanDelayDays: 0.5 }),
    rules: creditRules({ policy: "linkedin", creditsPerCycle: 100_000, capMultiplier: 3, creditLifetimeDays: 90 }),
    ...over,
  };
}

const timeline = (rows: { t: number; kind: string }[], kinds: string[]) => rows.filter((r) => kinds.includes(r.kind)).map((r) => [r.kind, Math.round(r.t * 1000) / 1000]);

describe("enforcement decisions", () => {
  it("the response-rate floor fails below 13% on at least 100 InMails only", () => {
    expect(floorVerdict(100, 12, recruiterFloor)).toBe("fail");
    expect(floorVerdict(100, 13, recruiterFloor)).toBe("pass");
    expect(floorVerdict(99, 0, recruiterFloor)).toBe("pass");
  });

  it("the complaint rule fails above its spam-report rate on enough InMails", () => {
    expect(complaintVerdict(100, 4, guideComplaintRule)).toBe("fail");
    expect(complaintVerdict(100, 3, guideComplaintRule)).toBe("pass");
    expect(complaintVerdict(49, 49, guideComplaintRule)).toBe("pass");
  });

  it("content lockouts escalate: warning, 24 h, 72 h, 1 week, then 1 week again", () => {
    expect([1, 2, 3, 4, 5].map((v) => lockoutDays(v, recruiterContentRule))).toEqual([0, 1, 3, 7, 7]);
  });
});

describe("enforcement timelines", () => {
  it("Recruiter floor: warning → 7-day grace re-check → 2 weeks of bulk InMail off → recovery → warned again", () => {
    const rec = recorder();
    // 5% response rate at 20 InMails a day: far below 13% on far more than 100 InMails.
    traceAccount(busy({ enforcement: { responseRateFloor: recruiterFloor } }, { replied: 0.05 }), 1, 0, 0, rec);
    expect(timeline(rec.rows, ["warning", "restriction", "recovered"])).toEqual([
      ["warning", 14], // first 14-day assessment
      ["restriction", 35], // re-checked 7 days after the 2-week warning ends
      ["recovered", 49], // bulk InMail back after 2 weeks
      ["warning", 56], // next assessment still fails
      ["restriction", 77],
    ]);
    // While restricted, at most 5 one-to-one sends a day.
    const restrictedSends = rec.rows.filter((r) => r.kind === "spend" && r.t >= 35 && r.t < 49);
    const perDay = new Map<number, number>();
    for (const r of restrictedSends) perDay.set(Math.floor(r.t), (perDay.get(Math.floor(r.t)) ?? 0) + 1);
    // Every day of the 2 weeks (35 … 48) sends, and at the 5-a-day cap (demand is 20 a day).
    expect([...perDay.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 14 }, (_, i) => 35 + i));
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(5);
    expect(Math.min(...perDay.values())).toBe(5);
    expect(rec.rows.filter((r) => r.kind === "spend" && r.t >= 49 && r.t < 56).length).toBeGreaterThan(7 * 10);
  });

  it("Recruiter floor: a sender above 13% is never warned", () => {
    const rec = recorder();
    traceAccount(busy({ enforcement: { responseRateFloor: recruiterFloor } }, { replied: 0.3 }), 1, 0, 0, rec);
    expect(timeline(rec.rows, ["warning", "restriction"])).toEqual([]);
  });

  it("guide complaint rule (G9): too many spam reports → warning → restriction with no InMail", () => {
    const rec = recorder();
    traceAccount(busy({ enforcement: { complaints: guideComplaintRule } }, { spam: 0.1, replied: 0.2 }), 1, 0, 0, rec);
    const events = timeline(rec.rows, ["warning", "restriction", "recovered"]);
    expect(events.slice(0, 2)).toEqual([
      ["warning", 7],
      ["restriction", 14],
    ]);
    // No new InMail during the 14-day restriction.
    expect(rec.rows.some((r) => r.kind === "spend" && r.t >= 14 && r.t < 28)).toBe(false);
    expect(rec.rows.some((r) => r.kind === "spend" && r.t >= 28 && r.t < 29)).toBe(true);
  });

  it("content lockouts block new InMails for 24 h, 72 h, then a week", () => {
    const rec = recorder();
    traceAccount(busy({ enforcement: { content: { ...recruiterContentRule, flagProbability: 1 } } }, { replied: 0.2 }), 1, 0, 0, rec);
    const kinds = rec.rows.filter((r) => ["warning", "lockout"].includes(r.kind));
    expect(kinds.slice(0, 5).map((r) => [r.kind, r.credits])).toEqual([
      ["warning", 0],
      ["lockout", 1],
      ["lockout", 3],
      ["lockout", 7],
      ["lockout", 7],
    ]);
    // Each lockout is honoured: the next spend comes after it ends.
    for (const l of kinds.filter((r) => r.kind === "lockout")) {
      const next = rec.rows.find((r) => r.kind === "spend" && r.t > l.t);
      if (next) expect(next.t).toBeGreaterThanOrEqual(l.t + l.credits);
    }
  });
});
