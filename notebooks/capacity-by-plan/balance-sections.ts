/**
 * The capacity-by-plan page's balance sections: one sample account's credit balance per
 * plan under both policies, and a slow sender's balance under each; each ships its
 * movements as a CSV.
 */
import { plans, policyIds, type PolicyId } from "../../models/index.ts";
import { balanceTimeline, type BalanceEventRow, type BalanceRow, type PageSection } from "../../reports/index.ts";
import { aPct, f0, f1, n1 } from "../../reports/number-format.ts";
import { list } from "../../reports/word-list.ts";
import type { BalanceTrace } from "./balance-trace.ts";
import { traceMonths, traceWindowDays, type CapacityByPlanResults } from "./compute.ts";
import { CYCLES, START_DATE } from "./grid.ts";
import { dateOf, dayMonth, days } from "./page-words.ts";

/** Width of one small multiple, px: three fit side by side in the page's 75rem column. */
const SMALL_MULTIPLE_WIDTH = 376;
const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
/** 1 → "1st", 22 → "22nd", 13 → "13th". */
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
const sameTrace = (a: BalanceTrace, b: BalanceTrace) => a.balances.length === b.balances.length && a.balances.every((r, i) => r.day === b.balances[i]!.day && r.balance === b.balances[i]!.balance);

/** The panels of one plan: one per policy, or one for both when their balances coincide. */
function tracePanels(planName: string, guide: BalanceTrace, linkedin: BalanceTrace): { balances: BalanceRow[]; events: BalanceEventRow[] } {
  if (sameTrace(guide, linkedin)) {
    const label = `${planName}, both policies`;
    return { balances: guide.balances.map((r) => ({ ...r, plan: label })), events: guide.events.map((e) => ({ ...e, plan: label })) };
  }
  return { balances: [...guide.balances, ...linkedin.balances], events: [...guide.events, ...linkedin.events] };
}

/** The traces as one flat table: every day's movements of each kind (day 0 = the start date), with the balance after the last of them. */
function traceCsv(planId: string, traces: Readonly<Record<PolicyId, BalanceTrace>>) {
  return policyIds.flatMap((policy) => {
    const trace = traces[policy];
    const after = new Map(trace.balances.map((r) => [r.day, r.balance]));
    return trace.events.map((e) => ({
      plan: planId,
      policy,
      day: e.day,
      dateUtc: dateOf(e.day).toISOString().slice(0, 10),
      kind: e.kind,
      credits: e.credits,
      balanceAfter: after.get(e.day) ?? null,
    }));
  });
}

export function balanceSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const identical = results.traces.filter((t) => sameTrace(t.guide, t.linkedin)).map((t) => plans[t.planId].name);
  const sentences = results.traces.map((t) => {
    const describe = (x: BalanceTrace["totals"]) =>
      `granted ${f0(x.grant)}, spent ${f0(x.spend)}, got ${f0(x.refund)} back` + (x.expire + x.forfeit === 0 ? ", lost none" : `, lost ${f0(x.expire)} to expiry and ${f0(x.forfeit)} to the cap`);
    return sameTrace(t.guide, t.linkedin)
      ? `${plans[t.planId].name}: ${describe(t.guide.totals)}.`
      : `${plans[t.planId].name}: under guide ${describe(t.guide.totals)}; under linkedin ${describe(t.linkedin.totals)}.`;
  });
  // When each sample account gets its credits, plans with the same grant day together, the 1st of the month first.
  const grantDays = new Map<string, string[]>();
  const byCalendar = [...results.traces].sort((a, b) => Number(plans[b.planId].grantSchedule === "calendar-month") - Number(plans[a.planId].grantSchedule === "calendar-month"));
  for (const t of byCalendar) {
    const first = t.guide.firstGrantDay;
    const date = dateOf(first).getUTCDate();
    const when =
      plans[t.planId].grantSchedule === "calendar-month"
        ? "on the 1st of each month"
        : Number.isNaN(first)
          ? "on the billing date, after this window"
          : `on the billing date, here the ${ordinal(date)} of each month${date > 28 ? " (the last day of a shorter month)" : ""}, ` +
            `since the sample account subscribed on ${dayMonth.format(dateOf(first))} (before that it holds nothing)`;
    grantDays.set(when, [...(grantDays.get(when) ?? []), plans[t.planId].name]);
  }
  const schedules = [...grantDays].map(([when, names]) => `${list(names)} ${when}`);
  const text = [
    `One sample account per plan, from ${monthName.format(dateOf(0))} to ${monthYear.format(dateOf(traceWindowDays - 1))} (${traceMonths} months) at ${aPct(p.replyRate)} reply rate and ${n1(p.sendsPerDay)} sends per working day; ` +
      `the same recipients answer the same way under both policies. The line is the balance after each movement; each mark sums one kind of movement over a day ` +
      `and sits at the balance after the day's last one. Each plan has its own vertical scale. ` +
      `Credits arrive on each plan's own schedule: ${schedules.join("; ")}.`,
    (identical.length === results.traces.length
      ? `Under both policies every account follows exactly the same path, so each plan has one panel: the balance jumps at each grant, drains, ` +
        `and then sits at zero${results.traces.some((t) => t.guide.totals.refund > 0) ? ", topped up by single refunds," : ""} for ${f1(Math.min(...results.headline.map((h) => h.daysOutOfCredits)))} to ${f1(Math.max(...results.headline.map((h) => h.daysOutOfCredits)))} days a month on average. `
      : identical.length > 0
        ? `${list(identical)} follow the same path under both policies (one panel each). `
        : "") + sentences.join(" "),
    `ASSUMPTION: when replies (and so refunds) arrive follows an exponential delay with a mean of ${days(p.responseDelayDays)}. LinkedIn publishes no response-delay data; ` +
      `change it with --set responseDelayDays=… and see the heat map above for how much it matters.`,
  ];
  // Small multiples in a grid, read in order: a legend only where a kind of event appears for the first time.
  const shownKinds = new Set<string>();
  const figure = results.traces.map((t) => {
    const panels = tracePanels(plans[t.planId].name, t.guide, t.linkedin);
    const legend = panels.events.some((e) => !shownKinds.has(e.kind));
    for (const e of panels.events) shownKinds.add(e.kind);
    return balanceTimeline(panels.balances, { events: panels.events, panelHeight: 90, startDate: START_DATE, legend, width: SMALL_MULTIPLE_WIDTH });
  });
  const csv = results.traces.flatMap((t) => traceCsv(t.planId, t));
  return {
    heading: "Credit balance of a sample account",
    text: text[0],
    details: text.slice(1).join("\n\n"),
    detailsSummary: "What each account did",
    figure,
    csv: { filename: "sample-account-balance.csv", table: csv },
  };
}

export function slowSenderSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const plan = plans[p.heatmapPlan];
  const { guide, linkedin } = results.slowSenderTrace;
  const shown = (t: BalanceTrace) => t.events.filter((e) => e.kind !== "spend" && e.kind !== "refund");
  const peak = (t: BalanceTrace) => Math.max(...t.balances.map((r) => r.balance));
  const sends = guide.totals.spend === linkedin.totals.spend ? `${f0(guide.totals.spend)} InMails each` : `${f0(guide.totals.spend)} and ${f0(linkedin.totals.spend)} InMails`;
  const text = [
    `A ${plan.name} account sending ${n1(p.slowSendsPerDay)} ${p.slowSendsPerDay === 1 ? "InMail" : "InMails"} per working day (Monday to Friday) on average for ${CYCLES} months, the same recipients under both policies; ` +
      `the marks show grants and credits lost. Under guide the balance never exceeds ${f0(peak(guide))} credits and ${f0(guide.totals.expire)} are wiped at the resets. ` +
      `Under linkedin it climbs to ${f0(peak(linkedin))} (the cap is ${f0(plan.capMultiplier * plan.creditsPerMonth)}); ` +
      (Number.isFinite(plan.creditLifetimeDays) ? `${f0(linkedin.totals.expire)} credits expire ${f0(plan.creditLifetimeDays)} days after their grant and ` : "") +
      `${f0(linkedin.totals.forfeit)} are forfeited at a grant above the cap. ` +
      `The two accounts send ${sends}.`,
  ].join("\n\n");
  return {
    heading: `A slow sender's balance under each policy: ${plan.name}`,
    layout: "beside",
    text,
    figure: balanceTimeline([...guide.balances, ...linkedin.balances], { events: [...shown(guide), ...shown(linkedin)], panelHeight: 110, startDate: START_DATE }),
    csv: { filename: "slow-sender-balance.csv", table: traceCsv(p.heatmapPlan, results.slowSenderTrace) },
  };
}
