import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { followUpRuleForPlan, packTally, simulateAll, summarize, traceAccount, type AccountModel, type FollowUpSpec, type Summary, type Tally } from "../../models/index.ts";
import { model, recorder, type TestModel, type TraceRow } from "../support/model-helpers.ts";

const followUps = (f: Partial<FollowUpSpec> = {}): FollowUpSpec => ({
  count: 1,
  afterDays: 7,
  rule: "charged",
  responseFactor: 0.5,
  undeliverableShare: 0,
  ...f,
});

function withFollowUps(t: TestModel, f: Partial<FollowUpSpec> | null, extra: Partial<AccountModel> = {}): AccountModel {
  return { ...model(t), ...(f ? { followUps: followUps(f) } : {}), ...extra };
}

const sum = (tallies: readonly Tally[], f: keyof Tally["perCycle"]) => tallies.reduce((s, t) => s + t.perCycle[f].reduce((a, x) => a + x, 0), 0);

function trace(m: AccountModel, seed = 3): TraceRow[] {
  const rec = recorder();
  traceAccount(m, seed, 0, 0, rec);
  return rec.rows;
}

describe("follow-ups: each plan's rule", () => {
  it("maps LinkedIn's plans to their rules: Premium refuses (answer/75) unless the FAQ's rule is chosen", () => {
    expect(followUpRuleForPlan("premium-career", "refused")).toBe("refused");
    expect(followUpRuleForPlan("premium-business", "allowed")).toBe("charged");
    expect(followUpRuleForPlan("sales-navigator", "refused")).toBe("charged");
    expect(followUpRuleForPlan("recruiter-lite", "refused")).toBe("scheduled");
    expect(followUpRuleForPlan("recruiter", "allowed")).toBe("scheduled");
  });

  it("refused: nothing is sent and the run is bit for bit the run without follow-ups", () => {
    const t: TestModel = { policy: "linkedin", outcomes: { replied: 0.2, declined: 0.1 }, sendsPerDay: 3 };
    const none = simulateAll(withFollowUps(t, null), 5, 20, 2);
    const refused = simulateAll(withFollowUps(t, { rule: "refused", count: 2 }), 5, 20, 2);
    expect(sum(refused, "followUpsSent")).toBe(0);
    expect(refused.map(packTally)).toEqual(none.map(packTally));
  });

  it("charged (Sales Navigator): each follow-up costs a credit when it is sent, afterDays after the first InMail", () => {
    // Nobody answers, credits never run short: every first InMail more than 7 days
    // before the horizon is followed up, exactly 7 days later, with a credit of its own.
    const m = withFollowUps({ policy: "linkedin", credits: 500, capMultiplier: 100, sendsPerDay: 0.5, cycles: 3 }, { count: 1 });
    const rows = trace(m);
    const horizon = 90;
    const firsts = rows.filter((r) => r.kind === "spend").map((r) => r.t);
    const sent = rows.filter((r) => r.kind === "follow-up").map((r) => r.t);
    const expected = firsts.filter((t) => t + 7 < horizon && !sent.includes(t)).map((t) => t + 7);
    expect(sent.length).toBeGreaterThan(20);
    expect(sent).toEqual(expected);
    // Each follow-up is preceded by its own spend at the same instant.
    for (const t of sent) expect(rows.some((r) => r.kind === "spend" && r.t === t)).toBe(true);
    const s = summarize(simulateAll(m, 3, 30, 2));
    const fu = s.followUps;
    expect(fu.creditsTaken.mean).toBeCloseTo(fu.sent.mean, 12);
    expect(fu.creditsGivenBack.mean).toBe(0);
    expect(s.ledger.spent).toBe(Math.round((s.capacity.mean + fu.sent.mean) * 30 * 2 * 3));
  });

  it("charged: a follow-up that finds no credit is not sent", () => {
    // 5 credits a cycle, sent within hours: no credit is left a week later.
    const m = withFollowUps({ policy: "linkedin", credits: 5, sendsPerDay: 50, cycles: 3, capMultiplier: 1 }, { count: 2 });
    const tallies = simulateAll(m, 3, 20, 2);
    expect(sum(tallies, "followUpsSent")).toBe(0);
    expect(sum(tallies, "sends")).toBe(5 * 3 * 20 * 2);
  });

  it("scheduled (Recruiter): credits are taken when the InMail is sent, and given back when a follow-up cannot be delivered", () => {
    const m = withFollowUps({ policy: "linkedin", credits: 500, capMultiplier: 100, sendsPerDay: 0.5, cycles: 3 }, { rule: "scheduled", count: 2, undeliverableShare: 0.99 });
    const rows = trace(m);
    // Each first InMail more than 7 days before the horizon spends a second credit at
    // once (its follow-up, scheduled); the undeliverable follow-up refunds it 7 days later.
    const spends = rows.filter((r) => r.kind === "spend").map((r) => r.t);
    const undelivered = rows.filter((r) => r.kind === "follow-up-undelivered").map((r) => r.t);
    const refunds = rows.filter((r) => r.kind === "refund").map((r) => r.t);
    expect(undelivered.length).toBeGreaterThan(20);
    for (const t of undelivered) {
      // Follow-up 1 (7 days after its InMail) or, rarely, follow-up 2 (14 days).
      const at = (days: number) => spends.filter((x) => x + days === t).length;
      expect(Math.max(at(7), at(14))).toBeGreaterThanOrEqual(2); // its InMail and one or two scheduled follow-ups
      // The follow-up and the one scheduled after it (14 days) both come back when the first cannot be delivered.
      const back = refunds.filter((x) => x === t).length;
      expect(back === 1 || back === 2).toBe(true);
    }
    const tallies = simulateAll(m, 3, 30, 2);
    const taken = sum(tallies, "followUpCredits");
    const back = sum(tallies, "followUpRefunds");
    expect(taken).toBeGreaterThan(0);
    // Sent ones (1% of draws) are not refunded without answers; nothing else is kept.
    expect(taken - back).toBe(sum(tallies, "followUpsSent"));
    expect(sum(tallies, "followUpsUndelivered")).toBeGreaterThan((0.95 * sum(tallies, "followUpCredits")) / 2);
  });

  it("scheduled: the candidate's answer cancels the follow-ups not yet sent and gives their credits back", () => {
    // Everyone answers within minutes: every scheduled follow-up is cancelled and refunded.
    const m = withFollowUps({ policy: "linkedin", credits: 500, capMultiplier: 100, sendsPerDay: 0.5, cycles: 3, outcomes: { replied: 1 }, meanDelayDays: 0.01 }, { rule: "scheduled", count: 2 });
    const tallies = simulateAll(m, 3, 30, 2);
    expect(sum(tallies, "followUpsSent")).toBe(0);
    expect(sum(tallies, "followUpCredits")).toBeGreaterThan(0);
    expect(sum(tallies, "followUpRefunds")).toBe(sum(tallies, "followUpCredits"));
  });
});

describe("follow-ups: sequences", () => {
  it("the first answer ends the sequence: follow-ups go only to recipients who have not answered yet", () => {
    // Everyone answers the first InMail after Exp(mean 3 days); follow-ups are never
    // answered (factor 0). Follow-up 1 (day 7) is sent iff the answer is later than 7
    // days, follow-up 2 (day 14) iff later than 14: e^(−7/3) + e^(−14/3) = 0.1064 per contact.
    const m = withFollowUps({ policy: "linkedin", credits: 5000, capMultiplier: 100, sendsPerDay: 2, cycles: 12, outcomes: { replied: 1 }, meanDelayDays: 3 }, { count: 2, responseFactor: 0 });
    const tallies = simulateAll(m, 9, 100, 2);
    const contacts = sum(tallies, "sends");
    const expected = Math.exp(-7 / 3) + Math.exp(-14 / 3);
    const perContact = sum(tallies, "followUpsSent") / contacts;
    // ~ 86,000 contacts: the binomial sd of the share is about 0.001; the horizon trims a little.
    expect(perContact).toBeGreaterThan(expected - 0.006);
    expect(perContact).toBeLessThan(expected + 0.003);
    expect(sum(tallies, "followUpConversations")).toBe(0);
  });

  it("a recipient answers once: answers to a follow-up replace a later answer to the first InMail", () => {
    const m = withFollowUps(
      { policy: "linkedin", credits: 5000, capMultiplier: 100, sendsPerDay: 2, cycles: 6, outcomes: { replied: 0.4, declined: 0.1 }, meanDelayDays: 6 },
      { count: 2, responseFactor: 1, afterDays: 3 },
    );
    const s = summarize(simulateAll(m, 9, 50, 2));
    const responses = s.perCycle.reduce((a, r) => a + r.responses, 0);
    const sends = s.perCycle.reduce((a, r) => a + r.sends, 0);
    expect(s.followUps.conversations.mean).toBeGreaterThan(0);
    // Each recipient is asked up to three times at rate 0.5 each, but answers at most once.
    expect(responses).toBeLessThan(sends);
    expect(responses / sends).toBeGreaterThan(0.5);
    expect(s.ledger.granted + s.ledger.refunded - s.ledger.spent - s.ledger.expired - s.ledger.forfeited).toBe(s.ledger.closingBalance);
  });

  it("a follow-up that cannot be sent ends the sequence, not the answers to what was sent", () => {
    // Credits run short (5 a cycle at 2 sends a day), follow-ups are never answered:
    // every first InMail is answered as without follow-ups, so responses per first
    // InMail stay at 0.4 (binomial sd ≈ 0.007 on ~4,800 InMails).
    const t: TestModel = { policy: "guide", credits: 10, sendsPerDay: 2, cycles: 12, outcomes: { replied: 0.3, declined: 0.1 }, meanDelayDays: 10 };
    const rate = (f: Partial<FollowUpSpec> | null) => {
      const s = summarize(simulateAll(withFollowUps(t, f), 2, 40, 1));
      const total = (k: "responses" | "sends") => s.perCycle.reduce((a, r) => a + r[k], 0);
      return { rate: total("responses") / total("sends"), sent: s.followUps.sent.mean };
    };
    const none = rate(null);
    const some = rate({ count: 2, responseFactor: 0, afterDays: 3 });
    expect(some.sent).toBeGreaterThan(0);
    // Answers after the horizon are lost in both runs alike.
    expect(Math.abs(some.rate - none.rate)).toBeLessThan(0.03);
    expect(some.rate).toBeGreaterThan(0.33);
  });

  it("common random numbers: 0, 1 and 2 follow-ups leave every first answer as it was, and 1's follow-ups are 2's first ones", () => {
    const firsts = (f: Partial<FollowUpSpec> | null) => {
      const calls: string[] = [];
      const follow: number[] = [];
      const m = withFollowUps({ policy: "linkedin", credits: 5000, capMultiplier: 100, sendsPerDay: 1, cycles: 3, outcomes: { replied: 0.3 }, meanDelayDays: 8 }, f);
      traceAccount(m, 4, 0, 0, {
        record: (t, kind) => void (kind === "follow-up" && follow.push(t)),
        send: (t, recipient, outcome, respondsAt) => void calls.push(`${t}:${recipient}:${outcome}:${respondsAt}`),
      });
      return { calls, follow };
    };
    const k0 = firsts(null);
    const k1 = firsts({ count: 1 });
    const k2 = firsts({ count: 2 });
    expect(k0.calls.length).toBeGreaterThan(50);
    expect(k1.calls).toEqual(k0.calls);
    expect(k2.calls).toEqual(k0.calls);
    expect(k1.follow.length).toBeGreaterThan(10);
    for (const t of k1.follow) expect(k2.follow).toContain(t);
    expect(k2.follow.length).toBeGreaterThan(k1.follow.length);
  });
});

describe("follow-ups: delivery and answer are two independent draws", () => {
  // Everyone who answers does so within minutes (mean 0.01 days), so a follow-up is due
  // exactly when the first InMail (and any earlier follow-up) went unanswered, and its
  // answer is never pre-empted by a later answer to an earlier message. Replies only:
  // every answer is a conversation. Credits never run short, so a follow-up due is
  // either delivered (sent) or not (undelivered).
  const rate = 0.3;
  const factor = 0.5;
  const run = (u: number) => {
    const m = withFollowUps(
      { policy: "linkedin", credits: 100_000, capMultiplier: 100, sendsPerDay: 5, cycles: 6, outcomes: { replied: rate }, meanDelayDays: 0.01 },
      { count: 2, responseFactor: factor, undeliverableShare: u },
    );
    const tallies = simulateAll(m, 21, 100, 1);
    const sent = sum(tallies, "followUpsSent");
    const undelivered = sum(tallies, "followUpsUndelivered");
    return { sent, due: sent + undelivered, answered: sum(tallies, "followUpConversations"), firsts: sum(tallies, "sends") };
  };

  it.each([0, 0.3, 0.9])("at undeliverableShare %s, a delivered follow-up is answered at factor × rate and (1 − u) of those due are sent", (u) => {
    const r = run(u);
    // ~89,000 first InMails; ~109,000 follow-ups due at u = 0, ~6,500 delivered at u = 0.9.
    expect(r.firsts).toBeGreaterThan(80_000);
    expect(r.sent).toBeGreaterThan(5_000);
    // Binomial sd of the answered share: 0.001 (u = 0) to 0.0045 (u = 0.9); one draw for
    // both decisions would give min(1, 0.15 ÷ (1 − u)): 0.214 at 0.3, 1 at 0.9.
    expect(Math.abs(r.answered / r.sent - factor * rate)).toBeLessThan(0.025);
    // Binomial sd of the sent share of those due: at most 0.0015.
    expect(Math.abs(r.sent / r.due - (1 - u))).toBeLessThan(0.01);
  });

  it("the first InMail's answer and a follow-up's decisions come from different draws", () => {
    // Follow-ups go only to recipients who ignored the first InMail: were the follow-up's
    // answer or delivery drawn from the first InMail's uniform, those recipients would
    // hardly ever answer (or always be undeliverable). Checked above at factor × rate and
    // 1 − u; here the first InMails themselves are answered at the rate, with or without
    // undeliverable follow-ups (common random numbers: the same first answers).
    const firstAnswers = (u: number) => {
      const out: string[] = [];
      const m = withFollowUps(
        { policy: "linkedin", credits: 5000, capMultiplier: 100, sendsPerDay: 20, cycles: 3, outcomes: { replied: rate }, meanDelayDays: 0.01 },
        { count: 2, responseFactor: factor, undeliverableShare: u },
      );
      traceAccount(m, 5, 0, 0, { record: () => undefined, send: (t, k, outcome) => void out.push(`${t}:${k}:${outcome}`) });
      return out;
    };
    const none = firstAnswers(0);
    expect(firstAnswers(0.5)).toEqual(none);
    const replied = none.filter((x) => x.endsWith(":replied")).length / none.length;
    expect(none.length).toBeGreaterThan(1500);
    expect(Math.abs(replied - rate)).toBeLessThan(0.04); // binomial sd ≈ 0.011
  });
});

describe("the response metric window", () => {
  it("30 days (LinkedIn's report): later answers leave the response rate, not refunds or conversations", () => {
    // Exp(mean 20 days): P(answer within 30 days) = 1 − e^(−1.5) = 0.777; refunds use 90 days.
    const t: TestModel = { policy: "linkedin", outcomes: { replied: 0.3, declined: 0.1 }, meanDelayDays: 20, sendsPerDay: 2, cycles: 12 };
    const all = summarize(simulateAll(model(t), 6, 100, 2));
    const report = summarize(simulateAll({ ...model(t), metricWindowDays: 30 }, 6, 100, 2));
    const total = (s: Summary, f: "responses" | "refunds" | "positives") => s.perCycle.reduce((a, r) => a + r[f], 0);
    expect(total(report, "refunds")).toBe(total(all, "refunds"));
    expect(total(report, "positives")).toBe(total(all, "positives"));
    const share = total(report, "responses") / total(all, "responses");
    // Answers late in the horizon are cut by the horizon in both runs: the share sits a little above 0.777.
    expect(share).toBeGreaterThan(0.777 - 0.015);
    expect(share).toBeLessThan(0.777 + 0.04);
  });
});

describe("the ledger identity with sequences", () => {
  it("holds for every unit, with balances never negative, under any follow-up rule and parameters", () => {
    const spec = fc.record({
      rule: fc.constantFrom("charged" as const, "scheduled" as const, "refused" as const),
      count: fc.integer({ min: 0, max: 5 }),
      afterDays: fc.integer({ min: 1, max: 28 }),
      responseFactor: fc.double({ min: 0, max: 1, noNaN: true }),
      undeliverableShare: fc.double({ min: 0, max: 0.99, noNaN: true }),
      policy: fc.constantFrom("guide" as const, "linkedin" as const),
      credits: fc.integer({ min: 1, max: 30 }),
      replied: fc.double({ min: 0, max: 0.6, noNaN: true }),
      sendsPerDay: fc.double({ min: 0.1, max: 20, noNaN: true }),
      meanDelayDays: fc.double({ min: 0, max: 20, noNaN: true }),
      refundAging: fc.constantFrom("original" as const, "fresh" as const),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(spec, (p) => {
        const m = withFollowUps(
          { policy: p.policy, credits: p.credits, cycles: 3, sendsPerDay: p.sendsPerDay, outcomes: { replied: p.replied, declined: 0.05 }, meanDelayDays: p.meanDelayDays, refundAging: p.refundAging },
          { rule: p.rule, count: p.count, afterDays: p.afterDays, responseFactor: p.responseFactor, undeliverableShare: p.undeliverableShare },
        );
        let balance = 0;
        const rec = recorder();
        const { ledger } = traceAccount(m, p.seed, 0, 0, rec);
        for (const r of rec.rows) {
          expect(r.balance).toBeGreaterThanOrEqual(0);
          balance = r.balance;
        }
        expect(ledger.balance).toBe(balance);
        expect(ledger.granted + ledger.refunded - ledger.spent - ledger.expired - ledger.forfeited).toBe(ledger.balance);
        const [t] = simulateAll(m, p.seed, 3, 1);
        const l = t!.ledger;
        expect(l.granted + l.refunded - l.spent - l.expired - l.forfeited).toBe(t!.closingBalance);
        const n = (f: keyof Tally["perCycle"]) => sum([t!], f);
        expect(n("followUpRefunds")).toBeLessThanOrEqual(n("followUpCredits"));
        expect(n("followUpConversations")).toBeLessThanOrEqual(n("positives"));
        expect(l.spent).toBe(n("sends") - n("freeSends") + n("followUpCredits"));
        // One answer per recipient at most.
        expect(n("responses")).toBeLessThanOrEqual(n("sends"));
      }),
      { numRuns: 60 },
    );
  });
});
