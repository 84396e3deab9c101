/**
 * Follow-ups: a contact is a first InMail plus up to `count` follow-ups, each sent
 * `afterDays` days after the previous message while the recipient has not answered.
 * The first answer to any message of the sequence ends it; later answers of the same
 * recipient are not counted (one recipient answers once).
 *
 * How a plan treats a follow-up, from LinkedIn's help pages (docs/model.md, "Follow-ups",
 * gives their addresses):
 * - `refused` — Premium (help answer/75): "you cannot send another InMail to the same
 *   member until they respond"; LinkedIn reminds the recipient within 3 days instead.
 * - `charged` — Sales Navigator (help 57013): a second InMail before a response uses
 *   another credit, spent when it is sent; with no credit left it is not sent. Premium
 *   under the newer FAQ (a554514, "may be eligible to follow up") is charged the same
 *   way (how it is paid is not stated: an assumption).
 * - `scheduled` — Recruiter and Recruiter Lite (help a1457303, a1517489): the follow-up
 *   is scheduled with the first InMail and sent only if the candidate has not replied;
 *   its credit is taken when it is scheduled (our reading) and given back if it is not
 *   delivered — the candidate answered first, or the member cannot receive it.
 *
 * A follow-up that is delivered and answered refunds its own credit under the policy's
 * outcomes and refund window, as a first InMail does; earlier messages of the sequence
 * got no answer of their own and stay spent (undocumented: an assumption).
 */
import type { PlanId } from "./plans.ts";

export const followUpRules = ["refused", "charged", "scheduled"] as const;
export type FollowUpRule = (typeof followUpRules)[number];

/** Premium's two pages: answer/75 refuses follow-ups, the newer FAQ a554514 allows them. */
export const premiumFollowUpRules = ["refused", "allowed"] as const;
export type PremiumFollowUpRule = (typeof premiumFollowUpRules)[number];

/** Most follow-ups per contact the model takes (Recruiter schedules one per message). */
export const maxFollowUps = 5;

/** Recruiter's scheduling range for a follow-up, in days after the previous message (a1457303). */
export const recruiterFollowUpDays = { min: 3, max: 28, default: 7 } as const;

export interface FollowUpSpec {
  /** Follow-ups after the first InMail (0 … maxFollowUps); 0 = none. */
  readonly count: number;
  /** Days from one message of the sequence to the next follow-up (> 0). */
  readonly afterDays: number;
  /** How the plan pays for a follow-up. */
  readonly rule: FollowUpRule;
  /**
   * P(a response to a follow-up) ÷ P(a response to the first InMail) at the same
   * send time: an ASSUMPTION (no published figure; plausible 0.25–1).
   */
  readonly responseFactor: number;
  /**
   * Share of follow-ups that cannot be delivered (the member left or closed InMail): an
   * ASSUMPTION. Under both rules that send follow-ups (`charged` and `scheduled`): an
   * undeliverable follow-up costs nothing (a scheduled one's credit is given back, with
   * those of the later follow-ups) and ends the sequence. Whether a follow-up is
   * delivered and whether it is answered are drawn independently.
   */
  readonly undeliverableShare: number;
}

/** The follow-up rule of `plan` (Premium's depends on which of its pages is followed). */
export function followUpRuleForPlan(plan: PlanId, premium: PremiumFollowUpRule): FollowUpRule {
  switch (plan) {
    case "premium-career":
    case "premium-business":
      return premium === "allowed" ? "charged" : "refused";
    case "sales-navigator":
      return "charged";
    case "recruiter-lite":
    case "recruiter":
      return "scheduled";
    case "basic":
      return "refused";
  }
}

/** Whether a spec sends any follow-up at all. */
export function sendsFollowUps(spec: FollowUpSpec | null | undefined): spec is FollowUpSpec {
  return !!spec && spec.count > 0 && spec.rule !== "refused";
}
