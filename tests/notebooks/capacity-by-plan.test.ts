import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans, policyIds } from "../../models/index.ts";
import { capacityByPlan, capacityByPlanPage, capacityByPlanParamsFrom, computeCapacityByPlan, type CapacityByPlanResults } from "../../notebooks/capacity-by-plan.ts";
import { pointModel, START_DATE } from "../../notebooks/capacity-by-plan/grid.ts";
import { notebookProvenance, resolveNotebookParams } from "../../cli/notebook-cli.ts";
import { payingPlanIds } from "../../models/paying-plans.ts";
import { renderPage, writeFileAtomic } from "../../reports/index.ts";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "../support/browser-check.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";
import { runTsx } from "../support/run-cli.ts";
import { resolve } from "../../experiments/inputs/params.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { planTeam } from "../../experiments/team/team-plan.ts";
import { teamResult } from "../../experiments/team/team-result.ts";
import { usd } from "../../reports/number-format.ts";
import { runModels } from "../../runner/run-models.ts";

const SCRIPT_TITLE = "<script>alert(1)</script> capacity";
const small = ["accounts=20", "replications=4", "seed=5"];

/** Runs the notebook in this process as the CLI would, without writing anything. */
async function run(sets: readonly string[], workers = 2): Promise<{ results: CapacityByPlanResults; html: string }> {
  const values = resolveNotebookParams(capacityByPlan, sets);
  const results = await computeCapacityByPlan(capacityByPlanParamsFrom(values), { workers });
  const html = renderPage(capacityByPlanPage(results, notebookProvenance(capacityByPlan, values, undefined)));
  return { results, html };
}

describe("capacity-by-plan notebook", () => {
  const dir = mkdtempSync(join(tmpdir(), "capacity-by-plan-"));
  let report: { results: CapacityByPlanResults; html: string };
  beforeAll(async () => {
    report = await run([...small, `title=${SCRIPT_TITLE}`]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows both policies for every paying plan, in the table, the curve and the cost figure", () => {
    const { results } = report;
    for (const id of payingPlanIds) {
      for (const policy of policyIds) {
        expect(results.headline.filter((r) => r.planId === id && r.policy === policy)).toHaveLength(1);
        expect(results.curve.some((r) => r.plan === plans[id].name && r.policy === policy)).toBe(true);
        expect(results.team.result.plans.filter((r) => r.plan === id && r.policy === policy && r.seats === 1)).toHaveLength(1);
      }
    }
    expect(results.heatmap.filter((r) => r.policy === "guide")).toHaveLength(results.heatmap.length / 2);
    const doc = parseMarkup(report.html);
    const rows = [...doc.querySelectorAll("#section-1 tbody tr")].map((tr) =>
      texts(tr as unknown as Document, "td")
        .slice(0, 2)
        .join("|"),
    );
    for (const id of payingPlanIds) for (const policy of policyIds) expect(rows).toContain(`${plans[id].name}|${policy}`);
  });

  it("opens with its answer: the team planner's cheapest plan per conversation, as in the cost table and the command it shows", async () => {
    const doc = parseMarkup(report.html);
    const header = doc.querySelector("header")!;
    expect(header.querySelector("h1 + ul.answer")).not.toBeNull(); // right under the title, before any section
    const cards = [...header.querySelectorAll(".answer li")].map((li) => texts(li as unknown as Document, "span"));
    const t = report.results.team.result;
    const best = t.best.find((b) => b.policy === "linkedin")!;
    const cheapest = t.plans.find((r) => r.plan === best.plan && r.policy === "linkedin")!;
    const card = (label: string) => cards.find((c) => c[0] === label);
    expect(card("Cheapest per conversation")?.[1]).toBe(usd(best.costPerConversationUsd));
    expect(card("Cheapest per conversation")?.[2]).toContain(cheapest.planName);
    // Cost per conversation is the ratio of totals: the seat's price ÷ its mean conversations a month.
    expect(best.costPerConversationUsd).toBeCloseTo(cheapest.priceUsdPerSeatPerMonth / cheapest.perSeatPerMonth.conversations.mean, 9);
    // The same number in the cost table below, and the command the page shows gives it to the cent.
    const tableRows = [...doc.querySelectorAll("#section-1 tbody tr")].map((tr) => texts(tr as unknown as Document, "td"));
    expect(tableRows.some((cells) => cells[0] === cheapest.planName && cells[1] === "linkedin" && cells[5]!.startsWith(`${usd(best.costPerConversationUsd)} `))).toBe(true);
    const command = report.results.team.command;
    expect(texts(doc, "#section-1 p").join(" ")).toContain(command);
    expect(command).toMatch(/^npx tsx scenarios\/team\.ts --json /);
    const sets = [...command.matchAll(/--set (\S+)/g)].map((m) => m[1]!);
    const plan = planTeam(resolve(teamParams, sets));
    const again = teamResult(plan, await runModels(plan.runs, { workers: 1, label: "test" }));
    expect(usd(again.best.find((b) => b.policy === "linkedin")!.costPerConversationUsd)).toBe(usd(best.costPerConversationUsd));
    expect(texts(doc, "body").join(" ")).not.toMatch(/Replies\/mo|\$\/reply/);
    expect(header.querySelector("details .guide")).not.toBeNull(); // the long guide folds under the answer
  });

  it("reports Basic as unable to send, with the model's reason, instead of dropping it", () => {
    expect(report.results.cannotSend).toEqual([{ plan: "Basic (free)", reason: expect.stringMatching(/cannot send InMail.*0 credits \(guide G2\)/) }]);
    const doc = parseMarkup(report.html);
    const basic = [...doc.querySelectorAll("#section-2 tbody tr")].map((tr) => texts(tr as unknown as Document, "td")).find((cells) => cells[0] === "Basic (free)");
    expect(basic?.slice(0, 3)).toEqual(["Basic (free)", "both", "0: cannot send InMail"]);
    expect(texts(doc, "#section-2 p").join(" ")).toMatch(/Basic \(free\) is listed but sends nothing/);
  });

  it("labels built-in prices illustrative and user prices as the user's", async () => {
    const doc = parseMarkup(report.html);
    expect(texts(doc, "#section-1 tbody td").filter((t) => t.endsWith("illustrative"))).toHaveLength(10);
    const custom = await run(["accounts=5", "replications=2", "price.sales-navigator=100"], 1);
    const navigator = custom.results.headline.filter((r) => r.planId === "sales-navigator");
    expect(navigator.map((r) => r.priceSource)).toEqual(["user", "user"]);
    expect(navigator[0]!.costPerPositive).toBeCloseTo(100 / navigator[0]!.positives, 9);
    expect(custom.results.headline.filter((r) => r.priceSource === "illustrative")).toHaveLength(8);
  });

  it("grants on each plan's documented schedule: Sales Navigator on the 1st of each month, the others on the billing date", () => {
    const { results } = report;
    const t0 = Date.parse(`${START_DATE}T00:00:00Z`);
    const dateOf = (day: number) => new Date(t0 + day * 86_400_000);
    for (const id of payingPlanIds) {
      expect(pointModel({ plan: id, policy: "guide", replyRate: 0.1, responseDelayDays: 1, sendsPerDay: 1, declineShare: 0 }).schedule).toEqual({ kind: plans[id].grantSchedule });
    }
    for (const t of results.traces) {
      const grants = t.guide.events.filter((e) => e.kind === "grant").map((e) => e.day);
      expect(grants).toHaveLength(4); // January to April
      expect(t.guide.balances[0]!.day).toBe(0); // every trace starts on 1 January
      if (plans[t.planId].grantSchedule === "calendar-month") {
        expect(grants).toEqual([0, 31, 59, 90]); // 1 January, 1 February, 1 March, 1 April 2026
      } else {
        // Subscribed at some moment in January, then monthly on that day of the month (clipped to short months).
        expect(grants[0]).toBeGreaterThan(0);
        expect(grants[0]).toBeLessThan(31);
        const day = dateOf(grants[0]!).getUTCDate();
        expect(grants.map((g) => dateOf(g).getUTCDate())).toEqual([day, Math.min(day, 28), day, Math.min(day, 30)]);
        expect(grants.map((g) => dateOf(g).getUTCMonth())).toEqual([0, 1, 2, 3]);
        expect(t.guide.balances[0]).toEqual({ plan: expect.any(String), day: 0, balance: 0 }); // nothing before the subscription
      }
    }
    // A year of calendar months: the slow sender's Sales Navigator year ends on 1 January 2027, not after 12 × 30 days.
    expect(results.slowSenderTrace.guide.balances.at(-1)!.day).toBe(365);
    const slow = results.comparison.find((c) => c.case === "slow sender")!;
    // One send per working day (Monday to Friday) over the 365 days of 12 calendar months: the year's
    // weekdays ÷ 12 a month, whatever the month's length.
    const weekdays = Array.from({ length: 365 }, (_, d) => dateOf(d).getUTCDay()).filter((w) => w >= 1 && w <= 5).length;
    expect(weekdays).toBe(261);
    expect(slow.guide.capacity.lo).toBeLessThanOrEqual(weekdays / 12);
    expect(slow.guide.capacity.hi).toBeGreaterThanOrEqual(weekdays / 12);
    expect(texts(parseMarkup(report.html), "section p").join(" ")).not.toMatch(/every \d+ days/);
  });

  it("matches the closed form C/(1 − r) within its CI when replies are instant and sending unbounded", async () => {
    const { results } = await run(["responseRate=0.5", "responseDelayDays=0", "sendsPerWorkingDay=100000", "accounts=25", "replications=8"]);
    for (const r of results.headline) {
      expect(r.closedForm).toBeCloseTo(plans[r.planId].creditsPerMonth / 0.5, 9);
      expect(r.capacityLo).toBeLessThanOrEqual(r.closedForm);
      expect(r.capacityHi).toBeGreaterThanOrEqual(r.closedForm);
      expect(r.capacityHi - r.capacityLo).toBeLessThan(0.05 * r.closedForm);
    }
  });

  it("makes linkedin's refund on declines show in the policy comparison", () => {
    const declines = report.results.comparison.find((c) => c.case === "declines")!;
    expect(declines.difference.lo).toBeGreaterThan(0);
    const slow = report.results.comparison.find((c) => c.case === "slow sender")!;
    expect(slow.linkedin.bankedAtEnd).toBeGreaterThan(slow.guide.bankedAtEnd);
  });

  it("renders the title and parameters as text, never as markup", () => {
    const { html } = report;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; capacity");
    const doc = parseMarkup(html);
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    expect(doc.querySelector("h1")?.textContent).toBe(SCRIPT_TITLE);
    expect(doc.querySelector("title")?.textContent).toBe(SCRIPT_TITLE);
    expect(doc.querySelector("pre.command")?.textContent).toContain(`--set 'title=${SCRIPT_TITLE}'`);
  });

  it("is byte-identical for the same seed, whatever the number of workers", async () => {
    const sets = ["accounts=5", "replications=2"];
    const a = await run(sets, 1);
    const b = await run(sets, 2);
    expect(b.html).toBe(a.html);
    const c = await run([...sets, "seed=2"], 1);
    expect(c.html).not.toBe(a.html);
  });

  it("passes the browser check: no console errors, drawn marks, no overflow, CSV links decode", async (ctx) => {
    requireChromium(ctx);
    const path = join(dir, "capacity-by-plan.html");
    await writeFileAtomic(path, report.html);
    const summary = await checkReportInBrowser(path, join(ARTIFACTS, "capacity-by-plan.png"));
    expect(summary.figures).toBe(3 + payingPlanIds.length + 1); // curve, heat map, cost; one balance figure per plan; slow sender
    expect(summary.csvLinks).toBe(7);
    expect(summary.drawnMarks).toBeGreaterThan(300);
    expect(summary.legendEntries).toBeGreaterThanOrEqual(payingPlanIds.length + 3 + 2); // the curve's plans; grant, spend, refund; at least grant and expire for the slow sender
    // At 1280 px the page was 8,845 px tall before it was laid out answer-first; the aim was under half that, with nothing
    // removed. The team planner's cost table (every plan under both rule sets) adds about 300 px: still well under 60%.
    expect(summary.heightPx).toBeLessThan(8845 * 0.6);
    expect(existsSync(join(ARTIFACTS, "capacity-by-plan.png"))).toBe(true);
  });
});

describe("capacity-by-plan from the command line", () => {
  it("writes the report where --out says and prints its path, and only that, on stdout", () => {
    const dir = mkdtempSync(join(tmpdir(), "capacity-by-plan-cli-"));
    try {
      const out = join(dir, "report.html");
      const r = runTsx("notebooks/capacity-by-plan.ts", ["--out", out, "--workers", "1", "--set", "accounts=3", "--set", "replications=2"]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${out}\n`);
      const html = readFileSync(out, "utf8");
      expect(html).toContain("npx tsx notebooks/capacity-by-plan.ts --set accounts=3 --set replications=2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("bad --set → exit 2 and one line naming the parameter, the value and what is allowed", () => {
    const r = runTsx("notebooks/capacity-by-plan.ts", ["--set", "responseRate=1.5"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^notebooks\/capacity-by-plan\.ts: responseRate: 1\.5 is not allowed; expected a number from 0\.001 to 0\.95.*\n$/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const plan = runTsx("notebooks/capacity-by-plan.ts", ["--set", "heatmapPlan=basic"]);
    expect(plan.status).toBe(2);
    expect(plan.stderr).toMatch(/heatmapPlan: "basic" is not allowed; expected one of premium-career, premium-business, sales-navigator, recruiter-lite, recruiter/);
  });
});
