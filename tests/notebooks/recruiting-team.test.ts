import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans } from "../../models/index.ts";
import { notebookProvenance, resolveNotebookParams } from "../../cli/notebook-cli.ts";
import { computeRecruitingTeam, recruitingTeam, recruitingTeamPage, recruitingTeamParamsFrom, type RecruitingTeamResults } from "../../notebooks/recruiting-team.ts";
import { floorResponseRates, floorSendsPerDay } from "../../notebooks/recruiting-team/compute.ts";
import { renderPage, writeFileAtomic } from "../../reports/index.ts";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "../support/browser-check.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";
import { runTsx } from "../support/run-cli.ts";
import { runModels } from "../../runner/run-models.ts";
import { defaults } from "../../experiments/inputs/params.ts";
import { recruiting } from "../../experiments/general/presets.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { planTeam } from "../../experiments/team/team-plan.ts";
import { teamResult } from "../../experiments/team/team-result.ts";
import { expectNoBrokenNumbers, renderNotebook } from "../support/notebook-test-helpers.ts";

const small = ["accounts=10", "replications=3", "teamReplications=6", "target=60", "seed=3"];

describe("recruiting-team notebook", () => {
  const dir = mkdtempSync(join(tmpdir(), "recruiting-team-"));
  let results: RecruitingTeamResults;
  let html: string;
  beforeAll(async () => {
    const values = resolveNotebookParams(recruitingTeam, small);
    results = await computeRecruitingTeam(recruitingTeamParamsFrom(values), { workers: 2 });
    html = renderPage(recruitingTeamPage(results, notebookProvenance(recruitingTeam, values, undefined)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the team planner's numbers for the same inputs: per seat (Recruiter Lite) and per team (a Recruiter contract)", async () => {
    const p = results.params;
    const same = {
      ...defaults(teamParams),
      ...recruiting.defaults,
      policy: p.policy,
      responseRate: p.responseRate,
      sendsPerWorkingDay: p.sendsPerWorkingDay,
      demandPerSeat: p.demandPerSeat,
      months: 12,
      seed: p.seed,
      "price.recruiter": p.prices.recruiter,
    };
    const lite = planTeam({ ...same, plan: "recruiter-lite", seats: p.accounts, replications: p.replications });
    const liteResult = teamResult(lite, await runModels(lite.runs, { label: "test", workers: 2 }));
    const single = results.singles.find((s) => s.plan === "recruiter-lite" && s.responseRate === p.responseRate)!;
    expect(liteResult.plans[0]!.perSeatPerMonth.conversations).toEqual(single.conversations);
    expect(liteResult.plans[0]!.perSeatPerMonth.inmailsDelivered).toEqual(single.inmails);
    const sized = results.sizing.find((s) => s.plan === "recruiter" && s.criterion === "mean" && s.responseRate === p.responseRate)!.team!;
    const contract = planTeam({ ...same, plan: "recruiter", seats: sized.seats, replications: p.teamReplications });
    const team = teamResult(contract, await runModels(contract.runs, { label: "test", workers: 2 })).plans[0]!;
    expect(team.perTeamPerMonth.conversations).toEqual(sized.team);
    expect(team.costPerConversationUsd!.mean).toBe(sized.costPerConversation);
  });

  it("sizes each team as the smallest that reaches the target: seats × conversations per seat ≥ target, one seat fewer < target", () => {
    const target = results.params.target;
    expect(results.sizing.filter((s) => s.criterion === "mean")).toHaveLength(results.rates.length * 2);
    for (const s of results.sizing) {
      expect(s.team, `${s.plan} at ${s.responseRate}`).not.toBeNull();
      const team = s.team!;
      if (s.criterion === "mean") {
        expect(team.seats * team.conversationsPerSeat.mean).toBeGreaterThanOrEqual(target - 1e-9);
        expect(team.team.mean).toBeCloseTo(team.seats * team.conversationsPerSeat.mean, 9);
        if (team.seats > 1) expect(s.smaller!.team.mean).toBeLessThan(target);
      } else {
        expect(team.shareMonthsReaching).toBeGreaterThanOrEqual(results.params.monthsReaching);
        if (team.seats > 1) expect(s.smaller!.shareMonthsReaching).toBeLessThan(results.params.monthsReaching);
        const mean = results.sizing.find((m) => m.plan === s.plan && m.criterion === "mean" && m.responseRate === s.responseRate)!;
        expect(team.seats).toBeGreaterThanOrEqual(mean.team!.seats);
      }
      expect(team.monthlyCostUsd).toBeCloseTo(team.seats * results.params.prices[s.plan], 9);
    }
  });

  it("gives Lite seats their own 30 credits and pools the Recruiter contract's credits; pooling does not lose conversations", () => {
    for (const s of results.singles) expect(s.creditsPerSeat).toBe(s.plan === "recruiter" ? 150 : plans["recruiter-lite"].creditsPerMonth);
    const rate = results.params.responseRate;
    const pooled = results.sizing.find((s) => s.plan === "recruiter" && s.criterion === "mean" && s.responseRate === rate)!.team!;
    expect(pooled.seats).toBeGreaterThan(1);
    expect(pooled.creditsPerSeat).toBeCloseTo(150, 9); // the pool is granted 150 × seats
    const own = results.singles.find((s) => s.plan === "recruiter" && s.responseRate === rate)!;
    expect(pooled.conversationsPerSeat.mean).toBeGreaterThan(0.95 * own.conversations.mean);
    // A Recruiter seat (150 credits) far outdoes a Lite seat (30), so it takes far fewer seats.
    const lite = results.sizing.find((s) => s.plan === "recruiter-lite" && s.criterion === "mean" && s.responseRate === rate)!.team!;
    expect(lite.seats).toBeGreaterThan(2 * pooled.seats);
  });

  it("simulates the response rate asked for, as the floor counts it", () => {
    for (const s of results.singles) expect(Math.abs(s.realisedRate - s.responseRate)).toBeLessThan(0.1 * s.responseRate);
  });

  it("warns seats that send enough at low response rates, not at high ones, and never below 100 InMails a fortnight", () => {
    const at = (rate: number, spd: number) => results.floor.find((f) => f.responseRate === rate && f.sendsPerDay === spd)!.seat;
    const low = Math.min(...floorResponseRates);
    const high = Math.max(...floorResponseRates);
    // An assessed fortnight (≥ 100 InMails) warns when fewer than 13% are answered by the check day. With the assumed
    // lognormal delay (median 1.5 days, σ 1.2) about 80% of the answers to a fortnight's sends are in by then, so a 20% seat
    // shows about 16% and is warned with probability P(Binomial(100, 0.16) < 13) ≈ 0.16 (0.24 at 80 InMails), a 6% seat
    // (about 4.8%) with probability ≈ 1. Refunds give the 20% seat somewhat more assessed fortnights, hence 0.4 (seeded: 0.16–0.27).
    for (const spd of floorSendsPerDay.filter((s) => s >= 10)) {
      expect(at(low, spd).warningsPerSeatYear).toBeGreaterThan(1);
      expect(at(high, spd).warningsPerSeatYear).toBeLessThan(0.4 * at(low, spd).warningsPerSeatYear);
    }
    // At 5 a day a seat sends about 50 InMails a fortnight: never assessed.
    for (const rate of floorResponseRates) expect(at(rate, 5).warningsPerSeatYear).toBe(0);
    // Single Recruiter seats: warned at 8%, not at 30%; Lite seats (about 40 InMails a month) never.
    const single = (plan: "recruiter" | "recruiter-lite", rate: number) => results.singles.find((s) => s.plan === plan && s.responseRate === rate)!;
    expect(single("recruiter", 0.08).warningsPerSeatYear).toBeGreaterThan(1);
    expect(single("recruiter", 0.3).warningsPerSeatYear).toBeLessThan(0.2);
    for (const s of results.singles.filter((x) => x.plan === "recruiter-lite")) expect(s.warningsPerSeatYear).toBe(0);
  });

  it("labels built-in prices illustrative and writes every sentence from numbers", () => {
    expectNoBrokenNumbers(html);
    const doc = parseMarkup(html);
    const text = texts(doc, "section p").join(" ");
    expect(text).toMatch(/\$119\.95 a seat, illustrative/);
    expect(text).toMatch(/\$999\.99 a seat, illustrative/);
    const lite = results.sizing.find((s) => s.plan === "recruiter-lite" && s.criterion === "mean" && s.responseRate === results.params.responseRate)!.team!;
    expect(text).toContain(`takes ${lite.seats} seats of Recruiter Lite`);
    expect(texts(doc, "#section-1 tbody tr")).toHaveLength(4);
  });

  it("is byte-identical for the same seed, whatever the number of workers", async () => {
    const tiny = ["accounts=3", "replications=2", "teamReplications=2", "target=30"];
    const a = await renderNotebook(recruitingTeam, tiny, 1);
    const b = await renderNotebook(recruitingTeam, tiny, 2);
    expect(b).toBe(a);
  });

  it("passes the browser check: no console errors, drawn marks, no overflow, CSV links decode", async (ctx) => {
    requireChromium(ctx);
    const path = join(dir, "recruiting-team.html");
    await writeFileAtomic(path, html);
    const summary = await checkReportInBrowser(path, join(ARTIFACTS, "recruiting-team.png"));
    // Per seat, cost, floor warnings; days restricted only when they reach a day a seat a year (below that the chart would show noise).
    const restricted = Math.max(...results.floor.map((r) => r.seat.daysRestrictedPerSeatYear));
    expect(summary.figures).toBe(restricted >= 1 ? 4 : 3);
    expect(summary.legendEntries).toBeGreaterThanOrEqual(2 + 2 + 4); // per seat (Recruiter lines merged when they coincide), cost, send rates
    expect(summary.csvLinks).toBe(4);
    expect(summary.drawnMarks).toBeGreaterThan(50);
  });

  it("bad --set → exit 2 and one line naming the parameter, the value and what is allowed", () => {
    const r = runTsx("notebooks/recruiting-team.ts", ["--set", "responseRate=1.5"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^notebooks\/recruiting-team\.ts: responseRate: 1\.5 is not allowed; expected a number from 0\.001 to 0\.95, or segment\n$/);
  });
});
