import { describe, expect, it } from "vitest";
import type { Tally } from "../../../models/tally.ts";
import { runModels } from "../../../runner/run-models.ts";
import { InputError } from "../../../experiments/inputs/params.ts";
import { planTeam } from "../../../experiments/team/team-plan.ts";
import { teamResult } from "../../../experiments/team/team-result.ts";
import { teamText } from "../../../experiments/team/team-text.ts";
import { runTsx } from "../../support/run-cli.ts";

const small = { seats: 2, months: 3, replications: 4 };
const total = (t: Tally, f: keyof Tally["perCycle"]) => t.perCycle[f].reduce((a, x) => a + x, 0);

describe("the team planner with follow-ups: should my team send them?", () => {
  it("runs the team with 0, 1 and 2 follow-ups on the same seed, and pairs each with none", async () => {
    const plan = planTeam({ ...small, plan: "sales-navigator", "followUps.count": 1, "followUps.afterDays": 7 });
    // The team as asked (1 follow-up), and the same team with 0 and with 2.
    expect(plan.info.map((i) => [i.role, i.followUps])).toEqual([
      ["team", 1],
      ["follow-ups", 0],
      ["follow-ups", 2],
    ]);
    expect(new Set(plan.runs.map((r) => r.seed)).size).toBe(1);
    const tallies = await runModels(plan.runs, { workers: 1, label: "test" });
    const r = teamResult(plan, tallies);
    const fu = r.followUps!;
    expect(fu.rows.map((row) => row.followUps)).toEqual([0, 1, 2]);
    const [none, one] = fu.rows;
    expect(one!.followUpsSent!.mean).toBeGreaterThan(0);
    expect(none!.followUpsSent!.mean).toBe(0);
    // The team's own figures are the 1-follow-up row's (the same run).
    expect(one!.conversations!.mean).toBeCloseTo(r.plans[0]!.perTeamPerMonth.conversations.mean, 9);
    // The paired difference, worked out from the tallies replication by replication.
    const perMonth = (ts: readonly Tally[]) => ts.map((t) => total(t, "positives") / t.cycles);
    const a = perMonth(tallies[0]!);
    const b = perMonth(tallies[1]!);
    const diffs = a.map((x, i) => x - b[i]!);
    expect(one!.vsNoFollowUps!.conversations.mean).toBeCloseTo(diffs.reduce((s, x) => s + x, 0) / diffs.length, 9);
    // Credits follow-ups used: taken for them less given back, per team per month.
    const used = tallies[0]!.map((t) => (total(t, "followUpCredits") - total(t, "followUpRefunds")) / t.cycles);
    expect(one!.followUpCreditsUsed!.mean).toBeCloseTo(used.reduce((s, x) => s + x, 0) / used.length, 9);
    // Every credit taken (first InMails and follow-ups) is in the team's credits used: the identity holds.
    const m = r.plans[0]!.perTeamPerMonth;
    const held = r.plans[0]!.creditsHeldAtEnd.mean;
    expect((m.creditsGranted.mean + m.creditsRefunded.mean - m.creditsUsed.mean - m.creditsLost.mean) * small.months).toBeCloseTo(held, 6);
    expect(fu.answers).toHaveLength(1);
    const text = teamText(r);
    expect(text).toMatch(/should the team send follow-ups\? \(7 days apart/);
    expect(text).toContain(`Sales Navigator   linkedin   1`);
    expect(r.assumptions.some((x) => x.startsWith("follow-up response probability"))).toBe(true);
  });

  it("among all plans, Premium's follow-ups are refused (answer/75) and not run; asked for alone, they are bad input", () => {
    const plan = planTeam({ ...small, "followUps.count": 1 });
    const premium = plan.followUpCells!.filter((c) => c.plan.startsWith("premium-"));
    expect(premium.map((c) => [c.followUps, c.run === null])).toEqual([
      [0, false],
      [1, true],
      [2, true],
      [0, false],
      [1, true],
      [2, true],
    ]);
    expect(plan.info.filter((i) => i.plan.startsWith("premium-")).every((i) => i.followUps === 0)).toBe(true);
    expect(() => planTeam({ ...small, plan: "premium-career", "followUps.count": 1 })).toThrow(InputError);
    const allowed = planTeam({ ...small, plan: "premium-career", "followUps.count": 1, "followUps.premiumRule": "allowed" });
    expect(allowed.info.map((i) => i.followUps)).toEqual([1, 0, 2]);
  });

  it("the best plan is the cheapest configuration per conversation over every plan and follow-up count, named with its count", async () => {
    const plan = planTeam({ ...small, plan: "all", "followUps.count": 2 });
    const r = teamResult(plan, await runModels(plan.runs, { workers: 1, label: "test" }));
    const shown = r.followUps!.rows.filter((row) => row.allowed && row.costPerConversationUsd !== null);
    const cheapest = [...shown].sort((a, b) => a.costPerConversationUsd!.mean - b.costPerConversationUsd!.mean)[0]!;
    const best = r.best[0]!;
    expect([best.plan, best.followUps, best.costPerConversationUsd]).toEqual([cheapest.plan, cheapest.followUps, cheapest.costPerConversationUsd!.mean]);
    // No configuration the page or command shows is cheaper than the one the headline names.
    for (const row of shown) expect(row.costPerConversationUsd!.mean).toBeGreaterThanOrEqual(best.costPerConversationUsd);
    const words = best.followUps === 0 ? "no follow-ups" : `${best.followUps} follow-up${best.followUps > 1 ? "s" : ""} per contact`;
    const line = teamText(r)
      .split("\n")
      .find((l) => l.startsWith("best plan under"))!;
    expect(line).toContain(`${cheapest.planName} with ${words} at `);
    const asked = shown.find((row) => row.plan === best.plan && row.followUps === 2);
    if (best.followUps !== 2 && asked) expect(line).toContain("with the 2 follow-ups per contact asked, $");
  });

  it("without follow-ups the result has no follow-up section and no extra runs", () => {
    const plan = planTeam({ ...small, plan: "sales-navigator" });
    expect(plan.runs).toHaveLength(1);
    expect(plan.followUpCells).toBeNull();
  });

  it("acceptance: team.ts --set plan=sales-navigator --set followUps.count=1 --set followUps.afterDays=7 --json", () => {
    const args = ["--set", "plan=sales-navigator", "--set", "followUps.count=1", "--set", "followUps.afterDays=7"];
    const r = runTsx("scenarios/team.ts", [...args, "--set", "replications=3", "--set", "months=3", "--workers", "1", "--json"]);
    expect(r.status).toBe(0);
    const fu = JSON.parse(r.stdout).followUps;
    const one = fu.rows.find((row: { followUps: number }) => row.followUps === 1);
    expect(one.followUpsSent.mean).toBeGreaterThan(0);
    expect(one.followUpCreditsUsed.mean).toBeGreaterThan(0);
    expect(one.conversations.mean).toBeGreaterThan(0);
    expect(one.vsNoFollowUps.conversations.ci95).toHaveLength(2);
  });
});
