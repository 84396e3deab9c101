import { describe, expect, it } from "vitest";
import { PlanCannotSendError, plans, rulesForPlan, simulateAll, summarize, traceAccount, type AccountModel, type Summary } from "../../models/index.ts";
import { AccountSimulation } from "../../models/account-simulation.ts";
import type { TraceSink } from "../../models/account-model.ts";
import { createTally, type Tally } from "../../models/tally.ts";
import { Environment } from "../../sim/environment.ts";
import { model, recorder, type TestModel } from "../support/model-helpers.ts";

function run(t: TestModel, accounts = 50, replications = 4, seed = 11): Summary {
  return summarize(simulateAll(model(t), seed, accounts, replications));
}

const total = (s: Summary, f: "sends" | "refunds" | "positives" | "expired" | "forfeited" | "blocked") => s.perCycle.reduce((a, r) => a + r[f], 0);

describe("account simulation: the guide's rules", () => {
  it("G2: a Basic account cannot send InMail, and says so", () => {
    expect(() => rulesForPlan(plans.basic, "guide")).toThrow(PlanCannotSendError);
    expect(() => rulesForPlan(plans.basic, "linkedin")).toThrow(/Basic.*cannot send InMail|cannot send InMail.*Basic/);
    expect(rulesForPlan(plans["premium-career"], "linkedin").creditsPerCycle).toBe(5);
  });

  it("G4: exactly one credit per delivered InMail", () => {
    const s = run({ outcomes: { replied: 0.3, declined: 0.1, spam: 0.05 }, policy: "linkedin" });
    expect(s.ledger.spent).toBe(Math.round(total(s, "sends") * 50 * 4));
  });

  it("G5: the credit comes back when the recipient accepts or replies", () => {
    const s = run({ outcomes: { accepted: 0.2, replied: 0.2 }, meanDelayDays: 1 });
    expect(total(s, "refunds")).toBeCloseTo(total(s, "positives"), 9);
    expect(total(s, "refunds")).toBeGreaterThan(0);
  });

  it("G6: no credit back for Not Interested, spam or no answer (guide)", () => {
    const s = run({ outcomes: { declined: 0.5, spam: 0.2 }, sendsPerDay: 1000 });
    expect(s.ledger.refunded).toBe(0);
    // Without refunds an account sends its allotment and no more.
    for (const r of s.perCycle) expect(r.sends).toBe(50);
  });

  it("linkedin: declined is credited back, spam and no answer are not", () => {
    const declined = run({ policy: "linkedin", outcomes: { declined: 0.5 }, meanDelayDays: 0.5 });
    expect(declined.ledger.refunded).toBeGreaterThan(0);
    const spam = run({ policy: "linkedin", outcomes: { spam: 0.5 }, meanDelayDays: 0.5 });
    expect(spam.ledger.refunded).toBe(0);
  });

  it("G7 (guide): unused credits do not roll over — the balance resets to zero, then the allotment is granted", () => {
    const rec = recorder();
    // 1 send a day, 50 credits a 30-day cycle, no replies: about 20 credits lapse each cycle.
    traceAccount(model({ sendsPerDay: 1, cycles: 4 }), 3, 0, 0, rec);
    const grants = rec.rows.filter((r) => r.kind === "grant");
    expect(grants.map((g) => g.t)).toEqual([0, 30, 60, 90]);
    for (const g of grants) expect(g.balance).toBe(50);
    // What is left at the horizon (t = 120) is the closing balance, not a lapse.
    const lapses = rec.rows.filter((r) => r.kind === "expire");
    expect(lapses.map((r) => r.t)).toEqual([30, 60, 90]);
    for (const l of lapses) expect(l.balance).toBe(0);
  });

  it("linkedin: unused credits roll over up to the cap, the oldest excess is forfeited", () => {
    const rec = recorder();
    // Almost no sending: 50 a cycle pile up to the 150 cap, then each grant forfeits 50,
    // until the 90-day life makes them expire first.
    traceAccount(model({ policy: "linkedin", sendsPerDay: 0.001, cycles: 5, creditLifetimeDays: 1000 }), 3, 0, 0, rec);
    const grants = rec.rows.filter((r) => r.kind === "grant").map((g) => g.balance);
    expect(grants.slice(0, 3)).toEqual([50, 100, 150]);
    expect(rec.rows.filter((r) => r.kind === "forfeit").map((r) => [r.t, r.credits])).toEqual([
      [90, 50],
      [120, 50],
    ]);
  });

  it("linkedin: credits expire 90 days after their grant, oldest first", () => {
    const rec = recorder();
    traceAccount(model({ policy: "linkedin", sendsPerDay: 0.001, cycles: 5, capMultiplier: 100 }), 3, 0, 0, rec);
    const expiries = rec.rows.filter((r) => r.kind === "expire");
    // Lots granted at 0, 30, 60 expire at 90, 120, 150 (150 is the horizon: still counted);
    // the lots of 90 and 120 are alive at the horizon.
    expect(expiries.map((r) => [r.t, r.credits])).toEqual([
      [90, 50],
      [120, 50],
      [150, 50],
    ]);
  });

  it("G8: recipients who block InMail cost nothing and are counted", () => {
    const s = run({ blockedShare: 0.3, sendsPerDay: 1000 });
    for (const r of s.perCycle) expect(r.sends).toBe(50);
    // Blocked attempts before 50 deliveries: negative binomial mean 50 × 0.3 / 0.7.
    const blocked = total(s, "blocked") / s.perCycle.length;
    expect(blocked).toBeGreaterThan(21.43 * 0.85);
    expect(blocked).toBeLessThan(21.43 * 1.15);
  });

  it("a response outside the refund window refunds nothing", () => {
    // Mean delay 60 days, window 30: P(refund | reply) = 1 − e^(−30/60) = 0.393.
    const s = run({ outcomes: { replied: 0.5 }, meanDelayDays: 60, refundWindowDays: 30, cycles: 24 }, 200, 2);
    const share = total(s, "refunds") / total(s, "positives");
    expect(share).toBeGreaterThan(0.393 - 0.03);
    expect(share).toBeLessThan(0.393 + 0.03);
  });

  it("guide: a refund that lands after a reset is not lost — it adds to the new balance", () => {
    // Replies 5 days after sending at 1,000 sends a day: most refunds of a cycle's last
    // sends land after the reset. With no window, every reply before the horizon refunds.
    const s = run({ outcomes: { replied: 0.9 }, meanDelayDays: 5, sendsPerDay: 1000, cycles: 3 });
    expect(s.ledger.refunded).toBe(Math.round(total(s, "positives") * 50 * 4));
    const rec = recorder();
    traceAccount(model({ outcomes: { replied: 0.9 }, meanDelayDays: 5, sendsPerDay: 1000, cycles: 2 }), 5, 0, 0, rec);
    const i = rec.rows.findIndex((r) => r.kind === "grant" && r.t === 30);
    expect(rec.rows[i]!.balance).toBe(50);
    const next = rec.rows.slice(i + 1).find((r) => r.kind === "refund")!;
    const before = rec.rows[rec.rows.indexOf(next) - 1]!;
    expect(next.balance).toBe(before.balance + 1);
  });

  it("G13: refunds let an account send more than its allotment (capacity multiplier > 1)", () => {
    const none = run({ sendsPerDay: 100 });
    const some = run({ sendsPerDay: 100, outcomes: { replied: 0.4 }, meanDelayDays: 1 });
    expect(none.capacity.mean).toBe(50);
    expect(some.capacity.ci95[0]).toBeGreaterThan((50 / (1 - 0.4)) * 0.9);
  });

  it("G14: credits are finite per cycle — a sender too slow to use them loses the rest at the reset", () => {
    // 50 credits a 30-day cycle, no replies. Sends are a Poisson process, so a cycle's sends
    // N ~ Poisson(30 a day × rate): E[max(50 − N, 0)] is 20.0 at 1 a day (sd of N √30 ≈ 5.5,
    // ≈ 0.22 on the mean of the 3 cycles × 50 accounts × 4 replications here) and ≈ 0.27 at 2 a day.
    const slow = run({ sendsPerDay: 1, cycles: 4 });
    const steady = run({ sendsPerDay: 2, cycles: 4 });
    const lapsed = (s: Summary) => s.perCycle.slice(0, 3).reduce((a, r) => a + r.expired, 0) / 3;
    expect(lapsed(slow)).toBeGreaterThan(15);
    expect(lapsed(slow)).toBeLessThan(25);
    expect(Math.abs(lapsed(slow) - 20)).toBeLessThan(1.5);
    expect(lapsed(steady)).toBeLessThan(1);
  });

  it("linkedin: a refunded credit keeps its expiry (`original`) or gets a fresh 90 days (`fresh`)", () => {
    const expiries = (refundAging: "original" | "fresh") => {
      const rec = recorder();
      // One grant of 2 credits at t = 0, a single InMail (demand 1), replied to and refunded.
      const m = model({ policy: "linkedin", credits: 2, sendsPerDay: 1, cycles: 1, cycleDays: 200, outcomes: { replied: 1 }, meanDelayDays: 5, refundAging });
      traceAccount({ ...m, sender: { demandPerCycle: 1 } }, 7, 0, 0, rec);
      const refund = rec.rows.find((r) => r.kind === "refund")!;
      const expired = rec.rows.filter((r) => r.kind === "expire").map((r) => [r.t, r.credits]);
      return { refundAt: refund.t, expired };
    };
    expect(expiries("original").expired).toEqual([[90, 2]]);
    const fresh = expiries("fresh");
    expect(fresh.expired).toEqual([
      [90, 1],
      [fresh.refundAt + 90, 1],
    ]);
  });

  it("the ledger identity holds over accounts and replications", () => {
    for (const policy of ["guide", "linkedin"] as const) {
      const s = run({ policy, outcomes: { replied: 0.3, declined: 0.2, spam: 0.05 }, sendsPerDay: 2, refundAging: "fresh" });
      const l = s.ledger;
      expect(l.granted + l.refunded - l.spent - l.expired - l.forfeited).toBe(l.closingBalance);
    }
  });
});

describe("account simulation: independent decisions come from independent draws", () => {
  // Every per-contact decision on, each at a share that a shared uniform would distort:
  // half the contacts by connection request (mix), 30% of InMail recipients blocking
  // InMail, 40% of the others with an Open Profile, InMails answered 35% of the time
  // (5% spam, 20% replied, 10% declined), invitations accepted 30% (half then reply).
  // Were two decisions read off one uniform, one would be skewed given the other (e.g.
  // with the channel's draw, no InMail would ever be answered; with the blocked draw, no
  // Open Profile share above 0.1 ÷ 0.7 could survive). Credits and caps never bind.
  const m: AccountModel = {
    ...model({ policy: "linkedin", credits: 100_000, capMultiplier: 100, sendsPerDay: 50, cycles: 6, blockedShare: 0.3, outcomes: { spam: 0.05, replied: 0.2, declined: 0.1 }, meanDelayDays: 1 }),
    openProfile: { share: 0.4, monthlyCap: 1e9 },
    connections: { use: "mix", mixShare: 0.5, weeklyCap: 1e9, acceptRate: 0.3, replyRate: 0.5 },
  };
  /** Contacts by channel and by channel and outcome, and blocked recipients, over four accounts. */
  const contacts = (): Map<string, number> => {
    const counts = new Map<string, number>();
    const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    for (let account = 0; account < 4; account++) {
      traceAccount(m, 8, 0, account, {
        record: (_t, kind) => void (kind === "blocked" && add("blocked")),
        send: (_t, _k, outcome, _at, _s, channel) => {
          add(channel!);
          add(`${channel}:${outcome}`);
        },
      });
    }
    return counts;
  };
  let counts: Map<string, number> | undefined;
  const n = (key: string) => (counts ??= contacts()).get(key) ?? 0;
  const answered = (channel: string) => (n(channel) - n(`${channel}:ignored`)) / n(channel);
  // ~36,000 contacts: ~18,000 invitations, ~7,600 paid and ~5,000 free InMails, ~5,400
  // blocked; binomial sds of the shares below are at most 0.007.
  const tolerance = 0.03;

  it("channel and blocked: 30% of the contacts by InMail are blocked, and half of all contacts are invitations", () => {
    const inmailContacts = n("blocked") + n("inmail") + n("open-profile");
    expect(inmailContacts).toBeGreaterThan(15_000);
    expect(Math.abs(n("blocked") / inmailContacts - 0.3)).toBeLessThan(tolerance);
    expect(Math.abs(n("connection") / (inmailContacts + n("connection")) - 0.5)).toBeLessThan(tolerance);
  });

  it("blocked, channel and Open Profile: 40% of the InMails delivered are free", () => {
    expect(Math.abs(n("open-profile") / (n("inmail") + n("open-profile")) - 0.4)).toBeLessThan(tolerance);
  });

  it("outcome against blocked, Open Profile and channel: every InMail is answered at the rate, every invitation accepted at its rate", () => {
    expect(Math.abs(answered("inmail") - 0.35)).toBeLessThan(tolerance);
    expect(Math.abs(answered("open-profile") - 0.35)).toBeLessThan(tolerance);
    expect(Math.abs(n("inmail:spam") / n("inmail") - 0.05)).toBeLessThan(tolerance);
    expect(Math.abs(n("open-profile:replied") / n("open-profile") - 0.2)).toBeLessThan(tolerance);
    expect(Math.abs(answered("connection") - 0.3)).toBeLessThan(tolerance);
    expect(Math.abs(n("connection:replied") / n("connection") - 0.15)).toBeLessThan(tolerance);
  });
});

describe("account simulation: a unit with plain sends", () => {
  // Untraced, such a unit runs on the plain send path; traced, on the general one.
  // Both must do the same to the tally, draw for draw.
  const quiet: TraceSink = { record() {} };
  const tallies = (m: AccountModel, traced: boolean): Tally => {
    const tally = createTally(m.cycles);
    const sim = new AccountSimulation(new Environment({ seed: 5, replication: 1 }), m, tally);
    for (let i = 0; i < 40; i++) sim.simulate(i, traced ? quiet : undefined);
    return tally;
  };

  it.each([
    ["guide", model({ outcomes: { accepted: 0.1, replied: 0.15, declined: 0.1, spam: 0.02 } })],
    ["linkedin, slow sender", model({ policy: "linkedin", sendsPerDay: 1, outcomes: { replied: 0.3, declined: 0.1 } })],
    ["refund window, fresh aging", model({ policy: "linkedin", refundWindowDays: 2, refundAging: "fresh", outcomes: { replied: 0.4 } })],
    ["demand, pool and waiting for the grant", { ...model({ outcomes: { replied: 0.25 } }), sender: { demandPerCycle: 40, poolSize: 300, whenOut: "next-grant" as const } }],
    ["pooled seats with a seat limit", { ...model({ credits: 100, outcomes: { replied: 0.25 } }), seats: 3, seatCreditLimit: 40, anchorSpreadDays: 10 }],
  ])("%s: the same tally on either path", (_, m) => {
    const plain = tallies(m as AccountModel, false);
    expect(plain.ledger.spent).toBeGreaterThan(0);
    expect(plain).toEqual(tallies(m as AccountModel, true));
  });
});
