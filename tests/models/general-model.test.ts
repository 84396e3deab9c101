import { describe, expect, it } from "vitest";
import { creditRules, lengthMultiplier, simulateAll, summarize, traceAccount, weekdayMultipliers, type AccountModel, type Summary } from "../../models/index.ts";
import { model, recorder, type TestModel } from "../support/model-helpers.ts";

const office = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, utcOffsetHours: 0 };

function with_(t: TestModel, over: Partial<AccountModel>): AccountModel {
  return { ...model(t), ...over };
}

function run(m: AccountModel, accounts = 40, replications = 3, seed = 5): Summary {
  return summarize(simulateAll(m, seed, accounts, replications));
}

const total = (s: Summary, f: keyof Summary["perCycle"][number]) => s.perCycle.reduce((a, r) => a + r[f], 0);

describe("senders", () => {
  it("send only inside their working calendar", () => {
    const rec = recorder();
    traceAccount(with_({ sendsPerDay: 30, outcomes: { replied: 0.3 } }, { sender: { calendar: office } }), 2, 0, 0, rec);
    const spends = rec.rows.filter((r) => r.kind === "spend");
    expect(spends.length).toBeGreaterThan(100);
    for (const s of spends) {
      const weekday = (Math.floor(s.t) + 1) % 7; // 2026-01-05 (t = 0) is a Monday
      const hour = (s.t - Math.floor(s.t)) * 24;
      expect(weekday).toBeGreaterThanOrEqual(1);
      expect(weekday).toBeLessThanOrEqual(5);
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(17);
    }
  });

  it("never exceed the daily cap or the demand per cycle", () => {
    const rec = recorder();
    traceAccount(with_({ sendsPerDay: 1000, credits: 5000, cycles: 2 }, { sender: { maxSendsPerDay: 7, demandPerCycle: 100 } }), 2, 0, 0, rec);
    const perDay = new Map<number, number>();
    const perCycle = [0, 0];
    for (const r of rec.rows.filter((x) => x.kind === "spend")) {
      perDay.set(Math.floor(r.t), (perDay.get(Math.floor(r.t)) ?? 0) + 1);
      perCycle[r.t < 30 ? 0 : 1]!++;
    }
    expect(Math.max(...perDay.values())).toBe(7);
    expect(perCycle).toEqual([100, 100]);
  });

  it("a finite audience pool runs dry: each person once, then the sender stops and it is reported", () => {
    const s = run(with_({ sendsPerDay: 100, credits: 50, cycles: 3 }, { sender: { poolSize: 70 } }), 10, 2);
    expect(total(s, "sends")).toBe(70);
    expect(total(s, "poolExhausted")).toBe(1);
  });

  it("out of credits: `next-grant` senders ignore refunds until the next grant", () => {
    const rec = recorder();
    traceAccount(with_({ sendsPerDay: 1000, outcomes: { replied: 0.5 }, meanDelayDays: 1, cycles: 2 }, { sender: { whenOut: "next-grant" } }), 2, 0, 0, rec);
    const firstCycle = rec.rows.filter((r) => r.kind === "spend" && r.t < 30);
    // All 50 credits go in the first minutes; refunds arrive later but no send follows them.
    expect(firstCycle.length).toBe(50);
    expect(rec.rows.filter((r) => r.kind === "refund" && r.t < 30).length).toBeGreaterThan(10);
  });
});

describe("grant schedules and contracts", () => {
  it("staggered billing anchors spread accounts' grants over the month", () => {
    const m = with_({ cycles: 2 }, { schedule: { kind: "billing-date" }, anchorSpreadDays: 30 });
    const firsts = [0, 1, 2, 3, 4].map((i) => {
      const rec = recorder();
      traceAccount(m, 9, 0, i, rec);
      return rec.rows.find((r) => r.kind === "grant")!.t;
    });
    expect(new Set(firsts).size).toBe(5);
    for (const t of firsts) (expect(t).toBeGreaterThanOrEqual(0), expect(t).toBeLessThan(30));
  });

  it("Sales Navigator grants on the 1st of each month (UTC)", () => {
    const rec = recorder();
    traceAccount(with_({ cycles: 3 }, { schedule: { kind: "calendar-month" }, startDate: "2026-01-01" }), 9, 0, 0, rec);
    expect(rec.rows.filter((r) => r.kind === "grant").map((r) => r.t)).toEqual([0, 31, 59]);
  });

  it("Recruiter seats pool their credits; a seat limit caps each seat, refunds go to the pool", () => {
    const rec = recorder();
    traceAccount(with_({ credits: 150, sendsPerDay: 50, outcomes: { replied: 0.3 }, meanDelayDays: 1, cycles: 1 }, { seats: 3, seatCreditLimit: 40 }), 3, 0, 0, rec);
    const bySeat = [0, 1, 2].map((s) => rec.rows.filter((r) => r.kind === "spend" && r.seat === s).length);
    for (const n of bySeat) expect(n).toBe(40); // each seat stops at its limit…
    // …although refunds kept the shared pool above zero.
    expect(rec.rows.filter((r) => r.kind === "refund").length).toBeGreaterThan(10);
  });

  it("the ledger identity holds with every feature on", () => {
    const m = with_(
      { policy: "linkedin", outcomes: { accepted: 0.1, replied: 0.1, declined: 0.1, spam: 0.05 }, sendsPerDay: 10, refundAging: "fresh" },
      {
        seats: 2,
        seatCreditLimit: 30,
        schedule: { kind: "billing-date" },
        anchorSpreadDays: 30,
        sender: { calendar: office, maxSendsPerDay: 15, demandPerCycle: 120 },
        openProfile: { share: 0.2, monthlyCap: 5 },
        connections: { use: "fallback", mixShare: 0, weeklyCap: 20, acceptRate: 0.3, replyRate: 0.3 },
        response: { ...model().response, outcomeProbabilities: [0.1, 0.1, 0.1, 0.05, 0.65], weekdayMultipliers, offPeakMultiplier: 1.05, heterogeneity: 5 },
      },
    );
    const l = run(m).ledger;
    expect(l.granted + l.refunded - l.spent - l.expired - l.forfeited).toBe(l.closingBalance);
  });
});

describe("channels", () => {
  it("Open Profile members are messaged free up to the monthly cap, then with credits", () => {
    const s = run(with_({ sendsPerDay: 100, credits: 50, cycles: 2 }, { openProfile: { share: 1, monthlyCap: 10 } }), 5, 2);
    for (const r of s.perCycle) {
      expect(r.freeSends).toBe(10);
      expect(r.sends).toBe(60); // 10 free + the 50 credits
    }
    expect(s.ledger.spent).toBe(50 * 2 * 5 * 2);
  });

  it("connection requests use no credits and respect the weekly cap", () => {
    const rec = recorder();
    const m = with_(
      { sendsPerDay: 100, credits: 1, cycles: 2 },
      {
        rules: creditRules({ policy: "guide", creditsPerCycle: 0, capMultiplier: 1, creditLifetimeDays: 90 }),
        connections: { use: "only", mixShare: 0, weeklyCap: 25, acceptRate: 0.4, replyRate: 0.5 },
      },
    );
    traceAccount(m, 4, 0, 0, rec);
    const conns = rec.rows.filter((r) => r.kind === "connection");
    const perWeek = new Map<number, number>();
    for (const c of conns) perWeek.set(Math.floor(c.t / 7), (perWeek.get(Math.floor(c.t / 7)) ?? 0) + 1);
    expect([...perWeek.values()].every((n) => n <= 25)).toBe(true);
    expect(perWeek.get(0)).toBe(25);
    expect(rec.rows.some((r) => r.kind === "spend")).toBe(false);
  });

  it("connections as a fallback keep a sender reaching people while out of credits", () => {
    const base = { sendsPerDay: 20, credits: 20, cycles: 2 };
    const without = run(with_(base, {}));
    const withFallback = run(with_(base, { connections: { use: "fallback", mixShare: 0, weeklyCap: 100, acceptRate: 0.3, replyRate: 0.3 } }));
    expect(total(without, "connectionRequests")).toBe(0);
    expect(total(withFallback, "connectionRequests")).toBeGreaterThan(100);
    expect(withFallback.capacity.mean).toBeCloseTo(without.capacity.mean, 0);
  });
  it("mix: a contact that falls back to InMail at the weekly invitation cap never spends an expired credit", () => {
    // Every contact is drawn as a connection request, the weekly cap of 1 is hit at once,
    // so the rest go by InMail. Nobody answers (no refunds): each grant's 50 credits live
    // 5 days, so no spend can come 5 or more days after the grant that paid for it, and
    // what is not spent expires. 28-day cycles start with a week (and its invitation).
    const rec = recorder();
    const m = with_(
      { policy: "linkedin", credits: 50, creditLifetimeDays: 5, sendsPerDay: 2, cycles: 3, cycleDays: 28 },
      {
        sender: { maxSendsPerDay: 2 },
        connections: { use: "mix", mixShare: 1, weeklyCap: 1, acceptRate: 0.3, replyRate: 0.3 },
      },
    );
    traceAccount(m, 3, 0, 0, rec);
    const grants = rec.rows.filter((r) => r.kind === "grant");
    const spends = rec.rows.filter((r) => r.kind === "spend");
    expect(grants.map((g) => g.t)).toEqual([0, 28, 56]);
    expect(spends.length).toBeGreaterThan(10);
    for (const s of spends) {
      const grantedAt = grants.filter((g) => g.t <= s.t).at(-1)!.t;
      expect(s.t - grantedAt).toBeLessThan(5);
    }
    const sum = (kind: string) => rec.rows.filter((r) => r.kind === kind).reduce((a, r) => a + r.credits, 0);
    expect(sum("spend") + sum("expire")).toBe(3 * 50);
  });
});

describe("response levers", () => {
  const rate = (m: AccountModel) => {
    const s = run(m, 200, 2);
    return total(s, "responses") / total(s, "sends");
  };

  it("message length bands scale responses as published (×1.22 under 400 characters, ×0.89 over 1,200)", () => {
    const base = { credits: 100, sendsPerDay: 100, outcomes: { replied: 0.2 }, meanDelayDays: 0.1, cycles: 2 };
    const short = rate(with_(base, { response: { ...model(base).response, multiplier: lengthMultiplier(300) } }));
    const long = rate(with_(base, { response: { ...model(base).response, multiplier: lengthMultiplier(1500) } }));
    expect(short).toBeGreaterThan(0.244 * 0.95);
    expect(short).toBeLessThan(0.244 * 1.05);
    expect(short / long).toBeGreaterThan((1.22 / 0.89) * 0.93);
    expect(short / long).toBeLessThan((1.22 / 0.89) * 1.07);
    // Tighter than the gap between neighbouring bands (0.94 vs 0.89 is 5.3%); the
    // sampling error of the ratio is about 0.9% here.
    expect(Math.abs(short / long / (1.22 / 0.89) - 1)).toBeLessThan(0.03);
    expect(Math.abs(long / (0.2 * 0.89) - 1)).toBeLessThan(0.03);
  });

  it("Saturday sends get fewer responses than Monday sends", () => {
    const base = { credits: 100, sendsPerDay: 60, outcomes: { replied: 0.3 }, meanDelayDays: 0.1, cycles: 3 };
    const only = (day: number) =>
      with_(base, {
        sender: { calendar: { weekdays: [day], startHour: 0, endHour: 24, utcOffsetHours: 0 } },
        response: { ...model(base).response, weekdayMultipliers },
      });
    const monday = rate(only(1));
    const saturday = rate(only(6));
    expect(saturday / monday).toBeGreaterThan((0.9 / 1.01) * 0.93);
    expect(saturday / monday).toBeLessThan((0.9 / 1.01) * 1.07);
  });

  it("without a work calendar, weekday effects follow the start date's real weekday", () => {
    // Everyone replies except to Saturday sends (multiplier 0). 2026-01-07 is a Wednesday,
    // so day t falls on weekday (3 + ⌊t⌋) mod 7 (0 = Sunday).
    const base = { credits: 100, sendsPerDay: 10, outcomes: { replied: 1 }, meanDelayDays: 0.1, cycles: 2 };
    const m = with_(base, { startDate: "2026-01-07", response: { ...model(base).response, weekdayMultipliers: [1, 1, 1, 1, 1, 1, 0] } });
    const sends: { weekday: number; outcome: string }[] = [];
    traceAccount(m, 1, 0, 0, {
      record() {},
      send(t, _recipient, outcome) {
        sends.push({ weekday: (3 + Math.floor(t)) % 7, outcome });
      },
    });
    const saturday = sends.filter((s) => s.weekday === 6);
    const otherDays = sends.filter((s) => s.weekday !== 6);
    expect(saturday.length).toBeGreaterThan(20);
    expect(otherDays.length).toBeGreaterThan(100);
    for (const s of saturday) expect(s.outcome).toBe("ignored");
    for (const s of otherDays) expect(s.outcome).toBe("replied");
  });

  it("audience heterogeneity keeps the mean response rate but spreads capacity across accounts", () => {
    // Declines refund nothing under the guide: every account sends exactly 50, so the
    // pooled response rate is the mean of the accounts' rates, E[q] = 0.3.
    const fixed = { credits: 50, sendsPerDay: 1000, outcomes: { declined: 0.3 }, meanDelayDays: 0, cycles: 2 };
    const s = run(with_(fixed, { response: { ...model(fixed).response, heterogeneity: 2 } }), 4000, 1);
    const even = total(s, "responses") / total(s, "sends");
    // q ~ Beta(0.6, 1.4): sd 0.26 across accounts, so the mean of 4,000 has sd 0.004.
    expect(Math.abs(even - 0.3)).toBeLessThan(4 * 0.0042);
    const base = { credits: 50, sendsPerDay: 1000, outcomes: { replied: 0.3 }, meanDelayDays: 0, cycles: 2 };
    const plain = with_(base, {});
    const spread = with_(base, { response: { ...model(base).response, heterogeneity: 2 } });
    // Capacity C/(1 − q) is convex in q: a spread of q raises the mean capacity.
    const capPlain = run(plain, 400, 2).capacity.mean;
    const capSpread = run(spread, 400, 2).capacity.mean;
    expect(capSpread).toBeGreaterThan(capPlain * 1.05);
  });
});

describe("the free channel against InMail (G1, G10)", () => {
  const base = { credits: 200, sendsPerDay: 20, outcomes: { replied: 0.18 }, meanDelayDays: 0.5, cycles: 2 };

  it("G1: InMail reaches members without a connection; a connection request needs an acceptance first", () => {
    const inmail = run(with_(base, {}), 50, 2);
    const noAccept = run(with_(base, { connections: { use: "only", mixShare: 0, weeklyCap: 1000, acceptRate: 0, replyRate: 1 } }), 50, 2);
    expect(total(inmail, "positives")).toBeGreaterThan(0);
    expect(total(noAccept, "connectionRequests")).toBeGreaterThan(0);
    expect(total(noAccept, "positives")).toBe(0);
  });

  it("G10: connection requests are free but turn into fewer conversations per contact than InMail", () => {
    const inmail = run(with_(base, {}), 100, 2);
    const conn = run(with_(base, { connections: { use: "only", mixShare: 0, weeklyCap: 1000, acceptRate: 0.3, replyRate: 0.25 } }), 100, 2);
    const perContact = (s: Summary, contacts: number) => total(s, "positives") / contacts;
    expect(conn.ledger.spent).toBe(0);
    const inmailRate = perContact(inmail, total(inmail, "sends"));
    const connRate = perContact(conn, total(conn, "connectionRequests"));
    expect(connRate).toBeGreaterThan(0.075 * 0.8);
    expect(connRate).toBeLessThan(0.075 * 1.2);
    expect(inmailRate).toBeGreaterThan(connRate * 2);
  });
});
