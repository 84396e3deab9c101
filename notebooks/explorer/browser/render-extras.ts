/**
 * The explorer's figures and its policy table, drawn in the page with Observable Plot
 * (the real DOM, no markup strings): capacity per seat against the response rate per
 * plan, its 95% CI band and the closed form C/(1 − r); a sample seat's credit balance
 * by date; the guide-vs-linkedin difference. Each with its data as CSV.
 */
import * as Plot from "@observablehq/plot";
import { stringify } from "csv-stringify/browser/esm/sync";
import { numberFormatter } from "../../../reports/number-format.ts";
import { planColor, seriesColors } from "../../../reports/plan-palette.ts";
import { digits, rounded } from "../csv-precision.ts";
import type { MeanCi } from "../../../sim/mean-ci.ts";
import type { Extras } from "./compute.ts";
import { el } from "./dom.ts";
import { download } from "./downloads.ts";

const count1 = numberFormatter({ digits: 1 });
const signed1 = (x: number) => `${x >= 0 ? "+" : "−"}${count1(Math.abs(x))}`;
const ci = (e: MeanCi) => `${count1(e.ci95[0])} – ${count1(e.ci95[1])}`;
const policyName = (policy: string) => (policy === "linkedin" ? "LinkedIn's rules" : "the guide's rules");

function csvButton(filename: string, rows: readonly object[]): HTMLElement {
  const button = el("button", { type: "button", class: "csv", "data-csv": filename }, `Download ${filename}`);
  button.addEventListener("click", () => download(filename, "text/csv", stringify(rows as object[], { header: true })));
  return el("p", {}, button);
}

/** Capacity per seat against the response rate: simulated mean with its CI band, closed form dashed. */
export function capacityFigure(extras: Extras, responseRate: number, width: number): HTMLElement {
  const rows = extras.curve;
  const policy = rows[0]?.policy ?? "linkedin";
  const plansShown = [...new Set(rows.map((r) => r.plan))];
  const figure = Plot.plot({
    width,
    height: 360,
    marginLeft: 56,
    x: { label: "response rate (share of InMails answered) →", percent: true, grid: true },
    y: { label: "↑ InMails delivered per seat per month", grid: true, zero: true },
    color: { legend: true, label: "plan", domain: plansShown, range: seriesColors(plansShown) },
    marks: [
      Plot.areaY(rows, { x: "responseRate", y1: "lo", y2: "hi", fill: "plan", fillOpacity: 0.18 }),
      Plot.lineY(rows, { x: "responseRate", y: "mean", stroke: "plan", strokeWidth: 2.5 }),
      Plot.lineY(rows, { x: "responseRate", y: "closedForm", z: "plan", stroke: "#222", strokeWidth: 1, strokeDasharray: "3 3" }),
      Plot.ruleX([responseRate], { stroke: "#888" }),
      Plot.dot(rows, Plot.pointerX({ x: "responseRate", y: "mean", fill: "plan", tip: true })),
    ],
  });
  return el(
    "section",
    { id: "capacity" },
    el("h2", {}, "Capacity per seat against the response rate"),
    el(
      "p",
      {},
      `InMails one seat delivers a month under ${policyName(policy)} (mean, shaded 95% CI), for one seat of each plan with your other inputs; ` +
        `dashed: the closed form C/(1 − r), the monthly credits C over the share r of InMails that refund, which holds for unlimited demand and instant answers. ` +
        `The grey rule marks your response rate. A seat that sends no more than your sends per working day stays below the closed form.`,
    ),
    el("div", { class: "figure" }, figure),
    csvButton(
      "capacity-by-response-rate.csv",
      rows.map((r) => ({
        plan: r.plan,
        policy: r.policy,
        responseRate: rounded(r.responseRate, digits.share),
        mean: rounded(r.mean, digits.count),
        lo: rounded(r.lo, digits.count),
        hi: rounded(r.hi, digits.count),
        closedForm: rounded(r.closedForm, digits.count),
      })),
    ),
  );
}

/** A sample seat's credit balance by date. */
export function balanceFigure(extras: Extras, width: number): HTMLElement {
  const b = extras.balance;
  const rows = b.points.map((p) => ({ date: new Date(p.date), balance: p.balance }));
  const figure = Plot.plot({
    width,
    height: 260,
    marginLeft: 56,
    x: { label: null, type: "utc" },
    y: { label: "↑ credits held", grid: true, zero: true },
    marks: [Plot.lineY(rows, { x: "date", y: "balance", curve: "step-after", stroke: planColor(b.plan) ?? "currentColor" }), Plot.ruleY([0])],
  });
  return el(
    "section",
    { id: "balance" },
    el("h2", {}, "A sample seat's credits by date"),
    el(
      "p",
      {},
      `Credits held by one seat of ${b.plan} under ${policyName(b.policy)}, by date (UTC), after every grant, send, refund, expiry and forfeit (seat 1 of the first replication; Recruiter: the contract's shared pool).`,
    ),
    el("div", { class: "figure" }, figure),
    csvButton(
      "sample-seat-balance.csv",
      b.points.map((p) => ({ date: new Date(p.date).toISOString(), balance: rounded(p.balance, digits.count) })),
    ),
  );
}

/** Team conversations a month under each policy, and the paired difference. */
export function policyTable(extras: Extras): HTMLElement {
  const rows = extras.difference;
  const num = (text: string) => el("td", { class: "num" }, text);
  return el(
    "section",
    { id: "policies" },
    el("h2", {}, "LinkedIn's rules against the guide's"),
    el(
      "p",
      {},
      "The same seats, recipients and answers under both credit rules (common random numbers): LinkedIn's help pages (balance rolls over to a cap, credits live 90 days, declines refund) against the guide (reset each month, no refund on declines).",
    ),
    el(
      "div",
      { class: "table-wrap" },
      el(
        "table",
        {},
        el("thead", {}, el("tr", {}, ...["plan", "conversations per team a month, LinkedIn's rules", "the guide's rules", "difference, paired (95% CI)"].map((h) => el("th", {}, h)))),
        el("tbody", {}, ...rows.map((r) => el("tr", {}, el("td", {}, r.plan), num(count1(r.linkedin.mean)), num(count1(r.guide.mean)), num(`${signed1(r.difference.mean)} (${ci(r.difference)})`)))),
      ),
    ),
    csvButton(
      "linkedin-vs-guide.csv",
      rows.map((r) => ({
        plan: r.plan,
        linkedin: rounded(r.linkedin.mean, digits.count),
        guide: rounded(r.guide.mean, digits.count),
        difference: rounded(r.difference.mean, digits.count),
        differenceLo: rounded(r.difference.ci95[0], digits.count),
        differenceHi: rounded(r.difference.ci95[1], digits.count),
      })),
    ),
  );
}
