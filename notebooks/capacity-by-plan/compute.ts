/**
 * Everything the capacity-by-plan report shows, computed: the grid of simulated
 * points, then the tables and figure rows read off it. No formatting here.
 */
import { grantTimes, PlanCannotSendError, plans, policyIds, rulesForPlan, type PolicyId } from "../../models/index.ts";
import type { CapacityRow, MultiplierRow } from "../../reports/index.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";
import { sortedUnique } from "../../experiments/general/sorted-unique.ts";
import { traceBalance, type BalanceTrace } from "./balance-trace.ts";
import { gridRuns, pairedDifference, pointKey, pointModel, simulateGrid, START_DATE, type Estimate, type GridPoint, type PointResult } from "./grid.ts";
import type { CapacityByPlanParams } from "./params.ts";
import { runModels } from "../../runner/run-models.ts";
import { estimateRuns, refuseTooLarge } from "../../runner/run-estimate.ts";
import { sizeNote } from "../../runner/executor.ts";
import { defaultWorkers } from "../../runner/pool.ts";
import { defaults, type ParamValues } from "../../experiments/inputs/params.ts";
import { priceParam } from "../../experiments/inputs/plan-prices.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { planTeam } from "../../experiments/team/team-plan.ts";
import { teamResult, type TeamResult } from "../../experiments/team/team-result.ts";
import { teamCommand } from "../explorer/team-command.ts";

/** Reply rates of the capacity curve (the user's rate is added). */
export const curveReplyRates = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6] as const;
/** Columns and rows of the multiplier heat map. */
export const heatmapReplyRates = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6] as const;
export const heatmapDelaysDays = [0.5, 1, 3, 7, 14, 30] as const;
/** Mean response delay of the "slow replies" case of the policy comparison, days. */
export const slowRepliesDelayDays = 30;
/** The sample accounts' balance is shown over the first four calendar months (January to April). */
export const traceMonths = 4;
export const traceWindowDays = grantTimes({ kind: "calendar-month" }, START_DATE, 0, traceMonths)[traceMonths]!;

/** One plan under one policy at the user's reply rate. */
export interface HeadlineRow {
  readonly planId: PayingPlanId;
  readonly plan: string;
  readonly policy: PolicyId;
  /** Monthly allotment. */
  readonly credits: number;
  /** InMails delivered per account per month. */
  readonly capacity: number;
  readonly capacityLo: number;
  readonly capacityHi: number;
  /** Closed form credits / (1 − replyRate). */
  readonly closedForm: number;
  /** Capacity ÷ allotment. */
  readonly multiplier: number;
  readonly positives: number;
  readonly positivesLo: number;
  readonly positivesHi: number;
  readonly priceUsd: number;
  /** Built-in illustrative price (low confidence) or the user's. */
  readonly priceSource: "illustrative" | "user";
  /** Price ÷ positive replies per month; CI from the positives' CI (price/x is monotone). */
  readonly costPerPositive: number;
  readonly costLo: number;
  readonly costHi: number;
  readonly daysOutOfCredits: number;
  readonly lostPerMonth: number;
  /** linkedin − guide capacity, paired across replications (same on both rows of a plan). */
  readonly policyDifference: Estimate;
}

/** A plan that cannot send, with the model's own reason. */
export interface CannotSendRow {
  readonly plan: string;
  readonly reason: string;
}

export const comparisonCases = ["as above", "declines", "slow sender", "slow replies"] as const;
export type ComparisonCase = (typeof comparisonCases)[number];

/** One case of the policy comparison, under both policies, for the heat-map plan. */
export interface ComparisonRow {
  readonly case: ComparisonCase;
  readonly point: Omit<GridPoint, "policy">;
  readonly guide: PointResult;
  readonly linkedin: PointResult;
  /** linkedin − guide capacity, paired. */
  readonly difference: Estimate;
}

export interface CapacityByPlanResults {
  readonly params: CapacityByPlanParams;
  /** The answer and the cost table: the team planner's figures for one seat of each plan, and the command that prints them. */
  readonly team: { readonly result: TeamResult; readonly command: string };
  readonly headline: readonly HeadlineRow[];
  readonly cannotSend: readonly CannotSendRow[];
  readonly curve: readonly CapacityRow[];
  readonly heatmap: readonly (MultiplierRow & { readonly policy: PolicyId })[];
  readonly comparison: readonly ComparisonRow[];
  /** Per paying plan, a sample account under each policy, over `traceWindowDays`. */
  readonly traces: readonly { readonly planId: PayingPlanId; readonly guide: BalanceTrace; readonly linkedin: BalanceTrace }[];
  /** The heat-map plan's sample account in the "slow sender" case, over its whole year. */
  readonly slowSenderTrace: Readonly<Record<PolicyId, BalanceTrace>>;
}

export interface ComputeOptions {
  /** Threads that simulate (1: this thread alone). */
  readonly workers: number;
  /** Run even when the estimate is above the limit (`--big`). */
  readonly big?: boolean;
}

/**
 * The team planner's values for the page's answer: one seat of every plan under both
 * rule sets, at the page's response rate, send rate, prices, replications and seed (the
 * planner's own defaults for everything else).
 */
export function flagshipTeamValues(p: CapacityByPlanParams): ParamValues {
  return {
    ...defaults(teamParams),
    seats: 1,
    plan: "all",
    policy: "both",
    responseRate: p.responseRate,
    sendsPerWorkingDay: p.sendsPerDay,
    replications: p.replications,
    seed: p.seed,
    ...Object.fromEntries(payingPlanIds.map((id) => [priceParam(id), p.prices[id]])),
  };
}

export async function computeCapacityByPlan(params: CapacityByPlanParams, options: ComputeOptions): Promise<CapacityByPlanResults> {
  const p = params;
  const teamValues = flagshipTeamValues(p);
  const teamRuns = planTeam(teamValues);
  const base = { sendsPerDay: p.sendsPerDay, responseDelayDays: p.responseDelayDays, declineShare: 0 };
  const curveRates = sortedUnique([...curveReplyRates, p.replyRate]);
  const focus = p.heatmapPlan;
  const cases: Record<ComparisonCase, Omit<GridPoint, "policy">> = {
    "as above": { plan: focus, replyRate: p.replyRate, ...base },
    // declineShare is a share of those who do not reply; rounded so the CSV shows 0.041, not 0.041000000000000009.
    declines: { plan: focus, replyRate: p.replyRate, ...base, declineShare: Math.round(p.declineShare * (1 - p.replyRate) * 1e12) / 1e12 },
    "slow sender": { plan: focus, replyRate: p.replyRate, ...base, sendsPerDay: p.slowSendsPerDay },
    "slow replies": { plan: focus, replyRate: p.replyRate, ...base, responseDelayDays: slowRepliesDelayDays },
  };

  const points: GridPoint[] = [];
  for (const plan of payingPlanIds) {
    for (const policy of policyIds) for (const replyRate of curveRates) points.push({ plan, policy, replyRate, ...base });
  }
  for (const policy of policyIds) {
    for (const responseDelayDays of heatmapDelaysDays) {
      for (const replyRate of heatmapReplyRates) points.push({ ...base, plan: focus, policy, replyRate, responseDelayDays });
    }
    for (const c of comparisonCases) points.push({ ...cases[c], policy });
  }
  const gridRun = { accounts: p.accounts, replications: p.replications, seed: p.seed, workers: options.workers, big: options.big ?? false };
  // Both batches refused together, before either runs: a page too large to build costs nothing.
  const workers = options.workers ?? defaultWorkers();
  refuseTooLarge(estimateRuns([...teamRuns.runs, ...gridRuns(points, gridRun).runs], workers), options.big ?? false, "--big", sizeNote());
  const team = {
    result: teamResult(teamRuns, await runModels(teamRuns.runs, { workers: options.workers, big: options.big ?? false, label: "capacity-by-plan: team planner" })),
    command: teamCommand(teamParams, teamValues),
  };
  const results = await simulateGrid(points, gridRun);
  const at = (point: GridPoint): PointResult => results.get(pointKey(point))!;

  const headline: HeadlineRow[] = payingPlanIds.flatMap((planId) => {
    const plan = plans[planId];
    const byPolicy = Object.fromEntries(policyIds.map((policy) => [policy, at({ plan: planId, policy, replyRate: p.replyRate, ...base })])) as Record<PolicyId, PointResult>;
    const policyDifference = pairedDifference(byPolicy.guide, byPolicy.linkedin);
    return policyIds.map((policy): HeadlineRow => {
      const r = byPolicy[policy];
      const price = p.prices[planId];
      return {
        planId,
        plan: plan.name,
        policy,
        credits: plan.creditsPerMonth,
        capacity: r.capacity.mean,
        capacityLo: r.capacity.lo,
        capacityHi: r.capacity.hi,
        closedForm: plan.creditsPerMonth / (1 - p.replyRate),
        multiplier: r.capacity.mean / plan.creditsPerMonth,
        positives: r.positives.mean,
        positivesLo: r.positives.lo,
        positivesHi: r.positives.hi,
        priceUsd: price,
        priceSource: p.illustrativePrices[planId] ? "illustrative" : "user",
        costPerPositive: price / r.positives.mean,
        // No positive reply in a replication leaves the cost unbounded above.
        costLo: price / r.positives.hi,
        costHi: r.positives.lo > 0 ? price / r.positives.lo : Infinity,
        daysOutOfCredits: r.daysOutOfCreditsPerMonth,
        lostPerMonth: r.lostPerMonth,
        policyDifference,
      };
    });
  });

  const cannotSend: CannotSendRow[] = [];
  try {
    rulesForPlan(plans.basic, "guide");
  } catch (err) {
    if (!(err instanceof PlanCannotSendError)) throw err;
    cannotSend.push({ plan: plans.basic.name, reason: err.message });
  }

  const curve: CapacityRow[] = payingPlanIds.flatMap((planId) =>
    policyIds.flatMap((policy) =>
      curveRates.map((replyRate) => {
        const r = at({ plan: planId, policy, replyRate, ...base });
        const credits = plans[planId].creditsPerMonth;
        return { policy, plan: plans[planId].name, replyRate, mean: r.capacity.mean, lo: r.capacity.lo, hi: r.capacity.hi, analytic: credits / (1 - replyRate) };
      }),
    ),
  );

  const heatmap = policyIds.flatMap((policy) =>
    heatmapDelaysDays.flatMap((responseDelayDays) =>
      heatmapReplyRates.map((replyRate) => ({
        policy,
        replyRate,
        responseDelayDays,
        multiplier: at({ ...base, plan: focus, policy, replyRate, responseDelayDays }).capacity.mean / plans[focus].creditsPerMonth,
      })),
    ),
  );

  const comparison: ComparisonRow[] = comparisonCases.map((c) => {
    const guide = at({ ...cases[c], policy: "guide" });
    const linkedin = at({ ...cases[c], policy: "linkedin" });
    return { case: c, point: cases[c], guide, linkedin, difference: pairedDifference(guide, linkedin) };
  });

  const traces = payingPlanIds.map((planId) => {
    const trace = (policy: PolicyId) => traceBalance(pointModel({ plan: planId, policy, replyRate: p.replyRate, ...base }), p.seed, `${plans[planId].name} — ${policy} policy`, traceWindowDays);
    return { planId, guide: trace("guide"), linkedin: trace("linkedin") };
  });

  const slowSenderTrace = Object.fromEntries(
    policyIds.map((policy) => [policy, traceBalance(pointModel({ ...cases["slow sender"], policy }), p.seed, `${plans[focus].name} — ${policy} policy`)]),
  ) as Record<PolicyId, BalanceTrace>;

  return { params, team, headline, cannotSend, curve, heatmap, comparison, traces, slowSenderTrace };
}
