/**
 * Runs several configurations of the general scenario — points, each a set of
 * dotted-path overrides of one set of base values — as one batch of jobs on the
 * worker pool, under one progress bar. Every point keeps the base seed, so the k-th
 * recipient of account i in replication r draws the same response at every point
 * (common random numbers): two points with the same accounts and replications pair
 * replication by replication (`pairedDifference` in scenarios/sweep.ts).
 */
import { planChunks, tallyByReplication, type Chunk, type Tally } from "../models/index.ts";
import { checkValue, InputError, type ParamSpec, type ParamValue, type ParamValues } from "../scenarios/params.ts";
import { runJobs, type Job } from "../scenarios/pool.ts";
import { chunkAccounts, scenarioResult, type ScenarioResult } from "../scenarios/run-scenario.ts";
import { buildModel, type BuiltScenario } from "../scenarios/scenario.ts";

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

/** Runs every point (identical points once); results in the order of `points`. */
export async function runPoints(
  name: string,
  specs: readonly ParamSpec[],
  base: ParamValues,
  points: readonly PointOverrides[],
  options: PointsOptions,
): Promise<PointRun[]> {
  const resolved = points.map((p) => pointValues(specs, base, p));
  const keys = resolved.map((v) => JSON.stringify(Object.entries(v).map(([k, x]) => [k, x === Infinity ? "Infinity" : x])));
  const distinct = [...new Map(keys.map((k, i) => [k, resolved[i]!])).entries()];
  const jobs: Job[] = [];
  const spans: { built: BuiltScenario; chunks: Chunk[]; from: number }[] = [];
  for (const [, values] of distinct) {
    const built = buildModel(values);
    const chunks = planChunks(built.accounts, built.replications, chunkAccounts);
    spans.push({ built, chunks, from: jobs.length });
    for (const chunk of chunks) jobs.push({ model: built.model, seed: built.seed, chunk });
  }
  const started = performance.now();
  const tallies = await runJobs(jobs, { workers: options.workers, progress: { label: options.label } });
  const wallSeconds = (performance.now() - started) / 1000;
  const byKey = new Map<string, PointRun>();
  distinct.forEach(([key, values], i) => {
    const { built, chunks, from } = spans[i]!;
    const perReplication = tallyByReplication(built.model.cycles, built.replications, chunks, tallies.slice(from, from + chunks.length));
    byKey.set(key, {
      values,
      built,
      result: scenarioResult(name, values, built, perReplication, wallSeconds / distinct.length),
      tallies: perReplication,
    });
  });
  return keys.map((k) => byKey.get(k)!);
}
