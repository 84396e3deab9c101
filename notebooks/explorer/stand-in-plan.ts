/**
 * A stand-in for the team planner (scenarios/team-plan.ts, not written yet) with its
 * shape — `teamParams`, `planTeam(values) → { runs }`, `teamResult(plan, tallies)` —
 * so the explorer's build, worker and page can be made and tested before it lands.
 * Replaced by the real planner, then removed.
 */
import { summarize } from "../../models/summary.ts";
import type { Tally } from "../../models/tally.ts";
import type { ModelRun } from "../../runner/run-models.ts";
import type { ParamSpec, ParamValues } from "../../scenarios/params.ts";
import { buildModel, scenarioParams } from "../../scenarios/scenario.ts";

export const teamParams: ParamSpec[] = [
  { name: "seats", kind: "integer", min: 1, max: 1000, default: 10, description: "seats in the team" },
  { name: "responseRate", kind: "number", min: 0, max: 0.99, default: 0.18, description: "share of InMails answered today" },
  ...scenarioParams("recruiter").filter((s) => !["accounts", "audience.responseRate"].includes(s.name)),
];

export interface TeamPlan {
  readonly values: ParamValues;
  readonly runs: ModelRun[];
}

export function planTeam(values: ParamValues): TeamPlan {
  const runs = (["guide", "linkedin"] as const).map((policy) => {
    const b = buildModel({
      ...values,
      policy,
      accounts: values.seats!,
      "audience.responseRate": values.responseRate!,
    });
    return { model: b.model, seed: b.seed, accounts: b.accounts, replications: b.replications };
  });
  return { values, runs };
}

export function teamResult(plan: TeamPlan, tallies: Tally[][]) {
  return {
    seats: plan.values.seats,
    policies: tallies.map((t, i) => {
      const s = summarize(t);
      return { policy: i === 0 ? "guide" : "linkedin", capacity: s.capacity, conversationsPerSeatMonth: s.positivesPerCycle };
    }),
  };
}
