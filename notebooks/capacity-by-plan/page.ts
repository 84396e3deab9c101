/**
 * The capacity-by-plan report as a page: every narrative sentence is written from
 * the computed numbers (a branch where the numbers could tell a different story),
 * every figure and table ships its data as a CSV.
 */
import { plans, type PolicyId } from "../../models/index.ts";
import { costPerReply, type Answer, type Page, type PageSection, type Provenance } from "../../reports/index.ts";
import { payingPlanIds, type PayingPlanId } from "../../models/paying-plans.ts";
import { priceParam } from "../../experiments/inputs/plan-prices.ts";
import { aPct, ci, f0, f1, f2, n1, pct, range, signed, usd } from "../../reports/number-format.ts";
import { list } from "../../reports/word-list.ts";
import { type CapacityByPlanResults, type HeadlineRow } from "./compute.ts";
import { ANCHOR_SPREAD_DAYS, CYCLES, MONTH_DAYS } from "./grid.ts";
import { balanceSection, slowSenderSection } from "./balance-sections.ts";
import { curveSection, heatmapSection } from "./capacity-sections.ts";
import { dateOf, dayMonth, days, negligible } from "./page-words.ts";
import { policySection } from "./policy-section.ts";

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
