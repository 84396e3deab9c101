/**
 * Policy presets: how credits roll over, expire and come back. The guide the project
 * was built from and LinkedIn's help pages disagree, so both ship and reports show
 * the difference; nothing picks one silently.
 *
 * - `guide` (G5–G7): refund when the InMail is accepted (incl. "Interested") or
 *   replied to; nothing on declined, spam or no answer; at each new cycle the balance
 *   resets to zero and the new allotment is granted; no refund window, no credit life.
 * - `linkedin` (help answer/75, 57013, a412114): balances roll over, clipped to the
 *   plan's cap at each grant (oldest excess forfeited); each credit lives 90 days
 *   (Premium, Sales Navigator); refund when accepted, replied or **declined** within
 *   90 days; none on spam (undocumented: assumed) or no answer.
 */
import { OUTCOME_CODE, outcomes, type Outcome } from "./outcome.ts";
import { PlanCannotSendError, type Plan } from "./plans.ts";

export const policyIds = ["guide", "linkedin"] as const;
export type PolicyId = (typeof policyIds)[number];

/**
 * How a refunded credit ages — LinkedIn does not document it.
 * `original`: it keeps the expiry of the credit that was spent (default);
 * `fresh`: it gets a full new lifetime from the refund.
 */
export const refundAgings = ["original", "fresh"] as const;
export type RefundAging = (typeof refundAgings)[number];

/** The credit rules of one account under one policy, fully resolved. */
export interface CreditRules {
  readonly policy: PolicyId;
  /** Credits granted at each cycle start. */
  readonly creditsPerCycle: number;
  /** Guide G7: the balance goes to zero at each new cycle before the grant. */
  readonly resetEachCycle: boolean;
  /** Balance cap applied at each grant (Infinity = none). */
  readonly capCredits: number;
  /** Life of a granted credit in days (Infinity = never expires). */
  readonly creditLifetimeDays: number;
  /** Which outcomes give the credit back, indexed by OUTCOME_CODE. */
  readonly refundOn: readonly boolean[];
  /** A response later than this many days after sending refunds nothing. */
  readonly refundWindowDays: number;
  readonly refundAging: RefundAging;
}

export interface PolicyPreset {
  readonly id: PolicyId;
  readonly description: string;
  readonly resetEachCycle: boolean;
  /** Whether the plan's balance cap applies. */
  readonly applyCap: boolean;
  /** Whether the plan's credit lifetime applies. */
  readonly applyLifetime: boolean;
  readonly refundOutcomes: readonly Outcome[];
  readonly refundWindowDays: number;
}

export const policies: Readonly<Record<PolicyId, PolicyPreset>> = {
  guide: {
    id: "guide",
    description: "the guide: reset to zero each cycle; refund on accepted or replied only",
    resetEachCycle: true,
    applyCap: false,
    applyLifetime: false,
    refundOutcomes: ["accepted", "replied"],
    refundWindowDays: Infinity,
  },
  linkedin: {
    id: "linkedin",
    description: "LinkedIn help pages: roll over up to the cap, 90-day credit life; refund on accepted, replied or declined within 90 days",
    resetEachCycle: false,
    applyCap: true,
    applyLifetime: true,
    // Spam reports: no official page says; assumed no refund.
    refundOutcomes: ["accepted", "replied", "declined"],
    refundWindowDays: 90,
  },
};

export interface CreditRulesInput {
  policy: PolicyId;
  creditsPerCycle: number;
  /** Cap as a multiple of the allotment (used when the policy applies a cap). */
  capMultiplier: number;
  /** Credit life in days (used when the policy applies a lifetime). */
  creditLifetimeDays: number;
  /** Overrides the preset's refund window. */
  refundWindowDays?: number;
  refundAging?: RefundAging;
}

/** Resolves a policy preset and an account's plan figures into its credit rules. */
export function creditRules(input: CreditRulesInput): CreditRules {
  const preset = policies[input.policy];
  const refundOn = outcomes.map(() => false);
  for (const o of preset.refundOutcomes) refundOn[OUTCOME_CODE[o]] = true;
  return {
    policy: preset.id,
    creditsPerCycle: input.creditsPerCycle,
    resetEachCycle: preset.resetEachCycle,
    capCredits: preset.applyCap ? input.capMultiplier * input.creditsPerCycle : Infinity,
    creditLifetimeDays: preset.applyLifetime ? input.creditLifetimeDays : Infinity,
    refundOn,
    refundWindowDays: input.refundWindowDays ?? preset.refundWindowDays,
    refundAging: input.refundAging ?? "original",
  };
}

/**
 * The credit rules of an account on `plan` under `policy`. A plan with no credits (a
 * free Basic account) cannot send InMail at all (G2): that is an error, not a
 * simulation that silently sends nothing.
 */
export function rulesForPlan(plan: Plan, policy: PolicyId, overrides: Partial<Pick<CreditRulesInput, "refundWindowDays" | "refundAging">> = {}): CreditRules {
  if (plan.creditsPerMonth <= 0) throw new PlanCannotSendError(plan.id);
  return creditRules({
    policy,
    creditsPerCycle: plan.creditsPerMonth,
    capMultiplier: plan.capMultiplier,
    creditLifetimeDays: plan.creditLifetimeDays,
    ...overrides,
  });
}
