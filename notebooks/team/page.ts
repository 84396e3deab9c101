/**
 * The team report as a page: the answer first (the team's conversations per month and
 * per quarter, cost per conversation, the best plan, the target), then figures by month,
 * then every plan's figures in detail and the definitions. Every number is formatted by
 * experiments/team/team-text.ts, as the team command prints it.
 */
import type { Page, PageSection, Provenance } from "../../reports/index.ts";
import { lineChart, type LineRow } from "../../reports/figures/line-chart.ts";
import type { TeamPlanResult, TeamResult } from "../../experiments/team/team-result.ts";
import {
  bestText,
  costPerConversationText,
  estimateText,
  figureRows,
  followUpAnswers,
  followUpHeading,
  followUpRows,
  heldText,
  policyName,
  priceText,
  seatsText,
  settingsText,
  targetText,
  teamName,
} from "../../experiments/team/team-text.ts";
import { usd } from "../../reports/number-format.ts";

const seriesName = (r: TeamPlanResult, t: TeamResult) => (t.plans.some((p) => p.policy !== r.policy) ? `${r.planName} (${r.policy})` : r.planName);

function figuresTable(r: TeamPlanResult): PageSection["table"] {
  return {
    data: figureRows(r).map((f) => ({ figure: f.label, month: f.perMonth, quarter: f.perQuarter })),
    columns: { figure: { label: "Team total" }, month: { label: "Per team per month" }, quarter: { label: "Per team per quarter" } },
  };
}

const figuresCsv = (rows: readonly TeamPlanResult[]) =>
  rows.flatMap((r) =>
    (
      [
        ["inmailsDelivered", r.perTeamPerMonth.inmailsDelivered, r.perTeamPerQuarter?.inmailsDelivered],
        ["conversations", r.perTeamPerMonth.conversations, r.perTeamPerQuarter?.conversations],
        ["responses", r.perTeamPerMonth.responses, r.perTeamPerQuarter?.responses],
        ["creditsGranted", r.perTeamPerMonth.creditsGranted, r.perTeamPerQuarter?.creditsGranted],
        ["creditsUsed", r.perTeamPerMonth.creditsUsed, r.perTeamPerQuarter?.creditsUsed],
        ["creditsRefunded", r.perTeamPerMonth.creditsRefunded, r.perTeamPerQuarter?.creditsRefunded],
        ["creditsLost", r.perTeamPerMonth.creditsLost, r.perTeamPerQuarter?.creditsLost],
      ] as const
    ).map(([measure, m, q]) => ({
      plan: r.plan,
      policy: r.policy,
      seats: r.seats,
      measure,
      perTeamPerMonth: m.mean,
      perTeamPerMonthLo: m.ci95[0],
      perTeamPerMonthHi: m.ci95[1],
      perTeamPerQuarter: q?.mean ?? null,
      perTeamPerQuarterLo: q?.ci95[0] ?? null,
      perTeamPerQuarterHi: q?.ci95[1] ?? null,
    })),
  );

function answerSection(t: TeamResult): PageSection {
  const first = t.plans[0]!;
  const lines = t.plans.map(
    (r) =>
      `${teamName(r)}, ${policyName(r.policy)}: ${estimateText(r.perTeamPerMonth.conversations)} conversations per team per month, ` +
      `${r.perTeamPerQuarter ? `${estimateText(r.perTeamPerQuarter.conversations)} per team per quarter` : "no whole quarter in the horizon"}; ` +
      `${estimateText(r.perTeamPerMonth.inmailsDelivered)} InMails delivered per team per month; cost per conversation ${costPerConversationText(r)}. ` +
      `${r.limitText[0]!.toUpperCase()}${r.limitText.slice(1)}.`,
  );
  return {
    heading: "The answer",
    text: [
      ...bestText(t).map((l) => `${l[0]!.toUpperCase()}${l.slice(1)}.`),
      ...targetText(t).map((l) => `${l[0]!.toUpperCase()}${l.slice(1)}.`),
      ...(t.followUps
        ? [
            `Follow-ups — ${followUpAnswers(t.followUps).join("; ")}.`,
            `The figures below are the team with the ${t.followUps.asked.count} follow-up${t.followUps.asked.count > 1 ? "s" : ""} per contact asked (none on a plan that refuses them); the follow-up section compares the counts.`,
          ]
        : []),
      ...(t.plans.length <= 2 ? lines : []),
    ].join("\n\n"),
    ...(t.plans.length === 1
      ? { table: figuresTable(first), csv: { filename: "team-figures.csv", table: figuresCsv(t.plans) } }
      : {
          table: {
            data: t.plans.map((r) => ({
              plan: seriesName(r, t),
              month: estimateText(r.perTeamPerMonth.conversations),
              quarter: r.perTeamPerQuarter ? estimateText(r.perTeamPerQuarter.conversations) : "–",
              perConversation: r.costPerConversationUsd ? estimateText(r.costPerConversationUsd, usd) : "–",
            })),
            columns: {
              plan: { label: "Plan" },
              month: { label: "Conversations per team per month" },
              quarter: { label: "Per team per quarter" },
              perConversation: { label: "Cost per conversation" },
            },
          },
          csv: { filename: "team-figures.csv", table: figuresCsv(t.plans) },
        }),
  };
}

/** "Should the team send follow-ups?": 0, 1, 2 and the asked number, paired (only with followUps.count > 0). */
function followUpSection(t: TeamResult): PageSection[] {
  const f = t.followUps;
  if (!f) return [];
  const [header, ...rows] = followUpRows(f);
  // Plan and rules in one column (the rules only when both policies are shown), so the table fits the page.
  const bothPolicies = new Set(f.rows.map((r) => r.policy)).size > 1;
  const merged = rows.map(([plan, rules, ...rest]) => [bothPolicies ? `${plan} (${rules})` : plan!, ...rest]);
  const labels = ["plan", ...header!.slice(2)];
  const keys = ["plan", "followUps", "sent", "credits", "conversations", "fromFollowUps", "dConversations", "perConversation", "dCost"] as const;
  const heading = followUpHeading(f);
  return [
    {
      heading: "Should the team send follow-ups?",
      text: [...followUpAnswers(f).map((l) => `${l}.`), `${heading[0]!.toUpperCase()}${heading.slice(1)}.`].join("\n\n"),
      details: f.notes.map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`).join("\n\n"),
      detailsSummary: "How the comparison is made",
      table: {
        data: merged.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]!]))),
        columns: Object.fromEntries(keys.map((k, i) => [k, { label: `${labels[i]![0]!.toUpperCase()}${labels[i]!.slice(1)}` }])),
      },
      csv: {
        filename: "team-follow-ups.csv",
        table: f.rows.map((r) => ({
          plan: r.plan,
          policy: r.policy,
          followUps: r.followUps,
          rule: r.rule,
          followUpsSent: r.followUpsSent?.mean ?? null,
          followUpCreditsUsed: r.followUpCreditsUsed?.mean ?? null,
          conversations: r.conversations?.mean ?? null,
          conversationsLo: r.conversations?.ci95[0] ?? null,
          conversationsHi: r.conversations?.ci95[1] ?? null,
          conversationsFromFollowUps: r.conversationsFromFollowUps?.mean ?? null,
          conversationsVsNone: r.vsNoFollowUps?.conversations.mean ?? null,
          conversationsVsNoneLo: r.vsNoFollowUps?.conversations.ci95[0] ?? null,
          conversationsVsNoneHi: r.vsNoFollowUps?.conversations.ci95[1] ?? null,
          costPerConversationUsd: r.costPerConversationUsd?.mean ?? null,
          costPerConversationVsNoneUsd: r.vsNoFollowUps?.costPerConversationUsd?.mean ?? null,
        })),
      },
    },
  ];
}

function byMonthSection(t: TeamResult): PageSection {
  const rows: LineRow[] = t.plans.flatMap((r) => r.byMonth.map((m) => ({ x: m.month, y: m.conversations, series: seriesName(r, t) })));
  const lost: LineRow[] = t.plans.flatMap((r) => r.byMonth.map((m) => ({ x: m.month, y: m.creditsLost, series: seriesName(r, t) })));
  const anyLost = lost.some((r) => r.y > 0);
  return {
    heading: "Month by month",
    text:
      `Conversations per team in each month of the plan (month 1 starts at each seat's first grant), mean over ${t.settings.replications} replications. ` +
      (anyLost
        ? `Credits lost per team by month are in the CSV: under LinkedIn's rules nothing is lost until credits pile up to the cap or reach 90 days, so the first months understate the steady state.`
        : `No plan loses credits here: the team spends every credit it is granted.`),
    // One colour per plan (reports/plan-palette.ts): the guide's rules dashed when both policies are shown.
    figure: lineChart(rows, {
      xLabel: "Month of the plan",
      yLabel: "Conversations per team per month",
      xTicksAtData: true,
      dashed: [...new Set(rows.map((r) => r.series))].filter((s) => s.endsWith("(guide)")),
    }),
    csv: {
      filename: "team-by-month.csv",
      table: t.plans.flatMap((r) => r.byMonth.map((m) => ({ plan: r.plan, policy: r.policy, seats: r.seats, ...m }))),
    },
  };
}

function detailSection(r: TeamPlanResult, t: TeamResult): PageSection {
  return {
    heading: `${teamName(r)} — ${policyName(r.policy)}`,
    text: [
      `${priceText(r)}; ${r.creditsPerSeatPerMonth} credits per seat per month${r.pooled ? ", pooled across the contract" : ""}.`,
      `Cost per conversation: ${costPerConversationText(r)}. Credits held: ${heldText(r, t.settings.months)}.`,
      `Per seat per month: ${estimateText(r.perSeatPerMonth.inmailsDelivered)} InMails delivered, ${estimateText(r.perSeatPerMonth.conversations)} conversations.`,
    ].join(" "),
    table: figuresTable(r),
  };
}

function definitionsSection(t: TeamResult): PageSection {
  return {
    heading: "Definitions, settings and assumptions",
    text: [
      ...settingsText(t).map((l) => `${l[0]!.toUpperCase()}${l.slice(1)}.`),
      `Figures are ${t.definitions.figures}. Credits lost are expired plus forfeited to the cap (plus reset to zero each month under the guide); credits held are the balance at the end, never counted as lost. See GLOSSARY.md.`,
      `The rate you typed is the rate your InMails get today; the model's base rate is ${(t.settings.baseResponseRate * 100).toFixed(2)}% once the message's ×${t.settings.messageMultiplier.toFixed(3)} and the timing's ×${t.settings.timingMultiplier.toFixed(3)} are divided out.`,
      `Assumptions: ${t.assumptions.join("; ")}.`,
    ].join("\n\n"),
  };
}

export function teamPage(t: TeamResult, provenance: Provenance, title: string): Page {
  return {
    title,
    guide:
      `What a team of ${seatsText(t.settings.seats)} gets from InMail: conversations and InMails delivered per team per month and per quarter, ` +
      `credits and cost, on ${t.plans.length === 1 ? "one plan" : "every plan side by side"}. Means with 95% confidence intervals across replications; a month is one grant cycle of the plan.`,
    sections: [answerSection(t), ...followUpSection(t), byMonthSection(t), ...(t.plans.length > 1 ? t.plans.map((r) => detailSection(r, t)) : []), definitionsSection(t)],
    provenance,
  };
}
