/**
 * The team planner's result, pure (no node: import): `teamResult(plan, tallies)` turns
 * the tallies of every run of a team plan (team-plan.ts) into team totals per month and
 * per quarter with 95% CIs, per plan and policy, the best plan, the smallest team meeting
 * a target and the follow-up comparison, JSON-ready.
 *
 * Units: per team (all seats together) unless per seat; a month is one grant cycle of
 * the plan; USD.
 */
import type { Tally } from "../../models/tally.ts";
import { plans } from "../../models/plans.ts";
import type { PolicyId } from "../../models/policy.ts";
import type { SegmentId } from "../../models/audiences.ts";
import type { FigureSource } from "../inputs/segment-rates.ts";
import type { ParamValue, ParamValues } from "../inputs/params.ts";
import { followUpComparison, type TeamFollowUps } from "./team-follow-ups.ts";
import { teamFigures, type TeamEstimate, type TeamTallyFigures } from "./team-figures.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";
import type { TeamPlan, TeamRunInfo, TeamSettings } from "./team-plan.ts";

/** Share of months in which a team must reach the target for the second criterion. */
export const targetShareOfMonths = 0.9;

/** The team on one plan under one policy. */
export interface TeamPlanResult extends TeamTallyFigures {
  readonly plan: PayingPlanId;
  readonly planName: string;
  readonly policy: PolicyId;
  readonly seats: number;
  /** Recruiter: one contract pooling every seat's credits. */
  readonly pooled: boolean;
  readonly creditsPerSeatPerMonth: number;
  readonly priceUsdPerSeatPerMonth: number;
  readonly priceIllustrative: boolean;
  /** What limits the team's InMails on this plan: its credits, the send rate, or the demand. */
  readonly limitedBy: "credits" | "send rate" | "demand";
  /** That, in a sentence, with what would and would not help. */
  readonly limitText: string;
}

/** The smallest team of one plan under one policy that meets the target. */
export interface TargetFit {
  readonly plan: PayingPlanId;
  readonly policy: PolicyId;
  /** Seats; null when no size searched meets it (see `moreThan`). */
  readonly seats: number | null;
  /** When no size searched meets it: the largest searched, which falls short. */
  readonly moreThan: number | null;
  /** When the smallest size searched already meets it, the answer is at most `seats`. */
  readonly atMost: boolean;
  readonly costUsdPerMonth: number | null;
  readonly conversationsPerMonth: TeamEstimate | null;
  readonly shareOfMonthsReachingTarget: number | null;
}

export interface TargetResult {
  /** Conversations per team per month. */
  readonly conversationsPerMonth: number;
  /** `inMonths` criterion: the team reaches the target in at least this share of months. */
  readonly shareOfMonths: number;
  /** Per plan and policy: the smallest team meeting the target on average, and in `shareOfMonths` of months. */
  readonly onAverage: readonly TargetFit[];
  readonly inMonths: readonly TargetFit[];
  /** Per policy, the cheapest of those (null when none meets it). */
  readonly cheapest: readonly { readonly policy: PolicyId; readonly onAverage: TargetFit | null; readonly inMonths: TargetFit | null }[];
}

export interface TeamResult {
  /** Every parameter as resolved (unlimited prints as "unlimited"). */
  readonly params: Record<string, number | string | boolean>;
  /** What the periods and units are. */
  readonly definitions: {
    readonly month: string;
    readonly quarter: string;
    readonly responseRate: string;
    readonly figures: string;
  };
  readonly settings: {
    readonly seats: number;
    /** The audience segment contacted (audience.segment). */
    readonly segment: SegmentId;
    readonly responseRate: number;
    /** "typed", or "segment": the segment's assumed figure (the input left at its default). */
    readonly responseRateFrom: FigureSource;
    readonly positiveShare: number;
    readonly positiveShareFrom: FigureSource;
    readonly sendsPerWorkingDay: number;
    readonly workdays: string;
    readonly workingDaysPerMonth: number;
    readonly demandPerSeat: number | "unlimited";
    readonly months: number;
    readonly quarters: number;
    readonly replications: number;
    readonly baseResponseRate: number;
    readonly messageMultiplier: number;
    readonly timingMultiplier: number;
  };
  /** The team on every plan and policy asked for, side by side. */
  readonly plans: readonly TeamPlanResult[];
  /**
   * The best plan for the team: the lowest cost per conversation, per policy; with
   * follow-ups compared, the lowest over every plan and follow-up count (`followUps`: that
   * configuration's follow-ups per contact, which may differ from the count asked).
   */
  readonly best: readonly { readonly policy: PolicyId; readonly plan: PayingPlanId; readonly followUps: number; readonly costPerConversationUsd: number }[];
  readonly target: TargetResult | null;
  /** Only with followUps.count > 0: should the team send follow-ups? 0, 1, 2 and the count asked, paired. */
  readonly followUps?: TeamFollowUps;
  readonly assumptions: readonly string[];
}

export const definitions: TeamResult["definitions"] = {
  month: "one grant cycle of the plan's schedule, from one grant to the next (28–31 days): each seat's billing month, or the calendar month (UTC) for Sales Navigator",
  quarter: "three months in a row (whole quarters of the horizon only)",
  responseRate: "share of delivered InMails accepted, replied or declined (LinkedIn's definition); conversations are the accepted or replied ones",
  figures: "per team (all seats together) unless per seat; mean over the months or quarters of the horizon, 95% CI across replications; USD",
};

const num = (v: ParamValue | undefined) => v as number;

/** Days out of credits a seat must reach a month before its credits, not its send rate, are what limits it. */
const creditBoundDays = 1;
/** Mean days in a month (365.25 / 12). */
const daysPerMonth = 365.25 / 12;

/** What limits a seat, from its figures and the team's settings (see `limitedBy`). */
function limitOf(s: TeamSettings, f: TeamTallyFigures): Pick<TeamPlanResult, "limitedBy" | "limitText"> {
  const delivered = f.perSeatPerMonth.inmailsDelivered.mean;
  const out = f.daysOutOfCreditsPerSeatPerMonth.mean;
  const one = (x: number) => (Math.round(x * 10) / 10).toString();
  if (Number.isFinite(s.demandPerSeat) && delivered >= 0.97 * s.demandPerSeat) {
    return {
      limitedBy: "demand",
      limitText: `the demand limits it: each seat reaches the ${s.demandPerSeat} people it wants a month; more credits or faster sending add nothing, more people to reach would`,
    };
  }
  if (out >= creditBoundDays) {
    const workingDays = Math.max(0, s.workingDaysPerMonth * (1 - out / daysPerMonth));
    return {
      limitedBy: "credits",
      limitText: `credits limit it: a seat's credits run out after ~${one(workingDays)} working ${one(workingDays) === "1" ? "day" : "days"} a month (out of credits ${one(out)} days a month): sending faster adds nothing; more seats or a bigger plan does`,
    };
  }
  return {
    limitedBy: "send rate",
    limitText: `the send rate limits it: ${one(s.sendsPerWorkingDay)} InMails a seat per working day (${one(delivered)} a month) leave credits unused; sending more would add conversations`,
  };
}

function planResult(s: TeamSettings, run: TeamRunInfo, tallies: readonly Tally[]): TeamPlanResult {
  const price = s.prices[run.plan];
  const figures = teamFigures(tallies, { seats: run.seats, priceUsdPerSeatPerMonth: price.usdPerSeatPerMonth, target: s.target });
  return {
    plan: run.plan,
    planName: plans[run.plan].name,
    policy: run.policy,
    seats: run.seats,
    pooled: plans[run.plan].pooled,
    creditsPerSeatPerMonth: plans[run.plan].creditsPerMonth,
    priceUsdPerSeatPerMonth: price.usdPerSeatPerMonth,
    priceIllustrative: price.illustrative,
    ...figures,
    ...limitOf(s, figures),
  };
}

function fit(plan: PayingPlanId, policy: PolicyId, rows: readonly TeamPlanResult[], ok: (r: TeamPlanResult) => boolean): TargetFit {
  const sorted = [...rows].sort((a, b) => a.seats - b.seats);
  const first = sorted.find(ok);
  if (!first) {
    return { plan, policy, seats: null, moreThan: sorted[sorted.length - 1]?.seats ?? null, atMost: false, costUsdPerMonth: null, conversationsPerMonth: null, shareOfMonthsReachingTarget: null };
  }
  return {
    plan,
    policy,
    seats: first.seats,
    moreThan: null,
    atMost: first === sorted[0] && first.seats > 1,
    costUsdPerMonth: first.perTeamPerMonth.costUsd,
    conversationsPerMonth: first.perTeamPerMonth.conversations,
    shareOfMonthsReachingTarget: first.shareOfMonthsReachingTarget,
  };
}

const cheapestOf = (fits: readonly TargetFit[]): TargetFit | null =>
  fits.filter((f) => f.costUsdPerMonth !== null).sort((a, b) => a.costUsdPerMonth! - b.costUsdPerMonth! || a.seats! - b.seats!)[0] ?? null;

/** The labels a reader must see: which figures in force are assumptions. */
function teamAssumptions(s: TeamSettings, v: ParamValues): string[] {
  const out = ["response delay distribution (none is published)", "the split of conversations between accepted and replied (the segment's; it changes no figure here)"];
  if (payingPlanIds.some((id) => s.plans.includes(id) && s.prices[id].illustrative)) out.push("plan prices (illustrative, low confidence)");
  if (num(v["audience.blockedShare"]) > 0) out.push("share of members who block InMail");
  if (s.policies.includes("linkedin")) out.push("no refund on spam reports (undocumented)");
  if (s.plans.includes("recruiter")) out.push("Recruiter: 150 credits per seat a month (LinkedIn's 2014 figure; contracts are negotiated)");
  if (num(v["followUps.count"]) > 0) {
    out.push(
      `follow-up response probability ×${num(v["followUps.responseFactor"])} of the first InMail's (none is published; plausible 0.25–1)`,
      "an answer refunds the message it answers; earlier messages of the sequence stay spent (undocumented)",
    );
    if (s.plans.includes("recruiter") || s.plans.includes("recruiter-lite")) {
      out.push("Recruiter follow-up credits taken when scheduled, given back when not delivered (reading of help a1457303)");
    }
    if (v["followUps.premiumRule"] === "allowed" && s.plans.some((p) => p.startsWith("premium-"))) {
      out.push("a Premium follow-up costs a credit (the FAQ a554514 says only 'may be eligible')");
    }
  }
  return out;
}

/** Team totals of every run of `plan`, from `tallies` (one list per run, one tally per replication, as `runModels` returns). */
export function teamResult(plan: TeamPlan, tallies: readonly (readonly Tally[])[]): TeamResult {
  if (tallies.length !== plan.runs.length) {
    throw new RangeError(`teamResult: ${tallies.length} tally lists for ${plan.runs.length} runs`);
  }
  const s = plan.settings;
  const results = plan.info.map((info, i) => ({ info, result: planResult(s, info, tallies[i]!) }));
  const team = results.filter((r) => r.info.role === "team").map((r) => r.result);
  const followUps = plan.followUpCells
    ? followUpComparison(
        plan.values,
        plan.followUpCells,
        tallies,
        (p) => s.seats * s.prices[p as PayingPlanId].usdPerSeatPerMonth,
        (p) => plans[p as PayingPlanId].name,
      )
    : null;
  // Every configuration the result shows: with follow-ups compared, each plan at each count.
  const configurations = followUps
    ? followUps.rows
        .filter((r) => r.allowed && r.costPerConversationUsd !== null)
        .map((r) => ({ policy: r.policy, plan: r.plan as PayingPlanId, followUps: r.followUps, cost: r.costPerConversationUsd!.mean }))
    : results
        .filter((r) => r.info.role === "team" && r.result.costPerConversationUsd !== null)
        .map((r) => ({ policy: r.result.policy, plan: r.result.plan, followUps: r.info.followUps, cost: r.result.costPerConversationUsd!.mean }));
  const best = s.policies.flatMap((policy) => {
    const ranked = configurations.filter((c) => c.policy === policy).sort((a, b) => a.cost - b.cost || a.followUps - b.followUps);
    return ranked[0] ? [{ policy, plan: ranked[0].plan, followUps: ranked[0].followUps, costPerConversationUsd: ranked[0].cost }] : [];
  });
  let target: TargetResult | null = null;
  if (s.target !== null) {
    const t = s.target;
    const onAverage: TargetFit[] = [];
    const inMonths: TargetFit[] = [];
    for (const policy of s.policies) {
      for (const p of payingPlanIds) {
        const rows = results.filter((r) => r.info.role === "search" && r.info.plan === p && r.info.policy === policy).map((r) => r.result);
        onAverage.push(fit(p, policy, rows, (r) => r.perTeamPerMonth.conversations.mean >= t));
        inMonths.push(fit(p, policy, rows, (r) => (r.shareOfMonthsReachingTarget ?? 0) >= targetShareOfMonths));
      }
    }
    target = {
      conversationsPerMonth: t,
      shareOfMonths: targetShareOfMonths,
      onAverage,
      inMonths,
      cheapest: s.policies.map((policy) => ({
        policy,
        onAverage: cheapestOf(onAverage.filter((f) => f.policy === policy)),
        inMonths: cheapestOf(inMonths.filter((f) => f.policy === policy)),
      })),
    };
  }
  return {
    params: Object.fromEntries(Object.entries(plan.values).map(([k, v]) => [k, v === Infinity ? "unlimited" : v])),
    definitions,
    settings: {
      seats: s.seats,
      segment: s.segment,
      responseRate: s.responseRate,
      responseRateFrom: s.responseRateFrom,
      positiveShare: s.positiveShare,
      positiveShareFrom: s.positiveShareFrom,
      sendsPerWorkingDay: s.sendsPerWorkingDay,
      workdays: s.workdays,
      workingDaysPerMonth: s.workingDaysPerMonth,
      demandPerSeat: s.demandPerSeat === Infinity ? "unlimited" : s.demandPerSeat,
      months: s.months,
      quarters: Math.floor(s.months / 3),
      replications: s.replications,
      baseResponseRate: s.baseResponseRate,
      messageMultiplier: s.messageMultiplier,
      timingMultiplier: s.timingMultiplier,
    },
    plans: team,
    best,
    target,
    ...(followUps ? { followUps } : {}),
    assumptions: teamAssumptions(s, plan.values),
  };
}
