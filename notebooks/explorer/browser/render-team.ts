/**
 * The team planner's result as the page shows it: the answer first (a sentence and a
 * few numbers: conversations a month and a quarter, cost per conversation, the best
 * plan), then every plan side by side; and the same rows as CSV. Units in every label.
 */
import { stringify } from "csv-stringify/browser/esm/sync";
import { numberFormatter, usd } from "../../../reports/number-format.ts";
import type { TargetResult, TeamPlanResult, TeamResult } from "../../../experiments/team/team-result.ts";
import type { MeanCi } from "../../../sim/mean-ci.ts";
import { sourceWords } from "../../../experiments/inputs/segment-rates.ts";
import { seatsText } from "../../../experiments/team/team-text.ts";
import { digits, rounded } from "../csv-precision.ts";
import { el, type Child } from "./dom.ts";

const count = numberFormatter({ digits: 0 });
const count1 = numberFormatter({ digits: 1 });
const percent = numberFormatter({ percent: true, digits: 1 });
const policyName = (policy: string) => (policy === "linkedin" ? "LinkedIn's rules" : "the guide's rules");
const ci = (e: MeanCi, f: (v: unknown) => string) => `${f(e.ci95[0])} – ${f(e.ci95[1])}`;

/** The plan the answer is about: the best (lowest cost per conversation) under the first policy, else the first. */
export function headlinePlan(result: TeamResult): TeamPlanResult {
  const policy = result.plans[0]!.policy;
  const best = result.best.find((b) => b.policy === policy);
  return result.plans.find((p) => p.policy === policy && p.plan === best?.plan) ?? result.plans[0]!;
}

/** One number of the answer, in the report pages' answer block (reports/page-style.ts). */
function tile(what: string, value: string, detail: string, name: string): HTMLElement {
  return el("li", { "data-figure": name }, el("span", { class: "label" }, what), el("span", { class: "value" }, value), el("span", { class: "note" }, detail));
}

/** The answer: one sentence and the headline numbers. */
export function answer(result: TeamResult): HTMLElement {
  const h = headlinePlan(result);
  const seats = result.settings.seats;
  const month = h.perTeamPerMonth.conversations;
  const quarter = h.perTeamPerQuarter?.conversations ?? null;
  const cost = h.costPerConversationUsd;
  const several = new Set(result.plans.map((p) => p.plan)).size > 1;
  const sentence = [
    `${several ? "Best plan for" : "On"} ${seatsText(seats)}${several ? `, under ${policyName(h.policy)}: ${h.planName}` : ` of ${h.planName}, under ${policyName(h.policy)}`} — `,
    `about ${count(month.mean)} conversations a month`,
    quarter ? ` (${count(quarter.mean)} a quarter)` : "",
    cost ? `, at ${usd(cost.mean)} per conversation` : "",
    ` at a ${percent(result.settings.responseRate)} response rate${result.settings.responseRateFrom === "segment" ? ` (${sourceWords("segment", result.settings.segment)})` : ""}.`,
  ].join("");
  const tiles = el(
    "ul",
    { class: "answer" },
    tile("conversations per team per month", count(month.mean), `95% CI ${ci(month, count)}`, "conversations-per-month"),
    quarter ? tile("conversations per team per quarter", count(quarter.mean), `95% CI ${ci(quarter, count)}`, "conversations-per-quarter") : null,
    tile("USD per conversation", cost ? usd(cost.mean) : "n/a", cost ? `95% CI ${ci(cost, usd)}` : "some months have none", "cost-per-conversation"),
    tile("InMails delivered per team per month", count(h.perTeamPerMonth.inmailsDelivered.mean), `${count1(h.perSeatPerMonth.inmailsDelivered.mean)} per seat`, "inmails-per-month"),
    tile("best plan (lowest USD per conversation)", h.planName, `${policyName(h.policy)}; ${usd(h.perTeamPerMonth.costUsd)} per team per month`, "best-plan"),
  );
  return el(
    "section",
    { id: "answer" },
    el("p", { class: "answer-text", "data-answer": "sentence" }, sentence),
    tiles,
    el("p", { "data-answer": "limit" }, `${h.planName}: ${h.limitText}.`),
    followUpLine(result, h),
    targetLines(result),
  );
}

/** With follow-ups compared: the cheapest count when it is not the one asked (the figures above are the count asked). */
function followUpLine(result: TeamResult, h: TeamPlanResult): Child {
  const f = result.followUps;
  const best = result.best.find((b) => b.policy === h.policy && b.plan === h.plan);
  if (!f || !best || best.followUps === f.asked.count) return null;
  const words = (n: number) => (n === 0 ? "no follow-ups" : `${n} follow-up${n > 1 ? "s" : ""} per contact`);
  return el(
    "p",
    { "data-answer": "follow-ups" },
    `These figures are with the ${words(f.asked.count)} asked; ${h.planName} is cheapest per conversation with ${words(best.followUps)}: ${usd(best.costPerConversationUsd)}.`,
  );
}

function targetLines(result: TeamResult): Child {
  const t = result.target;
  if (t === null) return null;
  const fitText = (f: TargetResult["cheapest"][number]) => {
    const a = f.onAverage;
    const m = f.inMonths;
    const one = (x: typeof a, how: string) =>
      x === null ? `no team searched meets it ${how}` : `${x.atMost ? "at most " : ""}${seatsText(x.seats!)} of ${x.plan} (${usd(x.costUsdPerMonth)} a month) ${how}`;
    return `${policyName(f.policy)}: ${one(a, "on average")}; ${one(m, `in ${percent(t.shareOfMonths)} of months`)}.`;
  };
  return el("ul", { class: "target" }, ...t.cheapest.map((c) => el("li", {}, `Cheapest team for ${count(t.conversationsPerMonth)} conversations a month — ${fitText(c)}`)));
}

/** Whether the result has more than one policy (then each line names its rules). */
const several = (result: TeamResult) => new Set(result.plans.map((p) => p.policy)).size > 1;

/** Every plan (and policy) side by side, then what limits each. */
export function planTable(result: TeamResult): HTMLElement {
  const head = [
    "plan",
    "credit rules",
    "conversations a month (95% CI)",
    "conversations a quarter",
    "InMails delivered a month",
    "credits lost a month",
    "USD a month",
    "USD per conversation (95% CI)",
  ];
  const num = (text: string, interval?: string) => el("td", { class: "num" }, text, interval ? el("span", { class: "ci" }, interval) : null);
  const rows = result.plans.map((p) =>
    el(
      "tr",
      { "data-plan": p.plan, "data-policy": p.policy },
      el("td", {}, p.planName, p.priceIllustrative ? " *" : "", el("span", { class: "ci", "data-limited-by": p.limitedBy }, `limited by ${p.limitedBy}`)),
      el("td", {}, p.policy),
      num(count1(p.perTeamPerMonth.conversations.mean), ci(p.perTeamPerMonth.conversations, count1)),
      num(p.perTeamPerQuarter ? count1(p.perTeamPerQuarter.conversations.mean) : "n/a"),
      num(count1(p.perTeamPerMonth.inmailsDelivered.mean)),
      num(count1(p.perTeamPerMonth.creditsLost.mean)),
      num(usd(p.perTeamPerMonth.costUsd)),
      p.costPerConversationUsd ? num(usd(p.costPerConversationUsd.mean), ci(p.costPerConversationUsd, usd)) : num("n/a"),
    ),
  );
  const illustrative = result.plans.some((p) => p.priceIllustrative);
  return el(
    "section",
    { id: "plans" },
    el("h2", {}, `Every plan for ${seatsText(result.settings.seats)}`),
    el("p", {}, "Team totals (all seats together): a month is one grant cycle, a quarter three in a row."),
    el("div", { class: "table-wrap" }, el("table", {}, el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))), el("tbody", {}, ...rows))),
    el(
      "ul",
      { class: "limits" },
      ...result.plans.map((p) => el("li", { "data-plan": p.plan, "data-policy": p.policy }, `${p.planName}${several(result) ? `, ${policyName(p.policy)}` : ""}: ${p.limitText}.`)),
    ),
    illustrative ? el("p", { class: "muted" }, "* built-in illustrative price (low confidence: LinkedIn publishes none); set your own under Your team.") : null,
    el("p", { class: "muted" }, `A month is ${result.definitions.month}. Figures are ${result.definitions.figures}.`),
  );
}

/** The plan table's rows as CSV, each figure rounded to its precision (csv-precision.ts). */
export function planCsv(result: TeamResult): string {
  const n = (x: number | undefined) => (x === undefined ? "" : rounded(x, digits.count));
  const money = (x: number | undefined) => (x === undefined ? "" : rounded(x, digits.usd));
  return stringify(
    result.plans.map((p) => ({
      plan: p.plan,
      policy: p.policy,
      seats: p.seats,
      conversationsPerTeamPerMonth: n(p.perTeamPerMonth.conversations.mean),
      conversationsPerTeamPerMonthLo: n(p.perTeamPerMonth.conversations.ci95[0]),
      conversationsPerTeamPerMonthHi: n(p.perTeamPerMonth.conversations.ci95[1]),
      conversationsPerTeamPerQuarter: n(p.perTeamPerQuarter?.conversations.mean),
      inmailsDeliveredPerTeamPerMonth: n(p.perTeamPerMonth.inmailsDelivered.mean),
      creditsLostPerTeamPerMonth: n(p.perTeamPerMonth.creditsLost.mean),
      usdPerTeamPerMonth: money(p.perTeamPerMonth.costUsd),
      usdPerConversation: money(p.costPerConversationUsd?.mean),
      priceIllustrative: p.priceIllustrative,
      limitedBy: p.limitedBy,
      limitText: p.limitText,
    })),
    { header: true },
  );
}
