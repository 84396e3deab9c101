/**
 * The one aggregation of replication tallies into the glossary's figures (team totals
 * per month and per quarter, per seat, credits held, cost per conversation, the response
 * rate observed, months reaching a target), shared by every view. Pure (no node: import).
 *
 * Units: per team (everything a tally sums: its accounts × their seats) unless per seat;
 * a month is one grant cycle; USD.
 */
import type { Tally } from "../../models/tally.ts";
import type { MeanCi } from "../../sim/mean-ci.ts";
import { countCi95, perMeanCi95, ratioCi95 } from "../../sim/ratio-ci.ts";

/** A team figure: mean and 95% CI across replications. */
export type TeamEstimate = MeanCi;

/** Team totals over a period (a month or a quarter): means over the periods of the horizon, CIs across replications. */
export interface TeamFigures {
  /** InMails delivered (credit-paid and free Open Profile ones). */
  readonly inmailsDelivered: TeamEstimate;
  /** Conversations: positive responses (accepted or replied). */
  readonly conversations: TeamEstimate;
  /** Responses (accepted, replied or declined). */
  readonly responses: TeamEstimate;
  readonly creditsGranted: TeamEstimate;
  /** Credits spent on delivered InMails. */
  readonly creditsUsed: TeamEstimate;
  readonly creditsRefunded: TeamEstimate;
  /** Credits lost: expired + forfeited to the cap (+ reset to zero under the guide). The balance held at the end is not among them. */
  readonly creditsLost: TeamEstimate;
  /** Seats × price per seat per month (× 3 a quarter), USD. */
  readonly costUsd: number;
}

/** One month of the horizon: team totals, means across replications. */
export interface TeamMonth {
  readonly month: number;
  readonly inmailsDelivered: number;
  readonly conversations: number;
  readonly creditsLost: number;
  /** Team conversations in this month reached the target, share of replications (with a target). */
  readonly shareReachingTarget: number | null;
}

function sum(a: Float64Array, from = 0, to = a.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i]!;
  return s;
}

/** Team total of a tally field over a period of `length` months: mean over the whole periods, one value per replication. */
function perPeriod(tallies: readonly Tally[], length: number, value: (t: Tally, from: number, to: number) => number): number[] {
  return tallies.map((t) => {
    const periods = Math.floor(t.cycles / length);
    let total = 0;
    for (let k = 0; k < periods; k++) total += value(t, k * length, (k + 1) * length);
    return total / periods;
  });
}

const fieldValue =
  (f: (t: Tally) => Float64Array) =>
  (t: Tally, from: number, to: number): number =>
    sum(f(t), from, to);

const measures = {
  inmailsDelivered: fieldValue((t) => t.perCycle.sends),
  conversations: fieldValue((t) => t.perCycle.positives),
  responses: (t: Tally, from: number, to: number) => sum(t.perCycle.responses, from, to) - sum(t.perCycle.spamReports, from, to),
  creditsGranted: fieldValue((t) => t.perCycle.granted),
  // First InMails paid with a credit, and the credits taken for follow-ups.
  creditsUsed: (t: Tally, from: number, to: number) => sum(t.perCycle.sends, from, to) - sum(t.perCycle.freeSends, from, to) + sum(t.perCycle.followUpCredits, from, to),
  creditsRefunded: fieldValue((t) => t.perCycle.refunds),
  creditsLost: (t: Tally, from: number, to: number) => sum(t.perCycle.expired, from, to) + sum(t.perCycle.forfeited, from, to),
} as const;

function figures(tallies: readonly Tally[], length: number, costUsd: number): TeamFigures {
  const e = (m: keyof typeof measures) => countCi95(perPeriod(tallies, length, measures[m]));
  return {
    inmailsDelivered: e("inmailsDelivered"),
    conversations: e("conversations"),
    responses: e("responses"),
    creditsGranted: e("creditsGranted"),
    creditsUsed: e("creditsUsed"),
    creditsRefunded: e("creditsRefunded"),
    creditsLost: e("creditsLost"),
    costUsd,
  };
}

const scale = (e: MeanCi, k: number): MeanCi => ({ mean: e.mean * k, ci95: [e.ci95[0] * k, e.ci95[1] * k] });

function teamMonths(tallies: readonly Tally[]): number[] {
  return tallies.flatMap((t) => [...t.perCycle.positives]);
}

/** What `teamFigures` needs besides the tallies. */
export interface TeamShape {
  /** Seats the tallies sum over (all accounts × seats per account). */
  readonly seats: number;
  readonly priceUsdPerSeatPerMonth: number;
  /** Conversations per team per month to count months against, or null. */
  readonly target: number | null;
}

/** Team figures of tallies, as every view computes them. */
export interface TeamTallyFigures {
  readonly perTeamPerMonth: TeamFigures;
  /** Null when the horizon holds no whole quarter (fewer than 3 months). */
  readonly perTeamPerQuarter: TeamFigures | null;
  /** The team's per month ÷ seats. */
  readonly perSeatPerMonth: { readonly inmailsDelivered: TeamEstimate; readonly conversations: TeamEstimate; readonly creditsLost: TeamEstimate };
  /** Credits held: the team's balance at the end of the horizon (not lost). */
  readonly creditsHeldAtEnd: TeamEstimate;
  /**
   * Team cost ÷ team conversations, totals over every month and replication (USD per
   * conversation), with the delta method's 95% CI; null when no replication has any
   * conversation (then `costPerConversationNote` says so).
   */
  readonly costPerConversationUsd: TeamEstimate | null;
  /** "no conversation in N simulated months: cost per conversation undefined", or null when it is defined. */
  readonly costPerConversationNote: string | null;
  /** Responses ÷ InMails delivered, totals over every replication: the rate typed, within noise, in the team planner. */
  readonly observedResponseRate: number;
  /** Its 95% CI (delta method on the logit scale, across replications). */
  readonly observedResponseRateCi95: readonly [number, number];
  /** Days a month a seat has no credit left while it wants to send (per seat per month). */
  readonly daysOutOfCreditsPerSeatPerMonth: TeamEstimate;
  /** Share of simulated team-months with at least the target (null without a target). */
  readonly shareOfMonthsReachingTarget: number | null;
  readonly byMonth: readonly TeamMonth[];
}

/**
 * The one aggregation of replication tallies into the glossary's figures: the team is
 * everything a tally sums (its accounts × their seats), one tally per replication. Team
 * totals per month and per quarter (means over the horizon's months or whole quarters,
 * 95% CI across replications), per seat per month (the team's ÷ seats), credits held at
 * the end, cost per conversation (the team's cost ÷ its conversations, totals over
 * every month and replication), the response rate observed (likewise), days out of credits, and months reaching a target. Every
 * view — the team planner, recruiting-team, capacity-by-plan, job-seeker, the general
 * scenarios — takes its figures from here, so the same runs give the same numbers.
 */
export function teamFigures(tallies: readonly Tally[], shape: TeamShape): TeamTallyFigures {
  const months = tallies[0]?.cycles ?? 0;
  const costPerMonth = shape.seats * shape.priceUsdPerSeatPerMonth;
  const perMonth = figures(tallies, 1, costPerMonth);
  const conversationsByReplication = perPeriod(tallies, 1, measures.conversations);
  const all = teamMonths(tallies);
  const target = shape.target;
  const delivered = tallies.map((t) => sum(t.perCycle.sends));
  const responses = tallies.map((t) => measures.responses(t, 0, t.cycles));
  const responseRate = ratioCi95(responses, delivered, "share");
  // The ratio of totals: a month's cost ÷ conversations a month over every month and replication.
  const cost = perMeanCi95(costPerMonth, conversationsByReplication);
  const byMonth: TeamMonth[] = Array.from({ length: months }, (_, c) => {
    const mean = (f: (t: Tally) => number) => tallies.reduce((acc, t) => acc + f(t), 0) / tallies.length;
    return {
      month: c + 1,
      inmailsDelivered: mean((t) => t.perCycle.sends[c]!),
      conversations: mean((t) => t.perCycle.positives[c]!),
      creditsLost: mean((t) => t.perCycle.expired[c]! + t.perCycle.forfeited[c]!),
      shareReachingTarget: target === null ? null : tallies.filter((t) => t.perCycle.positives[c]! >= target).length / tallies.length,
    };
  });
  return {
    perTeamPerMonth: perMonth,
    perTeamPerQuarter: months >= 3 ? figures(tallies, 3, 3 * costPerMonth) : null,
    perSeatPerMonth: {
      inmailsDelivered: scale(perMonth.inmailsDelivered, 1 / shape.seats),
      conversations: scale(perMonth.conversations, 1 / shape.seats),
      creditsLost: scale(perMonth.creditsLost, 1 / shape.seats),
    },
    creditsHeldAtEnd: countCi95(tallies.map((t) => t.closingBalance)),
    costPerConversationUsd: cost,
    costPerConversationNote: cost === null ? `no conversation in ${tallies.length * months} simulated months: cost per conversation undefined` : null,
    observedResponseRate: responseRate?.mean ?? 0,
    observedResponseRateCi95: responseRate?.ci95 ?? [0, 0],
    daysOutOfCreditsPerSeatPerMonth: countCi95(perPeriod(tallies, 1, (t, from, to) => sum(t.perCycle.outOfCreditMicrodays, from, to) / 1e6 / shape.seats)),
    shareOfMonthsReachingTarget: target === null ? null : all.filter((m) => m >= target).length / all.length,
    byMonth,
  };
}
