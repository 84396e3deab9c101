/**
 * "Should my team send follow-ups?" — the team planner's comparison of the same team
 * with 0, 1 and 2 follow-ups (and the count asked), per plan and policy: conversations,
 * credits used and cost per conversation, each per team per month, with the paired
 * difference from no follow-ups (every run has the same seed, and a recipient's answers
 * to the first InMail and to each follow-up come from fixed draws, so the runs differ
 * by the follow-ups alone; differences are taken replication by replication). Pure (no
 * node: import), like team-plan.ts, which builds the runs, and team-result.ts, which calls `followUpComparison`.
 *
 * Units: per team (all seats together) per month (one grant cycle); USD.
 */
import { followUpRuleForPlan, type FollowUpRule, type PremiumFollowUpRule } from "../../models/follow-ups.ts";
import type { PolicyId } from "../../models/policy.ts";
import type { Tally } from "../../models/tally.ts";
import { meanCi95, type MeanCi } from "../../sim/mean-ci.ts";
import { countCi95, perMeanCi95, perMeanDifferenceCi95 } from "../../sim/ratio-ci.ts";
import type { ParamValues } from "../inputs/params.ts";

/** The follow-up counts compared: 0, 1, 2 and the count asked, ascending. */
export function comparedCounts(asked: number): number[] {
  return [...new Set([0, 1, 2, asked])].sort((a, b) => a - b);
}

/** The rule a plan applies to follow-ups under the values' Premium rule. */
export function followUpRuleOf(plan: string, values: ParamValues): FollowUpRule {
  return followUpRuleForPlan(plan as Parameters<typeof followUpRuleForPlan>[0], values["followUps.premiumRule"] as PremiumFollowUpRule);
}

/** One run of the comparison: where its tallies are (an index into the plan's runs), or null when the plan refuses follow-ups. */
export interface FollowUpCell {
  readonly plan: string;
  readonly policy: PolicyId;
  readonly followUps: number;
  readonly run: number | null;
}

/** The team with one number of follow-ups, per team per month. */
export interface FollowUpRow {
  readonly plan: string;
  readonly planName: string;
  readonly policy: PolicyId;
  /** Follow-ups after each first InMail with no answer. */
  readonly followUps: number;
  /** The plan's rule; `refused`: the plan does not allow them (no figures). */
  readonly rule: FollowUpRule;
  readonly allowed: boolean;
  /** First InMails delivered (contacts). */
  readonly inmailsDelivered: MeanCi | null;
  readonly followUpsSent: MeanCi | null;
  /** Credits follow-ups used: taken for them less those given back (answered within the refund window, or never delivered). */
  readonly followUpCreditsUsed: MeanCi | null;
  /** Every credit used (first InMails and follow-ups) less every credit refunded. */
  readonly creditsUsedNet: MeanCi | null;
  /** Conversations (accepted or replied), and those whose answer was to a follow-up. */
  readonly conversations: MeanCi | null;
  readonly conversationsFromFollowUps: MeanCi | null;
  /** Team cost ÷ conversations, totals over every month and replication (null when there is none). */
  readonly costPerConversationUsd: MeanCi | null;
  /** Paired differences from the same team with no follow-ups (null for 0 or when not allowed). */
  readonly vsNoFollowUps: {
    readonly conversations: MeanCi;
    readonly creditsUsedNet: MeanCi;
    readonly costPerConversationUsd: MeanCi | null;
  } | null;
}

/** Per plan and policy: the count with the lowest cost per conversation, and whether it adds conversations. */
export interface FollowUpAnswer {
  readonly plan: string;
  readonly policy: PolicyId;
  readonly rule: FollowUpRule;
  /** The compared count with the lowest mean cost per conversation (0 when follow-ups are refused). */
  readonly cheapestPerConversation: number;
  /** Extra conversations a month with that count against none (paired), null for 0. */
  readonly extraConversations: MeanCi | null;
}

export interface TeamFollowUps {
  /** The follow-ups asked for (`followUps.*`). */
  readonly asked: { readonly count: number; readonly afterDays: number; readonly responseFactor: number; readonly premiumRule: string };
  readonly counts: readonly number[];
  readonly rows: readonly FollowUpRow[];
  readonly answers: readonly FollowUpAnswer[];
  readonly notes: readonly string[];
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/** Per replication, per team per month. */
function perMonth(tallies: readonly Tally[], value: (t: Tally) => number): number[] {
  return tallies.map((t) => value(t) / t.cycles);
}

const measures = {
  inmailsDelivered: (t: Tally) => sum(t.perCycle.sends),
  followUpsSent: (t: Tally) => sum(t.perCycle.followUpsSent),
  followUpCreditsUsed: (t: Tally) => sum(t.perCycle.followUpCredits) - sum(t.perCycle.followUpRefunds),
  creditsUsedNet: (t: Tally) => t.ledger.spent - t.ledger.refunded,
  conversations: (t: Tally) => sum(t.perCycle.positives),
  conversationsFromFollowUps: (t: Tally) => sum(t.perCycle.followUpConversations),
};

const difference = (a: readonly number[], b: readonly number[]) => meanCi95(a.map((x, i) => x - b[i]!));

/**
 * The comparison, from the cells (index for index: which run holds which count), every
 * run's tallies, the team's cost a month per plan and the plans' names.
 */
export function followUpComparison(
  values: ParamValues,
  cells: readonly FollowUpCell[],
  tallies: readonly (readonly Tally[])[],
  costUsdPerMonth: (plan: string) => number,
  planName: (plan: string) => string,
): TeamFollowUps {
  const counts = [...new Set(cells.map((c) => c.followUps))].sort((a, b) => a - b);
  const series = (c: FollowUpCell) => {
    if (c.run === null) return null;
    const t = tallies[c.run]!;
    const conversations = perMonth(t, measures.conversations);
    const cost = costUsdPerMonth(c.plan);
    return {
      conversations,
      creditsUsedNet: perMonth(t, measures.creditsUsedNet),
      cost,
      t,
    };
  };
  const rows: FollowUpRow[] = cells.map((c) => {
    const rule = followUpRuleOf(c.plan, values);
    const allowed = c.run !== null;
    const s = series(c);
    const none = cells.find((o) => o.plan === c.plan && o.policy === c.policy && o.followUps === 0);
    const base = none ? series(none) : null;
    // Counts keep their intervals at 0 or above; the net credit figures may go either way.
    const netMeasures: readonly string[] = ["followUpCreditsUsed", "creditsUsedNet"];
    const e = (m: keyof typeof measures) => (s ? (netMeasures.includes(m) ? meanCi95 : countCi95)(perMonth(s.t, measures[m])) : null);
    return {
      plan: c.plan,
      planName: planName(c.plan),
      policy: c.policy,
      followUps: c.followUps,
      rule,
      allowed,
      inmailsDelivered: e("inmailsDelivered"),
      followUpsSent: e("followUpsSent"),
      followUpCreditsUsed: e("followUpCreditsUsed"),
      creditsUsedNet: e("creditsUsedNet"),
      conversations: e("conversations"),
      conversationsFromFollowUps: e("conversationsFromFollowUps"),
      costPerConversationUsd: s ? perMeanCi95(s.cost, s.conversations) : null,
      vsNoFollowUps:
        s && base && c.followUps > 0
          ? {
              conversations: difference(s.conversations, base.conversations),
              creditsUsedNet: difference(s.creditsUsedNet, base.creditsUsedNet),
              costPerConversationUsd: perMeanDifferenceCi95(s.cost, s.conversations, base.conversations),
            }
          : null,
    };
  });
  const answers: FollowUpAnswer[] = [];
  for (const key of [...new Set(rows.map((r) => `${r.plan}|${r.policy}`))]) {
    const group = rows.filter((r) => `${r.plan}|${r.policy}` === key && r.allowed && r.costPerConversationUsd);
    const first = rows.find((r) => `${r.plan}|${r.policy}` === key)!;
    const best = [...group].sort((a, b) => a.costPerConversationUsd!.mean - b.costPerConversationUsd!.mean || a.followUps - b.followUps)[0];
    answers.push({
      plan: first.plan,
      policy: first.policy,
      rule: first.rule,
      cheapestPerConversation: best?.followUps ?? 0,
      extraConversations: best?.vsNoFollowUps?.conversations ?? null,
    });
  }
  const notes = [
    "same seed for every count: a recipient answers the first InMail and each follow-up from fixed draws, so differences are paired replication by replication",
    "Sales Navigator: a follow-up costs a credit when sent (help 57013); Recruiter: its credit is taken when scheduled and given back if it is not delivered (help a1457303, a1517489)",
  ];
  if (rows.some((r) => !r.allowed)) {
    notes.push("Premium: no second InMail until the member responds (help answer/75); followUps.premiumRule=allowed applies the newer FAQ (a554514)");
  }
  return {
    asked: {
      count: values["followUps.count"] as number,
      afterDays: values["followUps.afterDays"] as number,
      responseFactor: values["followUps.responseFactor"] as number,
      premiumRule: String(values["followUps.premiumRule"]),
    },
    counts,
    rows,
    answers,
    notes,
  };
}
