/**
 * The notebook's simulation grid. A point is one configuration of the capacity
 * model (plan, policy, reply rate, mean response delay, send rate, decline share);
 * every point is simulated for the same accounts, replications and seed, so the k-th
 * recipient of account i in replication r gets the same draw at every point (common
 * random numbers) and differences between points are paired. All points run as one
 * batch of jobs, so one progress bar covers the whole run.
 */
import {
  defaultSender,
  estimate,
  OUTCOME_CODE,
  outcomes,
  plans,
  rulesForPlan,
  summarize,
  type AccountModel,
  type GrantSchedule,
  type PolicyId,
  type ResponseSpec,
  type WorkCalendar,
} from "../../models/index.ts";
import type { Band } from "../../logs/forecast.ts";
import { runModels } from "../../runner/run-models.ts";
import { teamFigures } from "../../experiments/team/team-figures.ts";
import type { PayingPlanId } from "../../models/paying-plans.ts";

/**
 * Every account runs a year of monthly cycles on its plan's documented grant schedule
 * (`plans[id].grantSchedule`): Sales Navigator on the 1st of each calendar month (UTC),
 * the other plans monthly on the account's billing date. t = 0 is a 1st, so Sales
 * Navigator's first month starts at once; billing-date subscriptions start uniformly
 * over January (with a time of day), so their grants fall on every day of the month
 * (the 29th–31st clipped to the last day of shorter months).
 */
export const START_DATE = "2026-01-01";
export const ANCHOR_SPREAD_DAYS = 31;
export const CYCLES = 12;
/**
 * The working week every account sends in: Monday to Friday, 9:00–18:00 UTC, so send
 * rates are per working day (GLOSSARY.md), as everywhere else.
 */
export const WORK_WEEK: WorkCalendar = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 18, utcOffsetHours: 0 };
/** Mean length of a month, days: for "days a month" thresholds, never for the simulation. */
export const MONTH_DAYS = 365.25 / 12;

export interface GridPoint {
  readonly plan: PayingPlanId;
  readonly policy: PolicyId;
  readonly replyRate: number;
  /** Mean of the exponential response delay, days (an assumption). */
  readonly responseDelayDays: number;
  /** InMails per working day (WORK_WEEK) while credits last. */
  readonly sendsPerDay: number;
  /** Share of recipients who decline: a response that refunds under linkedin only. */
  readonly declineShare: number;
}

/** Mean and Student-t 95% CI across replications (models' Estimate, as `lo` and `hi`, the page's shape). */
export type Estimate = Band;

export interface PointResult {
  readonly point: GridPoint;
  /** InMails delivered per account per month. */
  readonly capacity: Estimate;
  /** Positive replies (accepted or replied) per account per month. */
  readonly positives: Estimate;
  /** Capacity of each replication, for paired differences between points. */
  readonly capacityByReplication: readonly number[];
  /** Credits expired or forfeited per account per month (the balance left at the horizon excluded). */
  readonly lostPerMonth: number;
  /** Balance left at the horizon, per account. */
  readonly bankedAtEnd: number;
  /** Days per month an account spends with no credit to send. */
  readonly daysOutOfCreditsPerMonth: number;
}

export interface GridRun {
  readonly accounts: number;
  readonly replications: number;
  readonly seed: number;
  /** Threads that simulate (1: this thread alone). */
  readonly workers: number;
  /** Run even when the estimate is above the limit (`--big`). */
  readonly big?: boolean;
}

export const pointKey = (p: GridPoint): string => `${p.plan}|${p.policy}|${p.replyRate}|${p.responseDelayDays}|${p.sendsPerDay}|${p.declineShare}`;

/** Refund-eligible replies with probability `replyRate`, declines with `declineShare`, the rest ignored. */
function response(p: GridPoint): ResponseSpec {
  const probabilities = outcomes.map(() => 0);
  probabilities[OUTCOME_CODE.replied] = p.replyRate;
  probabilities[OUTCOME_CODE.declined] = p.declineShare;
  probabilities[OUTCOME_CODE.ignored] = 1 - p.replyRate - p.declineShare;
  return { outcomeProbabilities: probabilities, delay: { kind: "exponential", meanDays: p.responseDelayDays } };
}

/** The grant schedule a plan documents. */
export const planSchedule = (plan: PayingPlanId): GrantSchedule => (plans[plan].grantSchedule === "calendar-month" ? { kind: "calendar-month" } : { kind: "billing-date" });

/** The account model of a point: the plan's credit rules and grant schedule under the policy, sending on working days while credits last. */
export function pointModel(p: GridPoint): AccountModel {
  return {
    rules: rulesForPlan(plans[p.plan], p.policy),
    schedule: planSchedule(p.plan),
    startDate: START_DATE,
    anchorSpreadDays: ANCHOR_SPREAD_DAYS,
    // Read by the `fixed` schedule only, which no plan uses.
    cycleDays: MONTH_DAYS,
    cycles: CYCLES,
    sendsPerDay: p.sendsPerDay,
    sender: { ...defaultSender, calendar: WORK_WEEK },
    blockedShare: 0,
    response: response(p),
  };
}

const band = (e: { mean: number; ci95: readonly [number, number] }): Estimate => ({ mean: e.mean, lo: e.ci95[0], hi: e.ci95[1] });

/**
 * Simulates every distinct point once, as one batch of jobs on the pool (`runModels`:
 * chunks of accounts, so even one point spreads over every thread); returns the
 * results keyed by `pointKey`.
 */
/** The grid's distinct points and the model runs that simulate them. */
export function gridRuns(points: readonly GridPoint[], run: GridRun) {
  const distinct = [...new Map(points.map((p) => [pointKey(p), p])).values()];
  return { distinct, runs: distinct.map((p) => ({ model: pointModel(p), seed: run.seed, accounts: run.accounts, replications: run.replications })) };
}

export async function simulateGrid(points: readonly GridPoint[], run: GridRun): Promise<Map<string, PointResult>> {
  const { distinct, runs } = gridRuns(points, run);
  const tallies = await runModels(runs, { workers: run.workers, label: "simulating", big: run.big ?? false });
  const results = new Map<string, PointResult>();
  distinct.forEach((point, i) => {
    const s = summarize(tallies[i]!);
    // The team planner's aggregation: the accounts of a replication are the team, its figures ÷ accounts are per account.
    const f = teamFigures(tallies[i]!, { seats: run.accounts, priceUsdPerSeatPerMonth: 0, target: null });
    results.set(pointKey(point), {
      point,
      capacity: band(f.perSeatPerMonth.inmailsDelivered),
      positives: band(f.perSeatPerMonth.conversations),
      capacityByReplication: s.replications.capacity,
      lostPerMonth: f.perSeatPerMonth.creditsLost.mean,
      bankedAtEnd: f.creditsHeldAtEnd.mean / run.accounts,
      daysOutOfCreditsPerMonth: s.perCycle.reduce((a, c) => a + c.daysOutOfCredits, 0) / CYCLES,
    });
  });
  return results;
}

/** Mean and 95% CI of `b − a` over replications: a paired difference (common random numbers). */
export function pairedDifference(a: PointResult, b: PointResult): Estimate {
  return band(estimate(a.capacityByReplication.map((x, r) => b.capacityByReplication[r]! - x)));
}
