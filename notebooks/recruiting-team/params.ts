/**
 * Parameters of the recruiting-team notebook: the table `--set` is checked against,
 * and the typed values the notebook trusts once they have passed it.
 */
import { personas, plans, policyIds, segments, type PolicyId } from "../../models/index.ts";
import type { ParamSpec, ParamValues } from "../../experiments/inputs/params.ts";
import { figureOf, responseRateSpec } from "../../experiments/inputs/segment-rates.ts";
import { planPricesFrom, priceParamSpec, type PlanPrices } from "../../experiments/inputs/plan-prices.ts";

/** The two ways to buy recruiting seats: individual Recruiter Lite seats, or a Recruiter contract pooling its seats' credits. */
export const teamPlanIds = ["recruiter-lite", "recruiter"] as const;
export type TeamPlanId = (typeof teamPlanIds)[number];

const persona = personas.recruiter;
const segment = segments[persona.segment];

export const recruitingTeamParams = [
  { name: "title", kind: "string", maxLength: 200, nonBlank: true, default: "Recruiting team: seats needed for a monthly target of candidate conversations", description: "the report's title" },
  { name: "target", kind: "integer", min: 1, max: 100_000, default: 100, unit: "/team/month", description: "candidate conversations (positive replies: accepted or replied) the team needs a month" },
  responseRateSpec("share of your InMails answered (accepted, replied or declined), as LinkedIn's floor counts it", `the ${segment.id} segment's ${segment.responseRate} (assumed)`),
  { name: "monthsReaching", kind: "number", min: 0.5, max: 0.99, default: 0.9, description: "for the second seat count: share of months in which the team must reach the target" },
  {
    name: "sendsPerWorkingDay",
    kind: "number",
    min: 0,
    minExclusive: true,
    max: 1000,
    default: persona.sendsPerDay,
    unit: "/seat/working day",
    description: "InMails a seat sends per working day while it has credits (the recruiter persona's figure)",
  },
  {
    name: "demandPerSeat",
    kind: "integer",
    min: 1,
    max: 100_000,
    default: persona.demandPerCycle,
    unit: "/seat/month",
    description: "candidates a seat wants to reach a month (the recruiter persona's figure)",
  },
  {
    name: "recruiterCreditsPerSeat",
    kind: "integer",
    min: 1,
    max: 10_000,
    default: plans.recruiter.creditsPerMonth,
    unit: "credits/month",
    description: "credits a Recruiter contract grants per seat, pooled (150: LinkedIn's 2014 figure; contracts are negotiated)",
  },
  { name: "policy", kind: "enum", values: policyIds, default: "linkedin", description: "credit rules: linkedin (help pages) or guide" },
  ...teamPlanIds.map((id) => priceParamSpec(id, { maxUsd: 1_000_000, perSeat: true })),
  { name: "accounts", kind: "integer", min: 1, max: 100_000, default: 40, description: "seats simulated per configuration and replication (per-seat estimates)" },
  { name: "replications", kind: "integer", min: 2, max: 10_000, default: 6, description: "independent replications of each configuration (95% CIs are across them)" },
  { name: "teamReplications", kind: "integer", min: 2, max: 10_000, default: 20, description: "replications of each whole team (each gives 12 team-months)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed, the same for every configuration; same seed, same report" },
] as const satisfies readonly ParamSpec[];

export interface RecruitingTeamParams extends PlanPrices<TeamPlanId> {
  readonly title: string;
  readonly target: number;
  readonly responseRate: number;
  readonly monthsReaching: number;
  readonly sendsPerWorkingDay: number;
  readonly demandPerSeat: number;
  readonly recruiterCreditsPerSeat: number;
  readonly policy: PolicyId;
  readonly accounts: number;
  readonly replications: number;
  readonly teamReplications: number;
  readonly seed: number;
}

export function recruitingTeamParamsFrom(values: ParamValues): RecruitingTeamParams {
  return {
    title: values.title as string,
    target: values.target as number,
    responseRate: figureOf(values.responseRate, segment.responseRate),
    monthsReaching: values.monthsReaching as number,
    sendsPerWorkingDay: values.sendsPerWorkingDay as number,
    demandPerSeat: values.demandPerSeat as number,
    recruiterCreditsPerSeat: values.recruiterCreditsPerSeat as number,
    policy: values.policy as PolicyId,
    ...planPricesFrom(values, teamPlanIds),
    accounts: values.accounts as number,
    replications: values.replications as number,
    teamReplications: values.teamReplications as number,
    seed: values.seed as number,
  };
}
