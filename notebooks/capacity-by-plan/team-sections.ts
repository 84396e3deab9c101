/**
 * The capacity-by-plan page's answer and cost table: the team planner's figures for one
 * seat of each plan (scenarios/team.ts, whose command the page shows), so the page and the
 * planner give the same number for the same question. Every sentence is written from them.
 */
import type { PolicyId } from "../../models/index.ts";
import type { TeamPlanResult, TeamResult } from "../../experiments/team/team-result.ts";
import type { Answer, PageSection } from "../../reports/index.ts";
import { costPerReply } from "../../reports/index.ts";
import { f1, f2, pct, range, signed, usd } from "../../reports/number-format.ts";
import { list } from "../../reports/word-list.ts";
import { sourceWords } from "../../experiments/inputs/segment-rates.ts";
import type { CapacityByPlanResults } from "./compute.ts";

const rulesName = (policy: PolicyId) => (policy === "linkedin" ? "LinkedIn's rules" : "the guide's rules");
/** InMails delivered ÷ credits granted, per seat per month: the capacity multiplier. */
const multiplier = (r: TeamPlanResult) => r.perTeamPerMonth.inmailsDelivered.mean / r.perTeamPerMonth.creditsGranted.mean;
const estimate = (e: { readonly mean: number; readonly ci95: readonly [number, number] }, format: (x: number) => string) => `${format(e.mean)} (${range(format(e.ci95[0]), format(e.ci95[1]))})`;

/** The plans under LinkedIn's rules (the default wherever a user's situation is modelled), else the first rule set asked. */
function mainRows(t: TeamResult): TeamPlanResult[] {
  const policy = t.plans.some((r) => r.policy === "linkedin") ? "linkedin" : t.plans[0]!.policy;
  return t.plans.filter((r) => r.policy === policy);
}

/** The page's answer: the cheapest plan per conversation, the most conversations, the multiplier, the rule sets, what limits. */
export function teamAnswer(results: CapacityByPlanResults): Answer {
  const t = results.team.result;
  const rows = mainRows(t);
  const policy = rows[0]!.policy;
  const best = t.best.find((b) => b.policy === policy);
  const cheap = best ? rows.find((r) => r.plan === best.plan)! : undefined;
  const most = [...rows].sort((a, b) => b.perSeatPerMonth.conversations.mean - a.perSeatPerMonth.conversations.mean)[0]!;
  const multipliers = rows.map(multiplier);
  const [mMin, mMax] = [Math.min(...multipliers), Math.max(...multipliers)];
  const other = (r: TeamPlanResult) => t.plans.find((o) => o.plan === r.plan && o.policy !== r.policy);
  const gaps = rows.flatMap((r) => {
    const o = other(r);
    return o ? [{ r, gap: r.perSeatPerMonth.conversations.mean - o.perSeatPerMonth.conversations.mean }] : [];
  });
  const widest = [...gaps].sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap))[0];
  const byCredits = rows.filter((r) => r.limitedBy === "credits");
  return {
    numbers: [
      cheap && best
        ? {
            label: "Cheapest per conversation",
            value: usd(best.costPerConversationUsd),
            note: `${cheap.planName}, ${rulesName(policy)}, at ${usd(cheap.priceUsdPerSeatPerMonth)} a seat a month (${cheap.priceIllustrative ? "illustrative price" : "your price"}); 95% CI ${usd(cheap.costPerConversationUsd!.ci95[0])} to ${usd(cheap.costPerConversationUsd!.ci95[1])}`,
          }
        : { label: "Cost per conversation", value: "undefined", note: rows[0]!.costPerConversationNote ?? "no conversation" },
      { label: "Most conversations a month, per seat", value: f1(most.perSeatPerMonth.conversations.mean), note: `${most.planName}, ${rulesName(policy)}` },
      {
        label: `Capacity multiplier at ${pct(t.settings.responseRate)} response rate`,
        value: mMax - mMin < 0.01 ? `${f2((mMin + mMax) / 2)}×` : `${f2(mMin)}–${f2(mMax)}×`,
        note: "InMails delivered a month ÷ credits granted, by plan",
      },
      ...(widest
        ? [
            {
              label: "LinkedIn's rules vs the guide's",
              value: `${signed(widest.gap, f1)} a month`,
              note: `conversations per seat on ${widest.r.planName}, the widest gap: LinkedIn's rules also refund declines`,
            },
          ]
        : []),
      {
        label: "What limits a seat",
        value: byCredits.length === rows.length ? "its credits" : byCredits.length === 0 ? rows[0]!.limitedBy : `credits on ${byCredits.length} of ${rows.length} plans`,
        note: (cheap ?? rows[0]!).limitText.replace(/^[^:]*: /, ""),
      },
    ],
  };
}

/** The cost table and figure: every plan's cost per conversation under both rule sets, from the team planner. */
export function teamCostSection(results: CapacityByPlanResults): PageSection {
  const t = results.team.result;
  const s = t.settings;
  const ranked = (policy: PolicyId) =>
    t.plans
      .filter((r) => r.policy === policy && r.costPerConversationUsd)
      .sort((a, b) => a.costPerConversationUsd!.mean - b.costPerConversationUsd!.mean)
      .map((r) => `${r.planName} ${usd(r.costPerConversationUsd!.mean)}`);
  const policies = [...new Set(t.plans.map((r) => r.policy))];
  const undefinedRows = t.plans.filter((r) => !r.costPerConversationUsd);
  const limits = [...new Set(t.plans.filter((r) => r.policy === policies[0]).map((r) => `${r.planName}: ${r.limitText}`))];
  const text = [
    `One seat of each plan, ${pct(s.responseRate)} response rate (${sourceWords(s.responseRateFrom, s.segment)}) as observed today (accepted, replied or declined among delivered InMails, LinkedIn's definition), ` +
      `positive share ${pct(s.positiveShare)} (${sourceWords(s.positiveShareFrom, s.segment)}), ${f1(s.sendsPerWorkingDay)} InMails a working day, ${s.demandPerSeat === "unlimited" ? "unlimited demand" : `${s.demandPerSeat} people a month to reach`}, ` +
      `${s.months} months × ${s.replications} replications. Cost per conversation is the seat's price ÷ its conversations (accepted or replied), totals over every month and replication, with a 95% CI.` +
      (undefinedRows.length > 0 ? ` ${list(undefinedRows.map((r) => `${r.planName} (${r.policy})`))}: ${undefinedRows[0]!.costPerConversationNote}.` : ""),
    `The team planner's figures; this command prints them (JSON, plans[].costPerConversationUsd): ${results.team.command}`,
  ];
  const ranking = `Cheapest first: ${policies.map((p) => `${rulesName(p)}: ${ranked(p).join(", ") || "none defined"}`).join("; ")}.`;
  return {
    heading: "Cost per conversation, one seat of each plan",
    layout: "beside",
    text: text.join("\n\n"),
    details: [ranking, ...limits].join("\n\n"),
    detailsSummary: "The ranking, and what limits each plan",
    table: {
      data: t.plans.map((r) => ({
        plan: r.planName,
        policy: r.policy,
        conversations: estimate(r.perSeatPerMonth.conversations, f1),
        inmails: f1(r.perSeatPerMonth.inmailsDelivered.mean),
        price: `${usd(r.priceUsdPerSeatPerMonth)} ${r.priceIllustrative ? "illustrative" : "yours"}`,
        cost: r.costPerConversationUsd ? estimate(r.costPerConversationUsd, usd) : "undefined",
        limit: r.limitedBy,
      })),
      columns: {
        plan: { label: "Plan" },
        policy: { label: "Rules" },
        conversations: { label: "Conversations / month" },
        inmails: { label: "InMails / month" },
        price: { label: "Price / month" },
        cost: { label: "Cost per conversation" },
        limit: { label: "Limited by" },
      },
    },
    figure: costPerReply(
      t.plans
        .filter((r) => r.costPerConversationUsd)
        .map((r) => ({ plan: r.planName, policy: r.policy, costPerPositive: r.costPerConversationUsd!.mean, lo: r.costPerConversationUsd!.ci95[0], hi: r.costPerConversationUsd!.ci95[1] })),
      { plans: [...new Set(t.plans.map((r) => r.planName))] },
    ),
    csv: {
      filename: "cost-per-conversation.csv",
      table: t.plans.map((r) => ({
        plan: r.plan,
        policy: r.policy as string,
        seats: r.seats,
        conversationsPerSeatPerMonth: r.perSeatPerMonth.conversations.mean,
        conversationsLo: r.perSeatPerMonth.conversations.ci95[0],
        conversationsHi: r.perSeatPerMonth.conversations.ci95[1],
        inmailsDeliveredPerSeatPerMonth: r.perSeatPerMonth.inmailsDelivered.mean,
        priceUsdPerSeatPerMonth: r.priceUsdPerSeatPerMonth,
        priceIllustrative: r.priceIllustrative,
        costPerConversationUsd: r.costPerConversationUsd?.mean ?? null,
        costPerConversationLo: r.costPerConversationUsd?.ci95[0] ?? null,
        costPerConversationHi: r.costPerConversationUsd?.ci95[1] ?? null,
        limitedBy: r.limitedBy as string,
      })),
    },
  };
}
