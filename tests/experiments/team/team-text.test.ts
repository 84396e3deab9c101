/**
 * The team planner's words: a seat count is singular for one seat wherever the text
 * prints it (the command's header, a team's name, the target's answer).
 */
import { describe, expect, it } from "vitest";
import { resolve } from "../../../experiments/inputs/params.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { planTeam } from "../../../experiments/team/team-plan.ts";
import { teamResult } from "../../../experiments/team/team-result.ts";
import { seatsText, teamText } from "../../../experiments/team/team-text.ts";
import { runModels } from "../../../runner/run-models.ts";

async function text(sets: readonly string[]): Promise<string> {
  const plan = planTeam(resolve(teamParams, ["months=2", "replications=2", ...sets]));
  return teamText(teamResult(plan, await runModels(plan.runs, { workers: 1, label: "test" })));
}

describe("seat counts in the team planner's text", () => {
  it("seatsText is singular for one seat only", () => {
    expect([0, 1, 2, 10_000].map(seatsText)).toEqual(["0 seats", "1 seat", "2 seats", "10000 seats"]);
  });

  it.each([
    ["premium-career", "Premium Career, 1 individual seat"],
    ["recruiter", "Recruiter (Corporate), one contract pooling 1 seat "],
  ])("one seat of %s: '1 seat' in the header and the team's name, never '1 seats'", async (plan, name) => {
    const out = await text(["seats=1", `plan=${plan}`]);
    expect(out.split("\n")[0]).toMatch(/^Team planner — 1 seat; /);
    expect(out).toContain(name);
    expect(out).not.toMatch(/\b1 seats\b/);
  });

  it("a target met by one seat says '1 seat of'", async () => {
    const out = await text(["seats=1", "plan=sales-navigator", "target=1"]);
    expect(out).toMatch(/(at most )?1 seat of /);
    expect(out).not.toMatch(/\b1 seats\b/);
  });
});
