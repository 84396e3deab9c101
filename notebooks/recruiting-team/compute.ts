/**
 * Everything the recruiting-team report shows, computed: conversations per seat for
 * each plan over a range of response rates, the smallest team of each plan that
 * reaches the monthly target (found by simulating whole teams), its cost, and the
 * response-rate floor's warnings and restrictions over response rate × send rate.
 * No formatting here.
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import type { Estimate } from "../../models/index.ts";
import { teamFigures, type TeamEstimate } from "../../experiments/team/team-figures.ts";
import { recruiting } from "../../experiments/general/presets.ts";
import { defaults, type ParamValues } from "../../experiments/inputs/params.ts";
import { assumptions } from "../../experiments/general/run-scenario.ts";
import { buildModel, scenarioParams } from "../../experiments/general/scenario.ts";
import { audienceRateFor, meanTimingMultiplier } from "../../experiments/general/observed-rate.ts";
import { planPoints, runPoints, type PointOverrides, type PointRun } from "../../experiments/general/run-points.ts";
import { outcomeShares } from "../../experiments/general/observed-rate.ts";
import { estimateRuns, refuseTooLarge, type SizeWords } from "../../runner/run-estimate.ts";
import { plans } from "../../models/plans.ts";
import { sortedUnique } from "../../experiments/general/sorted-unique.ts";
import { teamPlanIds, type RecruitingTeamParams, type TeamPlanId } from "./params.ts";

/** Response rates of the sweep (the user's rate is added). */
export const sweepResponseRates = [0.08, 0.12, 0.18, 0.24, 0.3] as const;
/** The floor grid: response rates × sends per working day. */
export const floorResponseRates = [0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2] as const;
export const floorSendsPerDay = [5, 10, 20, 40] as const;
/** Months simulated per run; rates are per month and per year of 12 months. */
export const CYCLES = 12;
/** Passes of the team-size search before it gives up (each adds one size per unresolved goal). */
const maxSearchPasses = 16;

export const specs = scenarioParams("recruiter", recruiting.defaults);

/** The most seats a Recruiter contract of the general scenario has (`contract.seats`). */
const maxContractSeats = (() => {
  const spec = specs.find((s) => s.name === "contract.seats");
  return spec?.kind === "integer" ? spec.max : 10_000;
})();
/** Mean days in a month (365.25 / 12). */
const daysPerMonth = 365.25 / 12;
/** The words of a refusal of the search as too large: this notebook's inputs. */
const searchWords: SizeWords = { units: "seats", cycles: "months", lower: "target or teamReplications, or give a higher responseRate" };

/** The floor grid's configurations: a Recruiter contract of `seats` seats over response rate × InMails per working day. */
function floorConfigsFor(p: RecruitingTeamParams, seats: number): UnitConfig[] {
  return floorResponseRates.flatMap((rate) =>
    floorSendsPerDay.map((sendsPerDay): UnitConfig => ({ plan: "recruiter", rate, seats, units: Math.max(1, Math.round(p.accounts / seats)), replications: p.replications, sendsPerDay })),
  );
}

/**
 * Conversations a seat of `plan` holds a month at `rate`, by the closed form, from above:
 * InMails are the least of its demand, its send rate over the working days and its
 * credits with their refunds (C / (1 − refunded share)), every one delivered; conversations
 * are those × rate × positive share. The team-size search starts near target ÷ this.
 */
function conversationsPerSeatAtMost(p: RecruitingTeamParams, plan: TeamPlanId, rate: number, positiveShare: number, workdaysPerWeek: number): number {
  const credits = plan === "recruiter" ? p.recruiterCreditsPerSeat : plans[plan].creditsPerMonth;
  const refunded = p.policy === "linkedin" ? rate : rate * positiveShare;
  const inmails = Math.min(p.demandPerSeat, (p.sendsPerWorkingDay * daysPerMonth * workdaysPerWeek) / 7, credits / (1 - refunded));
  return inmails * rate * positiveShare;
}

/** One seat configuration's per-seat results. */
export interface SeatRow {
  readonly plan: TeamPlanId;
  /** Seats sharing one credit pool in the simulated unit (1 = individual seats). */
  readonly seatsPerUnit: number;
  /** The response rate asked for. */
  readonly responseRate: number;
  /** Responses (accepted, replied, declined) ÷ InMails, as simulated. */
  readonly realisedRate: number;
  /** InMails per seat per month. */
  readonly inmails: Estimate;
  /** Conversations (positive replies) per seat per month. */
  readonly conversations: Estimate;
  /** Credits granted per seat per month. */
  readonly creditsPerSeat: number;
  readonly daysOutOfCredits: number;
  readonly warningsPerSeatYear: number;
  readonly restrictionsPerSeatYear: number;
  readonly daysRestrictedPerSeatYear: number;
}

/** A whole team of `seats` seats simulated together. */
export interface TeamRow {
  readonly plan: TeamPlanId;
  readonly responseRate: number;
  readonly seats: number;
  readonly conversationsPerSeat: Estimate;
  /** Credits granted per seat per month (a pooled contract's grant ÷ its seats). */
  readonly creditsPerSeat: number;
  /** The team's conversations per month: mean over team-months, CI across replications. */
  readonly team: Estimate;
  /** Share of simulated team-months with at least the target. */
  readonly shareMonthsReaching: number;
  readonly teamMonths: number;
  readonly monthlyCostUsd: number;
  /** Monthly cost ÷ mean conversations a month. */
  readonly costPerConversation: number;
  readonly warningsPerSeatYear: number;
  readonly daysRestrictedPerSeatYear: number;
}

/** The smallest team of a plan meeting a criterion, with the next smaller one (which does not). */
export interface Sizing {
  readonly plan: TeamPlanId;
  readonly responseRate: number;
  readonly criterion: "mean" | "months";
  /** Null when the search gave up (see `atLeast`). */
  readonly team: TeamRow | null;
  /** The team one seat smaller (null for one seat). */
  readonly smaller: TeamRow | null;
  /** When the search gave up: the largest size tried, which falls short. */
  readonly atLeast: number | null;
}

export interface FloorRow {
  readonly responseRate: number;
  readonly sendsPerDay: number;
  readonly seat: SeatRow;
}

export interface RecruitingTeamResults {
  readonly params: RecruitingTeamParams;
  readonly rates: readonly number[];
  /** Per-seat results of single seats (Recruiter Lite; Recruiter seats with their own 150 credits) at every rate. */
  readonly singles: readonly SeatRow[];
  /** Smallest teams for the mean criterion at every rate, and for the months criterion at the user's rate. */
  readonly sizing: readonly Sizing[];
  /** Seats of the Recruiter contract in the floor grid (the mean-criterion team at the user's rate). */
  readonly floorContractSeats: number;
  readonly floor: readonly FloorRow[];
  /** Response multiplier of the scenario's message and of its timing, divided out of the response rate. */
  readonly messageMultiplier: number;
  readonly timingMultiplier: number;
  /** The scenario's message: body length and the levers it uses. */
  readonly message: { readonly bodyChars: number; readonly levers: readonly string[] };
  /** Share of candidates who block InMail; median response delay, days (both assumed). */
  readonly blockedShare: number;
  readonly delayMedianDays: number;
  /** Assumption labels of the scenario as run. */
  readonly assumptions: readonly string[];
}

export interface ComputeOptions {
  readonly workers: number;
  /** Run even when the estimate is above the limit (`--big`). */
  readonly big?: boolean;
}

/** Scenario values shared by every point. */
function baseValues(p: RecruitingTeamParams): ParamValues {
  return {
    ...defaults(specs),
    seed: p.seed,
    cycles: CYCLES,
    policy: p.policy,
    "sender.sendsPerDay": p.sendsPerWorkingDay,
    "sender.demandPerCycle": p.demandPerSeat,
  };
}

interface UnitConfig {
  readonly plan: TeamPlanId;
  readonly rate: number;
  /** Seats sharing the unit's credits. */
  readonly seats: number;
  /** Units per replication. */
  readonly units: number;
  readonly replications: number;
  readonly sendsPerDay?: number;
}

/** The team planner's figures of a run (the team: every seat it simulated). */
const figuresOf = (run: PointRun, priceUsdPerSeatPerMonth: number, target: number | null) => teamFigures(run.tallies, { seats: run.tallies[0]!.accounts, priceUsdPerSeatPerMonth, target });

function seatRow(plan: TeamPlanId, seatsPerUnit: number, rate: number, run: PointRun): SeatRow {
  const r = run.result;
  const a = r.perAccountCycle;
  const perSeat = figuresOf(run, 0, null).perSeatPerMonth;
  return {
    plan,
    seatsPerUnit,
    responseRate: rate,
    // As the floor counts them: a spam report is not a response.
    realisedRate: a.sends > 0 ? (a.responses - a.spamReports) / a.sends : 0,
    inmails: asEstimate(perSeat.inmailsDelivered),
    conversations: asEstimate(perSeat.conversations),
    creditsPerSeat: a.granted,
    daysOutOfCredits: a.daysOutOfCredits,
    warningsPerSeatYear: a.warnings * CYCLES,
    restrictionsPerSeatYear: a.restrictions * CYCLES,
    daysRestrictedPerSeatYear: a.daysRestricted * CYCLES,
  };
}

/** A team-plan estimate in the Estimate shape of this notebook's rows. */
const asEstimate = (e: TeamEstimate): Estimate => ({ mean: e.mean, ci95: [e.ci95[0], e.ci95[1]] });

function teamRow(p: RecruitingTeamParams, plan: TeamPlanId, rate: number, seats: number, run: PointRun): TeamRow {
  const f = figuresOf(run, p.prices[plan], p.target);
  const a = run.result.perAccountCycle;
  return {
    plan,
    responseRate: rate,
    seats,
    conversationsPerSeat: asEstimate(f.perSeatPerMonth.conversations),
    creditsPerSeat: a.granted,
    team: asEstimate(f.perTeamPerMonth.conversations),
    shareMonthsReaching: f.shareOfMonthsReachingTarget!,
    teamMonths: run.tallies.length * CYCLES,
    monthlyCostUsd: f.perTeamPerMonth.costUsd,
    costPerConversation: f.costPerConversationUsd?.mean ?? Infinity,
    warningsPerSeatYear: a.warnings * CYCLES,
    daysRestrictedPerSeatYear: a.daysRestricted * CYCLES,
  };
}

export async function computeRecruitingTeam(p: RecruitingTeamParams, options: ComputeOptions): Promise<RecruitingTeamResults> {
  const base = baseValues(p);
  const reference = buildModel(base);
  const rates = sortedUnique([...sweepResponseRates, p.responseRate]);
  const audienceRate = (rate: number) => audienceRateFor(rate, reference);

  const overrides = (c: UnitConfig): PointOverrides => ({
    plan: c.plan,
    "contract.seats": c.seats,
    // A Recruiter contract's pool is granted its seats' credits together.
    "rules.credits": c.plan === "recruiter" ? p.recruiterCreditsPerSeat : "plan",
    "audience.responseRate": audienceRate(c.rate),
    accounts: c.units,
    replications: c.replications,
    ...(c.sendsPerDay === undefined ? {} : { "sender.sendsPerDay": c.sendsPerDay }),
  });
  const run = (configs: readonly UnitConfig[], label: string) => runPoints("recruiting-team", specs, base, configs.map(overrides), { workers: options.workers, label, big: options.big ?? false });

  // Teams: individual Lite seats are `seats` units of one seat; a Recruiter contract is one unit of `seats` seats.
  const teamConfig = (plan: TeamPlanId, rate: number, seats: number): UnitConfig =>
    plan === "recruiter-lite" ? { plan, rate, seats: 1, units: seats, replications: p.teamReplications } : { plan, rate, seats, units: 1, replications: p.teamReplications };

  // Before anything runs: what the run needs at the least at the user's rate (a low rate needs teams of
  // thousands of seats): for each plan the search's first sizes near target ÷ a seat's most
  // conversations, for both criteria, and the floor grid on a contract of that size; refused with its
  // estimate when that alone is over the limit.
  const workdaysPerWeek = reference.model.sender?.calendar?.weekdays.length ?? 7;
  const positiveShare = outcomeShares(reference).positiveShare;
  // (Capped at the largest contract the scenario takes: a team larger still is refused as too large anyway.)
  const leastSeats = (plan: TeamPlanId) => Math.min(maxContractSeats, Math.ceil(p.target / Math.max(1e-9, conversationsPerSeatAtMost(p, plan, p.responseRate, positiveShare, workdaysPerWeek))));
  const contractSeats = leastSeats("recruiter");
  const leastConfigs = [
    ...teamPlanIds.flatMap((plan) => sortedUnique([-1, 0, 1].map((d) => Math.min(maxContractSeats, Math.max(1, leastSeats(plan) + d)))).map((seats) => teamConfig(plan, p.responseRate, seats))),
    ...floorConfigsFor(p, contractSeats),
  ];
  const least = planPoints(specs, base, leastConfigs.map(overrides)).distinct.map((d) => ({ model: d.built.model, accounts: d.built.accounts, replications: d.built.replications }));
  refuseTooLarge({ ...estimateRuns(least, options.workers, searchWords), complete: false }, options.big ?? false);

  // Single seats: per-seat rates, and the first guesses of the team sizes.
  const singleConfigs = rates.flatMap((rate) => teamPlanIds.map((plan): UnitConfig => ({ plan, rate, seats: 1, units: p.accounts, replications: p.replications })));
  const singleRuns = await run(singleConfigs, "single seats");
  const singles = singleConfigs.map((c, i) => seatRow(c.plan, 1, c.rate, singleRuns[i]!));
  const single = (plan: TeamPlanId, rate: number) => singles.find((s) => s.plan === plan && s.responseRate === rate)!;

  const teams = new Map<string, TeamRow>();
  const teamKey = (plan: TeamPlanId, rate: number, seats: number) => `${plan}|${rate}|${seats}`;

  interface Goal {
    readonly plan: TeamPlanId;
    readonly rate: number;
    readonly criterion: "mean" | "months";
    readonly guess: number;
  }
  const ok = (goal: Goal, t: TeamRow) => (goal.criterion === "mean" ? t.team.mean >= p.target : t.shareMonthsReaching >= p.monthsReaching);
  const perSeat = (plan: TeamPlanId, rate: number) => Math.max(single(plan, rate).conversations.mean, 1e-9);
  const goals: Goal[] = [
    ...rates.flatMap((rate) => teamPlanIds.map((plan): Goal => ({ plan, rate, criterion: "mean", guess: Math.ceil(p.target / perSeat(plan, rate)) }))),
    ...teamPlanIds.map((plan): Goal => {
      // Normal approximation with Poisson-like spread (variance = mean) per seat-month.
      const mu = perSeat(plan, p.responseRate);
      const z = normalQuantile(p.monthsReaching, 0, 1);
      let n = Math.max(1, Math.ceil(p.target / mu));
      while (n * mu - z * Math.sqrt(n * mu) < p.target && n < 100_000) n++;
      return { plan, rate: p.responseRate, criterion: "months", guess: n };
    }),
  ];

  /** The sizes of a goal's plan and rate simulated so far, smallest first, and the smallest that meets the goal. */
  const searched = (goal: Goal) => {
    const tried = [...teams.values()].filter((t) => t.plan === goal.plan && t.responseRate === goal.rate).sort((a, b) => a.seats - b.seats);
    return { tried, first: tried.find((t) => ok(goal, t)) };
  };

  /**
   * The size a goal needs simulated next; empty when it is resolved (the smallest size
   * that meets it is known, and so is the one seat fewer, which does not). Above every
   * size tried it jumps by the shortfall of the largest; between a size that fails and
   * one that meets the goal it bisects.
   */
  const needs = (goal: Goal, { tried, first } = searched(goal)): number[] => {
    if (tried.length === 0) return sortedUnique([goal.guess, Math.max(1, goal.guess - 1)]);
    if (first === undefined) {
      const last = tried[tried.length - 1]!;
      const jump = Math.ceil((last.seats * p.target) / Math.max(last.team.mean, 1e-9));
      return [Math.max(last.seats + 1, Math.min(jump, 4 * last.seats))];
    }
    if (first.seats === 1) return [];
    const below = tried.filter((t) => t.seats < first.seats);
    const lo = below.length > 0 ? below[below.length - 1]!.seats : 0;
    if (lo === first.seats - 1) return [];
    return [Math.max(lo + 1, Math.floor((lo + first.seats) / 2))];
  };

  for (let pass = 0; pass < maxSearchPasses; pass++) {
    const wanted = new Map<string, UnitConfig>();
    for (const goal of goals) {
      for (const seats of needs(goal)) {
        const key = teamKey(goal.plan, goal.rate, seats);
        if (!teams.has(key)) wanted.set(key, teamConfig(goal.plan, goal.rate, seats));
      }
    }
    if (wanted.size === 0) break;
    const configs = [...wanted.values()];
    const runs = await run(configs, "teams");
    configs.forEach((c, i) => {
      const seats = c.plan === "recruiter-lite" ? c.units : c.seats;
      teams.set(teamKey(c.plan, c.rate, seats), teamRow(p, c.plan, c.rate, seats, runs[i]!));
    });
  }

  const sizing: Sizing[] = goals.map((goal) => {
    const search = searched(goal);
    const { tried, first } = search;
    if (first === undefined || needs(goal, search).length > 0) {
      return { plan: goal.plan, responseRate: goal.rate, criterion: goal.criterion, team: null, smaller: null, atLeast: tried[tried.length - 1]?.seats ?? goal.guess };
    }
    return {
      plan: goal.plan,
      responseRate: goal.rate,
      criterion: goal.criterion,
      team: first,
      smaller: teams.get(teamKey(goal.plan, goal.rate, first.seats - 1)) ?? null,
      atLeast: null,
    };
  });

  // The floor grid, on a Recruiter contract of the size the target needs at the user's rate.
  const contract = sizing.find((s) => s.plan === "recruiter" && s.criterion === "mean" && s.responseRate === p.responseRate)!;
  const floorContractSeats = contract.team?.seats ?? contract.atLeast ?? 1;
  const floorConfigs = floorConfigsFor(p, floorContractSeats);
  const floorRuns = await run(floorConfigs, "floor grid");
  const floor = floorConfigs.map((c, i) => ({ responseRate: c.rate, sendsPerDay: c.sendsPerDay!, seat: seatRow("recruiter", c.seats, c.rate, floorRuns[i]!) }));

  return {
    params: p,
    rates,
    singles,
    sizing,
    floorContractSeats,
    floor,
    messageMultiplier: reference.messageMultiplier,
    timingMultiplier: meanTimingMultiplier(reference),
    message: {
      bodyChars: reference.message.bodyChars ?? 0,
      levers: Object.entries(reference.message.levers ?? {})
        .filter(([, on]) => on)
        .map(([id]) => id),
    },
    blockedShare: reference.model.blockedShare,
    delayMedianDays: base["delay.medianDays"] as number,
    assumptions: assumptions(reference),
  };
}
