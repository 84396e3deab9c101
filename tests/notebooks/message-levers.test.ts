import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leverEffects } from "../../models/index.ts";
import { computeMessageLevers, messageLevers, messageLeversPage, messageLeversParamsFrom, type MessageLeversResults } from "../../notebooks/message-levers.ts";
import { notebookProvenance, resolveNotebookParams } from "../../cli/notebook-cli.ts";
import { renderPage, writeFileAtomic } from "../../reports/index.ts";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "../support/browser-check.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";
import { runTsx } from "../support/run-cli.ts";
import { expectNoBrokenNumbers, renderNotebook } from "../support/notebook-test-helpers.ts";

async function run(sets: readonly string[]): Promise<{ results: MessageLeversResults; html: string }> {
  const values = resolveNotebookParams(messageLevers, sets);
  const results = await computeMessageLevers(messageLeversParamsFrom(values), { workers: 2 });
  return { results, html: renderPage(messageLeversPage(results, notebookProvenance(messageLevers, values, undefined))) };
}

const span = (r: MessageLeversResults, key: string) => {
  const l = r.levers.find((x) => x.key === key)!;
  return Math.abs(l.high.positives.mean - (l.low ?? r.base).positives.mean);
};

describe("message-levers notebook", () => {
  const dir = mkdtempSync(join(tmpdir(), "message-levers-"));
  let report: { results: MessageLeversResults; html: string };
  beforeAll(async () => {
    report = await run(["accounts=50", "replications=4", "seed=2"]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("orders the tornado's bars by span, widest first", () => {
    const doc = parseMarkup(report.html);
    const labels = texts(doc, '#section-1 g[aria-label="y-axis tick label"] text');
    expect(labels).toHaveLength(report.results.levers.length);
    const spans = labels.map((label) => span(report.results, report.results.levers.find((l) => label.startsWith(leverName(l.key)))!.key));
    expect(spans).toEqual([...spans].sort((a, b) => b - a));
  });

  it("reproduces LinkedIn's length bands: short ÷ long replies per InMail ≈ 1.22 ÷ 0.89, and each band ≈ its multiplier", () => {
    // LinkedIn's published multipliers (its 2022 recruiter study: up to 400, 401–800, 801–1,200, over 1,200 characters), typed here, not read from the model.
    expect(report.results.bands.map((b) => b.multiplier)).toEqual([1.22, 1.03, 0.94, 0.89]);
    expect(report.results.bands.map((b) => b.maxChars)).toEqual([400, 800, 1200, Infinity]);
    const length = report.results.levers.find((l) => l.key === "length")!;
    const ratio = length.high.perInmail.mean / length.low!.perInmail.mean;
    expect(Math.abs(ratio / (1.22 / 0.89) - 1)).toBeLessThan(0.04);
    for (const b of report.results.bands) expect(Math.abs(b.setting.perInmail.mean / b.expectedPerInmail - 1)).toBeLessThan(0.04);
  });

  it("with sending fixed by demand, the length bar spans 1.22 and 0.89 of a neutral base; with credits binding, refunds amplify it", async () => {
    // Recruiter seats (150 credits) answered often enough to reach their 200 a month whatever the message.
    const { results } = await run(["plan=recruiter", "responseRate=0.3", "accounts=30", "replications=3"]);
    // The rate typed is the one the base message gets (the team planner's reading): its band's ×1.03 is divided out.
    expect(results.baseResponseRate).toBe(0.3);
    expect(results.audienceRate * results.baseMultiplier).toBeCloseTo(0.3, 9);
    const length = results.levers.find((l) => l.key === "length")!;
    const base = results.base.positives.mean;
    const neutral = base / results.baseMultiplier; // the base message is in the ×1.03 band
    for (const s of [length.high, length.low!]) expect(Math.abs(s.inmails.mean / results.base.inmails.mean - 1)).toBeLessThan(0.005);
    expect(Math.abs(length.high.positives.mean / neutral / 1.22 - 1)).toBeLessThan(0.04);
    expect(Math.abs(length.low!.positives.mean / neutral / 0.89 - 1)).toBeLessThan(0.04);
    // Recruiter Lite (30 credits, the default) sends more InMails with the short message.
    const lite = report.results.levers.find((l) => l.key === "length")!;
    expect(lite.high.inmails.mean).toBeGreaterThan(lite.low!.inmails.mean);
    expect(lite.high.positives.mean / lite.low!.positives.mean).toBeGreaterThan(1.22 / 0.89);
  });

  it("pairs every setting with the base: an assumed lever's paired CI excludes zero and is much narrower than the replies' CIs", () => {
    const personalised = report.results.levers.find((l) => l.key === "personalised")!;
    const d = personalised.high.vsBase!;
    expect(d.ci95[0]).toBeGreaterThan(0);
    const unpairedWidth = personalised.high.positives.ci95[1] - personalised.high.positives.ci95[0] + (report.results.base.positives.ci95[1] - report.results.base.positives.ci95[0]);
    expect(d.ci95[1] - d.ci95[0]).toBeLessThan(unpairedWidth);
  });

  it("labels every assumed lever size ASSUMED and only the length bands and the weekday pattern LinkedIn's", () => {
    const doc = parseMarkup(report.html);
    const labels = texts(doc, '#section-1 g[aria-label="y-axis tick label"] text');
    for (const l of report.results.levers) {
      const label = labels.find((x) => x.startsWith(leverName(l.key)))!;
      const assumed = l.key !== "length" && l.key !== "weekday";
      expect(l.assumption).toBe(assumed);
      expect(label).toMatch(assumed ? /ASSUMED$/ : /LinkedIn$/);
    }
    for (const id of ["specificSubject", "mutualGround", "clearCallToAction", "personalised", "openToWorkTarget", "offPeak"] as const) {
      expect(leverEffects[id].assumption).toBe(true);
    }
    expect(texts(doc, "#section-1 td").filter((t) => t.endsWith("ASSUMED")).length).toBe(6);
    expectNoBrokenNumbers(report.html);
  });

  it("shows fewer replies per InMail on Friday and Saturday than midweek", () => {
    const day = (wd: number) => report.results.weekdays.find((d) => d.weekday === wd)!;
    const mid = [2, 3, 4].map(day);
    const midRate = mid.reduce((s, d) => s + d.positives, 0) / mid.reduce((s, d) => s + d.inmails, 0);
    expect(day(6).positives / day(6).inmails).toBeLessThan(0.97 * midRate);
    expect(day(6).expectedPerInmail / day(2).expectedPerInmail).toBeCloseTo(0.9, 9);
    expect(day(5).expectedPerInmail / day(2).expectedPerInmail).toBeCloseTo(0.95, 9);
  });

  it("passes the browser check, and is byte-identical for the same seed", async (ctx) => {
    const tiny = ["accounts=4", "replications=2"];
    expect(await renderNotebook(messageLevers, tiny, 1)).toBe(await renderNotebook(messageLevers, tiny, 2));
    requireChromium(ctx);
    const path = join(dir, "message-levers.html");
    await writeFileAtomic(path, report.html);
    const summary = await checkReportInBrowser(path, join(ARTIFACTS, "message-levers.png"));
    expect(summary.figures).toBe(3); // tornado, length bands, weekdays
    expect(summary.csvLinks).toBe(3);
  });

  it("bad --set → exit 2 and one line naming the parameter, the value and what is allowed", () => {
    const r = runTsx("notebooks/message-levers.ts", ["--set", "persona=robot"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^notebooks\/message-levers\.ts: persona: "robot" is not allowed; expected one of recruiter, seller, job-seeker\n$/);
  });
});

/** The start of a lever's tornado label. */
function leverName(key: string): string {
  return {
    length: "Length",
    specificSubject: "Specific subject",
    mutualGround: "Mutual ground",
    clearCallToAction: "Clear call",
    personalised: "Personalised",
    openToWorkTarget: "Open to Work",
    weekday: "Weekday",
    offPeak: "Off-peak",
  }[key]!;
}
