/**
 * The capacity-by-plan page's model sections: capacity against the reply rate with the
 * closed form C/(1 − r), and the multiplier by reply rate and response delay. Every
 * sentence is written from the computed numbers.
 */
import { plans, policies, type PolicyId } from "../../models/index.ts";
import { capacityVsReplyRate, multiplierHeatmap, type PageSection } from "../../reports/index.ts";
import { payingPlanIds } from "../../models/paying-plans.ts";
import { f0, f1, f2, n1, pct } from "../../reports/number-format.ts";
import { curveReplyRates, heatmapDelaysDays, type CapacityByPlanResults } from "./compute.ts";
import { CYCLES } from "./grid.ts";
import { days } from "./page-words.ts";

export function curveSection(results: CapacityByPlanResults): PageSection {
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

export function heatmapSection(results: CapacityByPlanResults): PageSection {
  const p = results.params;
  const plan = plans[p.heatmapPlan];
  const rows = results.heatmap;
  const topRate = Math.max(...rows.map((r) => r.replyRate));
  const shortDelays = heatmapDelaysDays.filter((d) => d <= 3);
  const longest = Math.max(...heatmapDelaysDays);
  const cell = (policy: PolicyId, rate: number, delay: number) => rows.find((r) => r.policy === policy && r.replyRate === rate && r.responseDelayDays === delay)!.multiplier;
  const shortDeviation = Math.max(...rows.filter((r) => (shortDelays as readonly number[]).includes(r.responseDelayDays)).map((r) => Math.abs(r.multiplier - 1 / (1 - r.replyRate))));
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
