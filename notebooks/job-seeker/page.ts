/**
 * The job-seeker report as a page: every sentence is written from the computed
 * numbers (a branch wherever the numbers could tell a different story), every figure
 * and table ships its data as a CSV.
 */
import { limits, personas, plans, policies, segments } from "../../models/index.ts";
import type { Answer, Page, PageSection, Provenance } from "../../reports/index.ts";
import { lineChart, type LineRow } from "../../reports/figures/line-chart.ts";
import { ci, count, estimateCell, f0, f1, f2, n1, pct, signed, usd } from "../../reports/number-format.ts";
import { list } from "../../reports/word-list.ts";
import { DAYS_PER_MONTH, optionIds, type GridRow, type JobSeekerResults, type OptionId, type OptionResult } from "./compute.ts";

const persona = personas["job-seeker"];
const segment = segments[persona.segment];

const optionLabel: Record<OptionId, string> = {
  "premium-inmail": "Premium Career, InMail only",
  "basic-connections": "Basic (free), connection requests only",
  "premium-fallback": "Premium Career, InMail then connection requests",
};
const tableLabel: Record<OptionId, string> = {
  "premium-inmail": "Premium: InMail only",
  "basic-connections": "Basic: invitations only",
  "premium-fallback": "Premium: InMail, then invitations",
};
const shortLabel: Record<OptionId, string> = {
  "premium-inmail": "InMail only",
  "basic-connections": "Connection requests only",
  "premium-fallback": "InMail + connection requests",
};

const months = (n: number) => count(n, "month", "months", n1);
/** The q-quantile of months to the target, or null when fewer than q of the job seekers reach it. */
function quantile(xs: readonly number[], q: number): number | null {
  const sorted = [...xs].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return Number.isFinite(v) ? v : null;
}
const reached = (o: OptionResult) => o.monthsToTarget.filter(Number.isFinite).length / o.monthsToTarget.length;
const weekdayText = (days: readonly number[]) => (days.length === 7 ? "every day" : `${days.length} days a week`);

export function jobSeekerPage(results: JobSeekerResults, provenance: Provenance): Page {
  const p = results.params;
  return {
    title: p.title,
    answer: answer(results),
    guide:
      `A job seeker wants conversations with hiring managers: a conversation is a positive reply, an accepted or answered InMail, or an accepted invitation followed by a reply. ` +
      `Three ways to get them are compared: ${list(optionIds.map((id) => optionLabel[id]))}. ` +
      `The job seeker writes ${weekdayText(results.sender.weekdays)} from ${results.sender.startHour}:00 to ${results.sender.endHour}:00, ${n1(p.sendsPerWorkingDay)} ${p.sendsPerWorkingDay === 1 ? "message" : "messages"} a day, to at most ${f0(p.demandPerSeat)} people a month. ` +
      `Premium Career grants ${f0(results.premiumCredits)} InMail credits a month (LinkedIn's figure); connection requests are free. ` +
      `How many invitations are accepted (${pct(p.acceptRate)}) and turn into a conversation (${pct(p.connectionReplyRate)}) are assumptions, as is the InMail response rate (${pct(p.responseRate)}); the last section shows how the answer moves with them. ` +
      `Numbers are per job seeker, means over ${f0(p.replications)} replications of ${f0(p.accounts)} job seekers with 95% confidence intervals (CI). Premium's price is ${p.illustrativePrice ? "illustrative (low confidence)" : "yours"}.`,
    sections: [headlineSection(results), timeSection(results), dependsSection(results), assumptionsSection(results)],
    provenance,
  };
}

const optionOf = (results: JobSeekerResults, id: OptionId) => results.options.find((o) => o.id === id)!;

/** The page's answer: the option with the most conversations, what Premium adds and costs per extra conversation, and the months to the target. */
function answer(results: JobSeekerResults): Answer {
  const p = results.params;
  const free = optionOf(results, "basic-connections");
  const both = optionOf(results, "premium-fallback");
  const best = [...results.options].sort((a, b) => b.conversations.mean - a.conversations.mean)[0]!;
  const extra = both.conversations.mean - free.conversations.mean;
  const median = quantile(best.monthsToTarget, 0.5);
  return {
    numbers: [
      { label: "Most conversations a month", value: shortLabel[best.id], note: `${f2(best.conversations.mean)} a month per job seeker (${optionLabel[best.id]})` },
      {
        label: "Free connection requests alone",
        value: `${f2(free.conversations.mean)} a month`,
        note: `at no cost, ${f1(free.connectionRequests)} invitations a month`,
      },
      extra > 0
        ? { label: "Premium Career on top", value: `${signed(extra, f2)} a month`, note: `for ${usd(both.priceUsd)} a month: ${usd(both.priceUsd / extra)} per extra conversation` }
        : { label: "Premium Career on top", value: "no more", note: `than connection requests alone (${f2(extra)} a month)` },
      { label: `Months to ${f0(p.targetTotal)} conversations`, value: median === null ? `over ${f0(p.months)}` : f1(median), note: `the median job seeker, ${shortLabel[best.id]}` },
    ],
  };
}

function headlineSection(results: JobSeekerResults): PageSection {
  const p = results.params;
  const inmail = optionOf(results, "premium-inmail");
  const free = optionOf(results, "basic-connections");
  const both = optionOf(results, "premium-fallback");
  const ranked = [...results.options].sort((a, b) => b.conversations.mean - a.conversations.mean);
  const best = ranked[0]!;
  const perInmail = inmail.conversations.mean / inmail.inmails.mean;
  const perInvitation = free.conversations.mean / free.connectionRequests;
  const extra = both.conversations.mean - free.conversations.mean;

  const sentences = [
    `Premium Career, InMail only: ${f1(inmail.inmails.mean)} InMails a month (the ${f0(results.premiumCredits)} credits, plus ${f2(inmail.creditsRefunded)} refunded on answered InMails and spent after the next grant; ` +
      `the job seeker ${results.sender.whenOut === "next-grant" ? "waits for the next grant when the credits run out" : "resumes on each refund"}), ` +
      `${pct(perInmail)} of them answered positively: ${f2(inmail.conversations.mean)} conversations a month (${ci(inmail.conversations.ci95[0], inmail.conversations.ci95[1], f2)}).`,
    `Basic, connection requests only: ${f1(free.connectionRequests)} invitations a month (the job seeker's own limit of ${f0(p.demandPerSeat)}; LinkedIn's weekly cap of about ${f0(results.sender.weeklyCap)} does not bind), ` +
      `${pct(perInvitation)} of them ending in a conversation (${pct(p.acceptRate)} accepted × ${pct(p.connectionReplyRate)} replying): ${f2(free.conversations.mean)} a month (${ci(free.conversations.ci95[0], free.conversations.ci95[1], f2)}), at no cost. ` +
      `A free account's invitation note is at most ${f0(limits.connectionNoteCharsFree)} characters (this one: ${f0(p.noteChars)}). ${results.basicCannot.replace(/^plan "basic"/, "Basic")}.`,
    `Premium Career with connection requests once the credits are gone: ${f1(both.inmails.mean)} InMails and ${f1(both.connectionRequests)} invitations a month, ` +
      `${f2(both.conversations.mean)} conversations (${f2(both.fromInmail)} from InMail, ${f2(both.fromConnections)} from invitations). ` +
      (extra > 0
        ? `That is ${f2(extra)} a month more than connection requests alone, for ${usd(both.priceUsd)}: ${usd(both.priceUsd / extra)} per extra conversation.`
        : `That is no more than connection requests alone (${f2(extra)} a month), so Premium buys nothing here.`),
    `Most conversations a month: ${optionLabel[best.id]} (${f2(best.conversations.mean)}), ` +
      `${f1(best.conversations.mean / ranked[ranked.length - 1]!.conversations.mean)} times ${optionLabel[ranked[ranked.length - 1]!.id]} (${f2(ranked[ranked.length - 1]!.conversations.mean)}). ` +
      `Volume decides more than quality here: an InMail is answered positively more often than an invitation becomes a conversation (${pct(perInmail)} against ${pct(perInvitation)}), ` +
      `but ${f0(results.premiumCredits)} credits a month allow only about ${f0(inmail.inmails.mean)} InMails, while invitations are limited by the job seeker's own ${f0(p.demandPerSeat)} a month.`,
  ];
  const costCell = (o: OptionResult) => (o.priceUsd === 0 ? "$0 (free)" : o.costPerConversation ? usd(o.costPerConversation.mean) : "no conversations");
  const monthsCell = (o: OptionResult) => {
    const median = quantile(o.monthsToTarget, 0.5);
    return median === null ? `not within ${f0(p.months)}` : f1(median);
  };
  return {
    heading: "Conversations a month and what they cost",
    details: sentences.join("\n\n"),
    detailsSummary: "Each option worked out",
    text: [
      `In the table, conversations / month has its 95% CI in brackets; cost / conversation is the monthly price (${usd(p.priceUsd)} for Premium Career, ${p.illustrativePrice ? "illustrative" : "yours"}) ÷ conversations a month; the last column is the median job seeker's months to ${f0(p.targetTotal)} conversations (next section).`,
    ].join("\n\n"),
    table: {
      data: results.options.map((o) => ({
        option: tableLabel[o.id],
        inmails: o.inmails.mean,
        invitations: o.connectionRequests,
        conversations: estimateCell(o.conversations, f2),
        cost: costCell(o),
        months: monthsCell(o),
      })),
      columns: {
        option: { label: "Option" },
        inmails: { label: "InMails / month", digits: 1 },
        invitations: { label: "Invitations / month", digits: 1 },
        conversations: { label: "Conversations / month" },
        cost: { label: "Cost / conversation" },
        months: { label: `Months to ${f0(p.targetTotal)}` },
      },
    },
    csv: {
      filename: "options.csv",
      table: results.options.map((o) => ({
        option: o.id,
        plan: o.id === "basic-connections" ? "basic" : "premium-career",
        inmailsPerMonth: o.inmails.mean,
        invitationsPerMonth: o.connectionRequests,
        conversationsPerMonth: o.conversations.mean,
        conversationsLo: o.conversations.ci95[0],
        conversationsHi: o.conversations.ci95[1],
        fromInmail: o.fromInmail,
        fromInvitations: o.fromConnections,
        creditsSpentPerMonth: o.creditsSpent,
        creditsRefundedPerMonth: o.creditsRefunded,
        priceUsd: o.priceUsd,
        priceSource: o.priceUsd === 0 ? "free" : p.illustrativePrice ? "illustrative" : "user",
        costPerConversationUsd: o.costPerConversation?.mean ?? null,
        costPerConversationLo: o.costPerConversation?.ci95[0] ?? null,
        costPerConversationHi: o.costPerConversation?.ci95[1] ?? null,
        targetTotal: p.targetTotal,
        medianMonthsToTarget: quantile(o.monthsToTarget, 0.5),
        p90MonthsToTarget: quantile(o.monthsToTarget, 0.9),
        shareReachingTarget: reached(o),
      })),
    },
  };
}

function timeSection(results: JobSeekerResults): PageSection {
  const p = results.params;
  const k = p.targetTotal;
  const rows: LineRow[] = results.options.flatMap((o) => o.cumulative.map((e, i) => ({ x: i + 1, y: e.mean, lo: e.ci95[0], hi: e.ci95[1], series: shortLabel[o.id] })));
  const describe = (o: OptionResult) => {
    const median = quantile(o.monthsToTarget, 0.5);
    const p90 = quantile(o.monthsToTarget, 0.9);
    const share = reached(o);
    return (
      `${optionLabel[o.id]}: ` +
      (median === null
        ? `fewer than half reach ${f0(k)} within ${months(p.months)} (${pct(share)} do)`
        : `half the job seekers have ${f0(k)} conversations after ${months(median)}` + (p90 === null ? `, but only ${pct(share)} within ${months(p.months)}` : `, nine in ten after ${months(p90)}`))
    );
  };
  const fastest = [...results.options].sort((a, b) => (quantile(a.monthsToTarget, 0.5) ?? Infinity) - (quantile(b.monthsToTarget, 0.5) ?? Infinity))[0]!;
  const slowest = [...results.options].sort((a, b) => (quantile(b.monthsToTarget, 0.5) ?? Infinity) - (quantile(a.monthsToTarget, 0.5) ?? Infinity))[0]!;
  const fastMedian = quantile(fastest.monthsToTarget, 0.5);
  const slowMedian = quantile(slowest.monthsToTarget, 0.5);
  const traced = results.options[0]!.monthsToTarget.length;
  const text = [
    `Months until a job seeker has ${f0(k)} conversations, counted from the subscription's first day, for each of ${f0(traced)} simulated job seekers per option: ${results.options.map(describe).join("; ")}.`,
    fastMedian !== null && fastest !== slowest
      ? `The median wait is ${months(fastMedian)} with ${optionLabel[fastest.id]}` +
        (slowMedian !== null
          ? ` against ${months(slowMedian)} with ${optionLabel[slowest.id]}. `
          : `, while ${optionLabel[slowest.id]} does not get half the job seekers there within ${months(p.months)}. `) +
        `Paid until the median job seeker's target, Premium Career costs ` +
        list(
          results.options
            .filter((o) => o.priceUsd > 0)
            .map((o) => {
              const m = quantile(o.monthsToTarget, 0.5);
              return m === null ? `more than ${usd(o.priceUsd * p.months)} (${shortLabel[o.id]})` : `${usd(o.priceUsd * Math.ceil(m))} (${shortLabel[o.id]}, ${months(Math.ceil(m))})`;
            }),
        ) +
        `${results.options.some((o) => o.priceUsd === 0) ? "; connection requests alone cost nothing" : ""}.`
      : `No option gets half the job seekers to ${f0(k)} conversations within ${months(p.months)}.`,
    `The figure shows the average job seeker's running total, month by month, with its 95% CI; the dashed line is the target. Individual job seekers spread around it: ` +
      `conversations come one at a time, by chance, and the simulation keeps every one.`,
  ].join("\n\n");
  return {
    heading: `How long until ${f0(k)} conversations`,
    layout: "beside",
    text,
    figure: lineChart(rows, {
      xLabel: "Months since the start",
      yLabel: "Conversations so far (per job seeker)",
      series: optionIds.map((id) => shortLabel[id]),
      yRule: { value: k, label: `target: ${f0(k)}` },
    }),
    csv: {
      filename: "cumulative-conversations.csv",
      table: results.options.flatMap((o) => o.cumulative.map((e, i) => ({ option: o.id, month: i + 1, conversations: e.mean, lo: e.ci95[0], hi: e.ci95[1] }))),
    },
  };
}

/** Acceptance rate at which connection requests alone match `target` conversations a month (linear between grid points). */
function breakEven(free: readonly GridRow[], target: number): { kind: "below" | "above" | "at"; rate: number } {
  const sorted = [...free].sort((a, b) => a.acceptRate - b.acceptRate);
  if (sorted[0]!.conversations.mean >= target) return { kind: "below", rate: sorted[0]!.acceptRate };
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.conversations.mean >= target) {
      const t = (target - a.conversations.mean) / (b.conversations.mean - a.conversations.mean);
      return { kind: "at", rate: a.acceptRate + t * (b.acceptRate - a.acceptRate) };
    }
  }
  return { kind: "above", rate: sorted[sorted.length - 1]!.acceptRate };
}

function dependsSection(results: JobSeekerResults): PageSection {
  const p = results.params;
  const grid = results.grid;
  const free = grid.filter((g) => g.option === "basic-connections");
  const inmailAt = (r: number) => grid.find((g) => g.option === "premium-inmail" && g.responseRate === r)!.conversations.mean;
  const rates = results.gridResponseRates;
  const accepts = results.gridAcceptRates;
  const rows: (LineRow & { option: OptionId; acceptRate: number; responseRate: number })[] = [];
  const facet = (r: number) => `InMail response rate ${pct(r)}`;
  for (const r of rates) {
    for (const a of accepts) {
      for (const option of optionIds) {
        const g = grid.find((x) => x.option === option && (option === "premium-inmail" || x.acceptRate === a) && (option === "basic-connections" || x.responseRate === r))!;
        rows.push({ x: a, y: g.conversations.mean, lo: g.conversations.ci95[0], hi: g.conversations.ci95[1], series: shortLabel[option], facet: facet(r), option, acceptRate: a, responseRate: r });
      }
    }
  }
  const evens = rates.map((r) => ({ r, e: breakEven(free, inmailAt(r)) }));
  const evenText = list(
    evens.map(({ r, e }) =>
      e.kind === "at"
        ? `${pct(e.rate)} accepted when InMails get ${pct(r)} response`
        : e.kind === "below"
          ? `any rate in the grid (from ${pct(e.rate)}) when InMails get ${pct(r)}`
          : `more than ${pct(e.rate)}, beyond the grid, when InMails get ${pct(r)}`,
    ),
  );
  const fallbackAt = (a: number, r: number) => grid.find((g) => g.option === "premium-fallback" && g.acceptRate === a && g.responseRate === r)!.conversations.mean;
  const freeAt = (a: number) => free.find((g) => g.acceptRate === a)!.conversations.mean;
  const fallbackWins = rates.flatMap((r) => accepts.map((a) => ({ r, a, gain: fallbackAt(a, r) - freeAt(a) })));
  const losing = fallbackWins.filter((w) => w.gain <= 0);
  const inmailRange = `${f2(inmailAt(rates[0]!))} conversations a month at ${pct(rates[0]!)} to ${f2(inmailAt(rates[rates.length - 1]!))} at ${pct(rates[rates.length - 1]!)}`;
  const text = [
    `The acceptance rate of invitations is an assumption (secondary sources report about 30%, low confidence), and so is the InMail response rate for hiring managers. ` +
      `Here both vary: each panel is one InMail response rate, the horizontal axis the share of invitations accepted (${pct(p.connectionReplyRate)} of accepted invitations turn into a conversation throughout).`,
    `Premium InMail alone does not depend on invitations: ${inmailRange} InMail response, from ${f1(optionOf(results, "premium-inmail").inmails.mean)} InMails a month. ` +
      `Connection requests alone catch up with it at ${evenText}. ` +
      `Connection requests alone grow in step with the acceptance rate: ${f2(free[0]!.conversations.mean)} a month at ${pct(free[0]!.acceptRate)}, ${f2(free[free.length - 1]!.conversations.mean)} at ${pct(free[free.length - 1]!.acceptRate)}.`,
    losing.length === 0
      ? `Premium with connection requests as a fallback beats connection requests alone at every point of the grid: its ${f1(optionOf(results, "premium-fallback").inmails.mean)} InMails a month replace as many invitations, and an InMail is more likely to start a conversation than an invitation here. ` +
        `The gain is ${f2(Math.min(...fallbackWins.map((w) => w.gain)))} to ${f2(Math.max(...fallbackWins.map((w) => w.gain)))} conversations a month, for ${usd(p.priceUsd)}.`
      : `Premium with connection requests as a fallback loses to connection requests alone where invitations convert better than InMail: ` +
        `${list(rates.filter((r) => losing.some((w) => w.r === r)).map((r) => `at ${pct(r)} InMail response with ${list(losing.filter((w) => w.r === r).map((w) => pct(w.a)))} accepted`))}. Elsewhere it gains up to ${f2(Math.max(...fallbackWins.map((w) => w.gain)))} a month, for ${usd(p.priceUsd)}.`,
    `Lines are means with shaded 95% CIs (${f0(results.gridReplications)} replications of ${f0(p.accounts)} job seekers over ${months(results.gridMonths)} per point); the dashed line marks your acceptance rate.`,
  ].join("\n\n");
  return {
    heading: "What the answer depends on",
    layout: "beside",
    text,
    figure: lineChart(rows, {
      xLabel: "Invitations accepted (%)",
      yLabel: "Conversations per month",
      xPercent: true,
      series: optionIds.map((id) => shortLabel[id]),
      facets: rates.map(facet),
      facetLabel: (f) => f.replace("InMail response rate", "InMail response"),
      xRule: { value: p.acceptRate, label: `yours` },
      height: 300,
      width: 640, // the column beside the text: wider would be scaled down, and its text with it
    }),
    csv: {
      filename: "acceptance-and-response-grid.csv",
      table: rows.map((r) => ({ option: r.option, acceptRate: r.acceptRate, responseRate: r.responseRate, conversationsPerMonth: r.y, lo: r.lo ?? null, hi: r.hi ?? null })),
    },
  };
}

function assumptionsSection(results: JobSeekerResults): PageSection {
  const p = results.params;
  return {
    heading: "Assumptions and sources",
    detailsSummary: "Sender, rates, limits, prices and sources",
    details: [
      `Premium Career: ${f0(results.premiumCredits)} credits a month, cap ${f0(plans["premium-career"].capMultiplier)}×, ${f0(plans["premium-career"].creditLifetimeDays)}-day credit life (LinkedIn help, high confidence); under the ${p.policy} policy ` +
        `${p.policy === "linkedin" ? `accepted, replied and declined InMails refund their credit within ${f0(policies.linkedin.refundWindowDays)} days` : "accepted and replied InMails refund their credit"}. ` +
        `Basic has no InMail credits (guide G2). Price: ${usd(p.priceUsd)} a month (${p.illustrativePrice ? "illustrative, low confidence" : "yours"}).`,
      `The response rate you give is what the simulated InMails get on average: the job-seeker scenario's message (×${f2(results.messageMultiplier)}: length band and levers) and the timing effects are divided out of the audience's rate. ` +
        `${pct(results.positiveShare)} of InMail answers are positive (the ${segment.id} segment's mix, assumed). Answers arrive after a lognormal delay with a median of ${n1(results.delayMedianDays)} days (assumed: LinkedIn publishes none).`,
      `Connection requests: ${pct(p.acceptRate)} accepted (secondary sources, low confidence) and ${pct(p.connectionReplyRate)} of those reply (assumed); about ${f0(results.sender.weeklyCap)} a week at most (unofficial). ` +
        `The note is at most ${f0(limits.connectionNoteChars)} characters, ${f0(limits.connectionNoteCharsFree)} on a free account, and the model refuses a longer one. ` +
        `LinkedIn also lets a free account add a note to only 5 invitations a month (help a550555): the model does not limit that, so if notes matter, the free option is optimistic.`,
      `The job seeker (persona, assumed): ${weekdayText(results.sender.weekdays)}, ${results.sender.startHour}:00–${results.sender.endHour}:00, ${n1(p.sendsPerWorkingDay)} a day, at most ${f0(persona.maxSendsPerDay)} a day and ${f0(p.demandPerSeat)} people a month, each contacted once; ` +
        `out of credits, ${results.sender.whenOut === "next-grant" ? "waits for the next grant" : "resumes on a refund"}. Months to the target count ${f0(DAYS_PER_MONTH)}-day months from the first grant.`,
      `Labelled assumptions in force: ${results.assumptions.join("; ")}.`,
    ].join("\n\n"),
  };
}
