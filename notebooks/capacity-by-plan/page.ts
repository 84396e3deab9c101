/**
 * The capacity-by-plan report as a page: every narrative sentence is written from
 * the computed numbers (a branch where the numbers could tell a different story),
 * every figure and table ships its data as a CSV.
 */
import { plans, policies, policyIds, type PolicyId } from "../../models/index.ts";
import {
  balanceTimeline,
  capacityVsReplyRate,
  costPerReply,
  multiplierHeatmap,
  type Answer,
  type BalanceEventRow,
  type BalanceRow,
  type Page,
  type PageSection,
  type Provenance,
} from "../../reports/index.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";
import { priceParam } from "../../experiments/inputs/plan-prices.ts";
import { aPct, ci, count, f0, f1, f2, list, n1, pct, range, signed, usd } from "../../reports/text-format.ts";
import type { BalanceTrace } from "./balance-trace.ts";
import {
  curveReplyRates,
  heatmapDelaysDays,
  traceMonths,
  traceWindowDays,
  type CapacityByPlanResults,
  type ComparisonRow,
  type HeadlineRow,
} from "./compute.ts";
import { ANCHOR_SPREAD_DAYS, CYCLES, MONTH_DAYS, START_DATE, type Estimate } from "./grid.ts";

const days = (d: number) => count(d, "day");
/** A paired difference too small to matter: its CI contains 0, or it is under 0.1% of `relativeTo`. */
const negligible = (e: Estimate, relativeTo: number) => (e.lo <= 0 && e.hi >= 0) || Math.abs(e.mean) < 1e-3 * relativeTo;
/** "a 90-day life" / "no expiry" for a credit of a plan under the linkedin policy. */
const life = (lifetimeDays: number) => (Number.isFinite(lifetimeDays) ? `a ${f0(lifetimeDays)}-day life` : "no expiry (none documented)");
const DAY_MS = 86_400_000;
/** Width of one small multiple, px: three fit side by side in the page's 75rem column. */
const SMALL_MULTIPLE_WIDTH = 376;
/** The UTC date `day` days after the start date. */
const dateOf = (day: number) => new Date(Date.parse(`${START_DATE}T00:00:00Z`) + day * DAY_MS);
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
/** 1 → "1st", 22 → "22nd", 13 → "13th". */
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
const sameTrace = (a: BalanceTrace, b: BalanceTrace) =>
  a.balances.length === b.balances.length && a.balances.every((r, i) => r.day === b.balances[i]!.day && r.balance === b.balances[i]!.balance);

export function capacityByPlanPage(results: CapacityByPlanResults, provenance: Provenance): Page {
  const p = results.params;
  return {
    title: p.title,
    answer: answer(results),
    guide:
      `Each paying LinkedIn plan grants a monthly allotment of InMail credits, and a credit spent on an InMail comes back when the recipient responds, ` +
      `so the InMails an account can actually send in a month (its effective outreach capacity) depend on the reply rate. ` +
      `Here ${f0(p.accounts)} accounts per plan send ${n1(p.sendsPerDay)} InMails per working day (Monday to Friday, 9:00–18:00 UTC) while they have credits, for ${CYCLES} monthly grants on each plan's own schedule ` +
      `(Sales Navigator on the 1st of each month, the others on the account's billing date), ` +
      `under both credit policies side by side: the guide's rules and LinkedIn's help pages, which disagree (neither is picked). ` +
      `Every number is a mean over ${f0(p.replications)} replications with its 95% confidence interval (CI); every point uses the same seed, so differences between points are paired. ` +
      `Replies arrive after an exponential delay with a mean of ${days(p.responseDelayDays)}: an assumption, since LinkedIn publishes no response-delay data. ` +
      `Prices marked illustrative are low-confidence secondary-source figures, not LinkedIn's.`,
    sections: [
      headlineSection(results),
      curveSection(results),
      heatmapSection(results),
      balanceSection(results),
      costSection(results),
      policySection(results),
      slowSenderSection(results),
      assumptionsSection(results),
    ],
    provenance,
  };
}

/** The page's answer: the cheapest plan per conversation, the most capacity, the multiplier, and whether the policies differ. */
function answer(results: CapacityByPlanResults): Answer {
  const p = results.params;
  const rows = results.headline;
  const high = [...rows].sort((a, b) => b.capacity - a.capacity)[0]!;
  const cheap = rows.filter((r) => Number.isFinite(r.costPerPositive)).sort((a, b) => a.costPerPositive - b.costPerPositive)[0];
  const multipliers = rows.map((r) => r.multiplier);
  const [mMin, mMax] = [Math.min(...multipliers), Math.max(...multipliers)];
  const guideRows = rows.filter((r) => r.policy === "guide");
  const samePolicies = guideRows.every((r) => negligible(r.policyDifference, r.capacity));
  const widest = [...guideRows].sort((a, b) => Math.abs(b.policyDifference.mean / b.capacity) - Math.abs(a.policyDifference.mean / a.capacity))[0]!;
  const planAndPolicy = (r: HeadlineRow) => (negligible(r.policyDifference, r.capacity) ? r.plan : `${r.plan}, ${r.policy} policy`);
  const outDays = rows.map((r) => r.daysOutOfCredits);
  return {
    numbers: [
      cheap === undefined
        ? { label: "Cost per conversation", value: "no replies", note: `at ${aPct(p.replyRate)} reply rate, no account got a conversation` }
        : {
            label: "Cheapest per conversation",
            value: usd(cheap.costPerPositive),
            note: `${planAndPolicy(cheap)}, at ${usd(cheap.priceUsd)} a month (${cheap.priceSource === "illustrative" ? "illustrative price" : "your price"})`,
          },
      { label: "Most InMails a month, per account", value: f1(high.capacity), note: `${planAndPolicy(high)}, from ${f0(high.credits)} credits` },
      {
        label: `Capacity multiplier at ${pct(p.replyRate)} reply rate`,
        value: mMax - mMin < 0.01 ? `${f2((mMin + mMax) / 2)}×` : `${f2(mMin)}–${f2(mMax)}×`,
        note: mMax - mMin < 0.01 ? "the same on every plan: InMails a month = credits × multiplier" : "InMails a month ÷ credits, by plan",
      },
      samePolicies
        ? { label: "LinkedIn's rules vs the guide's", value: "same capacity", note: "on every plan: each paired difference's CI contains 0 or it is under 0.1%" }
        : {
            label: "LinkedIn's rules vs the guide's",
            value: `${signed(widest.policyDifference.mean, f1)} InMails/month`,
            note: `per account on ${widest.plan}, the widest gap (paired ${ci(widest.policyDifference.lo, widest.policyDifference.hi, f1)})`,
          },
      {
        label: "Days a month with no credit left",
        value: `${f0(Math.min(...outDays))}–${f0(Math.max(...outDays))}`,
        note: `per account, over the plans: ${Math.min(...outDays) > MONTH_DAYS / 2 ? "credits, not sending, set the limit" : "accounts run dry for part of the month"}`,
      },
    ],
  };
}

function headlineSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const rows = results.headline;
  const byCapacity = [...rows].sort((a, b) => a.capacity - b.capacity);
  const low = byCapacity[0]!;
  const high = byCapacity[byCapacity.length - 1]!;
  const multipliers = rows.map((r) => r.multiplier);
  const mMin = Math.min(...multipliers);
  const mMax = Math.max(...multipliers);
  const worstGap = Math.max(...rows.map((r) => Math.abs(r.capacity - r.closedForm) / r.closedForm));
  const outDays = rows.map((r) => r.daysOutOfCredits);
  const guideRows = rows.filter((r) => r.policy === "guide");
  const samePolicies = guideRows.every((r) => negligible(r.policyDifference, r.capacity));
  const widest = [...guideRows].sort((a, b) => Math.abs(b.policyDifference.mean / b.capacity) - Math.abs(a.policyDifference.mean / a.capacity))[0]!;
  const byCost = rows.filter((r) => Number.isFinite(r.costPerPositive)).sort((a, b) => a.costPerPositive - b.costPerPositive);
  const cheap = byCost[0];
  const dear = byCost[byCost.length - 1];
  const illustrative = payingPlanIds.filter((id) => p.illustrativePrices[id]);
  const yours = payingPlanIds.filter((id) => !p.illustrativePrices[id]);
  const planAndPolicy = (r: HeadlineRow) => (negligible(r.policyDifference, r.capacity) ? r.plan : `${r.plan}, ${r.policy} policy`);

  const reading = [
    `At ${aPct(p.replyRate)} reply rate and ${n1(p.sendsPerDay)} sends per working day, capacity runs from ${f1(low.capacity)} InMails a month (${planAndPolicy(low)}, ${f0(low.credits)} credits) ` +
      `to ${f1(high.capacity)} (${planAndPolicy(high)}, ${f0(high.credits)} credits). ` +
      (mMax - mMin < 0.01
        ? `Every plan gets the same capacity multiplier, ${f2((mMin + mMax) / 2)}× its allotment: refunds scale with the allotment, so the multiplier depends on the reply rate, not on the plan. `
        : `Capacity multipliers range from ${f2(mMin)}× to ${f2(mMax)}× the allotment. `) +
      `The closed form C/(1 − r) = ${f2(1 / (1 - p.replyRate))} × C ${worstGap < 0.01 ? `is within ${f1(Math.max(worstGap * 100, 0.1))}% of every simulated value` : `is off by up to ${f1(worstGap * 100)}%`} ` +
      `(it assumes instant replies, unbounded sending and no credit lost to expiry or to the end of the year).`,
    `${Math.min(...outDays) > MONTH_DAYS / 2 ? "Every account is held back by its credits, not by how many it wants to send" : "Accounts run out of credits for part of the month"}: ` +
      `they spend ${f1(Math.min(...outDays))} to ${f1(Math.max(...outDays))} days a month with no credit left. ` +
      (samePolicies
        ? `The two policies give the same capacity here (paired differences under 0.1%): with every account out of credits for ${f1(Math.min(...outDays))} days or more before its next grant, nothing is left to reset, roll over or expire. ` +
          `The policy section below shows when they differ.`
        : `The policies differ most for ${widest.plan}: linkedin gives ${signed(widest.policyDifference.mean, f2)} InMails a month ` +
          `(paired ${ci(widest.policyDifference.lo, widest.policyDifference.hi, f2)}); the policy section below explains why.`),
    `$/reply is the cost per conversation, the monthly price divided by conversations a month` +
      (cheap === undefined || dear === undefined
        ? `: undefined here, since no account got a conversation. `
        : `: lowest for ${planAndPolicy(cheap)} (${usd(cheap.costPerPositive)}), highest for ${planAndPolicy(dear)} (${usd(dear.costPerPositive)}), ` +
          `${f1(dear.costPerPositive / cheap.costPerPositive)} times as much. `) +
      (illustrative.length > 0
        ? `The prices of ${illustrative.length === payingPlanIds.length ? "every plan" : list(illustrative.map((id) => plans[id].name))} are illustrative: low confidence, from secondary sources, since LinkedIn publishes none. `
        : "") +
      (yours.length > 0 ? `The prices of ${list(yours.map((id) => plans[id].name))} are yours. ` : "") +
      `Use your own with --set ${priceParam("sales-navigator")}=… (one per plan).`,
  ];
  const text = [
    `In the table, InMails/mo is InMails delivered per account per month, × the multiplier (capacity ÷ allotment), Replies/mo conversations per account per month, $/reply the cost per conversation; ranges in brackets are 95% CIs.`,
    ...results.cannotSend.map((b) => `${b.plan} is listed but sends nothing: ${b.reason.replace(/; choose one of .*$/, "")}.`),
  ].join("\n\n");

  // An interval never breaks inside (word joiners) but may go under its mean.
  const capacityCell = (r: HeadlineRow) => `${f1(r.capacity)} (${range(f1(r.capacityLo), f1(r.capacityHi))})`;
  const costCell = (r: HeadlineRow) =>
    !Number.isFinite(r.costPerPositive)
      ? "no replies"
      : `${usd(r.costPerPositive)} (${range(usd(r.costLo), Number.isFinite(r.costHi) ? usd(r.costHi).replace("$", "") : "∞")})`;
  const display = [
    ...rows.map((r) => ({
      plan: r.plan,
      policy: r.policy,
      capacity: capacityCell(r),
      multiplier: r.multiplier as number | null,
      positives: r.positives as number | null,
      price: `${usd(r.priceUsd)} ${r.priceSource === "illustrative" ? "illustrative" : "yours"}`,
      cost: costCell(r),
    })),
    ...results.cannotSend.map((b) => ({
      plan: b.plan,
      policy: "both",
      capacity: "0: cannot send InMail",
      multiplier: null,
      positives: 0,
      price: "–",
      cost: "–",
    })),
  ];
  const csv = [
    ...rows.map((r) => ({
      plan: r.planId,
      policy: r.policy as string,
      canSend: true,
      creditsPerMonth: r.credits,
      grantSchedule: plans[r.planId].grantSchedule as string,
      replyRate: p.replyRate,
      capacity: r.capacity,
      capacityLo: r.capacityLo,
      capacityHi: r.capacityHi,
      closedForm: r.closedForm as number | null,
      multiplier: r.multiplier as number | null,
      positivesPerMonth: r.positives,
      positivesLo: r.positivesLo as number | null,
      positivesHi: r.positivesHi as number | null,
      priceUsd: r.priceUsd as number | null,
      priceSource: r.priceSource as string,
      costPerPositive: r.costPerPositive as number | null,
      costLo: r.costLo as number | null,
      costHi: (Number.isFinite(r.costHi) ? r.costHi : null) as number | null,
      daysOutOfCreditsPerMonth: r.daysOutOfCredits as number | null,
    })),
    ...results.cannotSend.map(() => ({
      plan: "basic",
      policy: "both",
      canSend: false,
      creditsPerMonth: 0,
      grantSchedule: "",
      replyRate: p.replyRate,
      capacity: 0,
      capacityLo: 0,
      capacityHi: 0,
      closedForm: null,
      multiplier: null,
      positivesPerMonth: 0,
      positivesLo: null,
      positivesHi: null,
      priceUsd: null,
      priceSource: "",
      costPerPositive: null,
      costLo: null,
      costHi: null,
      daysOutOfCreditsPerMonth: null,
    })),
  ];
  return {
    heading: `Capacity and cost at ${aPct(p.replyRate)} reply rate`,
    text,
    details: reading.join("\n\n"),
    detailsSummary: "What the table shows",
    table: {
      data: display,
      columns: {
        plan: { label: "Plan" },
        policy: { label: "Policy" },
        capacity: { label: "InMails/mo" },
        multiplier: { label: "×", digits: 2 },
        positives: { label: "Replies/mo", digits: 1 },
        price: { label: "Price/mo" },
        cost: { label: "$/reply" },
      },
    },
    csv: { filename: "capacity-and-cost.csv", table: csv },
  };
}

function curveSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const rows = results.curve;
  const outside = rows.filter((r) => r.analytic < r.lo || r.analytic > r.hi);
  const below = outside.filter((r) => r.mean < r.analytic);
  const worst = [...rows].sort((a, b) => Math.abs(b.mean - b.analytic) / b.analytic - Math.abs(a.mean - a.analytic) / a.analytic)[0]!;
  const worstGap = (worst.mean - worst.analytic) / worst.analytic;
  const [first, top] = [Math.min(...curveReplyRates), Math.max(...curveReplyRates)];
  const biggest = plans[payingPlanIds[payingPlanIds.length - 1]!];
  const smallest = plans[payingPlanIds[0]!];
  const at = (plan: string, rate: number) => rows.find((r) => r.plan === plan && r.replyRate === rate && r.policy === "guide")!.mean;
  const maxBand = Math.max(...rows.map((r) => (r.hi - r.lo) / r.mean));
  // Parallel on a log scale ⇔ the multiplier (capacity ÷ allotment) is the same for every plan at each reply rate and policy.
  const credits = new Map(payingPlanIds.map((id) => [plans[id].name, plans[id].creditsPerMonth]));
  const multiplier = (r: (typeof rows)[number]) => r.mean / credits.get(r.plan)!;
  const spread = Math.max(
    ...rows.map((r) => {
      const same = rows.filter((o) => o.policy === r.policy && o.replyRate === r.replyRate).map(multiplier);
      return (Math.max(...same) - Math.min(...same)) / Math.min(...same);
    }),
  );
  const meanMultiplier = (rate: number) => {
    const same = rows.filter((r) => r.replyRate === rate).map(multiplier);
    return same.reduce((a, b) => a + b, 0) / same.length;
  };
  const growth = at(biggest.name, top) / at(biggest.name, first);
  const text = [
    (growth >= 1.05
      ? `Capacity grows faster than linearly with the reply rate: ${biggest.name} goes from ${f0(at(biggest.name, first))} InMails a month at ${pct(first)} ` +
        `to ${f0(at(biggest.name, top))} at ${pct(top)}, ${f1(growth)} times as many, `
      : `${biggest.name} stays at about ${f0(at(biggest.name, top))} InMails a month from ${pct(first)} to ${pct(top)}: at ${n1(p.sendsPerDay)} sends per working day the sender, not the credits, is its limit, `) +
      `and ${smallest.name}'s ${f0(smallest.creditsPerMonth)} credits become ${f1(at(smallest.name, first))} to ${f1(at(smallest.name, top))} InMails. ` +
      `The vertical scale is logarithmic, so equal ratios are equal distances and small plans are as legible as large ones. ` +
      (spread < 0.02
        ? `The lines run parallel: each plan's capacity is its allotment times a multiplier that depends only on the reply rate, not on the plan ` +
          `(${f2(meanMultiplier(first))}× at ${pct(first)} to ${f2(meanMultiplier(top))}× at ${pct(top)}; the plans' multipliers differ by at most ${f1(Math.max(spread * 100, 0.1))}%).`
        : `The lines are ${spread < 0.1 ? "not quite" : "not"} parallel: at the same reply rate and policy the plans' multipliers (capacity ÷ allotment) differ by up to ${f0(spread * 100)}%, ` +
          `so something besides the reply rate (the send rate, the reply delay, credits lost) limits some plans more than others.`),
    `The dark dashed line on top of each plan's line is the closed form C/(1 − r), counted per monthly grant, so months of 28 to 31 days do not change it. ` +
      (Math.abs(worstGap) < 0.02 && maxBand < 0.02
        ? `It is never more than ${f1(Math.max(Math.abs(worstGap) * 100, 0.1))}% away from the simulated mean, and the shaded 95% band is at most ${f1(maxBand * 100)}% of the mean wide, hidden under the line. `
        : `The largest gap to the closed form is ${f1(Math.abs(worstGap) * 100)}% (${worst.plan}, ${worst.policy} policy, ${pct(worst.replyRate)}). `) +
      `The closed form lies inside the band at ${rows.length - outside.length} of ${rows.length} points` +
      (outside.length === 0
        ? "."
        : below.length > outside.length / 2
          ? `; where it does not, the simulation is mostly below it: the closed form ignores the send rate (${n1(p.sendsPerDay)} per working day) and the reply delay ` +
            `(${days(p.responseDelayDays)} on average; the credits of replies still in flight when the ${CYCLES} months end never come back).`
          : `; the points outside are on both sides, as sampling noise would put them.`) +
      ` The grey vertical line marks your reply rate, ${pct(p.replyRate)}.`,
  ];
  return {
    heading: "Capacity against reply rate",
    layout: "beside",
    text: text[0],
    details: text[1],
    detailsSummary: "The closed form and the simulation",
    figure: capacityVsReplyRate(rows, { plans: payingPlanIds.map((id) => plans[id].name), yScale: "log", markReplyRate: p.replyRate }),
    csv: { filename: "capacity-vs-reply-rate.csv", table: rows },
  };
}

function heatmapSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const plan = plans[p.heatmapPlan];
  const rows = results.heatmap;
  const topRate = Math.max(...rows.map((r) => r.replyRate));
  const shortDelays = heatmapDelaysDays.filter((d) => d <= 3);
  const longest = Math.max(...heatmapDelaysDays);
  const cell = (policy: PolicyId, rate: number, delay: number) =>
    rows.find((r) => r.policy === policy && r.replyRate === rate && r.responseDelayDays === delay)!.multiplier;
  const shortDeviation = Math.max(
    ...rows.filter((r) => (shortDelays as readonly number[]).includes(r.responseDelayDays)).map((r) => Math.abs(r.multiplier - 1 / (1 - r.replyRate))),
  );
  const lateShare = Math.exp(-policies.linkedin.refundWindowDays / longest);
  const guideLong = cell("guide", topRate, longest);
  const linkedinLong = cell("linkedin", topRate, longest);
  const text = [
    `${plan.name}, ${f0(plan.creditsPerMonth)} credits a month. With replies within ${days(Math.max(...shortDelays))} on average, the multiplier is the closed form 1/(1 − r) ` +
      `${shortDeviation < 0.005 ? "to two decimals" : `to within ${f2(shortDeviation)}`} under both policies (${f2(cell("guide", topRate, shortDelays[0]!))}× at ${pct(topRate)}): ` +
      `the reply rate, not the delay, sets it.`,
    `Slower replies lower it, most at high reply rates where more of the capacity is refunded credit. At ${pct(topRate)} and a ${n1(longest)}-day mean delay it falls to ` +
      `${f2(guideLong)}× under guide (credits whose replies are still in flight when the ${CYCLES} months end never come back) ` +
      `and to ${f2(linkedinLong)}× under linkedin, which ${linkedinLong < guideLong ? "also " : ""}refunds nothing for a reply after ${f0(policies.linkedin.refundWindowDays)} days ` +
      `(${pct(lateShare)} of replies at that mean)` +
      (Number.isFinite(plan.creditLifetimeDays) ? ` and lets a refunded credit keep its original ${f0(plan.creditLifetimeDays)}-day expiry. ` : ". ") +
      `The delay curve is an assumption: read each row as "if replies took this long".`,
  ].join("\n\n");
  return {
    heading: `Capacity multiplier by reply rate and response delay: ${plan.name}`,
    layout: "beside",
    text,
    figure: multiplierHeatmap(rows),
    csv: { filename: "multiplier-heatmap.csv", table: rows.map((r) => ({ plan: p.heatmapPlan, ...r })) },
  };
}

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

function balanceSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const identical = results.traces.filter((t) => sameTrace(t.guide, t.linkedin)).map((t) => plans[t.planId].name);
  const sentences = results.traces.map((t) => {
    const describe = (x: BalanceTrace["totals"]) =>
      `granted ${f0(x.grant)}, spent ${f0(x.spend)}, got ${f0(x.refund)} back` +
      (x.expire + x.forfeit === 0 ? ", lost none" : `, lost ${f0(x.expire)} to expiry and ${f0(x.forfeit)} to the cap`);
    return sameTrace(t.guide, t.linkedin)
      ? `${plans[t.planId].name}: ${describe(t.guide.totals)}.`
      : `${plans[t.planId].name}: under guide ${describe(t.guide.totals)}; under linkedin ${describe(t.linkedin.totals)}.`;
  });
  // When each sample account gets its credits, plans with the same grant day together, the 1st of the month first.
  const grantDays = new Map<string, string[]>();
  const byCalendar = [...results.traces].sort(
    (a, b) => Number(plans[b.planId].grantSchedule === "calendar-month") - Number(plans[a.planId].grantSchedule === "calendar-month"),
  );
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

function costSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const rows = results.cost;
  const heading = "Cost per conversation";
  const unbounded = results.headline.filter((h) => !Number.isFinite(h.costHi));
  const leftOut =
    unbounded.length > 0
      ? ` Left out: ${list(unbounded.map((h) => `${h.plan} (${h.policy})`))}, whose 95% CI of conversations reaches 0, so its cost has no upper bound; more accounts or replications narrow the CI.`
      : "";
  if (rows.length === 0) {
    return { heading, text: `No plan's cost per conversation can be bounded at ${aPct(p.replyRate)} reply rate with these runs.${leftOut}` };
  }
  const ranking = (policy: PolicyId) =>
    rows
      .filter((r) => r.policy === policy)
      .sort((a, b) => a.costPerPositive - b.costPerPositive)
      .map((r) => `${r.plan} ${usd(r.costPerPositive)}`)
      .join(", ");
  const [guide, linkedin] = [ranking("guide"), ranking("linkedin")];
  const multipliers = results.headline.map((h) => h.multiplier);
  const sameMultiplier = Math.max(...multipliers) - Math.min(...multipliers) < 0.01;
  const creditPrice = (id: PayingPlanId) => p.prices[id] / plans[id].creditsPerMonth;
  const perCredit = [...payingPlanIds].sort((a, b) => creditPrice(a) - creditPrice(b));
  const ties = perCredit
    .slice(1)
    .map((id, i) => [perCredit[i]!, id] as const)
    .filter(([x, y]) => creditPrice(y) - creditPrice(x) <= 0.01 * creditPrice(y));
  const anyIllustrative = payingPlanIds.some((id) => p.illustrativePrices[id]);
  const text = [
    `Monthly price ÷ conversations a month at ${aPct(p.replyRate)} reply rate, cheapest first: ` +
      (guide === linkedin ? `${guide} (the same under both policies). ` : `guide: ${guide}; linkedin: ${linkedin}. `) +
      (sameMultiplier
        ? `With the same multiplier on every plan, cost per conversation is essentially the price per credit × (1 − r)/r, so the price per credit ranks the plans: ` +
          `${perCredit.map((id) => `${plans[id].name} ${usd(creditPrice(id))}`).join(", ")}.` +
          ties.map(([x, y]) => ` ${plans[x].name} and ${plans[y].name} cost the same per credit to within 1%, so their order above is sampling noise.`).join("")
        : `Multipliers differ between plans here, so the ranking is not just that of the price per credit.`),
    (anyIllustrative
      ? `The prices marked illustrative in the table above are secondary-source figures of low confidence: LinkedIn publishes no prices, and discounts, annual billing and seats change them. ` +
        `The ranking is only as good as the prices; re-run with yours (--set ${priceParam("recruiter")}=…).`
      : `Every price is yours.`) + leftOut,
  ].join("\n\n");
  return {
    heading,
    layout: "beside",
    text,
    figure: costPerReply(rows, { plans: payingPlanIds.map((id) => plans[id].name) }),
    csv: { filename: "cost-per-positive-reply.csv", table: rows },
  };
}

function describeCase(r: ComparisonRow): string {
  switch (r.case) {
    case "as above":
      return `As above: ${n1(r.point.sendsPerDay)} sends per working day, replies after ${days(r.point.responseDelayDays)}`;
    case "declines":
      return `${pct(r.point.declineShare)} of recipients also decline`;
    case "slow sender":
      return `Sends only ${n1(r.point.sendsPerDay)} per working day`;
    case "slow replies":
      return `Replies after ${days(r.point.responseDelayDays)} on average`;
  }
}

function policySection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const plan = plans[p.heatmapPlan];
  const row = (c: ComparisonRow["case"]) => results.comparison.find((r) => r.case === c)!;
  const diff = (r: ComparisonRow) =>
    r.difference.lo === 0 && r.difference.hi === 0 && r.difference.mean === 0
      ? "no difference at all (the same in every replication)"
      : negligible(r.difference, r.guide.capacity.mean)
        ? `no difference that matters (its paired 95% CI lies within ±${f2(Math.max(0.01, Math.abs(r.difference.lo), Math.abs(r.difference.hi)))} InMails a month)`
        : `${signed(r.difference.mean, f2)} InMails a month under linkedin (${signed((r.difference.mean / r.guide.capacity.mean) * 100, f1)}%, paired ${ci(r.difference.lo, r.difference.hi, f2)})`;
  const base = row("as above");
  const declines = row("declines");
  const slow = row("slow sender");
  const late = row("slow replies");
  const refundRate = p.replyRate + declines.point.declineShare;
  const text = [
    `The guide resets the balance to zero at each new cycle and refunds a credit only when the recipient accepts or replies. ` +
      `LinkedIn's help pages roll the balance over, clipped to ${f0(plan.capMultiplier)}× the allotment at each grant, give each credit ${life(plan.creditLifetimeDays)}, ` +
      `and also refund a decline, but only for a response within ${f0(policies.linkedin.refundWindowDays)} days. Each case in the table changes one thing for ${plan.name} at ${aPct(p.replyRate)} reply rate ` +
      `(Lost/mo: credits expired or forfeited per month; Left at month ${CYCLES}: credits still held at the end).`,
    `${describeCase(base)}: ${diff(base)}. Credits lost a month: ${f2(base.guide.lostPerMonth)} under guide, ${f2(base.linkedin.lostPerMonth)} under linkedin` +
      (Math.max(base.guide.lostPerMonth, base.linkedin.lostPerMonth) < 0.5
        ? ` — each grant is spent before the next, so a reset${Number.isFinite(plan.creditLifetimeDays) ? ` or ${life(plan.creditLifetimeDays)}` : ""} finds almost nothing to take.`
        : `: credits are left at the end of cycles, which is where the two policies part.`),
    `Declines (${pct(p.declineShare)} of those who do not reply, so ${pct(declines.point.declineShare)} of recipients; an assumption): ${diff(declines)}. LinkedIn's refund on a decline turns ${aPct(p.replyRate)} reply rate into ${aPct(refundRate)} refund rate ` +
      `(closed form ${f1(plan.creditsPerMonth / (1 - refundRate))} against ${f1(plan.creditsPerMonth / (1 - p.replyRate))}). ` +
      `The extra InMails bring conversations at the same rate: ${f2(declines.linkedin.positives.mean)} a month against ${f2(declines.guide.positives.mean)}.`,
    `A slow sender (${n1(slow.point.sendsPerDay)} per working day): ${diff(slow)}; the sender, not the credits, is the limit. What differs is what is lost: ` +
      `the guide's reset wipes ${f1(slow.guide.lostPerMonth)} unused credits a month, linkedin's cap${Number.isFinite(plan.creditLifetimeDays) ? ` and ${life(plan.creditLifetimeDays)} take` : " takes"} ${f1(slow.linkedin.lostPerMonth)}, ` +
      `and after ${CYCLES} months a linkedin account holds ${f0(slow.linkedin.bankedAtEnd)} credits against ${f0(slow.guide.bankedAtEnd)} under guide: a reserve for a busier month. The next figure shows one such account.`,
    `Slow replies (${days(late.point.responseDelayDays)} mean): ${diff(late)}. Under linkedin a reply after ${f0(policies.linkedin.refundWindowDays)} days refunds nothing ` +
      (Number.isFinite(plan.creditLifetimeDays) ? `and a refunded credit keeps its original expiry` : `(credits do not expire on this plan)`) +
      `; credits lost: ${f2(late.linkedin.lostPerMonth)} a month under linkedin, ${f2(late.guide.lostPerMonth)} under guide.`,
  ];
  const table = results.comparison.flatMap((r) =>
    policyIds.map((policy) => ({
      case: describeCase(r),
      policy,
      capacity: r[policy].capacity.mean,
      lo: r[policy].capacity.lo,
      hi: r[policy].capacity.hi,
      lost: r[policy].lostPerMonth,
      banked: r[policy].bankedAtEnd,
    })),
  );
  return {
    heading: "What differs between the two policies, and why",
    text: text[0],
    details: text.slice(1).join("\n\n"),
    detailsSummary: "Each case explained",
    table: {
      data: table,
      columns: {
        case: { label: "Case" },
        policy: { label: "Policy" },
        capacity: { label: "InMails/mo", digits: 1 },
        ci: { label: "95% CI", interval: ["lo", "hi"], digits: 1 },
        lost: { label: "Lost/mo", digits: 1 },
        banked: { label: `Left at month ${CYCLES}`, digits: 0 },
      },
    },
    csv: {
      filename: "policy-comparison.csv",
      table: results.comparison.flatMap((r) =>
        policyIds.map((policy) => ({
          plan: p.heatmapPlan,
          case: r.case,
          policy,
          replyRate: r.point.replyRate,
          declineShare: r.point.declineShare,
          sendsPerDay: r.point.sendsPerDay,
          responseDelayDays: r.point.responseDelayDays,
          capacity: r[policy].capacity.mean,
          capacityLo: r[policy].capacity.lo,
          capacityHi: r[policy].capacity.hi,
          positivesPerMonth: r[policy].positives.mean,
          lostPerMonth: r[policy].lostPerMonth,
          bankedAtEnd: r[policy].bankedAtEnd,
          linkedinMinusGuide: r.difference.mean,
          linkedinMinusGuideLo: r.difference.lo,
          linkedinMinusGuideHi: r.difference.hi,
        })),
      ),
    },
  };
}

function slowSenderSection(results: CapacityByPlanResults): PageSection {
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

function assumptionsSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  return {
    heading: "Assumptions and sources",
    detailsSummary: "Allotments, grant schedules, replies, declines and prices",
    details: [
      `Allotments, caps and credit lives are LinkedIn's documented figures (help pages; Recruiter's ${f0(plans.recruiter.creditsPerMonth)} credits per seat is a 2014 figure). ` +
        `Each plan grants on its documented schedule: Sales Navigator on the 1st of each calendar month (UTC), the others monthly on the account's billing date. ` +
        `Simulated time starts on ${dayMonth.format(dateOf(0))} ${dateOf(0).getUTCFullYear()}; billing-date subscriptions start at a uniformly drawn moment in the first ${f0(ANCHOR_SPREAD_DAYS)} days, ` +
        `so their grant day varies from account to account (a grant due on the 29th to 31st falls on the last day of a shorter month); every account gets ${CYCLES} grants. ` +
        `"A month" is the cycle between two grants, 28 to 31 days long; the closed form C/(1 − r) counts InMails per grant, so it holds whatever the cycle's length. ` +
        `Accounts send ${n1(p.sendsPerDay)} InMails per working day (Monday to Friday, 9:00–18:00 UTC) on average while they have credits and never run out of people to reach; no recipient blocks InMail and no enforcement applies.`,
      `A reply is any refund-eligible response, with probability ${pct(p.replyRate)}; it arrives after an exponential delay with a mean of ${days(p.responseDelayDays)} (ASSUMED: LinkedIn publishes no delay data). ` +
        `Declines appear only in the policy comparison (${pct(p.declineShare)} of those who do not reply, assumed). Under linkedin a refunded credit keeps the expiry of the credit spent (undocumented; the model's default).`,
      `Prices a month: ${payingPlanIds.map((id) => `${plans[id].name} ${usd(p.prices[id])} (${p.illustrativePrices[id] ? "illustrative" : "yours"})`).join(", ")}. ` +
        `Illustrative prices are low-confidence secondary-source figures.`,
    ].join("\n\n"),
  };
}
