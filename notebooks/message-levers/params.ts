/**
 * Parameters of the message-levers notebook: the table `--set` is checked against,
 * and the typed values the notebook trusts once they have passed it.
 */
import { personaIds, personas, policyIds, type PersonaId, type PolicyId } from "../../models/index.ts";
import { perSegmentText, responseRateSpec, segmentWord } from "../../experiments/inputs/segment-rates.ts";
import type { ParamSpec, ParamValues } from "../../experiments/inputs/params.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";

export const messageLeversParams = [
  { name: "title", kind: "string", maxLength: 200, nonBlank: true, default: "Message levers: what moves conversations", description: "the report's title" },
  { name: "persona", kind: "enum", values: personaIds, default: "recruiter", description: "who sends: the persona's scenario (plan, audience, calendar, volume), InMail only" },
  { name: "plan", kind: "enum", values: ["persona", ...payingPlanIds], default: "persona", description: "plan, or the persona's own" },
  responseRateSpec(
    "response rate the base message gets today: share of delivered InMails accepted, replied or declined (LinkedIn's definition; its length band is divided out)",
    `the persona's segment's (assumed): ${perSegmentText((s) => s.responseRate, [...new Set(personaIds.map((id) => personas[id].segment))])}`,
  ),
  { name: "baseBodyChars", kind: "integer", min: 1, max: 2000, default: 600, unit: "characters", description: "body length of the base message (600: LinkedIn's 401–800 band, ×1.03)" },
  { name: "policy", kind: "enum", values: policyIds, default: "linkedin", description: "credit rules: linkedin (help pages) or guide" },
  { name: "accounts", kind: "integer", min: 1, max: 100_000, default: 200, description: "accounts simulated per lever setting and replication" },
  { name: "replications", kind: "integer", min: 2, max: 10_000, default: 8, description: "independent replications (95% CIs are across them)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed, the same for every setting (paired comparisons); same seed, same report" },
] as const satisfies readonly ParamSpec[];

export interface MessageLeversParams {
  readonly title: string;
  readonly persona: PersonaId;
  /** The plan chosen, or null for the persona's own. */
  readonly plan: PayingPlanId | null;
  /** Audience response rate to a plain InMail, or null for the segment's. */
  readonly responseRate: number | null;
  readonly baseBodyChars: number;
  readonly policy: PolicyId;
  readonly accounts: number;
  readonly replications: number;
  readonly seed: number;
}

export function messageLeversParamsFrom(values: ParamValues): MessageLeversParams {
  return {
    title: values.title as string,
    persona: values.persona as PersonaId,
    plan: values.plan === "persona" ? null : (values.plan as PayingPlanId),
    responseRate: values.responseRate === segmentWord ? null : (values.responseRate as number),
    baseBodyChars: values.baseBodyChars as number,
    policy: values.policy as PolicyId,
    accounts: values.accounts as number,
    replications: values.replications as number,
    seed: values.seed as number,
  };
}
