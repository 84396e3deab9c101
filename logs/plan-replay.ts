/**
 * A send log replayed on a named plan under a policy preset: the plan's credit rules
 * (`rulesForPlan`) and its grant schedule, then `replay`. Billing-date plans grant every
 * `cycleDays` days from the anchor (the simulator's `fixed` schedule, default) or
 * monthly on the anchor's day (`billingCycle: "monthly"`), or monthly on a billing day
 * of every seat's or of each seat's own (`billingDay`, `seatBillingDays`); Sales Navigator on the 1st
 * of each month, UTC, from the 1st of the anchor's month. The anchor is the
 * subscription start: by default the UTC midnight of the log's first sentAt; InMails
 * before the first grant are unsendable.
 */
import { grantTimes, type GrantSchedule } from "../models/grant-schedule.ts";
import { DAY_MS, formatDate, utcMidnightMs } from "../models/iso-time.ts";
import { planIds, plans, type PlanId } from "../models/plans.ts";
import { policyIds, rulesForPlan, type PolicyId, type RefundAging } from "../models/policy.ts";
import { replay, type ReplayResult } from "./replay.ts";
import type { SendLog } from "./send-log.ts";

export const billingCycles = ["30-days", "monthly"] as const;
export type BillingCycle = (typeof billingCycles)[number];

/** Length of a billing cycle with `billingCycle: "30-days"`, as the simulator's canonical cycle. */
export const BILLING_CYCLE_DAYS = 30;

export interface PlanReplayOptions {
  /** Subscription start, epoch ms; default the UTC midnight of the first sentAt. */
  readonly anchorMs?: number;
  /** End of the log, epoch ms (exclusive); default `defaultEndMs(log)`. */
  readonly endMs?: number;
  readonly refundAging?: RefundAging;
  readonly billingCycle?: BillingCycle;
  readonly listLimit?: number;
  /** Credits each seat held when the log starts (one for all, or per account); default 0. */
  readonly openingBalance?: number | readonly number[];
  /**
   * Day of the month (1–31) every seat is billed on, in place of the anchor, on
   * billing-date plans: monthly on it (a shorter month's last day), from the last such
   * day on or before the log's first sentAt (`billingDayGrantsMs`).
   */
  readonly billingDay?: number;
  /** Per account (in `log.accounts` order), its own billing day; an undefined entry takes `billingDay`, or the anchor. */
  readonly seatBillingDays?: readonly (number | undefined)[];
}

/** The first UTC midnight strictly after the log's last timestamp: logs cover whole days. */
export function defaultEndMs(log: SendLog): number {
  return utcMidnightMs(log.lastTimestampMs) + DAY_MS;
}

export function defaultAnchorMs(log: SendLog): number {
  return utcMidnightMs(log.firstSentAtMs);
}

/** The grant schedule of `plan` (grantSchedule of models/plans.ts, in simulator terms). */
export function planSchedule(plan: PlanId, billingCycle: BillingCycle = "30-days"): GrantSchedule {
  if (plans[plan].grantSchedule === "calendar-month") return { kind: "calendar-month" };
  return billingCycle === "monthly" ? { kind: "billing-date" } : { kind: "fixed", cycleDays: BILLING_CYCLE_DAYS };
}

/**
 * Grant instants (epoch ms) of `schedule` from `anchorMs` up to, not including, `endMs`.
 * Calendar-month grants start on the 1st of the anchor's month (UTC): the account
 * holds that month's credits when the log begins.
 */
export function grantTimesMs(schedule: GrantSchedule, anchorMs: number, endMs: number): number[] {
  const a = new Date(anchorMs);
  const originMs = schedule.kind === "calendar-month" ? Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), 1) : utcMidnightMs(anchorMs);
  const anchorDays = schedule.kind === "calendar-month" ? 0 : (anchorMs - originMs) / DAY_MS;
  const cycles = Math.max(1, Math.ceil((endMs - originMs) / (28 * DAY_MS)) + 1);
  const out: number[] = [];
  for (const days of grantTimes(schedule, formatDate(originMs), anchorDays, cycles)) {
    const ms = originMs + days * DAY_MS;
    if (ms < endMs) out.push(ms);
  }
  return out;
}

/** UTC midnight of the last day-`day` of a month (the month's last day when it is shorter) on or before `ms`. */
export function billingDayAnchorMs(ms: number, day: number): number {
  const d = new Date(ms);
  const on = (y: number, m: number) => Date.UTC(y, m, Math.min(day, new Date(Date.UTC(y, m + 1, 0)).getUTCDate()));
  const here = on(d.getUTCFullYear(), d.getUTCMonth());
  return here <= ms ? here : on(d.getUTCFullYear(), d.getUTCMonth() - 1);
}

/**
 * Grants monthly on day `day` (1–31; a shorter month's last day, UTC midnight) from the
 * last such day on or before `fromMs`, up to, not including, `endMs`. Each month is
 * clipped on its own: day 31 grants on Feb 28 and again on Mar 31.
 */
export function billingDayGrantsMs(day: number, fromMs: number, endMs: number): number[] {
  const first = new Date(billingDayAnchorMs(fromMs, day));
  const out: number[] = [];
  for (let k = 0; ; k++) {
    const y = first.getUTCFullYear();
    const m = first.getUTCMonth() + k;
    const ms = Date.UTC(y, m, Math.min(day, new Date(Date.UTC(y, m + 1, 0)).getUTCDate()));
    if (!(ms < endMs)) return out;
    out.push(ms);
  }
}

/** Replays `log` on `plan` under `policy`. Throws PlanCannotSendError for Basic (G2). */
export function replayPlan(log: SendLog, plan: PlanId, policy: PolicyId, options: PlanReplayOptions = {}): ReplayResult {
  const rules = rulesForPlan(plans[plan], policy, { refundAging: options.refundAging ?? "original" });
  const anchorMs = options.anchorMs ?? defaultAnchorMs(log);
  const endMs = options.endMs ?? defaultEndMs(log);
  // Billing days apply to billing-date plans; calendar-month plans grant on the 1st whatever the day.
  const byDay = plans[plan].grantSchedule !== "calendar-month";
  const days = new Map<number, number[]>();
  const onDay = (day: number) => {
    let g = days.get(day);
    if (g === undefined) days.set(day, (g = billingDayGrantsMs(day, log.firstSentAtMs, endMs)));
    return g;
  };
  const seatDays = options.seatBillingDays;
  return replay(log, {
    rules,
    grantTimesMs: byDay && options.billingDay !== undefined ? onDay(options.billingDay) : grantTimesMs(planSchedule(plan, options.billingCycle), anchorMs, endMs),
    ...(byDay && seatDays !== undefined && seatDays.some((d) => d !== undefined)
      ? { seatGrantTimesMs: log.accounts.map((_, a) => (seatDays[a] === undefined ? undefined : onDay(seatDays[a]!))) }
      : {}),
    endMs,
    ...(options.listLimit !== undefined ? { listLimit: options.listLimit } : {}),
    ...(options.openingBalance !== undefined ? { openingBalance: options.openingBalance } : {}),
  });
}

/** One row of the what-if table: the log on one plan under one policy. */
export interface WhatIfRow {
  readonly plan: PlanId;
  readonly policy: PolicyId;
  readonly credits: number;
  readonly inmails: number;
  /** InMails the plan would have let through. */
  readonly sent: number;
  readonly unsendable: number;
  /** Epoch ms of the first unsendable InMail; NaN when none. */
  readonly firstUnsendableMs: number;
  readonly granted: number;
  readonly spent: number;
  readonly refunded: number;
  readonly expired: number;
  readonly forfeited: number;
  readonly closingBalance: number;
  readonly zeroBalanceDays: number;
  readonly result: ReplayResult;
}

/** The log replayed on every plan that can send InMail, under both policies. */
export function whatIf(log: SendLog, options: PlanReplayOptions = {}): WhatIfRow[] {
  const rows: WhatIfRow[] = [];
  for (const plan of planIds) {
    if (plans[plan].creditsPerMonth <= 0) continue;
    for (const policy of policyIds) {
      const result = replayPlan(log, plan, policy, { listLimit: 0, ...options });
      const t = result.totals;
      rows.push({
        plan,
        policy,
        credits: plans[plan].creditsPerMonth,
        inmails: t.inmails,
        sent: t.inmails - t.unsendable,
        unsendable: t.unsendable,
        firstUnsendableMs: result.firstUnsendableMs,
        granted: t.granted,
        spent: t.spent,
        refunded: t.refunded,
        expired: t.expired,
        forfeited: t.forfeited,
        closingBalance: t.closingBalance,
        zeroBalanceDays: t.zeroBalanceDays,
        result,
      });
    }
  }
  return rows;
}
