/**
 * Parameters of the job-seeker notebook: the table `--set` is checked against, and
 * the typed values the notebook trusts once they have passed it.
 */
import { limits, personas, policyIds, segments, type PolicyId } from "../../models/index.ts";
import type { ParamSpec, ParamValues } from "../../experiments/inputs/params.ts";
import { figureOf, responseRateSpec } from "../../experiments/inputs/segment-rates.ts";
import { planPricesFrom, priceParamSpec } from "../../experiments/inputs/plan-prices.ts";

const persona = personas["job-seeker"];
const segment = segments[persona.segment];

export const jobSeekerParams = [
  { name: "title", kind: "string", maxLength: 200, nonBlank: true, default: "Job search: Premium Career InMail or free connection requests?", description: "the report's title" },
  { name: "targetTotal", kind: "integer", min: 1, max: 1000, default: 10, unit: "conversations", description: "conversations (positive replies) the job seeker wants in total: months to reach them" },
  responseRateSpec("share of your InMails answered (accepted, replied or declined), message included", `the ${segment.id} segment's ${segment.responseRate} (assumed)`),
  { name: "acceptRate", kind: "number", min: 0, max: 1, default: 0.3, description: "share of connection requests accepted (secondary sources ~30%, low confidence: an assumption)" },
  { name: "connectionReplyRate", kind: "number", min: 0, max: 1, default: 0.25, description: "share of accepted connections that turn into a conversation (assumed)" },
  {
    name: "noteChars",
    kind: "integer",
    min: 0,
    max: limits.connectionNoteCharsFree,
    default: 180,
    unit: "characters",
    description: `length of the invitation note, the same in every option (at most ${limits.connectionNoteCharsFree}: the free account's limit)`,
    hint: `a free (Basic) account's invitation note allows at most ${limits.connectionNoteCharsFree} characters; Premium allows ${limits.connectionNoteChars}`,
  },
  {
    name: "sendsPerWorkingDay",
    kind: "number",
    min: 0,
    minExclusive: true,
    max: 100,
    default: persona.sendsPerDay,
    unit: "/seat/working day",
    description: "messages the job seeker sends per working day (the persona works every day of the week, evenings; its figure)",
  },
  {
    name: "demandPerSeat",
    kind: "integer",
    min: 1,
    max: 10_000,
    default: persona.demandPerCycle,
    unit: "/seat/month",
    description: "people the job seeker wants to reach a month (the persona's figure)",
  },
  { name: "policy", kind: "enum", values: policyIds, default: "linkedin", description: "credit rules: linkedin (help pages) or guide" },
  priceParamSpec("premium-career", { maxUsd: 100_000, perSeat: true }),
  { name: "months", kind: "integer", min: 2, max: 120, default: 24, unit: "months", description: "months simulated (the horizon for months to reach the target)" },
  { name: "accounts", kind: "integer", min: 1, max: 100_000, default: 200, description: "job seekers simulated per option and replication" },
  { name: "replications", kind: "integer", min: 2, max: 10_000, default: 8, description: "independent replications (95% CIs are across them)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed, the same for every option (paired comparisons); same seed, same report" },
] as const satisfies readonly ParamSpec[];

export interface JobSeekerParams {
  readonly title: string;
  readonly targetTotal: number;
  readonly responseRate: number;
  readonly acceptRate: number;
  readonly connectionReplyRate: number;
  readonly noteChars: number;
  readonly sendsPerWorkingDay: number;
  readonly demandPerSeat: number;
  readonly policy: PolicyId;
  readonly priceUsd: number;
  readonly illustrativePrice: boolean;
  readonly months: number;
  readonly accounts: number;
  readonly replications: number;
  readonly seed: number;
}

export function jobSeekerParamsFrom(values: ParamValues): JobSeekerParams {
  const { prices, illustrativePrices } = planPricesFrom(values, ["premium-career"]);
  return {
    title: values.title as string,
    targetTotal: values.targetTotal as number,
    responseRate: figureOf(values.responseRate, segment.responseRate),
    acceptRate: values.acceptRate as number,
    connectionReplyRate: values.connectionReplyRate as number,
    noteChars: values.noteChars as number,
    sendsPerWorkingDay: values.sendsPerWorkingDay as number,
    demandPerSeat: values.demandPerSeat as number,
    policy: values.policy as PolicyId,
    priceUsd: prices["premium-career"],
    illustrativePrice: illustrativePrices["premium-career"],
    months: values.months as number,
    accounts: values.accounts as number,
    replications: values.replications as number,
    seed: values.seed as number,
  };
}
