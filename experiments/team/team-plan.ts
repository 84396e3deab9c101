/**
 * The team planner's core, pure (no node: import, directly or through what it imports,
 * so a browser can bundle it and run `plan.runs` with its own executor):
 * - `teamParams`: the team's inputs, in the glossary's terms (GLOSSARY.md), plus every
 *   general-scenario parameter by its dotted path that the team inputs do not replace;
 * - `planTeam(values)`: checks the combination (InputError when bad) and builds every
 *   model run — the team on each plan and policy asked for and, with a target, the seat
 *   counts searched for it, all in one batch;
 * - `teamResult(plan, tallies)`: team totals per month and per quarter with 95% CIs,
 *   JSON-ready.
 *
 * Units: every figure is per team (all seats together) unless its name says per seat.
 * A month is one grant cycle of the plan's schedule: from one grant to the next, 28–31
 * days (each seat's billing month; the calendar month, UTC, for Sales Navigator). A
 * quarter is three such months in a row. Costs are USD. The response rate typed is the
 * one the team observes today, LinkedIn's definition (accepted, replied or declined
 * among delivered InMails): the message and timing multipliers are divided out into the
 * base rate the model takes (`audience.responseRate`), so the simulated team observes
 * the rate typed.
 */
import type { Tally } from "../../models/tally.ts";
import { segments, type SegmentId } from "../../models/audiences.ts";
import { personas } from "../../models/personas.ts";
import { planIds, plans, type PlanId } from "../../models/plans.ts";
import { policyIds, type PolicyId } from "../../models/policy.ts";
import type { ModelRun } from "../../runner/run-models.ts";
import type { SizeWords } from "../../runner/run-estimate.ts";
import { meanCi95, type MeanCi } from "../../sim/mean-ci.ts";
import { audienceRateFor, meanTimingMultiplier } from "../general/observed-rate.ts";
import { defaults, InputError, type ParamSpec, type ParamValue, type ParamValues } from "../inputs/params.ts";
import { buildModel, planLabels, scenarioParams } from "../general/scenario.ts";
import { comparedCounts, followUpComparison, followUpRuleOf, type FollowUpCell, type TeamFollowUps } from "./team-follow-ups.ts";

/** The plans that can send InMail, in the order of `planIds`. */
export type PaidPlanId = Exclude<PlanId, "basic">;
export const paidPlanIds: readonly PaidPlanId[] = planIds.filter((id): id is PaidPlanId => plans[id].creditsPerMonth > 0);

/** Share of months in which a team must reach the target for the second criterion. */
export const targetShareOfMonths = 0.9;
/** Most seat counts simulated per plan and policy when searching for a target. */
const maxSearchSizes = 40;
/** Largest team the planner simulates. */
export const maxSeats = 10_000;
/** Mean days in a month (365.25 / 12): working days a month = this × working days a week ÷ 7. */
const daysPerMonth = 365.25 / 12;

const persona = personas.recruiter;
const general = scenarioParams("recruiter");
const generalByName = new Map(general.map((s) => [s.name, s]));
const workdaysSpec = generalByName.get("sender.workdays")!;
const segmentOf = (v: ParamValues) => segments[v["audience.segment"] as SegmentId];

/**
 * General-scenario parameters a team input replaces (one name for one thing): the
 * team's `seats`, `plan`, `policy`, `months`, `responseRate`, `positiveShare`,
 * `sendsPerWorkingDay`, `workdays`, `demandPerSeat`, `price.<plan>`, `replications`
 * and `seed`; `persona` only labels a run.
 */
const replaced = new Set([
  "seed",
  "replications",
  "accounts",
  "cycles",
  "persona",
  "plan",
  "policy",
  "contract.seats",
  "sender.sendsPerDay",
  "sender.demandPerCycle",
  "sender.workdays",
  "audience.responseRate",
  "audience.acceptedShare",
  "audience.repliedShare",
  "price.monthlyUsd",
]);

/** `price.<plan>`: USD per seat per month. */
export const priceParam = (plan: PaidPlanId) => `price.${plan}`;

const defaultSegment = segments[persona.segment];

/** Every parameter of the team planner: the team's inputs, then the general scenario's by dotted path. */
export const teamParams: ParamSpec[] = [
  { name: "seats", kind: "integer", min: 1, max: maxSeats, default: 6, unit: "seats", description: "people on the team, one seat each (a Recruiter contract pools their credits)" },
  { name: "plan", kind: "enum", values: [...paidPlanIds, "all"], labels: planLabels, default: "all", description: "plan every seat is on, or all = every paid plan side by side for the same team" },
  { name: "policy", kind: "enum", values: ["linkedin", "guide", "both"], default: "linkedin", description: "credit rules: linkedin (LinkedIn's help pages), guide (reset each month), or both side by side" },
  {
    name: "responseRate",
    kind: "number",
    min: 0.001,
    max: 0.95,
    default: defaultSegment.responseRate,
    description: `response rate the team observes today: share of delivered InMails accepted, replied or declined (LinkedIn's definition); 15% or 0.15; default the ${defaultSegment.id} segment's (assumed)`,
  },
  {
    name: "positiveShare",
    kind: "number",
    min: 0,
    max: 1,
    default: defaultSegment.mix.accepted + defaultSegment.mix.replied,
    description: "positive share: accepted or replied among responses (the rest decline); default the segment's (assumed)",
  },
  { name: "sendsPerWorkingDay", kind: "number", min: 0.001, max: 1_000_000, default: persona.sendsPerDay, unit: "/seat/working day", description: "InMails a seat sends per working day (see workdays) while it has credits" },
  { name: "workdays", kind: "enum", values: workdaysSpec.kind === "enum" ? workdaysSpec.values : ["mon-fri"], default: "mon-fri", description: "the working week: weekdays on which seats send" },
  { name: "demandPerSeat", kind: "limit", min: 1, max: 10_000_000, default: persona.demandPerCycle, unit: "/seat/month", description: "people each seat wants to reach a month" },
  ...paidPlanIds.map(
    (id): ParamSpec => ({
      name: priceParam(id),
      kind: "number",
      min: 0,
      max: 1_000_000,
      default: plans[id].illustrativePriceUsd,
      unit: "USD/seat/month",
      description: `price of a ${plans[id].name} seat (default illustrative, low confidence: LinkedIn publishes none)`,
    }),
  ),
  { name: "months", kind: "integer", min: 1, max: 120, default: 12, unit: "months", description: "months simulated (a month is one grant cycle of the plan)" },
  { name: "target", kind: "override", word: "none", min: 1, max: 10_000_000, integer: true, default: "none", unit: "/team/month", description: "conversations the team needs a month: finds the cheapest plan and seat count that meets it, or none" },
  { name: "replications", kind: "integer", min: 2, max: 10_000, default: 20, description: "independent replications of the team (95% CIs are across them)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed, the same for every run; same seed, same numbers" },
  ...general.filter((s) => !replaced.has(s.name)),
];

/** What one run of the plan is: the team as asked, one seat count of the target search, or the team with another number of follow-ups. */
export interface TeamRunInfo {
  readonly role: "team" | "search" | "follow-ups";
  readonly plan: PaidPlanId;
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
  readonly plans: readonly PaidPlanId[];
  readonly policies: readonly PolicyId[];
  /** Observed response rate (LinkedIn's definition). */
  readonly responseRate: number;
  readonly positiveShare: number;
  readonly sendsPerWorkingDay: number;
  readonly workdays: string;
  /** Working days in a mean month: 365.25 / 12 × working days a week / 7. */
  readonly workingDaysPerMonth: number;
  /** People per seat per month (Infinity: unlimited). */
  readonly demandPerSeat: number;
  /** USD per seat per month, and whether it is the built-in illustrative price. */
  readonly prices: Readonly<Record<PaidPlanId, { readonly usdPerSeatPerMonth: number; readonly illustrative: boolean }>>;
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
function runValues(v: ParamValues, s: Omit<TeamSettings, "baseResponseRate" | "messageMultiplier" | "timingMultiplier">, plan: PaidPlanId, policy: PolicyId, seats: number, baseRate: number | null): ParamValues {
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
    ...(s.positiveShare === positiveMix
      ? {}
      : { "audience.acceptedShare": s.positiveShare * acceptedOfPositive, "audience.repliedShare": s.positiveShare * (1 - acceptedOfPositive) }),
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
function guessConversationsPerSeat(s: TeamSettings, plan: PaidPlanId, policy: PolicyId): number {
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
  if (planChoice !== "all" && !(paidPlanIds as readonly string[]).includes(planChoice)) {
    throw new InputError(`plan: ${JSON.stringify(planChoice)} is not allowed; expected one of ${[...paidPlanIds, "all"].join(", ")}`);
  }
  if (policyChoice !== "both" && !(policyIds as readonly string[]).includes(policyChoice)) {
    throw new InputError(`policy: ${JSON.stringify(policyChoice)} is not allowed; expected one of linkedin, guide, both`);
  }
  const workdaysPreset = String(v.workdays);
  const daysPerWeek = { "mon-fri": 5, "mon-sat": 6, "every-day": 7, weekends: 2 }[workdaysPreset] ?? 5;
  const base = {
    seats: num(v.seats),
    plans: planChoice === "all" ? paidPlanIds : [planChoice as PaidPlanId],
    policies: policyChoice === "both" ? (["linkedin", "guide"] as const) : [policyChoice as PolicyId],
    responseRate: num(v.responseRate),
    positiveShare: num(v.positiveShare),
    sendsPerWorkingDay: num(v.sendsPerWorkingDay),
    workdays: workdaysPreset,
    workingDaysPerMonth: (daysPerMonth * daysPerWeek) / 7,
    demandPerSeat: num(v.demandPerSeat),
    prices: Object.fromEntries(
      paidPlanIds.map((id) => {
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
  const add = (role: TeamRunInfo["role"], plan: PaidPlanId, policy: PolicyId, seats: number, followUps: number) => {
    const general = { ...runValues(v, settings, plan, policy, seats, baseResponseRate), "followUps.count": followUps };
    const built = buildModel(general);
    runs.push({ model: built.model, seed: built.seed, accounts: built.accounts, replications: built.replications });
    info.push({ role, plan, policy, seats, values: general, followUps });
    return runs.length - 1;
  };
  // Follow-ups asked for: a plan that refuses them (Premium under help answer/75) is an
  // error when it is the plan asked for (buildModel says so), and sends none among all plans.
  const asked = num(v["followUps.count"]);
  const followUpsOn = (plan: PaidPlanId) =>
    planChoice === "all" && followUpRuleOf(plan, v) === "refused" ? 0 : asked;
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
          const run =
            refused && count > 0
              ? null
              : count === followUpsOn(plan)
                ? teamRun.get(`${plan}|${policy}`)!
                : add("follow-ups", plan, policy, settings.seats, count);
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
      for (const plan of paidPlanIds) {
        const perSeat = guessConversationsPerSeat(settings, plan, policy);
        const sizes = searchSizes(settings.target / Math.max(perSeat, 1e-9));
        searched[`${plan}|${policy}`] = sizes;
        for (const seats of sizes) add("search", plan, policy, seats, followUpRuleOf(plan, v) === "refused" ? 0 : asked);
      }
    }
  }
  return { values: v, settings, runs, info, searched, followUpCells };
}

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

/** The team on one plan under one policy. */
export interface TeamPlanResult extends TeamTallyFigures {
  readonly plan: PaidPlanId;
  readonly planName: string;
  readonly policy: PolicyId;
  readonly seats: number;
  /** Recruiter: one contract pooling every seat's credits. */
  readonly pooled: boolean;
  readonly creditsPerSeatPerMonth: number;
  readonly priceUsdPerSeatPerMonth: number;
  readonly priceIllustrative: boolean;
}

/** The smallest team of one plan under one policy that meets the target. */
export interface TargetFit {
  readonly plan: PaidPlanId;
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
    readonly responseRate: number;
    readonly positiveShare: number;
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
  /** The best plan for the team: the lowest cost per conversation, per policy. */
  readonly best: readonly { readonly policy: PolicyId; readonly plan: PaidPlanId; readonly costPerConversationUsd: number }[];
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
  creditsUsed: (t: Tally, from: number, to: number) =>
    sum(t.perCycle.sends, from, to) - sum(t.perCycle.freeSends, from, to) + sum(t.perCycle.followUpCredits, from, to),
  creditsRefunded: fieldValue((t) => t.perCycle.refunds),
  creditsLost: (t: Tally, from: number, to: number) => sum(t.perCycle.expired, from, to) + sum(t.perCycle.forfeited, from, to),
} as const;

function figures(tallies: readonly Tally[], length: number, costUsd: number): TeamFigures {
  const e = (m: keyof typeof measures) => meanCi95(perPeriod(tallies, length, measures[m]));
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
  /** Team cost a month ÷ team conversations a month, per replication (USD per conversation); null when a replication has none. */
  readonly costPerConversationUsd: TeamEstimate | null;
  /** Responses ÷ InMails delivered, all replications pooled: the rate typed, within noise, in the team planner. */
  readonly observedResponseRate: number;
  /** Share of simulated team-months with at least the target (null without a target). */
  readonly shareOfMonthsReachingTarget: number | null;
  readonly byMonth: readonly TeamMonth[];
}

/**
 * The one aggregation of replication tallies into the glossary's figures: the team is
 * everything a tally sums (its accounts × their seats), one tally per replication. Team
 * totals per month and per quarter (means over the horizon's months or whole quarters,
 * 95% CI across replications), per seat per month (the team's ÷ seats), credits held at
 * the end, cost per conversation (the team's cost a month ÷ its conversations a month,
 * per replication), the response rate observed, and months reaching a target. Every
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
  let delivered = 0;
  let responses = 0;
  for (const t of tallies) {
    delivered += sum(t.perCycle.sends);
    responses += measures.responses(t, 0, t.cycles);
  }
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
    creditsHeldAtEnd: meanCi95(tallies.map((t) => t.closingBalance)),
    costPerConversationUsd: conversationsByReplication.every((c) => c > 0) ? meanCi95(conversationsByReplication.map((c) => costPerMonth / c)) : null,
    observedResponseRate: delivered > 0 ? responses / delivered : 0,
    shareOfMonthsReachingTarget: target === null ? null : all.filter((m) => m >= target).length / all.length,
    byMonth,
  };
}

function planResult(s: TeamSettings, run: TeamRunInfo, tallies: readonly Tally[]): TeamPlanResult {
  const price = s.prices[run.plan];
  return {
    plan: run.plan,
    planName: plans[run.plan].name,
    policy: run.policy,
    seats: run.seats,
    pooled: plans[run.plan].pooled,
    creditsPerSeatPerMonth: plans[run.plan].creditsPerMonth,
    priceUsdPerSeatPerMonth: price.usdPerSeatPerMonth,
    priceIllustrative: price.illustrative,
    ...teamFigures(tallies, { seats: run.seats, priceUsdPerSeatPerMonth: price.usdPerSeatPerMonth, target: s.target }),
  };
}

function fit(plan: PaidPlanId, policy: PolicyId, rows: readonly TeamPlanResult[], ok: (r: TeamPlanResult) => boolean): TargetFit {
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
  fits
    .filter((f) => f.costUsdPerMonth !== null)
    .sort((a, b) => a.costUsdPerMonth! - b.costUsdPerMonth! || a.seats! - b.seats!)[0] ?? null;

/** The labels a reader must see: which figures in force are assumptions. */
function teamAssumptions(s: TeamSettings, v: ParamValues): string[] {
  const out = [
    "response delay distribution (none is published)",
    "the split of conversations between accepted and replied (the segment's; it changes no figure here)",
  ];
  if (paidPlanIds.some((id) => s.plans.includes(id) && s.prices[id].illustrative)) out.push("plan prices (illustrative, low confidence)");
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
  const best = s.policies.flatMap((policy) => {
    const ranked = team
      .filter((r) => r.policy === policy && r.costPerConversationUsd !== null)
      .sort((a, b) => a.costPerConversationUsd!.mean - b.costPerConversationUsd!.mean);
    return ranked[0] ? [{ policy, plan: ranked[0].plan, costPerConversationUsd: ranked[0].costPerConversationUsd!.mean }] : [];
  });
  let target: TargetResult | null = null;
  if (s.target !== null) {
    const t = s.target;
    const onAverage: TargetFit[] = [];
    const inMonths: TargetFit[] = [];
    for (const policy of s.policies) {
      for (const p of paidPlanIds) {
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
      responseRate: s.responseRate,
      positiveShare: s.positiveShare,
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
    ...(plan.followUpCells
      ? {
          followUps: followUpComparison(
            plan.values,
            plan.followUpCells,
            tallies,
            (p) => s.seats * s.prices[p as PaidPlanId].usdPerSeatPerMonth,
            (p) => plans[p as PaidPlanId].name,
          ),
        }
      : {}),
    assumptions: teamAssumptions(s, plan.values),
  };
}
