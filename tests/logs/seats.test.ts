/**
 * Seats billed on their own days and holding their own balances, replayed and checked
 * against sums worked by hand (Premium Career under LinkedIn's rules: 5 credits a
 * month, cap 15, credits live 90 days, a reply refunds).
 */
import { describe, expect, it } from "vitest";
import { billingDayGrantsMs, replayPlan } from "../../logs/plan-replay.ts";
import { parseSendLogText } from "../../logs/parse-send-log-text.ts";
import { runReplay, type ReplaySettingsResolved } from "../../logs/replay-report.ts";
import { parseSeatsText } from "../../logs/seats-file.ts";
import { checkSeats, seatsPlan } from "../../logs/seats.ts";
import { LogFormatError } from "../../logs/send-log.ts";
import { planPrices } from "../../logs/replay-report.ts";
import { plans } from "../../models/plans.ts";

const iso = (y: number, m: number, d: number, h = 9, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min)).toISOString();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * bob: 7 InMails on Jan 10 (the log's first send; the first replied Jan 12), 6 on Feb 1.
 * ann: 9 InMails on Jan 20, 6 on Feb 10; none answered.
 */
function handLog(planColumn = "") {
  const rows: string[] = [];
  for (let i = 0; i < 7; i++) rows.push(`${iso(2026, 1, 10, 9, i)},b${i},${i === 0 ? `replied,${iso(2026, 1, 12)}` : ","},bob,${planColumn}`);
  for (let i = 0; i < 9; i++) rows.push(`${iso(2026, 1, 20, 9, i)},a${i},,,ann,${planColumn}`);
  for (let i = 0; i < 6; i++) rows.push(`${iso(2026, 2, 1, 9, i)},b${10 + i},,,bob,${planColumn}`);
  for (let i = 0; i < 6; i++) rows.push(`${iso(2026, 2, 10, 9, i)},a${10 + i},,,ann,${planColumn}`);
  return parseSendLogText(["sentAt,recipientId,outcome,respondedAt,account,plan", ...rows].join("\n"), "log.csv");
}

const END = Date.UTC(2026, 2, 1);

function settings(seats: ReturnType<typeof parseSeatsText>, over: Partial<ReplaySettingsResolved> = {}): ReplaySettingsResolved {
  return {
    plan: "premium-career",
    policy: "linkedin",
    refundAging: "original",
    billingCycle: "30-days",
    anchorMs: Date.UTC(2026, 0, 10),
    endMs: END,
    prices: planPrices(Object.fromEntries(Object.entries(plans).map(([p, v]) => [`price.${p}`, v.illustrativePriceUsd]))),
    seats,
    ...over,
  };
}

describe("billing days", () => {
  it("grant monthly from the last such day on or before the first send, a short month on its last day", () => {
    const from = Date.parse(iso(2026, 1, 10));
    expect(billingDayGrantsMs(31, from, END).map(day)).toEqual(["2025-12-31", "2026-01-31", "2026-02-28"]);
    expect(billingDayGrantsMs(15, from, END).map(day)).toEqual(["2025-12-15", "2026-01-15", "2026-02-15"]);
    // From a clipped month, the next month is not held to the clipped day.
    expect(billingDayGrantsMs(31, Date.parse(iso(2026, 3, 5)), Date.UTC(2026, 4, 1)).map(day)).toEqual(["2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(billingDayGrantsMs(10, from, END).map(day)).toEqual(["2026-01-10", "2026-02-10"]);
  });
});

describe("a replay with each seat's billing day and opening balance, worked by hand", () => {
  const log = handLog();
  const seats = parseSeatsText("seat;billing day;opening balance\nann;31;3\nbob;15th;\n", "seats.csv");

  it("grants each seat on its own day and starts it with its own credits", () => {
    const r = replayPlan(log, "premium-career", "linkedin", { endMs: END, seatBillingDays: [15, 31], openingBalance: [0, 3] });
    expect(log.accounts).toEqual(["bob", "ann"]);
    expect(r.seatGrantTimesMs.map((g) => g.map(day))).toEqual([
      ["2025-12-15", "2026-01-15", "2026-02-15"],
      ["2025-12-31", "2026-01-31", "2026-02-28"],
    ]);
    const [bob, ann] = r.accounts;
    // bob: Dec 15 +5; Jan 10 sends 7: 5 sent, 2 unsendable; Jan 12 reply refunds 1; Jan 15 +5 (6); Feb 1 sends 6 (0); Feb 15 +5.
    expect(bob).toMatchObject({ opening: 0, granted: 15, spent: 11, refunded: 1, unsendable: 2, closingBalance: 5, expired: 0, forfeited: 0 });
    // ann: Dec 31 +5 and her 3 (8); Jan 20 sends 9: 8 sent, 1 unsendable; Jan 31 +5; Feb 10 sends 6: 5 sent, 1 unsendable; Feb 28 +5.
    expect(ann).toMatchObject({ opening: 3, granted: 15, spent: 13, refunded: 0, unsendable: 2, closingBalance: 5, expired: 0, forfeited: 0 });
    expect(r.totals).toMatchObject({ opening: 3, granted: 30, spent: 24, refunded: 1, unsendable: 4, closingBalance: 10 });
    expect(r.originMs).toBe(Date.UTC(2025, 11, 15));
  });

  it("through the replay report: the seats file's days and balances, the command line's for what it leaves out", () => {
    const r = runReplay(log, settings(seats));
    expect(r.replay!.totals).toMatchObject({ opening: 3, granted: 30, spent: 24, unsendable: 4 });
    expect(r.params.seats!.bySeat).toEqual([
      { seat: "bob", inSeatsFile: true, plan: null, billingDay: 15, openingBalance: 0, openingBalanceAuto: false, openingBalanceCovers: null },
      { seat: "ann", inSeatsFile: true, plan: null, billingDay: 31, openingBalance: 3, openingBalanceAuto: false, openingBalanceCovers: null },
    ]);
    // Three months billed for each seat: 6 seat-months at the plan's price.
    const own = r.whatIf.find((w) => w.plan === "premium-career" && w.policy === "linkedin")!;
    expect(own.costUsd).toBeCloseTo(6 * plans["premium-career"].illustrativePriceUsd, 9);
    // A seat the file leaves out takes --opening-balance.
    const annOnly = parseSeatsText("seat,billingDay\nann,31\n", "seats.csv");
    const r2 = runReplay(log, settings(annOnly, { openingBalance: 2 }));
    expect(r2.replay!.accounts.map((a) => a.opening)).toEqual([2, 2]);
  });

  it("auto per seat: each seat's own least balance, reported per seat", () => {
    // ann needs 5: 10 at Dec 31, 9 sent Jan 20 (1 left), +5 Jan 31, 6 sent Feb 10. bob needs 2: 7 at Jan 10, the refund and Jan 15's 5 pay Feb 1's 6.
    const auto = parseSeatsText("seat,billingDay,openingBalance\nann,31,auto\nbob,15,\n", "seats.csv");
    const r = runReplay(log, settings(auto, { openingBalance: "auto" }));
    expect(r.params.seats!.bySeat.map((x) => [x.seat, x.openingBalance, x.openingBalanceAuto, x.openingBalanceCovers])).toEqual([
      ["bob", 2, true, true],
      ["ann", 5, true, true],
    ]);
    expect(r.replay!.totals.unsendable).toBe(0);
    // One less for either seat leaves one of its InMails unsendable.
    const less = replayPlan(log, "premium-career", "linkedin", { endMs: END, seatBillingDays: [15, 31], openingBalance: [1, 4] });
    expect(less.accounts.map((a) => a.unsendable)).toEqual([1, 1]);
    // A given balance stays as given beside an auto one.
    const mixed = runReplay(log, settings(parseSeatsText("seat,billingDay,openingBalance\nann,31,auto\nbob,15,0\n", "seats.csv")));
    expect(mixed.replay!.accounts.map((a) => a.opening)).toEqual([0, 5]);
  });

  it("leaves a replay without a seats file as it was", () => {
    const a = replayPlan(log, "premium-career", "linkedin", { endMs: END, openingBalance: 1 });
    const b = replayPlan(log, "premium-career", "linkedin", { endMs: END, openingBalance: 1, seatBillingDays: [undefined, undefined] });
    expect(b.totals).toEqual(a.totals);
    expect(b.seatGrantTimesMs[0]).toBe(b.seatGrantTimesMs[1]);
  });
});

describe("a seats file against its log", () => {
  it("takes the plan from the seats file; refuses one that contradicts the log's, naming the seat and both plans", () => {
    const seats = parseSeatsText("seat,plan\nann,Premium Career\nbob,premium-career\n", "seats.csv");
    expect(seatsPlan(handLog(), seats)).toBe("premium-career");
    expect(checkSeats(handLog("premium-career"), seats)).toEqual([]);
    const wrong = parseSeatsText("seat,plan\nbob,premium-career\nann,Recruiter Lite\n", "seats.csv");
    let err: unknown;
    try {
      checkSeats(handLog("premium-career"), wrong);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LogFormatError);
    expect((err as Error).message).toBe(
      'seats.csv:3: plan: "recruiter-lite": seat "ann" is on recruiter-lite here but on premium-career in the log (log.csv:9); a seat is on one plan: correct the one that is wrong',
    );
  });

  it("returns the seats the log lacks", () => {
    const seats = parseSeatsText("seat\nann\nzed\nBob\n", "seats.csv");
    expect(checkSeats(handLog(), seats).map((r) => [r.seat, r.line])).toEqual([
      ["zed", 3],
      ["Bob", 4],
    ]);
  });
});
