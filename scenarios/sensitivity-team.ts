/**
 * The team model the sensitivity analysis varies: a team of `seats` seats on one plan,
 * built from the general scenario's parameters (`buildModel`), with the assumptions in
 * force (`assumptionInputs`) as its uncertain inputs. Outputs, per replication: team
 * conversations per month (positive answers: accepted or replied; a month is one grant
 * cycle), cost per conversation (price per seat-month × seats ÷ team conversations per
 * month, USD) and the capacity multiplier (InMails delivered per account per month ÷
 * the account's monthly credits).
 *
 * Individual seats (Recruiter Lite, Premium, Sales Navigator) are simulated as `seats`
 * accounts per team; a pooled plan (Recruiter) as one contract of `seats` seats. Each
 * point runs `teams` teams × `replications`; every point of a block shares the block's
 * seed (common random numbers), blocks have their own. All points of a stage run as
 * one batch through `runModels`, on every core (and on whatever executor it is given).
 *
 * This adapter builds on the general scenario; the team planner's `planTeam` can take
 * its place behind the same `SensitivityModel` interface.
 */
import type { PointOutputs, SensitivityModel } from "../analysis/sensitivity-analysis.ts";
import { plans, summarize, type PlanId, type Tally } from "../models/index.ts";
import { runModels, type ModelRun, type RunOptions } from "../runner/run-models.ts";
import { assumptionInputs, withBuiltInputs, withParamInputs, type AssumptionInput } from "./assumption-ranges.ts";
import { InputError, type ParamValues } from "./params.ts";
import { buildModel, type BuiltScenario } from "./scenario.ts";

export interface TeamSetup {
  /** General-scenario values (plan, policy, sender, audience, …). */
  readonly values: ParamValues;
  readonly seats: number;
  /** Teams simulated per point and replication. */
  readonly teams: number;
  readonly seed: number | string;
  /**
   * Parameters the user set: a rate the user gives is the one they observe, so an
   * assumption input on such a parameter is held at their value, not varied.
   */
  readonly fixed: ReadonlySet<string>;
  /** How `runModels` runs the batches (threads, progress label, executor). */
  readonly run: Omit<RunOptions, "label">;
}

export const teamOutputs = [
  { id: "conversationsPerMonth", label: "team conversations per month", unit: "conversations per team per month" },
  { id: "costPerConversation", label: "cost per conversation", unit: "USD per conversation" },
  { id: "capacityMultiplier", label: "capacity multiplier", unit: "InMails delivered per month ÷ monthly credits" },
] as const;

/** The values for one account (individual seat) or one pooled contract of the team. */
function unitValues(values: ParamValues, seats: number): ParamValues {
  const pooled = plans[values.plan as PlanId].pooled;
  return { ...values, "contract.seats": pooled ? seats : 1 };
}

/** Builds the team's base scenario; InputError for combinations that cannot be. */
export function buildTeam(setup: TeamSetup): { built: BuiltScenario; inputs: AssumptionInput[]; accountsPerTeam: number } {
  const built = buildModel(unitValues(setup.values, setup.seats));
  const inputs = assumptionInputs(built).filter((i) => i.target.kind !== "param" || !setup.fixed.has(i.target.path));
  if (inputs.length < 2) {
    throw new InputError(`the team has ${inputs.length} assumption${inputs.length === 1 ? "" : "s"} left to vary once your values are held; expected at least 2`);
  }
  return { built, inputs, accountsPerTeam: built.seats > 1 ? 1 : setup.seats };
}

function meanAndVariance(values: readonly number[]): { mean: number; meanVariance: number } {
  const r = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / r;
  const s2 = r > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (r - 1) : 0;
  return { mean, meanVariance: s2 / r };
}

/** The three outputs of one point from its replication tallies. */
export function teamPointOutputs(b: BuiltScenario, seats: number, accountsPerTeam: number, tallies: readonly Tally[]): PointOutputs {
  const s = summarize(tallies);
  const creditsPerAccount = b.credits * b.seats;
  const conversations = s.replications.positives.map((p) => p * accountsPerTeam);
  const cost = conversations.map((c) => (c > 0 ? (b.price.usd * seats) / c : b.price.usd * seats));
  const multiplier = s.replications.capacity.map((c) => c / creditsPerAccount);
  const parts = [conversations, cost, multiplier].map(meanAndVariance);
  return { mean: parts.map((p) => p.mean), meanVariance: parts.map((p) => p.meanVariance) };
}

/** The team as a sensitivity model over the assumptions in force. */
export function teamModel(setup: TeamSetup): SensitivityModel & { readonly assumptionInputs: readonly AssumptionInput[]; readonly accountsPerPoint: number } {
  const { inputs, accountsPerTeam } = buildTeam(setup);
  const base = unitValues(setup.values, setup.seats);
  const accounts = setup.teams * accountsPerTeam;
  return {
    inputs: inputs.map((i) => ({ id: i.id, label: i.label, distribution: i.distribution })),
    outputs: teamOutputs,
    stochastic: true,
    assumptionInputs: inputs,
    accountsPerPoint: accounts,
    async evaluate(blocks, { stage, replications }) {
      const points = blocks.map((block, bi) =>
        block.map((x) => {
          const built = withBuiltInputs(buildModel(withParamInputs(base, inputs, x)), inputs, x);
          const run: ModelRun = { model: built.model, seed: `${setup.seed}/${stage}/${bi}`, accounts, replications };
          return { built, run };
        }),
      );
      const tallies = await runModels(points.flat().map((p) => p.run), { ...setup.run, label: `sensitivity: ${stage}` });
      let next = 0;
      return points.map((block) => block.map((p) => teamPointOutputs(p.built, setup.seats, accountsPerTeam, tallies[next++]!)));
    },
  };
}
