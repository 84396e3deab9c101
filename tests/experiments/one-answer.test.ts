/**
 * One question, one answer: for each question a lead asks, every surface that answers it
 * reports the same numbers — byte-equal where it is the same run (the planner in process,
 * the team command's JSON and text, the team page), within the CI where it is not (another
 * notebook's own simulation). A table of questions; a surface that drifts fails its row.
 */
import { describe, expect, it } from "vitest";
import { teamCli } from "../../scenarios/team.ts";
import { teamNotebook } from "../../notebooks/team.ts";
import { sensitivity } from "../../notebooks/sensitivity.ts";
import { computeJobSeeker, jobSeekerParams, jobSeekerParamsFrom } from "../../notebooks/job-seeker.ts";
import { reproduceCommand } from "../../cli/notebook-cli.ts";
import { resolve, type ParamValues } from "../../experiments/inputs/params.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { planTeam } from "../../experiments/team/team-plan.ts";
import { teamResult, type TeamPlanResult, type TeamResult } from "../../experiments/team/team-result.ts";
import { teamText } from "../../experiments/team/team-text.ts";
import { renderPage } from "../../reports/index.ts";
import { usd } from "../../reports/number-format.ts";
import { runModels } from "../../runner/run-models.ts";
import { defaultTexts, parseTexts } from "../../notebooks/explorer/input-state.ts";
import { teamCommand } from "../../notebooks/explorer/team-command.ts";
import { segments } from "../../models/audiences.ts";
import type { MeanCi } from "../../sim/mean-ci.ts";

const small = ["replications=4", "months=3"];

/** The team planner in this process. */
async function planner(sets: readonly string[]): Promise<TeamResult> {
  const plan = planTeam(resolve(teamParams, sets));
  return teamResult(plan, await runModels(plan.runs, { workers: 1, label: "test" }));
}

/** The team command's JSON and text, as `scenarios/team.ts --json` computes them. */
async function command(sets: readonly string[]): Promise<{ json: TeamResult; text: string }> {
  const prepared = teamCli.prepare(resolve(teamParams, sets));
  const out = await prepared.run({ workers: 2, big: false });
  return { json: out.json as TeamResult, text: out.text };
}

/** The team page's text. */
async function teamPageText(sets: readonly string[]): Promise<string> {
  const values = resolve(teamNotebook.params, sets);
  const page = await teamNotebook.run(values, { workers: 1, provenance: { scenario: "team", params: values, seed: 1, replications: 4, command: "test" } });
  return renderPage(page)
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

const row = (t: TeamResult, plan: string, policy = "linkedin") => t.plans.find((r) => r.plan === plan && r.policy === policy)!;
const figures = (r: TeamPlanResult) => ({
  conversations: r.perTeamPerMonth.conversations,
  inmails: r.perTeamPerMonth.inmailsDelivered,
  cost: r.costPerConversationUsd,
  limit: r.limitText,
});
/** Two estimates agree within their CIs: the gap is no more than the two half-widths together. */
const withinCi = (a: MeanCi, b: MeanCi) => Math.abs(a.mean - b.mean) <= (a.ci95[1] - a.ci95[0]) / 2 + (b.ci95[1] - b.ci95[0]) / 2;

interface Question {
  readonly question: string;
  readonly check: () => Promise<void>;
}

const questions: Question[] = [
  {
    question: "a 6-seat Recruiter Lite team at 18%: planner, command JSON, command text and team page",
    check: async () => {
      const sets = ["seats=6", "plan=recruiter-lite", "responseRate=18%", ...small];
      const p = await planner(sets);
      const c = await command(sets);
      expect(c.json).toEqual(p);
      const r = row(p, "recruiter-lite");
      const cost = usd(r.costPerConversationUsd!.mean);
      expect(c.text).toContain(`${cost} (`);
      expect(c.text).toContain(r.limitText);
      expect(await teamPageText(sets)).toContain(cost);
    },
  },
  {
    question: "the same team on every plan: each plan's row is the run of that plan alone",
    check: async () => {
      const all = await planner(["seats=6", "plan=all", "responseRate=18%", ...small]);
      for (const plan of ["recruiter-lite", "sales-navigator", "premium-career"]) {
        const alone = await planner(["seats=6", `plan=${plan}`, "responseRate=18%", ...small]);
        expect(figures(row(all, plan))).toEqual(figures(row(alone, plan)));
      }
    },
  },
  {
    question: "a job seeker on Premium Career at 10%: the job-seeker page and the planner, within their CIs",
    check: async () => {
      const js = await computeJobSeeker(jobSeekerParamsFrom(resolve(jobSeekerParams, ["responseRate=10%", "replications=4", "accounts=100", "months=12"])), { workers: 2 });
      const inmail = js.options.find((o) => o.id === "premium-inmail")!;
      // Both are the ratio of totals: the price ÷ mean conversations a month.
      expect(inmail.costPerConversation!.mean).toBeCloseTo(inmail.priceUsd / inmail.conversations.mean, 9);
      const p = row(await planner(["seats=1", "plan=premium-career", "responseRate=10%", "replications=20"]), "premium-career");
      expect(p.costPerConversationUsd!.mean).toBeCloseTo(p.priceUsdPerSeatPerMonth / p.perSeatPerMonth.conversations.mean, 9);
      const asCi = (e: { mean: number; ci95: readonly [number, number] }): MeanCi => ({ mean: e.mean, ci95: [e.ci95[0], e.ci95[1]] });
      expect(withinCi(asCi(inmail.costPerConversation!), p.costPerConversationUsd!)).toBe(true);
    },
  },
  {
    question: "a 60-conversation target: the command's JSON, its text and the team page name the same cheapest team",
    check: async () => {
      const sets = ["seats=6", "target=60", ...small];
      const c = await command(sets);
      const cheapest = c.json.target!.cheapest.find((x) => x.policy === "linkedin")!.onAverage!;
      const words = `${cheapest.atMost ? "at most " : ""}${cheapest.seats} seats of`;
      expect(c.text).toContain(words);
      expect(c.text).toContain(usd(cheapest.costUsdPerMonth!));
      expect(await teamPageText(sets)).toContain(usd(cheapest.costUsdPerMonth!));
    },
  },
  {
    question: "4 Sales Navigator reps with one follow-up: the comparison's numbers in the JSON and the text",
    check: async () => {
      const sets = ["seats=4", "plan=sales-navigator", "followUps.count=1", ...small];
      const c = await command(sets);
      expect(c.json).toEqual(await planner(sets));
      const one = c.json.followUps!.rows.find((r) => r.followUps === 1)!;
      expect(c.text).toContain(usd(one.costPerConversationUsd!.mean));
      // The follow-ups' cost per conversation is the ratio of totals too: cost ÷ mean conversations.
      expect(one.costPerConversationUsd!.mean).toBeCloseTo((4 * row(c.json, "sales-navigator").priceUsdPerSeatPerMonth) / one.conversations!.mean, 9);
    },
  },
  {
    question: "a team at a rate equal to the default: typed or not, the same answer, and the value typed is held",
    check: async () => {
      const typed = await planner(["responseRate=18%", "plan=recruiter-lite", ...small]);
      const untyped = await planner(["plan=recruiter-lite", ...small]);
      // The same numbers; only what the rate is said to be differs: typed, or the segment's (assumed).
      expect(typed.plans).toEqual(untyped.plans);
      expect(typed.best).toEqual(untyped.best);
      expect([typed.settings.responseRate, typed.settings.responseRateFrom, typed.params.responseRate]).toEqual([0.18, "typed", 0.18]);
      expect([untyped.settings.responseRate, untyped.settings.responseRateFrom, untyped.params.responseRate]).toEqual([0.18, "segment", "segment"]);
      const sets = ["responseRate=18%"];
      const values: ParamValues = resolve(sensitivity.params, sets);
      expect(values.responseRate).toBe(0.18);
      expect(teamParams.find((s) => s.name === "responseRate")!.default).toBe("segment");
      expect(reproduceCommand(sensitivity, values, sets)).toContain("--set responseRate=0.18");
    },
  },
  {
    question: "4 Sales Navigator reps contacting executives, no rate typed: the segment's rate in the planner, command JSON and text, the team page and the explorer's command",
    check: async () => {
      const sets = ["seats=4", "plan=sales-navigator", "audience.segment=executives", ...small];
      const p = await planner(sets);
      const c = await command(sets);
      expect(c.json).toEqual(p);
      // The executives' figures, said to be theirs — not the default segment's.
      const executives = segments.executives;
      expect(p.settings).toMatchObject({ segment: "executives", responseRate: executives.responseRate, responseRateFrom: "segment", positiveShareFrom: "segment" });
      expect(p.settings.positiveShare).toBeCloseTo(executives.mix.accepted + executives.mix.replied, 12);
      const r = row(p, "sales-navigator");
      expect(r.observedResponseRate).toBeGreaterThan(0.06);
      expect(r.observedResponseRate).toBeLessThan(0.14);
      const cost = usd(r.costPerConversationUsd!.mean);
      const said = "response rate 10.0% (the executives segment's, assumed)";
      expect(c.text).toContain(said);
      expect(c.text).toContain(`${cost} (`);
      const page = await teamPageText(sets);
      expect(page).toContain(cost);
      expect(page).toContain(said.replace("response rate", "Response rate"));
      // The explorer with the same fields: its command line is these settings, with no rate in it, and gives this JSON.
      const texts = { ...defaultTexts(teamParams), seats: "4", plan: "sales-navigator", "audience.segment": "executives", replications: "4", months: "3" };
      const parsed = parseTexts(teamParams, texts);
      if (!parsed.ok) throw new Error("the explorer's fields do not parse");
      const line = teamCommand(teamParams, parsed.values);
      expect(line).not.toMatch(/responseRate|positiveShare/);
      const fromLine = [...line.matchAll(/--set (\S+)/g)].map((m) => m[1]!);
      expect((await command(fromLine)).json).toEqual(p);
    },
  },
];

describe("one question, one answer across surfaces", () => {
  it.each(questions.map((q) => [q.question, q] as const))(
    "%s",
    async (_, q) => {
      await q.check();
    },
    120_000,
  );
});
