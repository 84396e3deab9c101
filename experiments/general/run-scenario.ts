/**
 * Runs a built scenario on the worker pool and summarises it as the JSON every
 * general scenario prints: parameters, capacity and replies with CIs, cost per
 * positive reply, per-cycle means, ledger totals (with the conservation identity),
 * enforcement and channel counts, the assumptions in force, and the events simulated
 * in `perf`. No wall clock: two runs with the same seed print the same bytes.
 */
import { summarize, type AccountModel, type CycleRow, type Estimate, type FollowUpRule, type FollowUpSpec, type FollowUpSummary, type Summary, type Tally } from "../../models/index.ts";
import { runModel } from "../../runner/run-models.ts";
import type { ParamValues } from "../inputs/params.ts";
import type { BuiltScenario } from "./scenario.ts";
import { teamFigures, type TeamEstimate } from "../team/team-figures.ts";
import { fixed } from "../../reports/number-format.ts";

export interface ScenarioResult {
  scenario: string;
  params: Record<string, number | string | boolean>;
  plan: string;
  policy: string;
  credits: number;
  seats: number;
  /** InMails delivered (paid and free) per seat per month (a month: one grant cycle). */
  capacity: Estimate;
  /** capacity ÷ credits per seat (null when the plan grants none). */
  multiplier: number | null;
  positivesPerCycle: Estimate;
  responseRate: number;
  /** Price per seat-month ÷ positive replies per seat-month, per replication (null without replies). */
  costPerPositive: (Estimate & { currency: "USD"; priceUsd: number; illustrative: boolean }) | null;
  perAccountCycle: Omit<CycleRow, "cycle">;
  perCycle: CycleRow[];
  /** Per-replication values (per account per cycle), in replication order: for paired comparisons. */
  replicationValues: { capacity: number[]; positives: number[] };
  ledger: Summary["ledger"] & { identityHolds: boolean };
  /** The team planner's figures (GLOSSARY.md), per seat: per month, and credits held at the end of the horizon (not lost). */
  perSeatPerMonth: { inmailsDelivered: Estimate; conversations: Estimate; creditsLost: Estimate };
  creditsHeldPerSeatAtEnd: number;
  /**
   * Present only with follow-ups (followUps.count > 0): what they did, per account per
   * cycle, with the plan's rule, and per-replication values for paired comparisons.
   */
  followUps?: FollowUpSummary & {
    count: number;
    afterDays: number;
    rule: FollowUpRule;
    /** Credits used by every InMail (spent − refunded), per account per cycle. */
    creditsUsedAll: Estimate;
    replicationValues: { sent: number[]; creditsUsed: number[]; conversations: number[]; creditsUsedAll: number[] };
  };
  assumptions: string[];
  /** Events simulated (1 per send, 1 per positive response, 1 per account per cycle start): a count, the same on every run. */
  perf: { events: number };
}

/** Parameter values for JSON (Infinity is not JSON: it prints as "unlimited"). */
export function jsonParams(values: ParamValues): Record<string, number | string | boolean> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === Infinity ? "unlimited" : v]));
}

/** The labels a reader must see: which figures in force are assumptions. */
export function assumptions(b: BuiltScenario): string[] {
  return [...modelAssumptions(b.model, { priceIllustrative: b.price.illustrative, leversOn: Object.values(b.message.levers ?? {}).some(Boolean) }), ...followUpAssumptions(b.followUps, b.plan)];
}

/** The labels of a follow-up sequence's assumptions (none without one). */
export function followUpAssumptions(fu: FollowUpSpec | null | undefined, plan: string): string[] {
  const out: string[] = [];
  if (fu) {
    out.push(
      `follow-up response probability ×${fu.responseFactor} of the first InMail's (none is published; plausible 0.25–1)`,
      "an answer refunds the message it answers; earlier messages of the sequence stay spent (undocumented)",
    );
    if (fu.rule === "scheduled") out.push("Recruiter follow-up credits taken when scheduled, given back when not delivered (reading of help a1457303)");
    if (plan === "premium-career" || plan === "premium-business") out.push("a Premium follow-up costs a credit (the FAQ a554514 says only 'may be eligible')");
    if (fu.undeliverableShare > 0) out.push("share of follow-ups that cannot be delivered");
  }
  return out;
}

/** `assumptions` from the model itself, and what the model does not keep: whether the price is the illustrative one, whether message levers are on. */
export function modelAssumptions(m: AccountModel, context: { readonly priceIllustrative: boolean; readonly leversOn: boolean }): string[] {
  const out = ["response delay distribution (none is published)", "audience response rates and mix by segment (within the published 10–30% range)"];
  if (context.priceIllustrative) out.push("plan price (illustrative, low confidence)");
  if (context.leversOn) out.push("size of the message levers (direction documented, size not)");
  if ((m.response.offPeakMultiplier ?? 1) !== 1) out.push("off-peak effect size");
  if (m.blockedShare > 0) out.push("share of members who block InMail");
  if (m.openProfile) out.push("Open Profile share and monthly cap");
  if (m.connections) out.push("connection request weekly cap (~100, unofficial), acceptance and reply rates");
  if (m.enforcement?.complaints) out.push("complaint-rule thresholds (G9 gives none)");
  if (m.enforcement?.content) out.push("content-filter flag rate");
  if (m.enforcement?.responseRateFloor) out.push("sends allowed while bulk InMail is off");
  if (m.rules.policy === "linkedin") out.push("no refund on spam reports (undocumented)");
  return out;
}

function sumRows(rows: readonly CycleRow[]): Omit<CycleRow, "cycle"> {
  const keys = Object.keys(rows[0]!).filter((k) => k !== "cycle") as (keyof Omit<CycleRow, "cycle">)[];
  const out = {} as Omit<CycleRow, "cycle">;
  for (const k of keys) out[k] = rows.reduce((s, r) => s + r[k], 0) / rows.length;
  return out;
}

/** Summarises replication tallies of a built scenario. */
export function scenarioResult(name: string, values: ParamValues, b: BuiltScenario, tallies: readonly Tally[]): ScenarioResult {
  const s = summarize(tallies);
  const l = s.ledger;
  const seats = tallies[0]!.accounts;
  const f = teamFigures(tallies, { seats, priceUsdPerSeatPerMonth: b.price.usd, target: null });
  const est = (e: TeamEstimate): Estimate => ({ mean: e.mean, ci95: [e.ci95[0], e.ci95[1]] });
  // The team figures' ratio of totals: price ÷ conversations a seat a month, over every month and replication.
  const perConversation = f.costPerConversationUsd;
  const cost = perConversation ? { ...est(perConversation), currency: "USD" as const, priceUsd: b.price.usd, illustrative: b.price.illustrative } : null;
  return {
    scenario: name,
    params: jsonParams(values),
    plan: b.plan,
    policy: b.policy,
    credits: b.credits,
    seats: b.seats,
    capacity: s.capacity,
    multiplier: b.credits > 0 ? s.capacity.mean / b.credits : null,
    positivesPerCycle: s.positivesPerCycle,
    responseRate: s.responseRate,
    costPerPositive: cost,
    perAccountCycle: sumRows(s.perCycle),
    perCycle: s.perCycle,
    replicationValues: { capacity: s.replications.capacity, positives: s.replications.positives },
    ledger: { ...l, identityHolds: l.granted + l.refunded - l.spent - l.expired - l.forfeited === l.closingBalance },
    perSeatPerMonth: {
      inmailsDelivered: est(f.perSeatPerMonth.inmailsDelivered),
      conversations: est(f.perSeatPerMonth.conversations),
      creditsLost: est(f.perSeatPerMonth.creditsLost),
    },
    creditsHeldPerSeatAtEnd: f.creditsHeldAtEnd.mean / seats,
    ...(b.followUps
      ? {
          followUps: {
            count: b.followUps.count,
            afterDays: b.followUps.afterDays,
            rule: b.followUps.rule,
            ...s.followUps,
            creditsUsedAll: s.creditsUsedPerCycle,
            replicationValues: {
              sent: s.replications.followUpsSent,
              creditsUsed: s.replications.followUpCredits,
              conversations: s.replications.followUpConversations,
              creditsUsedAll: s.replications.creditsUsed,
            },
          },
        }
      : {}),
    assumptions: assumptions(b),
    perf: { events: s.events },
  };
}

/** Builds, runs and summarises one scenario. */
export async function runScenario(name: string, values: ParamValues, b: BuiltScenario, options: { workers?: number; big?: boolean } = {}): Promise<ScenarioResult> {
  const tallies = await runModel(b.model, b.seed, b.accounts, b.replications, { ...options, label: name });
  return scenarioResult(name, values, b, tallies);
}

const f1 = (x: number, d = 1) => fixed(d)(x);

/** A short human-readable summary of a result. */
export function resultText(r: ScenarioResult): string {
  const a = r.perAccountCycle;
  const lines = [
    `${r.scenario} — plan ${r.plan}, policy ${r.policy}, ${r.params.accounts} ${r.seats > 1 ? `contracts × ${r.seats} seats` : "seats"} × ${r.params.cycles} months, ${r.params.replications} replications, seed ${r.params.seed}`,
    `  figures per seat per month (a month: one grant cycle of the plan); words as in GLOSSARY.md`,
    ``,
    `  InMails delivered       ${f1(r.capacity.mean)} per seat per month (95% CI ${f1(r.capacity.ci95[0])} – ${f1(r.capacity.ci95[1])})` +
      (r.multiplier !== null ? `, ${f1(r.multiplier, 2)}× the ${r.credits}-credit allotment` : ""),
    `  conversations           ${f1(r.positivesPerCycle.mean)} per seat per month (95% CI ${f1(r.positivesPerCycle.ci95[0])} – ${f1(r.positivesPerCycle.ci95[1])}); ` +
      `observed response rate ${f1(r.responseRate * 100)}% (accepted, replied or declined among contacts; audience.responseRate is the base rate before the message and timing multipliers)`,
  ];
  if (r.costPerPositive) {
    lines.push(
      `  cost per conversation   $${f1(r.costPerPositive.mean, 2)} at $${f1(r.costPerPositive.priceUsd, 2)} per seat per month${r.costPerPositive.illustrative ? " (illustrative price)" : ""}`,
    );
  }
  if (a.connectionRequests > 0) lines.push(`  connection requests     ${f1(a.connectionRequests)} per seat per month`);
  if (a.freeSends > 0) lines.push(`  free Open Profile InMails ${f1(a.freeSends)} per seat per month (in the InMails above)`);
  if (a.blocked > 0) lines.push(`  blocked attempts        ${f1(a.blocked)} per seat per month (cost nothing)`);
  lines.push(
    `  credits lost            ${f1(r.perSeatPerMonth.creditsLost.mean, 2)} per seat per month (expired + forfeited${r.policy === "guide" ? " + reset" : ""}); held at the end: ${f1(r.creditsHeldPerSeatAtEnd, 2)} per seat (not lost)`,
    `  days out of credits     ${f1(a.daysOutOfCredits)} per seat per month`,
    `  warnings / restrictions ${f1(a.warnings, 2)} / ${f1(a.restrictions, 2)} per seat per month (${f1(a.daysRestricted, 1)} days restricted)`,
  );
  const fu = r.followUps;
  if (fu) {
    lines.push(
      `  follow-ups (${fu.count}, ${fu.afterDays} days apart, ${fu.rule}) ${f1(fu.sent.mean)} sent per seat per month, ` +
        `${f1(fu.creditsUsed.mean)} credits used (${f1(fu.creditsTaken.mean)} taken, ${f1(fu.creditsGivenBack.mean)} given back), ` +
        `${f1(fu.conversations.mean, 2)} conversations from them (in the conversations above)`,
    );
  }
  if (a.poolExhausted > 0) lines.push(`  audience pool ran dry   for ${f1(a.poolExhausted * Number(r.params.cycles) * 100, 1)}% of accounts`);
  const l = r.ledger;
  lines.push(
    `  credits (all seats, all replications) granted ${l.granted}, spent ${l.spent}, refunded ${l.refunded}, expired ${l.expired}, forfeited ${l.forfeited}, left ${l.closingBalance} (identity ${l.identityHolds ? "holds" : "BROKEN"})`,
    `  assumptions: ${r.assumptions.join("; ")}`,
    ``,
    `  ${r.perf.events.toLocaleString("en-US")} events simulated`,
  );
  return lines.join("\n");
}
