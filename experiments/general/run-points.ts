/**
 * Runs several configurations of the general scenario — points, each a set of
 * dotted-path overrides of one set of base values — as one batch of jobs on the
 * worker pool, under one progress bar (`runModels`). Every point keeps the base seed,
 * so the k-th recipient of account i in replication r draws the same response at every
 * point (common random numbers): two points with the same accounts and replications
 * pair replication by replication (`pairedDifference` in sweep.ts). Sweeps and the
 * notebooks run their points here.
 */
import type { Tally } from "../../models/index.ts";
import { checkValue, InputError, type ParamSpec, type ParamValue, type ParamValues } from "../inputs/params.ts";
import { runModels } from "../../runner/run-models.ts";
import { scenarioResult, type ScenarioResult } from "./run-scenario.ts";
import { buildModel, type BuiltScenario } from "./scenario.ts";

export type PointOverrides = Readonly<Record<string, ParamValue>>;

export interface PointRun {
  /** Resolved values of the point (base + overrides). */
  readonly values: ParamValues;
  readonly built: BuiltScenario;
  readonly result: ScenarioResult;
  /** One tally per replication, summing the point's accounts (seats). */
  readonly tallies: readonly Tally[];
}

export interface PointsOptions {
  /** Threads that simulate (1: this thread alone). */
  readonly workers: number;
  /** Progress bar label (stderr, terminals only). */
  readonly label: string;
  /** Run even when the estimate is above the limit (`--big`); default: refused. */
  readonly big?: boolean;
}

/** Points resolved and built, ready to run: every InputError has been thrown by now. */
export interface PlannedPoints {
  /** Per point given, the index of its distinct configuration. */
  readonly index: readonly number[];
  /** The distinct configurations (identical points run once). */
  readonly distinct: readonly { readonly values: ParamValues; readonly built: BuiltScenario }[];
}

/** Resolves a point's values: each override checked against its spec (InputError when bad). */
export function pointValues(specs: readonly ParamSpec[], base: ParamValues, overrides: PointOverrides): ParamValues {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values: ParamValues = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    const spec = byName.get(name);
    if (!spec) throw new InputError(`${name}: unknown scenario parameter`);
    values[name] = checkValue(spec, value);
  }
  return values;
}

/**
 * Resolves and builds every point (InputError when one is bad); runs nothing.
 * `onBuilt` sees each distinct point as it is built (a size check may stop the planning).
 */
export function planPoints(specs: readonly ParamSpec[], base: ParamValues, points: readonly PointOverrides[], onBuilt?: (built: BuiltScenario) => void): PlannedPoints {
  const resolved = points.map((p) => pointValues(specs, base, p));
  const keys = resolved.map((v) => JSON.stringify(Object.entries(v).map(([k, x]) => [k, x === Infinity ? "Infinity" : x])));
  const first = new Map<string, number>();
  const distinct: { values: ParamValues; built: BuiltScenario }[] = [];
  const index = keys.map((k, i) => {
    let d = first.get(k);
    if (d === undefined) {
      d = distinct.length;
      first.set(k, d);
      const built = buildModel(resolved[i]!);
      onBuilt?.(built);
      distinct.push({ values: resolved[i]!, built });
    }
    return d;
  });
  return { index, distinct };
}

/**
 * Runs planned points; results in the order of the points given (identical points
 * share one run).
 */
export async function runPlannedPoints(name: string, planned: PlannedPoints, options: PointsOptions): Promise<PointRun[]> {
  const { distinct } = planned;
  const tallies = await runModels(
    distinct.map(({ built }) => ({ model: built.model, seed: built.seed, accounts: built.accounts, replications: built.replications })),
    options,
  );
  const runs = distinct.map(({ values, built }, i): PointRun => ({
    values,
    built,
    result: scenarioResult(name, values, built, tallies[i]!),
    tallies: tallies[i]!,
  }));
  return planned.index.map((d) => runs[d]!);
}

/** Runs every point (identical points once); results in the order of `points`. */
export async function runPoints(name: string, specs: readonly ParamSpec[], base: ParamValues, points: readonly PointOverrides[], options: PointsOptions): Promise<PointRun[]> {
  return runPlannedPoints(name, planPoints(specs, base, points), options);
}
