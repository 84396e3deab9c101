/**
 * The run-size estimate: events within a factor of about 2 of those simulated (a pooled
 * Recruiter contract and a team of single seats, with follow-ups), a pooled contract's
 * events costed by its size (measured in bench/run-estimate.ts), and a refusal that
 * speaks in the command's own inputs.
 */
import { describe, expect, it } from "vitest";
import { resolve } from "../../experiments/inputs/params.ts";
import { planTeam, teamSizeWords } from "../../experiments/team/team-plan.ts";
import { teamParams } from "../../experiments/team/team-params.ts";
import { estimateRuns, limitSeconds, poolSlowdown, refuseTooLarge } from "../../runner/run-estimate.ts";
import { runModels } from "../../runner/run-models.ts";

const team = (...sets: string[]) => planTeam(resolve(teamParams, sets));

describe("run estimate", () => {
  it("counts a team's events within a factor of 2 of those simulated, pooled or not, with follow-ups", async () => {
    for (const plan of [team("plan=recruiter", "seats=40", "months=3", "replications=2", "followUps.count=2"), team("plan=sales-navigator", "seats=5", "months=3", "replications=2")]) {
      const estimate = estimateRuns(plan.runs, 1);
      const tallies = await runModels(plan.runs, { workers: 1, label: "test" });
      let events = 0;
      for (const t of tallies.flat()) {
        events += t.cycles * plan.runs[0]!.accounts;
        for (let c = 0; c < t.cycles; c++) events += t.perCycle.sends[c]! + t.perCycle.followUpsSent[c]! + t.perCycle.positives[c]!;
      }
      expect(estimate.events / events).toBeGreaterThan(0.8);
      expect(estimate.events / events).toBeLessThan(2);
    }
  });

  it("costs an event of a pooled contract more as the pool grows, one of a single account as measured", () => {
    expect(poolSlowdown(1)).toBe(1);
    const sizes = [2, 10, 100, 1000, 10_000];
    const costs = sizes.map(poolSlowdown);
    costs.slice(1).forEach((c, i) => expect(c).toBeGreaterThan(costs[i]!));
    // Measured on one thread: 0.24 M events/s at 10,000 seats, against 5 M for single accounts (×21).
    expect(poolSlowdown(10_000)).toBeGreaterThan(15);
    // The same events take longer pooled: 10,000 seats on one contract, or 10,000 single seats.
    const pooled = estimateRuns(team("plan=recruiter", "seats=10000", "months=120").runs, 1);
    expect(pooled.seconds).toBeGreaterThan(limitSeconds);
  });

  it("refuses a team's run in the team's words: seats, months, replications", () => {
    const plan = team("plan=recruiter", "seats=10000", "months=120");
    let message = "";
    try {
      refuseTooLarge(estimateRuns(plan.runs, 2, teamSizeWords), false);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^run too large: about .* events \(seats=10,000 × replications=20 × months=120 × ~\d+ events per seat-month, pooled in contracts of 10,000 seats/);
    expect(message).toContain("lower seats, months or replications");
    expect(message).not.toMatch(/accounts=|cycles=/);
  });
});
