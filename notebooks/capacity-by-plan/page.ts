/**
 * The capacity-by-plan report as a page: every narrative sentence is written from
 * the computed numbers (a branch where the numbers could tell a different story),
 * every figure and table ships its data as a CSV.
 */
import { plans } from "../../models/index.ts";
import { type Page, type PageSection, type Provenance } from "../../reports/index.ts";
import { payingPlanIds } from "../../models/paying-plans.ts";
import { aPct, ci, f0, f1, f2, n1, pct, range, signed, usd } from "../../reports/number-format.ts";
import { type CapacityByPlanResults, type HeadlineRow } from "./compute.ts";
import { ANCHOR_SPREAD_DAYS, CYCLES, MONTH_DAYS } from "./grid.ts";
import { balanceSection, slowSenderSection } from "./balance-sections.ts";
import { curveSection, heatmapSection } from "./capacity-sections.ts";
import { dateOf, dayMonth, days, negligible } from "./page-words.ts";
import { policySection } from "./policy-section.ts";
import { teamAnswer, teamCostSection } from "./team-sections.ts";

export function capacityByPlanPage(results: CapacityByPlanResults, provenance: Provenance): Page {
  const p = results.params;
  return {
    title: p.title,
    answer: teamAnswer(results),
    guide:
      `Each paying LinkedIn plan grants a monthly allotment of InMail credits, and a credit spent on an InMail comes back when the recipient responds, ` +
      `so the InMails a seat can actually send in a month (its effective outreach capacity) depend on the response rate. ` +
      `The numbers above and the cost table are the team planner's for one seat of each plan (the command that prints them is under the table). ` +
      `The sections after it are the canonical capacity model, a closed-form check of the simulation: there the reply rate is the share of InMails that get a refund-eligible response, set to your response rate. ` +
      `In that model ${f0(p.accounts)} accounts per plan send ${n1(p.sendsPerDay)} InMails per working day (Monday to Friday, 9:00–18:00 UTC) while they have credits, for ${CYCLES} monthly grants on each plan's own schedule ` +
      `(Sales Navigator on the 1st of each month, the others on the account's billing date), ` +
      `under both credit policies side by side: the guide's rules and LinkedIn's help pages, which disagree (neither is picked). ` +
      `Every number is a mean over ${f0(p.replications)} replications with its 95% confidence interval (CI); every point uses the same seed, so differences between points are paired. ` +
      `Responses arrive after an exponential delay with a mean of ${days(p.responseDelayDays)}: an assumption, since LinkedIn publishes no response-delay data. ` +
      `Prices marked illustrative are low-confidence secondary-source figures, not LinkedIn's.`,
    sections: [
      teamCostSection(results),
      headlineSection(results),
      curveSection(results),
      heatmapSection(results),
      balanceSection(results),
      policySection(results),
      slowSenderSection(results),
      assumptionsSection(results),
    ],
    provenance,
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
        ? `In this model (no declines) the two policies give the same capacity (paired differences under 0.1%): with every account out of credits for ${f1(Math.min(...outDays))} days or more before its next grant, nothing is left to reset, roll over or expire. ` +
          `The policy section below shows when they differ.`
        : `The policies differ most for ${widest.plan}: linkedin gives ${signed(widest.policyDifference.mean, f2)} InMails a month ` +
          `(paired ${ci(widest.policyDifference.lo, widest.policyDifference.hi, f2)}); the policy section below explains why.`),
  ];
  const text = [
    `A check of the simulation, not the answer (the cost table above is): ${f0(p.accounts)} accounts per plan, unlimited demand, a refund-eligible response with probability ${pct(p.replyRate)} (your response rate). ` +
      `InMails / month: delivered per account per month (95% CI); ×: capacity ÷ allotment; C/(1 − r): the closed form.`,
    ...results.cannotSend.map((b) => `${b.plan} is listed but sends nothing: ${b.reason.replace(/; choose one of .*$/, "")}.`),
  ].join("\n\n");

  // An interval never breaks inside (word joiners) but may go under its mean.
  const capacityCell = (r: HeadlineRow) => `${f1(r.capacity)} (${range(f1(r.capacityLo), f1(r.capacityHi))})`;
  const display = [
    ...rows.map((r) => ({
      plan: r.plan,
      policy: r.policy,
      capacity: capacityCell(r),
      multiplier: r.multiplier as number | null,
      closedForm: r.closedForm as number | null,
      outDays: r.daysOutOfCredits as number | null,
    })),
    ...results.cannotSend.map((b) => ({ plan: b.plan, policy: "both", capacity: "0: cannot send InMail", multiplier: null, closedForm: null, outDays: null })),
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
    heading: "Validation: the canonical capacity model against its closed form",
    text,
    details: reading.join("\n\n"),
    detailsSummary: "What the table shows",
    table: {
      data: display,
      columns: {
        plan: { label: "Plan" },
        policy: { label: "Policy" },
        capacity: { label: "InMails / month" },
        multiplier: { label: "×", digits: 2 },
        closedForm: { label: "C/(1 − r)", digits: 1 },
        outDays: { label: "Days out of credits / month", digits: 1 },
      },
    },
    csv: { filename: "canonical-capacity.csv", table: csv },
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
