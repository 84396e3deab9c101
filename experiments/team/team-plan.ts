/**
 * The team planner's plan, pure (no node: import, directly or through what it imports,
 * so a browser can bundle it and run `plan.runs` with its own executor): `planTeam(values)`
 * checks the combination of the team's inputs (team-params.ts; InputError when bad) and
 * builds every model run — the team on each plan and policy asked for and, with a target,
 * the seat counts searched for it, all in one batch. `teamResult` (team-result.ts) turns
 * the runs' tallies into the team's figures.
 *
 * Units: every figure is per team (all seats together) unless its name says per seat.
 * A month is one grant cycle of the plan's schedule: from one grant to the next, 28–31
 * days (each seat's billing month; the calendar month, UTC, for Sales Navigator). A
 * quarter is three such months in a row. Costs are USD. The response rate typed is the
 * one the team observes today, LinkedIn's definition (accepted, replied or declined
 * among delivered InMails): the message and timing multipliers are divided out into the
 * base rate the model takes (`audience.responseRate`), so the simulated team observes
 * the rate typed. A rate or positive share not typed is the chosen audience segment's.
 */
import { segments, type SegmentId } from "../../models/audiences.ts";
import { plans } from "../../models/plans.ts";
import { policyIds, type PolicyId } from "../../models/policy.ts";
import type { ModelRun } from "../../runner/run-models.ts";
import type { SizeWords } from "../../runner/run-estimate.ts";
import { audienceRateFor, meanTimingMultiplier } from "../general/observed-rate.ts";
import { defaults, InputError, type ParamValue, type ParamValues } from "../inputs/params.ts";
import { buildModel } from "../general/scenario.ts";
import { comparedCounts, followUpRuleOf, type FollowUpCell } from "./team-follow-ups.ts";
import { priceParam } from "../inputs/plan-prices.ts";
import { generalParams as general, maxSeats, replacedByTeam as replaced, teamParams } from "./team-params.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";
import { figureOf, positiveShareOf, sourceOf, type FigureSource } from "../inputs/segment-rates.ts";

/** Most seat counts simulated per plan and policy when searching for a target. */
const maxSearchSizes = 40;
/** Mean days in a month (365.25 / 12): working days a month = this × working days a week ÷ 7. */
const daysPerMonth = 365.25 / 12;

const segmentOf = (v: ParamValues) => segments[v["audience.segment"] as SegmentId];

/** What one run of the plan is: the team as asked, one seat count of the target search, or the team with another number of follow-ups. */
export interface TeamRunInfo {
  readonly role: "team" | "search" | "follow-ups";
  readonly plan: PayingPlanId;
  readonly policy: PolicyId;
  readonly seats: number;
  /** The general-scenario values the run was built from (`buildModel(values)` rebuilds its model). */
  readonly values: ParamValues;
  /** Follow-ups after each unanswered first InMail in this run. */
  readonly followUps: number;
}

/** The team inputs, typed. */
export interface TeamSettings {
  readonly seats: number;
  readonly plans: readonly PayingPlanId[];
  readonly policies: readonly PolicyId[];
  /** The audience segment contacted: its figures are the response rate's and positive share's when they are not typed. */
  readonly segment: SegmentId;
  /** Observed response rate (LinkedIn's definition): the one typed, or the segment's. */
  readonly responseRate: number;
  readonly responseRateFrom: FigureSource;
  /** Accepted or replied among responses: the one typed, or the segment's. */
  readonly positiveShare: number;
  readonly positiveShareFrom: FigureSource;
  readonly sendsPerWorkingDay: number;
  readonly workdays: string;
  /** Working days in a mean month: 365.25 / 12 × working days a week / 7. */
  readonly workingDaysPerMonth: number;
  /** People per seat per month (Infinity: unlimited). */
  readonly demandPerSeat: number;
  /** USD per seat per month, and whether it is the built-in illustrative price. */
  readonly prices: Readonly<Record<PayingPlanId, { readonly usdPerSeatPerMonth: number; readonly illustrative: boolean }>>;
  readonly months: number;
  /** Conversations per team per month, or null. */
  readonly target: number | null;
  readonly replications: number;
  readonly seed: number;
  /** The base rate the model takes so that the team observes `responseRate`. */
  readonly baseResponseRate: number;
  /** Response multipliers of the message (length band × levers) and of the timing, divided out. */
  readonly messageMultiplier: number;
  readonly timingMultiplier: number;
}

export interface TeamPlan {
  /** Every parameter's value as resolved (team inputs and general parameters). */
  readonly values: ParamValues;
  readonly settings: TeamSettings;
  /** Every model run, in one batch: run them all (e.g. `runModels`) and pass the tallies to `teamResult`. */
  readonly runs: readonly ModelRun[];
  /** What each run is, index for index with `runs`. */
  readonly info: readonly TeamRunInfo[];
  /** The seat counts searched for the target, per plan and policy ("plan|policy" → sizes, smallest first). */
  readonly searched: Readonly<Record<string, readonly number[]>>;
  /** With followUps.count > 0: which run holds the team with 0, 1, 2 and the asked number of follow-ups (team-follow-ups.ts). */
  readonly followUpCells: readonly FollowUpCell[] | null;
}

const num = (v: ParamValue | undefined) => v as number;

/** The general-scenario values of one run. */
function runValues(
  v: ParamValues,
  s: Omit<TeamSettings, "baseResponseRate" | "messageMultiplier" | "timingMultiplier">,
  plan: PayingPlanId,
  policy: PolicyId,
  seats: number,
  baseRate: number | null,
): ParamValues {
  const out: ParamValues = defaults(general);
  for (const spec of general) if (!replaced.has(spec.name) && v[spec.name] !== undefined) out[spec.name] = v[spec.name]!;
  const seg = segmentOf(out);
  const positiveMix = seg.mix.accepted + seg.mix.replied;
  const acceptedOfPositive = positiveMix > 0 ? seg.mix.accepted / positiveMix : 0.5;
  const pooled = plans[plan].pooled;
  Object.assign(out, {
    seed: s.seed,
    replications: s.replications,
    cycles: s.months,
    persona: "recruiter",
    plan,
    policy,
    // A team of individual seats is `seats` accounts; a pooled contract is one account of `seats` seats.
    accounts: pooled ? 1 : seats,
    "contract.seats": pooled ? seats : 1,
    "sender.sendsPerDay": s.sendsPerWorkingDay,
    "sender.demandPerCycle": s.demandPerSeat,
    "sender.workdays": s.workdays,
    // The segment's own mix when the positive share is the segment's: the same model, bit for bit, as a scenario left on its defaults.
    ...(s.positiveShare === positiveMix ? {} : { "audience.acceptedShare": s.positiveShare * acceptedOfPositive, "audience.repliedShare": s.positiveShare * (1 - acceptedOfPositive) }),
    "price.monthlyUsd": s.prices[plan].usdPerSeatPerMonth,
    ...(baseRate === null ? {} : { "audience.responseRate": baseRate }),
  });
  return out;
}

/**
 * A first guess of one seat's conversations a month, to centre the target search:
 * InMails delivered are the least of demand, the send rate over the working days, and
 * the credits with their refunds (C / (1 − refunded share), the closed form G13);
 * conversations are that × response rate × positive share.
 */
function guessConversationsPerSeat(s: TeamSettings, plan: PayingPlanId, policy: PolicyId): number {
  const refunded = policy === "linkedin" ? s.responseRate : s.responseRate * s.positiveShare;
  const byCredits = plans[plan].creditsPerMonth / Math.max(1e-9, 1 - refunded);
  const delivered = Math.min(s.demandPerSeat, s.sendsPerWorkingDay * s.workingDaysPerMonth, byCredits);
  return delivered * s.responseRate * s.positiveShare;
}

/**
 * Refuses at once a target no plan can reach with up to `maxSeats` seats: even a seat
 * sending every working day, never short of credits, its first InMail and each of its
 * `followUps` answered at the observed rate, has fewer conversations a month than the
 * target ÷ `maxSeats` (an upper bound, so a reachable target is never refused).
 */
function refuseUnreachable(s: TeamSettings, followUps: number): void {
  const target = s.target!;
  if (s.positiveShare === 0) throw new InputError(`target: ${target} is not reachable: no conversation is possible with positiveShare 0; expected target=none, or a positiveShare above 0`);
  const perSeat = Math.min(s.demandPerSeat, s.sendsPerWorkingDay * s.workingDaysPerMonth) * (1 + followUps) * Math.min(1, s.responseRate) * s.positiveShare;
  if (perSeat * maxSeats < target) {
    const most = Math.floor(perSeat * maxSeats);
    throw new InputError(
      `target: ${target.toLocaleString("en-US")} is not reachable: no plan reaches ${target.toLocaleString("en-US")} conversations a month with up to ${maxSeats.toLocaleString("en-US")} seats ` +
        `(at most about ${most.toLocaleString("en-US")} with these sends, demand and rates); expected at most ${most.toLocaleString("en-US")}, or more sends per seat`,
    );
  }
}

/** The seat counts searched for a target: every count around the guess, or at most `maxSearchSizes` spread over it. */
export function searchSizes(guess: number): number[] {
  const g = Math.min(maxSeats, Math.max(1, Math.ceil(guess)));
  const lo = Math.max(1, Math.floor(g / 2));
  const hi = Math.min(maxSeats, 2 * g + 2);
  if (hi - lo + 1 <= maxSearchSizes) return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const sizes = new Set<number>();
  for (let i = 0; i < maxSearchSizes; i++) sizes.add(Math.round(lo * (hi / lo) ** (i / (maxSearchSizes - 1))));
  return [...sizes].sort((a, b) => a - b);
}

/** The words of a refusal of a team's run as too large: the team's own inputs. */
export const teamSizeWords: SizeWords = { units: "seats", cycles: "months", lower: "seats, months or replications (or the target's search)" };

/** Checks the team's values and builds every run; InputError when a combination cannot be. */
export function planTeam(values: ParamValues): TeamPlan {
  const v: ParamValues = { ...defaults(teamParams), ...values };
  const planChoice = String(v.plan);
  const policyChoice = String(v.policy);
  if (planChoice !== "all" && !(payingPlanIds as readonly string[]).includes(planChoice)) {
    throw new InputError(`plan: ${JSON.stringify(planChoice)} is not allowed; expected one of ${[...payingPlanIds, "all"].join(", ")}`);
  }
  if (policyChoice !== "both" && !(policyIds as readonly string[]).includes(policyChoice)) {
    throw new InputError(`policy: ${JSON.stringify(policyChoice)} is not allowed; expected one of linkedin, guide, both`);
  }
  const workdaysPreset = String(v.workdays);
  const daysPerWeek = { "mon-fri": 5, "mon-sat": 6, "every-day": 7, weekends: 2 }[workdaysPreset] ?? 5;
  const segment = segmentOf(v);
  const base = {
    seats: num(v.seats),
    plans: planChoice === "all" ? payingPlanIds : [planChoice as PayingPlanId],
    policies: policyChoice === "both" ? (["linkedin", "guide"] as const) : [policyChoice as PolicyId],
    segment: segment.id,
    // An input left at `segment` follows the segment chosen; a typed one is held, whatever it equals.
    responseRate: figureOf(v.responseRate, segment.responseRate),
    responseRateFrom: sourceOf(v.responseRate),
    positiveShare: figureOf(v.positiveShare, positiveShareOf(segment)),
    positiveShareFrom: sourceOf(v.positiveShare),
    sendsPerWorkingDay: num(v.sendsPerWorkingDay),
    workdays: workdaysPreset,
    workingDaysPerMonth: (daysPerMonth * daysPerWeek) / 7,
    demandPerSeat: num(v.demandPerSeat),
    prices: Object.fromEntries(
      payingPlanIds.map((id) => {
        const usd = num(v[priceParam(id)]);
        return [id, { usdPerSeatPerMonth: usd, illustrative: usd === plans[id].illustrativePriceUsd }];
      }),
    ) as TeamSettings["prices"],
    months: num(v.months),
    target: v.target === "none" ? null : num(v.target),
    replications: num(v.replications),
    seed: num(v.seed),
  };
  // The base rate: the typed rate with the message's and timing's multipliers divided out.
  // (Follow-ups change no multiplier; the first plan may refuse them.)
  const reference = buildModel({ ...runValues(v, base, base.plans[0]!, base.policies[0]!, 1, null), "followUps.count": 0 });
  const baseResponseRate = audienceRateFor(base.responseRate, reference);
  const settings: TeamSettings = {
    ...base,
    baseResponseRate,
    messageMultiplier: reference.messageMultiplier,
    timingMultiplier: meanTimingMultiplier(reference),
  };
  const rawBaseRate = base.responseRate / (reference.messageMultiplier * settings.timingMultiplier);
  if (rawBaseRate > baseResponseRate + 1e-9) {
    throw new InputError(
      `responseRate: ${base.responseRate} is not allowed with this message and timing; expected at most ${(baseResponseRate * reference.messageMultiplier * settings.timingMultiplier).toFixed(3)} ` +
        `(the base rate, ${rawBaseRate.toFixed(3)} once the message's ×${reference.messageMultiplier.toFixed(3)} and the timing's ×${settings.timingMultiplier.toFixed(3)} are divided out, plus the spam rate must stay within 1)`,
    );
  }

  const runs: ModelRun[] = [];
  const info: TeamRunInfo[] = [];
  const add = (role: TeamRunInfo["role"], plan: PayingPlanId, policy: PolicyId, seats: number, followUps: number) => {
    const general = { ...runValues(v, settings, plan, policy, seats, baseResponseRate), "followUps.count": followUps };
    const built = buildModel(general);
    runs.push({ model: built.model, seed: built.seed, accounts: built.accounts, replications: built.replications });
    info.push({ role, plan, policy, seats, values: general, followUps });
    return runs.length - 1;
  };
  // Follow-ups asked for: a plan that refuses them (Premium under help answer/75) is an
  // error when it is the plan asked for (buildModel says so), and sends none among all plans.
  const asked = num(v["followUps.count"]);
  const followUpsOn = (plan: PayingPlanId) => (planChoice === "all" && followUpRuleOf(plan, v) === "refused" ? 0 : asked);
  const teamRun = new Map<string, number>();
  for (const policy of settings.policies) {
    for (const plan of settings.plans) teamRun.set(`${plan}|${policy}`, add("team", plan, policy, settings.seats, followUpsOn(plan)));
  }
  let followUpCells: FollowUpCell[] | null = null;
  if (asked > 0) {
    // The same team with 0, 1, 2 and the asked number of follow-ups, on the same seed (paired).
    followUpCells = [];
    for (const policy of settings.policies) {
      for (const plan of settings.plans) {
        const refused = followUpRuleOf(plan, v) === "refused";
        for (const count of comparedCounts(asked)) {
          const run = refused && count > 0 ? null : count === followUpsOn(plan) ? teamRun.get(`${plan}|${policy}`)! : add("follow-ups", plan, policy, settings.seats, count);
          followUpCells.push({ plan, policy, followUps: count, run });
        }
      }
    }
  }
  const searched: Record<string, number[]> = {};
  if (settings.target !== null) refuseUnreachable(settings, asked);
  if (settings.target !== null) {
    // The cheapest plan is sought among every paid plan, whatever `plan` shows.
    for (const policy of settings.policies) {
      for (const plan of payingPlanIds) {
        const perSeat = guessConversationsPerSeat(settings, plan, policy);
        const sizes = searchSizes(settings.target / Math.max(perSeat, 1e-9));
        searched[`${plan}|${policy}`] = sizes;
        for (const seats of sizes) add("search", plan, policy, seats, followUpRuleOf(plan, v) === "refused" ? 0 : asked);
      }
    }
  }
  return { values: v, settings, runs, info, searched, followUpCells };
}
