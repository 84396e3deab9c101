/**
 * The capacity-by-plan page's policy section: what differs between the guide's rules and
 * LinkedIn's for one plan, case by case (as above, declines, a slow sender, slow replies),
 * each a paired difference.
 */
import { plans, policies, policyIds } from "../../models/index.ts";
import type { PageSection } from "../../reports/index.ts";
import { aPct, ci, f0, f1, f2, n1, pct, signed } from "../../reports/number-format.ts";
import type { CapacityByPlanResults, ComparisonRow } from "./compute.ts";
import { CYCLES } from "./grid.ts";
import { days, life, negligible } from "./page-words.ts";

function describeCase(r: ComparisonRow): string {
  switch (r.case) {
    case "as above":
      return `As above: ${n1(r.point.sendsPerDay)} sends per working day, replies after ${days(r.point.responseDelayDays)}`;
    case "declines":
      return `${pct(r.point.declineShare)} of recipients also decline`;
    case "slow sender":
      return `Sends only ${n1(r.point.sendsPerDay)} per working day`;
    case "slow replies":
      return `Responses after ${days(r.point.responseDelayDays)} on average`;
  }
}

export function policySection(results: CapacityByPlanResults): PageSection {
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
      `(credits lost / month: expired or forfeited per month; Left at month ${CYCLES}: credits still held at the end).`,
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
        capacity: { label: "InMails / month", digits: 1 },
        ci: { label: "95% CI", interval: ["lo", "hi"], digits: 1 },
        lost: { label: "Credits lost / month", digits: 1 },
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
