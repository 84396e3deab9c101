/**
 * Parameters of the capacity-by-plan notebook: the table `--set` is checked against,
 * and the typed values the notebook trusts once they have passed it.
 */
import type { ParamSpec, ParamValues } from "../../experiments/inputs/params.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { figureOf, responseRateSpec, segmentWord } from "../../experiments/inputs/segment-rates.ts";
import { personas, segments } from "../../models/index.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";
import { planPricesFrom, priceParamSpec, type PlanPrices } from "../../experiments/inputs/plan-prices.ts";

const teamSpec = (name: string): ParamSpec => teamParams.find((s) => s.name === name)!;
/** The page's accounts are the team planner's recruiter seats: its segment. */
const segment = segments[personas.recruiter.segment];

export const capacityByPlanParams = [
  { name: "title", kind: "string", maxLength: 200, nonBlank: true, default: "InMail outreach capacity by plan", description: "the report's title" },
  // The team planner's inputs, the same name, default and unit: the page's answer is the planner's.
  responseRateSpec("response rate observed today: share of delivered InMails accepted, replied or declined (LinkedIn's definition)", `the ${segment.id} segment's ${segment.responseRate} (assumed)`),
  teamSpec("sendsPerWorkingDay"),
  { name: "responseDelayDays", kind: "number", min: 0, max: 365, default: 3, unit: "days", description: "mean reply delay (exponential; an assumption: LinkedIn publishes none)" },
  { name: "heatmapPlan", kind: "enum", values: payingPlanIds, default: "sales-navigator", description: "plan of the multiplier heat map and of the policy comparison" },
  {
    name: "declineShare",
    kind: "number",
    min: 0,
    max: 0.99,
    default: 0.05,
    description: "policy comparison only: share of the recipients who do not reply that decline (refunded under linkedin, not guide; an assumption)",
  },
  {
    name: "slowSendsPerDay",
    kind: "number",
    min: 0,
    minExclusive: true,
    max: 10_000,
    default: 1,
    unit: "/working day",
    description: "policy comparison only: InMails per working day (Monday to Friday) of a sender who sends less than the allotment",
  },
  ...payingPlanIds.map((id) => priceParamSpec(id, { maxUsd: 1_000_000, perSeat: true })),
  { name: "accounts", kind: "integer", min: 1, max: 1_000_000, default: 50, description: "accounts simulated per replication and grid point" },
  { name: "replications", kind: "integer", min: 2, max: 10_000, default: 10, description: "independent replications (the 95% CIs are across them)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed, the same for every grid point (paired comparisons); same seed, same report" },
] satisfies readonly ParamSpec[];

export interface CapacityByPlanParams extends PlanPrices<PayingPlanId> {
  readonly title: string;
  /** The response-rate input: a rate typed, or `segment` (the team planner's, so its answer says which). */
  readonly responseRate: number | typeof segmentWord;
  /** The response rate (LinkedIn's definition), typed or the segment's; the canonical model's refund-eligible reply rate in the validation section. */
  readonly replyRate: number;
  /** InMails a seat or account sends per working day (Monday to Friday). */
  readonly sendsPerDay: number;
  readonly responseDelayDays: number;
  readonly heatmapPlan: PayingPlanId;
  /** Share of the recipients who do not reply that decline. */
  readonly declineShare: number;
  readonly slowSendsPerDay: number;
  readonly accounts: number;
  readonly replications: number;
  readonly seed: number;
}

/** Typed parameters from validated values. */
export function capacityByPlanParamsFrom(values: ParamValues): CapacityByPlanParams {
  return {
    title: values.title as string,
    responseRate: values.responseRate as number | typeof segmentWord,
    replyRate: figureOf(values.responseRate, segment.responseRate),
    sendsPerDay: values.sendsPerWorkingDay as number,
    responseDelayDays: values.responseDelayDays as number,
    heatmapPlan: values.heatmapPlan as PayingPlanId,
    declineShare: values.declineShare as number,
    slowSendsPerDay: values.slowSendsPerDay as number,
    ...planPricesFrom(values, payingPlanIds),
    accounts: values.accounts as number,
    replications: values.replications as number,
    seed: values.seed as number,
  };
}
