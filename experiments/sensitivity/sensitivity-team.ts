/**
 * The team model the sensitivity analysis varies: the team planner's team
 * (`planTeam` in team-plan.ts builds its run, `teamResult` in team-result.ts its figures) on one plan
 * under one policy, with the assumptions in force (`assumption-ranges.ts`) as its
 * uncertain inputs. Outputs, as the team planner defines them (GLOSSARY.md): team
 * conversations per month, cost per conversation (USD; the team's cost a month ÷ its
 * conversations a month, replication by replication) and the capacity multiplier
 * (InMails delivered per team per month ÷ the team's monthly credits).
 *
 * Each point is the team run `replications` times (a replication is one whole team);
 * every point of a design block runs with the block's seed (common random numbers),
 * blocks with their own. All points of a stage run as one batch through `runModels`,
 * on every core (and on whatever executor its options name).
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { quantile } from "../../analysis/input-distribution.ts";
import type { PointOutputs, SensitivityModel } from "../../analysis/sensitivity-analysis.ts";
import type { AccountModel } from "../../models/account-simulation.ts";
import type { MeanCi } from "../../sim/mean-ci.ts";
import { runModels, type ModelRun, type RunOptions } from "../../runner/run-models.ts";
import { rangeOf, withModelInputs, withValueInputs, type AssumptionInput, type AssumptionRange } from "./assumption-ranges.ts";
import { InputError, type ParamValues } from "../inputs/params.ts";
import { followUpAssumptions, modelAssumptions } from "../general/run-scenario.ts";
import { planTeam, type TeamPlan } from "../team/team-plan.ts";
import { teamResult } from "../team/team-result.ts";

export interface TeamSetup {
  /** The team planner's values (one plan, one policy). */
  readonly values: ParamValues;
  readonly seed: number | string;
  /**
   * Parameters the user set: a rate the user gives is the one they observe, so an
   * assumption input on such a parameter is held at their value, not varied.
   */
  readonly fixed: ReadonlySet<string>;
  /** How `runModels` runs the batches (threads, executor). */
  readonly run: Omit<RunOptions, "label">;
}

export const teamOutputs = [
  { id: "conversationsPerMonth", label: "team conversations per month", unit: "conversations per team per month" },
  { id: "costPerConversation", label: "cost per conversation", unit: "USD per conversation" },
  { id: "capacityMultiplier", label: "capacity multiplier", unit: "InMails delivered per team per month ÷ the team's monthly credits" },
] as const;

/** The team's single run (one plan, one policy, no target); InputError when the values ask for more. */
function teamRun(values: ParamValues): { plan: TeamPlan; run: ModelRun } {
  for (const [name, all] of [
    ["plan", "all"],
    ["policy", "both"],
  ] as const) {
    if (values[name] === all) throw new InputError(`${name}: ${JSON.stringify(all)} is not allowed here; expected one ${name} (the analysis varies the assumptions of one team)`);
  }
  const plan = planTeam({ ...values, target: "none" });
  return { plan, run: plan.runs[0]! };
}

/** The assumptions in force for the team: the general labels of its model, and the team planner's own. */
export function teamAssumptions(values: ParamValues, model: AccountModel, plan: TeamPlan): string[] {
  const p = String(values.plan) as keyof TeamPlan["settings"]["prices"];
  const leversOn = ["message.specificSubject", "message.mutualGround", "message.clearCallToAction", "message.personalised", "audience.openToWork"].some((k) => values[k] === true);
  const labels = [...modelAssumptions(model, { priceIllustrative: plan.settings.prices[p].illustrative, leversOn }), ...followUpAssumptions(model.followUps, p)];
  if (p === "recruiter" && values["rules.credits"] === "plan") labels.push("Recruiter: 150 credits per seat a month (LinkedIn's 2014 figure; contracts are negotiated)");
  return labels;
}

/** The team's uncertain inputs, and the assumptions in force that it holds (with the reason). */
export function teamInputs(setup: Pick<TeamSetup, "values" | "fixed">): { inputs: AssumptionInput[]; held: { assumption: string; reason: string }[] } {
  const { plan, run } = teamRun(setup.values);
  const ranges: AssumptionRange[] = teamAssumptions(setup.values, run.model, plan).map(rangeOf);
  const held = ranges.filter((r) => r.notVaried !== undefined).map((r) => ({ assumption: r.labels[0]!, reason: r.notVaried! }));
  const inputs = ranges
    .filter((r) => r.notVaried === undefined)
    .flatMap((r) => r.inputs)
    .filter((i) => i.target.kind !== "param" || !setup.fixed.has(i.target.path));
  for (const i of ranges.flatMap((r) => r.inputs)) {
    if (i.target.kind === "param" && setup.fixed.has(i.target.path)) held.push({ assumption: i.label, reason: `your value: ${String(setup.values[i.target.path])}` });
  }
  if (inputs.length < 2) {
    throw new InputError(`the team has ${inputs.length} assumption${inputs.length === 1 ? "" : "s"} left to vary once your values are held; expected at least 2`);
  }
  return { inputs, held };
}

/** Mean and variance of the mean from a Student-t 95% CI over `n` replications. */
function fromCi(e: MeanCi, n: number, scale = 1): { mean: number; meanVariance: number } {
  const se = n > 1 ? (e.ci95[1] - e.mean) / tQuantile(0.975, n - 1) : 0;
  return { mean: e.mean * scale, meanVariance: (se * scale) ** 2 };
}

/** The three outputs of one point from the team planner's result of its run. */
export function teamPointOutputs(plan: TeamPlan, run: ModelRun, tallies: readonly import("../../models/tally.ts").Tally[]): PointOutputs {
  const r = teamResult(plan, [tallies]).plans[0]!;
  const n = tallies.length;
  const month = r.perTeamPerMonth;
  const conversations = fromCi(month.conversations, n);
  const cost = r.costPerConversationUsd ? fromCi(r.costPerConversationUsd, n) : { mean: month.costUsd / Math.max(1e-9, month.conversations.mean), meanVariance: 0 };
  const credits = run.model.rules.creditsPerCycle * run.accounts;
  const multiplier = fromCi(month.inmailsDelivered, n, 1 / credits);
  const parts = [conversations, cost, multiplier];
  return { mean: parts.map((p) => p.mean), meanVariance: parts.map((p) => p.meanVariance) };
}

/** The team as a sensitivity model over the assumptions in force. */
export function teamModel(setup: TeamSetup): SensitivityModel & {
  readonly assumptionInputs: readonly AssumptionInput[];
  readonly held: readonly { readonly assumption: string; readonly reason: string }[];
  readonly accountsPerPoint: number;
  /** The team's run at the values given (before any input is varied). */
  readonly baseRun: ModelRun;
} {
  const { inputs, held } = teamInputs(setup);
  const base = teamRun(setup.values);
  // Every point must be a team the planner accepts: try the corners of the ranges before anything runs.
  for (const u of [0, 1]) {
    const x = inputs.map((i) => quantile(i.distribution, u));
    try {
      teamRun(withValueInputs(setup.values, inputs, x));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      throw new InputError(`${err.message} (with every assumption at the ${u === 0 ? "low" : "high"} end of its range)`);
    }
  }
  return {
    inputs: inputs.map((i) => ({ id: i.id, label: i.label, distribution: i.distribution })),
    outputs: teamOutputs,
    stochastic: true,
    assumptionInputs: inputs,
    held,
    accountsPerPoint: base.run.accounts,
    baseRun: base.run,
    async evaluate(blocks, { stage, replications }) {
      const points = blocks.map((block, bi) =>
        block.map((x) => {
          const values = { ...withValueInputs(setup.values, inputs, x), replications };
          const { plan, run } = teamRun(values);
          const model = withModelInputs(run.model, values, inputs, x);
          return { plan, run: { ...run, model, seed: `${setup.seed}/${stage}/${bi}`, replications } };
        }),
      );
      const tallies = await runModels(
        points.flat().map((p) => p.run),
        { ...setup.run, label: `sensitivity: ${stage}` },
      );
      let next = 0;
      return points.map((block) => block.map((p) => teamPointOutputs(p.plan, p.run, tallies[next++]!)));
    },
  };
}
