import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { creditRules, type CreditRules } from "../../models/policy.ts";
import { grantTimesMs, replayPlan, whatIf } from "../../logs/plan-replay.ts";
import { readSendLog } from "../../logs/read-send-log.ts";
import { replay } from "../../logs/replay.ts";
import type { SendLog } from "../../logs/send-log.ts";
import { simulateAll, traceAccount } from "../../models/simulate.ts";
import { sampleLogModel, sampleLogParams, simulateSendLog, writeSimulatedLog, type SampleLogParams } from "../../logs/sample-log.ts";

const dir = mkdtempSync(join(tmpdir(), "replay-"));
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const at = (days: number) => new Date(T0 + days * DAY).toISOString();

async function csvLog(rows: readonly string[]): Promise<SendLog> {
  const path = join(dir, `log-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, ["sentAt,recipientId,outcome,respondedAt,account,channel", ...rows].join("\n"));
  return readSendLog(path);
}

function rules(over: Partial<Parameters<typeof creditRules>[0]> = {}): CreditRules {
  return creditRules({ policy: "guide", creditsPerCycle: 2, capMultiplier: 3, creditLifetimeDays: 90, ...over });
}

describe("replaying a simulated log reproduces the simulation's ledger exactly", () => {
  const configs: [string, Partial<SampleLogParams>][] = [
    ["the shipped sample (recruiter-lite, linkedin, credit-bound)", {}],
    ["guide policy, low demand: credits lapse at each reset", { policy: "guide", sendsPerDay: 0.4, accounts: 3, cycles: 6 }],
    ["linkedin, low demand: balances hit the cap and credits expire", { plan: "premium-business", sendsPerDay: 0.3, accounts: 3, cycles: 10 }],
    ["linkedin, refunds get a fresh lifetime", { plan: "premium-career", refundAging: "fresh", sendsPerDay: 0.25, accounts: 3, cycles: 10 }],
    ["Sales Navigator: grants on the 1st of each month", { plan: "sales-navigator", sendsPerDay: 1.2, accounts: 3, cycles: 8, startDate: "2026-01-01" }],
    ["exponential delays, guide policy", { policy: "guide", delay: { kind: "exponential", meanDays: 4 }, accounts: 3, cycles: 6, seed: 7 }],
  ];
  for (const [what, over] of configs) {
    it(what, async () => {
      const p: SampleLogParams = { ...sampleLogParams, ...over };
      const sim = simulateSendLog(p);
      const path = join(dir, `sim-${Math.random().toString(36).slice(2)}.csv`);
      await writeSimulatedLog(sim, path);
      const log = await readSendLog(path);
      const r = replayPlan(log, p.plan, p.policy, { anchorMs: sim.startMs, endMs: sim.endMs, refundAging: p.refundAging ?? "original" });
      const model = sampleLogModel(p);
      const tally = simulateAll(model, p.seed, p.accounts, 1)[0]!;
      const t = r.totals;
      expect({ ...tally.ledger, closingBalance: tally.closingBalance }).toEqual({
        granted: t.granted,
        spent: t.spent,
        refunded: t.refunded,
        expired: t.expired,
        forfeited: t.forfeited,
        closingBalance: t.closingBalance,
      });
      expect(t.unsendable).toBe(0);
      // And account by account.
      for (let a = 0; a < p.accounts; a++) {
        const { ledger } = traceAccount(model, p.seed, 0, a, { record() {} });
        const acc = r.accounts.find((x) => x.account === `recruiter-${a + 1}`)!;
        expect([acc.granted, acc.spent, acc.refunded, acc.expired, acc.forfeited, acc.closingBalance]).toEqual([
          ledger.granted,
          ledger.spent,
          ledger.refunded,
          ledger.expired,
          ledger.forfeited,
          ledger.balance,
        ]);
      }
      if (what.includes("lapse")) expect(t.expired).toBeGreaterThan(0);
      if (what.includes("cap")) expect(t.forfeited + t.expired).toBeGreaterThan(0);
    });
  }
});

describe("replay timelines", () => {
  it("spends per InMail, refunds on a response in time, and refuses InMails once credits run out", async () => {
    const log = await csvLog([
      `${at(0.1)},r1,replied,${at(0.5)},a,inmail`,
      `${at(0.2)},r2,ignored,,a,inmail`,
      `${at(0.3)},r3,,,a,inmail`, // no credit left: unsendable
      `${at(0.6)},r4,,,a,inmail`, // the refund at 0.5 pays for it
      `${at(0.7)},r5,declined,${at(0.8)},a,inmail`, // unsendable: its decline refunds nothing
    ]);
    const r = replay(log, { rules: rules(), grantTimesMs: [T0], endMs: T0 + 30 * DAY });
    expect(r.totals).toMatchObject({ granted: 2, spent: 3, refunded: 1, unsendable: 2, closingBalance: 0, expired: 0 });
    expect([...r.unsendableRows].map((i) => log.line[i])).toEqual([4, 6]);
    expect(r.firstUnsendableMs).toBe(T0 + 0.3 * DAY);
    // Zero balance from 0.2 to 0.5 and from 0.6 to the end.
    expect(r.totals.zeroBalanceDays).toBeCloseTo(0.3 + 29.4, 9);
    expect(r.daily.balance[0]).toBe(0);
  });

  it("open-profile and connection rows use no credit", async () => {
    const log = await csvLog([`${at(0.1)},r1,,,a,open-profile`, `${at(0.2)},r2,accepted,${at(0.3)},a,connection`, `${at(0.4)},r3,,,a,inmail`]);
    const r = replay(log, { rules: rules(), grantTimesMs: [T0], endMs: T0 + 10 * DAY });
    expect(r.totals).toMatchObject({ inmails: 1, spent: 1, refunded: 0, closingBalance: 1 });
  });

  it("at one instant: grant, then responses to InMails already sent, then sends", async () => {
    const log = await csvLog([
      `${at(0.1)},r1,replied,${at(1)},a,inmail`,
      `${at(0.2)},r2,,,a,inmail`, // balance 0
      `${at(1)},r3,replied,${at(1)},a,inmail`, // r1's refund at t = 1 pays for it; answered at its own send instant
      `${at(1)},r4,,,a,inmail`, // r3's refund, after r3's send, pays for it
    ]);
    const r = replay(log, { rules: rules(), grantTimesMs: [T0, T0 + DAY], endMs: T0 + 10 * DAY });
    // The grant at t = 1 (2 credits; guide: the balance resets first) comes before everything else at t = 1.
    expect(r.totals).toMatchObject({ granted: 4, spent: 4, refunded: 2, unsendable: 0, closingBalance: 2 });
    const noGrant = replay(log, { rules: rules(), grantTimesMs: [T0], endMs: T0 + 10 * DAY });
    expect(noGrant.totals).toMatchObject({ spent: 4, refunded: 2, unsendable: 0, closingBalance: 0 });
  });

  it("a response pending at the end, or after it, refunds nothing", async () => {
    const log = await csvLog([`${at(1)},r1,,,a,inmail`, `${at(2)},r2,replied,${at(12)},a,inmail`]);
    const r = replay(log, { rules: rules(), grantTimesMs: [T0], endMs: T0 + 10 * DAY });
    expect(r.totals).toMatchObject({ spent: 2, refunded: 0, responses: 0 });
  });

  it("guide: the balance lapses at each new cycle; linkedin: it rolls over up to the cap, and credits expire after 90 days", async () => {
    const log = await csvLog([`${at(200)},r1,,,a,inmail`]);
    const grants = grantTimesMs({ kind: "fixed", cycleDays: 30 }, T0, T0 + 210 * DAY);
    expect(grants.length).toBe(7);
    const guide = replay(log, { rules: rules(), grantTimesMs: grants, endMs: T0 + 210 * DAY });
    expect(guide.totals).toMatchObject({ granted: 14, expired: 12, spent: 1, closingBalance: 1 });
    const linkedin = replay(log, { rules: rules({ policy: "linkedin" }), grantTimesMs: grants, endMs: T0 + 210 * DAY });
    // Grants of 2 at 0, 30, 60 fill the cap of 6. At 90, 120, 150 and 180 the oldest lot
    // (2 credits, 90 days old) expires before the grant, so the balance goes 4 → 6 and
    // nothing is forfeited. The send at 200 spends from the lot granted at 120, whose
    // other credit expires at 210, the end. Expired: 4 × 2 + 1 = 9; left: the lots of
    // 150 and 180 (2 + 2).
    expect(linkedin.totals).toMatchObject({ granted: 14, spent: 1, expired: 9, forfeited: 0, closingBalance: 4 });
    expect(linkedin.daily.balance[90]).toBe(6);
    expect(linkedin.totals.granted + linkedin.totals.refunded - linkedin.totals.spent - linkedin.totals.expired - linkedin.totals.forfeited).toBe(linkedin.totals.closingBalance);
    expect(linkedin.totals.expired).toBeGreaterThan(0);
    expect(linkedin.daily.balance[59]).toBe(4);
    expect(linkedin.daily.balance[60]).toBe(6);
  });

  it("Sales Navigator grants on the 1st of each month (UTC), from the anchor's month; billing-date plans every 30 days or monthly", () => {
    const anchor = Date.UTC(2026, 0, 20);
    const days = (g: number[]) => g.map((t) => new Date(t).toISOString().slice(0, 10));
    expect(days(grantTimesMs({ kind: "calendar-month" }, anchor, Date.UTC(2026, 3, 15)))).toEqual(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"]);
    expect(days(grantTimesMs({ kind: "fixed", cycleDays: 30 }, anchor, Date.UTC(2026, 3, 15)))).toEqual(["2026-01-20", "2026-02-19", "2026-03-21", "2026-04-20"].slice(0, 3));
    expect(days(grantTimesMs({ kind: "billing-date" }, Date.UTC(2026, 0, 31), Date.UTC(2026, 3, 15)))).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
  });

  it("InMails before the subscription starts (the anchor) cannot be sent", async () => {
    const log = await csvLog([`${at(1)},r1,,,a,inmail`, `${at(6)},r2,,,a,inmail`]);
    const r = replayPlan(log, "premium-career", "guide", { anchorMs: T0 + 5 * DAY });
    expect(r.totals).toMatchObject({ unsendable: 1, spent: 1 });
  });

  it("what-if covers every plan that can send InMail, under both policies", async () => {
    const log = await csvLog([`${at(1)},r1,,,a,inmail`]);
    const rows = whatIf(log);
    expect(rows.map((w) => `${w.plan}/${w.policy}`)).toHaveLength(10);
    expect(rows.some((w) => w.plan === "basic")).toBe(false);
    expect(() => replayPlan(log, "basic", "guide")).toThrow(/cannot send InMail/);
  });
});

describe("opening balance", () => {
  it("is held from the start, counted apart from grants, and keeps the ledger's books: opening + granted + refunded = used + lost + held", async () => {
    const { parseSendLogText } = await import("../../logs/parse-send-log-text.ts");
    const { replayPlan } = await import("../../logs/plan-replay.ts");
    const { leastOpeningBalance } = await import("../../logs/opening-balance.ts");
    // 40 InMails in the first 10 days on Premium Career (5 credits a month), none answered.
    const text = ["sentAt,recipientId,outcome,respondedAt", ...Array.from({ length: 40 }, (_, i) => `2026-01-${String(1 + Math.floor(i / 4)).padStart(2, "0")}T1${i % 4}:00:00Z,r${i},,`)].join("\n");
    const log = parseSendLogText(text, "t.csv");
    const zero = replayPlan(log, "premium-career", "linkedin");
    expect(zero.totals.unsendable).toBe(35);
    const need = leastOpeningBalance(log, "premium-career", "linkedin");
    expect(need.least).toBe(35);
    const r = replayPlan(log, "premium-career", "linkedin", { openingBalance: 35 });
    const t = r.totals;
    expect(t.unsendable).toBe(0);
    expect(t.opening).toBe(35);
    expect(t.opening + t.granted + t.refunded).toBe(t.spent + t.expired + t.forfeited + t.closingBalance);
    expect(replayPlan(log, "premium-career", "linkedin", { openingBalance: 34 }).totals.unsendable).toBe(1);
  });
});
