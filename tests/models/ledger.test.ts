import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CreditLedger } from "../../models/ledger.ts";

function identityHolds(l: CreditLedger): boolean {
  return l.balance === l.granted + l.refunded - l.spent - l.expired - l.forfeited && l.balance >= 0;
}

const op = fc.oneof(
  fc.record({
    op: fc.constant("grant" as const),
    credits: fc.integer({ min: 0, max: 60 }),
    life: fc.integer({ min: 1, max: 120 }),
    cap: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 200 })),
  }),
  fc.record({ op: fc.constant("spend" as const) }),
  fc.record({ op: fc.constant("refund" as const), life: fc.integer({ min: -10, max: 120 }) }),
  fc.record({ op: fc.constant("expire" as const) }),
  fc.record({ op: fc.constant("lapse" as const) }),
  fc.record({ op: fc.constant("wait" as const), days: fc.integer({ min: 0, max: 40 }) }),
);

describe("CreditLedger", () => {
  it("never goes negative and conserves credits exactly under any sequence of operations", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const l = new CreditLedger();
        let now = 0;
        for (const o of ops) {
          const before = l.balance;
          switch (o.op) {
            case "grant":
              l.grant(o.credits, now + o.life, o.cap);
              expect(l.balance).toBeLessThanOrEqual(Math.max(o.cap, 0));
              break;
            case "spend": {
              const e = l.spend(now);
              if (Number.isNaN(e)) expect(l.balance).toBe(0);
              else expect(e).toBeGreaterThan(now);
              break;
            }
            case "refund":
              l.refund(now, now + o.life);
              expect(l.balance - before).toBe(o.life > 0 ? 1 : 0);
              break;
            case "expire":
              l.expireUntil(now);
              expect(l.nextExpiry).toBeGreaterThan(now);
              break;
            case "lapse":
              l.lapseAll();
              expect(l.balance).toBe(0);
              break;
            case "wait":
              now += o.days;
              break;
          }
          expect(identityHolds(l)).toBe(true);
          // Lots stay in expiry order with positive amounts.
          const lots = l.snapshot();
          lots.forEach(([e, a], i) => {
            expect(a).toBeGreaterThan(0);
            if (i > 0) expect(e).toBeGreaterThan(lots[i - 1]![0]);
          });
          expect(lots.reduce((s, [, a]) => s + a, 0)).toBe(l.balance);
          // nextExpiry is kept in step with the lots.
          expect(l.nextExpiry).toBe(lots.length > 0 ? lots[0]![0] : Infinity);
        }
      }),
    );
  });

  it("spendFirst takes one credit of the first lot without expiring anything, and nothing from an empty ledger", () => {
    const l = new CreditLedger();
    l.spendFirst();
    expect([l.balance, l.spent]).toEqual([0, 0]);
    l.grant(1, 10);
    l.grant(2, 50);
    expect(l.nextExpiry).toBe(10);
    l.spendFirst(); // even past day 10: the caller expires first
    expect([l.balance, l.spent, l.expired, l.nextExpiry]).toEqual([2, 1, 0, 50]);
    l.spendFirst();
    l.spendFirst();
    expect([l.balance, l.spent, l.nextExpiry]).toEqual([0, 3, Infinity]);
  });

  it("spends the credit that expires first (FIFO) and never an expired one", () => {
    const l = new CreditLedger();
    l.grant(2, 90); // granted at day 0
    l.grant(3, 120); // granted at day 30
    expect(l.spend(40)).toBe(90);
    expect(l.spend(40)).toBe(90);
    expect(l.spend(40)).toBe(120);
    l.grant(1, 80); // an older credit (e.g. a refund keeping its expiry) goes first
    expect(l.spend(41)).toBe(80);
    // At day 120 the remaining two credits of the day-120 lot are expired, not spent.
    expect(l.spend(120)).toBeNaN();
    expect(l.expired).toBe(2);
    expect(l.spent).toBe(4);
  });

  it("expireUntil removes exactly the lots due at or before the time", () => {
    const l = new CreditLedger();
    l.grant(5, 10);
    l.grant(7, 20);
    expect(l.expireUntil(9.999)).toBe(0);
    expect(l.expireUntil(10)).toBe(5);
    expect(l.balance).toBe(7);
    expect(l.expireUntil(100)).toBe(7);
    expect(l.expired).toBe(12);
  });

  it("clips to the cap at a grant, forfeiting the oldest credits first", () => {
    const l = new CreditLedger();
    l.grant(50, 90, 150);
    l.grant(50, 120, 150);
    l.grant(50, 150, 150);
    expect(l.forfeited).toBe(0);
    expect(l.grant(50, 180, 150)).toBe(50);
    expect(l.balance).toBe(150);
    expect(l.snapshot()).toEqual([
      [120, 50],
      [150, 50],
      [180, 50],
    ]);
    // A partial lot is trimmed, not dropped whole.
    l.spend(31);
    expect(l.grant(10, 200, 150)).toBe(9);
    expect(l.snapshot()[0]).toEqual([120, 40]);
  });

  it("a refund keeps its given expiry; one already past expires at once", () => {
    const l = new CreditLedger();
    l.grant(1, 90);
    const e = l.spend(10);
    l.refund(12, e);
    expect(l.snapshot()).toEqual([[90, 1]]);
    l.refund(95, 90);
    expect(l.refunded).toBe(2);
    expect(l.expired).toBe(1);
    expect(l.balance).toBe(1);
    expect(identityHolds(l)).toBe(true);
  });
});
