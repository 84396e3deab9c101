import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeJobSeeker, jobSeekerNotebook, jobSeekerPage, jobSeekerParamsFrom, type JobSeekerResults } from "../../notebooks/job-seeker.ts";
import { notebookProvenance, resolveNotebookParams } from "../../cli/notebook-cli.ts";
import { renderPage, writeFileAtomic } from "../../reports/index.ts";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "../support/browser-check.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";
import { runTsx } from "../support/run-cli.ts";
import { segments, type SegmentId } from "../../models/index.ts";
import { runModels } from "../../runner/run-models.ts";
import { jobSeeker } from "../../experiments/general/presets.ts";
import { defaults } from "../../experiments/inputs/params.ts";
import { scenarioParams } from "../../experiments/general/scenario.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { planTeam } from "../../experiments/team/team-plan.ts";
import { teamResult } from "../../experiments/team/team-result.ts";
import { expectNoBrokenNumbers, renderNotebook } from "../support/notebook-test-helpers.ts";

const small = ["accounts=60", "replications=4", "months=18", "seed=4"];

describe("job-seeker notebook", () => {
  const dir = mkdtempSync(join(tmpdir(), "job-seeker-"));
  let results: JobSeekerResults;
  let html: string;
  const option = (id: string) => results.options.find((o) => o.id === id)!;
  beforeAll(async () => {
    const values = resolveNotebookParams(jobSeekerNotebook, small);
    results = await computeJobSeeker(jobSeekerParamsFrom(values), { workers: 2 });
    html = renderPage(jobSeekerPage(results, notebookProvenance(jobSeekerNotebook, values, undefined)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the team planner's numbers for the same inputs (one job seeker = a team of one seat)", async () => {
    const p = results.params;
    const teamNames = new Set(teamParams.map((s) => s.name));
    // The job-seeker persona's general parameters, as the notebook has them.
    const persona = Object.fromEntries(
      scenarioParams("job-seeker", jobSeeker.defaults)
        .filter((s) => teamNames.has(s.name) && !["seed", "replications", "plan", "policy"].includes(s.name))
        .map((s) => [s.name, s.default]),
    );
    const segment = segments[persona["audience.segment"] as SegmentId];
    const plan = planTeam({
      ...defaults(teamParams),
      ...persona,
      plan: "premium-career",
      policy: p.policy,
      seats: p.accounts,
      replications: p.replications,
      months: p.months,
      seed: p.seed,
      responseRate: p.responseRate,
      positiveShare: segment.mix.accepted + segment.mix.replied,
      sendsPerWorkingDay: p.sendsPerWorkingDay,
      workdays: scenarioParams("job-seeker").find((s) => s.name === "sender.workdays")!.default,
      demandPerSeat: p.demandPerSeat,
      "price.premium-career": p.priceUsd,
    });
    const team = teamResult(plan, await runModels(plan.runs, { label: "test", workers: 2 })).plans[0]!;
    const inmail = option("premium-inmail");
    expect(team.perSeatPerMonth.conversations).toEqual(inmail.conversations);
    expect(team.perSeatPerMonth.inmailsDelivered).toEqual(inmail.inmails);
    expect(team.costPerConversationUsd).toEqual(inmail.costPerConversation);
  });

  it("connection requests only: no InMail, no credit spent, free, and acceptance × reply conversations per invitation", () => {
    const free = option("basic-connections");
    expect(free.inmails.mean).toBe(0);
    expect(free.creditsSpent).toBe(0);
    expect(free.creditsRefunded).toBe(0);
    expect(free.priceUsd).toBe(0);
    expect(free.fromInmail).toBe(0);
    expect(free.connectionRequests).toBeCloseTo(results.params.demandPerSeat, 0);
    const perInvitation = free.conversations.mean / free.connectionRequests;
    expect(Math.abs(perInvitation / (results.params.acceptRate * results.params.connectionReplyRate) - 1)).toBeLessThan(0.1);
  });

  it("InMail only: one credit per InMail, no invitations, conversations at the response rate × the positive share", () => {
    const inmail = option("premium-inmail");
    expect(inmail.connectionRequests).toBe(0);
    expect(inmail.fromConnections).toBe(0);
    expect(inmail.creditsSpent).toBeCloseTo(inmail.inmails.mean, 9);
    // 5 credits a month plus the refunds (spent after the next grant): the ledger spends at most what it was granted and refunded.
    expect(inmail.inmails.mean).toBeGreaterThan(results.premiumCredits);
    expect(inmail.inmails.mean).toBeLessThanOrEqual(results.premiumCredits + inmail.creditsRefunded + 1e-9);
    const perInmail = inmail.conversations.mean / inmail.inmails.mean;
    expect(Math.abs(perInmail / (results.params.responseRate * results.positiveShare) - 1)).toBeLessThan(0.12);
    expect(inmail.costPerConversation!.mean).toBeGreaterThan(results.params.priceUsd / inmail.conversations.ci95[1] - 1e-9);
  });

  it("the fallback sends InMail first, then invitations, and beats InMail alone", () => {
    const both = option("premium-fallback");
    const inmail = option("premium-inmail");
    expect(both.connectionRequests).toBeGreaterThan(0);
    expect(both.inmails.mean).toBeCloseTo(inmail.inmails.mean, 0);
    expect(both.creditsSpent).toBeLessThanOrEqual(results.premiumCredits + both.creditsRefunded + 1e-9);
    expect(both.inmails.mean + both.connectionRequests).toBeCloseTo(results.params.demandPerSeat, 0);
    expect(both.conversations.ci95[0]).toBeGreaterThan(inmail.conversations.ci95[1]);
    expect(both.fromInmail + both.fromConnections).toBeCloseTo(both.conversations.mean, 1);
  });

  it("months to the target match the conversation rate, and the faster option gets there sooner", () => {
    const k = results.params.targetTotal;
    const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const o of results.options) {
      const m = median(o.monthsToTarget);
      if (Number.isFinite(m)) expect(Math.abs((m * o.conversations.mean) / k - 1)).toBeLessThan(0.3);
      const cumulative = o.cumulative.map((e) => e.mean);
      expect(cumulative).toEqual([...cumulative].sort((a, b) => a - b));
    }
    expect(median(option("premium-fallback").monthsToTarget)).toBeLessThan(median(option("premium-inmail").monthsToTarget));
  });

  it("connection requests grow with the acceptance rate; InMail alone with the response rate only", () => {
    const free = results.grid.filter((g) => g.option === "basic-connections").sort((a, b) => a.acceptRate - b.acceptRate);
    const means = free.map((g) => g.conversations.mean);
    expect(means).toEqual([...means].sort((a, b) => a - b));
    const inmail = results.grid.filter((g) => g.option === "premium-inmail").sort((a, b) => a.responseRate - b.responseRate);
    expect(inmail.map((g) => g.conversations.mean)).toEqual(inmail.map((g) => g.conversations.mean).sort((a, b) => a - b));
    expect(new Set(inmail.map((g) => g.acceptRate)).size).toBe(1);
  });

  it("the page states the grid's own runs: half the replications (at least 2) over a year, not the headline's 4 over 18 months", () => {
    expect(results.gridReplications).toBe(2);
    expect(results.gridMonths).toBe(12);
    const text = texts(parseMarkup(html), "section p").join(" ");
    expect(text).toContain("(2 replications of 60 job seekers over 12 months per point)");
  });

  it("says why Basic cannot send InMail, labels the price and the assumptions, and shows no broken number", () => {
    expectNoBrokenNumbers(html);
    const text = texts(parseMarkup(html), "section p").join(" ");
    expect(text).toContain("Basic cannot send InMail: a free (Basic) account has 0 credits (guide G2)");
    expect(text).toMatch(/illustrative/);
    expect(text).toMatch(/only 5 invitations a month \(help a550555\)/);
    expect(text).toMatch(/at most 200 characters \(this one: 180\)/);
  });

  it("passes the browser check, and is byte-identical for the same seed", async (ctx) => {
    const tiny = ["accounts=5", "replications=2", "months=4"];
    expect(await renderNotebook(jobSeekerNotebook, tiny, 1)).toBe(await renderNotebook(jobSeekerNotebook, tiny, 2));
    requireChromium(ctx);
    const path = join(dir, "job-seeker.html");
    await writeFileAtomic(path, html);
    const summary = await checkReportInBrowser(path, join(ARTIFACTS, "job-seeker.png"));
    expect(summary.figures).toBe(2); // cumulative conversations, acceptance × response grid
    expect(summary.csvLinks).toBe(3);
  });

  it("bad --set → exit 2 with one line: a note too long for a free account, a bad number", () => {
    const note = runTsx("notebooks/job-seeker.ts", ["--set", "noteChars=250"]);
    expect(note.status).toBe(2);
    expect(note.stdout).toBe("");
    expect(note.stderr).toMatch(
      /^notebooks\/job-seeker\.ts: noteChars: 250 is not allowed; expected an integer from 0 to 200 \(a free \(Basic\) account's invitation note allows at most 200 characters; Premium allows 300\)\n$/,
    );
    const rate = runTsx("notebooks/job-seeker.ts", ["--set", "acceptRate=abc"]);
    expect(rate.status).toBe(2);
    expect(rate.stderr).toMatch(/^notebooks\/job-seeker\.ts: acceptRate: "abc" is not a number; expected a number from 0 to 1, in decimal notation \(e\.g\. 12, 0\.25 or 1e6\)\n$/);
  });
});
