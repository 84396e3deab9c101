/**
 * Plans as data: monthly allotment, balance cap, credit lifetime and grant schedule,
 * with the source of every figure. LinkedIn's documented figures are used by the
 * `linkedin` policy; the guide's ranges are kept beside them for comparison.
 * Prices are NOT published by LinkedIn: the ones here are illustrative (low
 * confidence, from secondary sources) and every report must say so.
 */

export const planIds = ["basic", "premium-career", "premium-business", "sales-navigator", "recruiter-lite", "recruiter"] as const;
export type PlanId = (typeof planIds)[number];

export interface Plan {
  readonly id: PlanId;
  readonly name: string;
  /** Credits granted each month (LinkedIn's documented figure). 0 = cannot send InMail (G2). */
  readonly creditsPerMonth: number;
  /** Balance cap as a multiple of `creditsPerMonth`, applied at each grant (linkedin policy). */
  readonly capMultiplier: number;
  /** Life of a granted credit under the linkedin policy, in days (Infinity = none documented). */
  readonly creditLifetimeDays: number;
  /** When credits are granted: on the account's billing anchor, or the 1st of each calendar month (UTC). */
  readonly grantSchedule: "billing-date" | "calendar-month";
  /** Credits pooled across a contract's seats. */
  readonly pooled: boolean;
  /** The guide's figure or range for this kind of plan (G3), for comparison. */
  readonly guideCredits: readonly [min: number, max: number];
  /** Illustrative monthly price in USD (low confidence; user input in every scenario). */
  readonly illustrativePriceUsd: number;
  /** Where the figures come from. */
  readonly source: string;
}

export const plans: Readonly<Record<PlanId, Plan>> = {
  // G2: a free account has no credits and cannot send InMail.
  basic: {
    id: "basic",
    name: "Basic (free)",
    creditsPerMonth: 0,
    capMultiplier: 0,
    creditLifetimeDays: Infinity,
    grantSchedule: "billing-date",
    pooled: false,
    guideCredits: [0, 0],
    illustrativePriceUsd: 0,
    source: "guide G2; linkedin.com/help/linkedin/answer/75",
  },
  // 5/month, cap 15, 90-day life: help answer/75 and a554514 (high). Guide: 5 or 15.
  "premium-career": {
    id: "premium-career",
    name: "Premium Career",
    creditsPerMonth: 5,
    capMultiplier: 3,
    creditLifetimeDays: 90,
    grantSchedule: "billing-date",
    pooled: false,
    guideCredits: [5, 15],
    illustrativePriceUsd: 29.99,
    source: "help answer/75, a554514 (high); price: havoc.digital (low)",
  },
  // 15/month, cap 45, 90-day life: help answer/75 (high).
  "premium-business": {
    id: "premium-business",
    name: "Premium Business",
    creditsPerMonth: 15,
    capMultiplier: 3,
    creditLifetimeDays: 90,
    grantSchedule: "billing-date",
    pooled: false,
    guideCredits: [5, 15],
    illustrativePriceUsd: 59.99,
    source: "help answer/75 (high); price: havoc.digital (low)",
  },
  // 50/month on every tier, cap 150, 90-day life, granted on the 1st (UTC): help 57013 (high).
  "sales-navigator": {
    id: "sales-navigator",
    name: "Sales Navigator",
    creditsPerMonth: 50,
    capMultiplier: 3,
    creditLifetimeDays: 90,
    grantSchedule: "calendar-month",
    pooled: false,
    guideCredits: [50, 150],
    illustrativePriceUsd: 79.99,
    source: "help 57013 (high); price: havoc.digital (low)",
  },
  // 30/month, cap 120 (4×): help answer/75 (high); 90-day life from the Premium FAQ a554514.
  "recruiter-lite": {
    id: "recruiter-lite",
    name: "Recruiter Lite",
    creditsPerMonth: 30,
    capMultiplier: 4,
    creditLifetimeDays: 90,
    grantSchedule: "billing-date",
    pooled: false,
    guideCredits: [50, 150],
    illustrativePriceUsd: 119.95,
    source: "help answer/75 (high); price: havoc.digital (low)",
  },
  // 150/seat (2014 Talent blog, medium), cap 4× (help a412114, high), pooled across seats
  // (a414347). No credit lifetime is documented for Recruiter: only the cap.
  recruiter: {
    id: "recruiter",
    name: "Recruiter (Corporate)",
    creditsPerMonth: 150,
    capMultiplier: 4,
    creditLifetimeDays: Infinity,
    grantSchedule: "billing-date",
    pooled: true,
    guideCredits: [50, 150],
    illustrativePriceUsd: 999.99,
    source: "2014 Talent blog (medium); help a412114, a414347 (high); price: developerdb.co (low)",
  },
};

/** Thrown when a plan that cannot send InMail is asked to (G2). */
export class PlanCannotSendError extends Error {
  constructor(readonly plan: PlanId) {
    super(`plan "${plan}" cannot send InMail: a free (Basic) account has 0 credits (guide G2); ` + `choose one of ${planIds.filter((p) => plans[p].creditsPerMonth > 0).join(", ")}`);
    this.name = "PlanCannotSendError";
  }
}
