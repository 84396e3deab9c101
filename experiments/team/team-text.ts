/**
 * The words and numbers of a team result, formatted once for every place that shows
 * them (the team command's text, the team report), so the same settings print the same
 * numbers everywhere: en-US digits, a mean with its 95% CI, USD with cents. Pure.
 */
import { plans } from "../../models/plans.ts";
import type { PolicyId } from "../../models/policy.ts";
import type { TeamFollowUps } from "./team-follow-ups.ts";
import type { TeamEstimate, TeamFigures } from "./team-figures.ts";
import type { TeamPlanResult, TeamResult } from "./team-result.ts";
import { f1, fixed, pct1, usd } from "../../reports/number-format.ts";
import { sourceWords } from "../inputs/segment-rates.ts";

/** Counts: one decimal ("211.4"). */
const count1 = f1;
/** A share as a percentage with one decimal ("15.0%"). */
const percent1 = pct1;

/** "211.4 (210.8–212.1)": a mean and its 95% CI; the mean alone when the CI is a point. */
export function estimateText(e: TeamEstimate, format: (x: number) => string = count1): string {
  const [lo, hi] = e.ci95.map(format) as [string, string];
  return lo === hi ? format(e.mean) : `${format(e.mean)} (${lo}–${hi})`;
}

/** What the rules are called in sentences. */
export const policyName = (p: PolicyId) => (p === "linkedin" ? "LinkedIn's rules" : "the guide's rules");

/** What credits lost are, under a policy. */
export const lostLabel = (p: PolicyId) => (p === "guide" ? "credits lost (expired, forfeited, reset to 0)" : "credits lost (expired + forfeited to the cap)");

/** One row of the team's figures: its label, then the value per team per month and per team per quarter. */
export interface FigureRow {
  readonly label: string;
  readonly perMonth: string;
  readonly perQuarter: string;
}

/** The figure rows of one plan under one policy, in the order every view shows them. */
export function figureRows(r: TeamPlanResult): FigureRow[] {
  const m = r.perTeamPerMonth;
  const q = r.perTeamPerQuarter;
  const row = (label: string, pick: (f: TeamFigures) => TeamEstimate) => ({
    label,
    perMonth: estimateText(pick(m)),
    perQuarter: q ? estimateText(pick(q)) : "–",
  });
  return [
    row("InMails delivered", (f) => f.inmailsDelivered),
    row("conversations (accepted or replied)", (f) => f.conversations),
    row("responses (accepted, replied or declined)", (f) => f.responses),
    row("credits granted", (f) => f.creditsGranted),
    row("credits used", (f) => f.creditsUsed),
    row("credits refunded", (f) => f.creditsRefunded),
    row(lostLabel(r.policy), (f) => f.creditsLost),
    { label: "cost", perMonth: usd(m.costUsd), perQuarter: q ? usd(q.costUsd) : "–" },
  ];
}

/** "1 seat", "6 seats": a seat count in words, singular for one. */
export const seatsText = (n: number) => `${n} ${n === 1 ? "seat" : "seats"}`;

/** "Recruiter Lite, 6 individual seats" / "Recruiter (Corporate), one contract pooling 6 seats". */
export function teamName(r: TeamPlanResult): string {
  return r.pooled ? `${r.planName}, one contract pooling ${seatsText(r.seats)}` : `${r.planName}, ${r.seats} individual ${r.seats === 1 ? "seat" : "seats"}`;
}

/** Cost per conversation, with its CI, or why there is none. */
export const costPerConversationText = (r: TeamPlanResult) =>
  r.costPerConversationUsd ? `${estimateText(r.costPerConversationUsd, usd)} per conversation` : (r.costPerConversationNote ?? "undefined");

/** The price line of a plan. */
export const priceText = (r: TeamPlanResult) => `${usd(r.priceUsdPerSeatPerMonth)} per seat per month${r.priceIllustrative ? " (illustrative price, low confidence)" : ""}`;

/** Credits held at the end of the horizon. */
export const heldText = (r: TeamPlanResult, months: number) => `${estimateText(r.creditsHeldAtEnd)} per team at the end of month ${months} (held, not lost)`;

/** The settings in the glossary's terms. */
export function settingsText(t: TeamResult): string[] {
  const s = t.settings;
  return [
    `response rate ${percent1(s.responseRate)} (${sourceWords(s.responseRateFrom, s.segment)}) as observed today (LinkedIn's definition: accepted, replied or declined among delivered InMails); ` +
      `positive share ${percent1(s.positiveShare)} (${sourceWords(s.positiveShareFrom, s.segment)})`,
    `${count1(s.sendsPerWorkingDay)} InMails per seat per working day (${s.workdays}: ${count1(s.workingDaysPerMonth)} working days a month); ${s.demandPerSeat === "unlimited" ? "unlimited" : s.demandPerSeat} people per seat a month`,
    `${s.months} months × ${s.replications} replications; a month is ${t.definitions.month}; a quarter is ${t.definitions.quarter}`,
  ];
}

const followUpWords = (n: number) => (n === 0 ? "no follow-ups" : `${n} follow-up${n > 1 ? "s" : ""} per contact`);

/**
 * The answer in one line per policy: the best plan and its cost per conversation; with
 * follow-ups compared, the cheapest configuration (plan and follow-up count), and the
 * cost with the count asked when that is another.
 */
export function bestText(t: TeamResult): string[] {
  return t.best.map((b) => {
    const r = t.plans.find((p) => p.plan === b.plan && p.policy === b.policy)!;
    const f = t.followUps;
    if (!f) {
      return `best plan under ${policyName(b.policy)}: ${r.planName} at ${usd(b.costPerConversationUsd)} per conversation (${count1(r.perTeamPerMonth.conversations.mean)} conversations per team per month)`;
    }
    const at = (n: number) => f.rows.find((x) => x.plan === b.plan && x.policy === b.policy && x.followUps === n && x.allowed);
    const asked = at(f.asked.count);
    const vsAsked = b.followUps !== f.asked.count && asked?.costPerConversationUsd ? `; with the ${followUpWords(f.asked.count)} asked, ${usd(asked.costPerConversationUsd.mean)}` : "";
    return (
      `best plan under ${policyName(b.policy)}: ${r.planName} with ${followUpWords(b.followUps)} at ${usd(b.costPerConversationUsd)} per conversation ` +
      `(${count1(at(b.followUps)!.conversations!.mean)} conversations per team per month)${vsAsked}`
    );
  });
}

/** The target's answer, one line per policy and criterion. */
export function targetText(t: TeamResult): string[] {
  const target = t.target;
  if (!target) return [];
  const lines: string[] = [];
  const fitText = (f: NonNullable<(typeof target.cheapest)[number]["onAverage"]>) =>
    `${f.atMost ? "at most " : ""}${seatsText(f.seats!)} of ${plans[f.plan].name} at ${usd(f.costUsdPerMonth!)} per team per month`;
  for (const c of target.cheapest) {
    lines.push(
      `target ${target.conversationsPerMonth} conversations per team per month under ${policyName(c.policy)}: ` +
        `on average, ${c.onAverage ? fitText(c.onAverage) : "no plan within the seat counts searched"}; ` +
        `in ${percent1(target.shareOfMonths)} of months, ${c.inMonths ? fitText(c.inMonths) : "no plan within the seat counts searched"}`,
    );
  }
  return lines;
}

const table = (rows: readonly (readonly string[])[]): string[] => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((c, i) => c.padEnd(widths[i]!)).join("   ")}`.trimEnd());
};

/** The team command's text: settings, the answer, then each plan's figures. */
export function teamText(t: TeamResult): string {
  const s = t.settings;
  const lines = [`Team planner — ${seatsText(s.seats)}; team totals (all seats together), mean (95% CI across replications)`, ...settingsText(t).map((l) => `  ${l}`), ""];
  lines.push(...bestText(t), ...targetText(t), "");
  if (t.plans.length > 1) {
    lines.push(
      "side by side, per team:",
      ...table([
        ["plan", "rules", "conversations/month", "conversations/quarter", "cost/month", "cost per conversation"],
        ...t.plans.map((r) => [
          r.planName,
          r.policy,
          estimateText(r.perTeamPerMonth.conversations),
          r.perTeamPerQuarter ? estimateText(r.perTeamPerQuarter.conversations) : "–",
          usd(r.perTeamPerMonth.costUsd),
          r.costPerConversationUsd ? estimateText(r.costPerConversationUsd, usd) : "undefined (no conversation)",
        ]),
      ]),
      "",
    );
  }
  for (const r of t.plans) {
    lines.push(
      `${teamName(r)} — ${policyName(r.policy)}; ${priceText(r)}`,
      ...table([["", "per team per month", "per team per quarter"], ...figureRows(r).map((f) => [f.label, f.perMonth, f.perQuarter])]),
      `  cost per conversation: ${costPerConversationText(r)}`,
      `  what limits it: ${r.limitText}`,
      `  credits held: ${heldText(r, s.months)}`,
      `  per seat per month: ${estimateText(r.perSeatPerMonth.inmailsDelivered)} InMails delivered, ${estimateText(r.perSeatPerMonth.conversations, fixed(2))} conversations; observed response rate ${percent1(r.observedResponseRate)} (${percent1(r.observedResponseRateCi95[0])}–${percent1(r.observedResponseRateCi95[1])})`,
      "",
    );
  }
  lines.push(...followUpText(t));
  lines.push(`assumptions: ${t.assumptions.join("; ")}`);
  return lines.join("\n");
}

/** A paired difference with its sign ("+5.4 (5.1–5.6)"), or "–". */
const signed = (e: TeamEstimate | null | undefined, format: (x: number) => string) => (e ? `${e.mean >= 0 ? "+" : ""}${estimateText(e, format)}` : "–");

/** The follow-up comparison's header, then one row per plan, policy and number of follow-ups (per team per month). */
export function followUpRows(f: TeamFollowUps): string[][] {
  const two = fixed(2);
  return [
    ["plan", "rules", "follow-ups", "sent", "credits they used", "conversations", "from follow-ups", "Δ conversations", "cost per conversation", "Δ cost"],
    ...f.rows.map((r) =>
      r.allowed
        ? [
            r.planName,
            r.policy,
            String(r.followUps),
            estimateText(r.followUpsSent!),
            estimateText(r.followUpCreditsUsed!),
            estimateText(r.conversations!),
            estimateText(r.conversationsFromFollowUps!, two),
            signed(r.vsNoFollowUps?.conversations, count1),
            r.costPerConversationUsd ? estimateText(r.costPerConversationUsd, usd) : "–",
            signed(r.vsNoFollowUps?.costPerConversationUsd, usd),
          ]
        : [r.planName, r.policy, String(r.followUps), "refused", "–", "–", "–", "–", "–", "–"],
    ),
  ];
}

/** Per plan and policy, in a sentence: how many follow-ups are cheapest per conversation. */
export function followUpAnswers(f: TeamFollowUps): string[] {
  return f.answers.map((a) => {
    const name = `${f.rows.find((r) => r.plan === a.plan)!.planName} (${policyName(a.policy)})`;
    if (a.rule === "refused") return `${name}: follow-ups are refused (help answer/75)`;
    if (a.cheapestPerConversation === 0) return `${name}: no follow-ups is the cheapest per conversation`;
    const n = a.cheapestPerConversation;
    return `${name}: ${n} follow-up${n > 1 ? "s" : ""} per contact is the cheapest per conversation, ${signed(a.extraConversations, count1)} conversations per team per month against none`;
  });
}

/** What the comparison is, in one line. */
export const followUpHeading = (f: TeamFollowUps) =>
  `should the team send follow-ups? (${f.asked.afterDays} days apart, a follow-up answered ×${f.asked.responseFactor} as often as a first InMail — assumed; per team per month, paired with no follow-ups)`;

/** "Should my team send follow-ups?": the comparison's table, each plan's answer and the notes. */
export function followUpText(t: TeamResult): string[] {
  const f = t.followUps;
  if (!f) return [];
  return [followUpHeading(f), ...table(followUpRows(f)), ...followUpAnswers(f).map((l) => `  ${l}`), ...f.notes.map((n) => `  note: ${n}`), ""];
}
