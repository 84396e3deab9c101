/**
 * Sweeps: a grid over any scenario parameters × replications, with common random
 * numbers. Every grid point runs with the same seed, so the same recipient draws
 * the same response whatever the plan or policy, and differences between points are
 * paired: the difference of two points is computed replication by replication and
 * its CI is far narrower than that of two independent runs.
 *
 * Results are tidy arquero tables: `rows` has one row per grid point × replication ×
 * cycle (per-account means of every count), `summary` one row per grid point.
 */
import type * as aq from "arquero";
import { estimate, tallyFields, type Estimate } from "../../models/index.ts";
import { InputError, parseValue, type ParamSpec, type ParamValue, type ParamValues } from "../inputs/params.ts";
import { defaultWorkers } from "../../runner/pool.ts";
import { planPoints, runPlannedPoints, type PlannedPoints } from "./run-points.ts";
import type { ScenarioResult } from "./run-scenario.ts";
import type { BuiltScenario } from "./scenario.ts";
import { MICRODAYS_PER_DAY } from "../../models/tally.ts";

export interface GridAxis {
  readonly name: string;
  readonly values: readonly ParamValue[];
}

export interface SweepPoint {
  readonly index: number;
  /** The axis values of this point. */
  readonly at: Record<string, ParamValue>;
  readonly result: ScenarioResult;
  /** Paired difference from point 0 (the baseline), per replication. */
  readonly vsBaseline: { capacity: Estimate; positives: Estimate } | null;
}

export interface SweepResult {
  readonly scenario: string;
  readonly axes: readonly GridAxis[];
  readonly points: readonly SweepPoint[];
  readonly rows: aq.ColumnTable;
  readonly summary: aq.ColumnTable;
}

/** Parses `name=v1,v2,…` into an axis, each value checked against its spec. */
export function parseAxis(specs: readonly ParamSpec[], text: string): GridAxis {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new InputError(`--grid ${JSON.stringify(text)}: expected name=value1,value2,…`);
  const name = text.slice(0, eq).trim();
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new InputError(`${name}: unknown parameter; allowed: ${specs.map((s) => s.name).join(", ")}`);
  const values = text
    .slice(eq + 1)
    .split(",")
    .map((v) => parseValue(spec, v));
  if (values.length === 0) throw new InputError(`--grid ${name}: give at least one value`);
  return { name, values };
}

/** Every combination of the axes' values, first axis slowest. */
export function gridPoints(axes: readonly GridAxis[]): Record<string, ParamValue>[] {
  let points: Record<string, ParamValue>[] = [{}];
  for (const axis of axes) points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.name]: v })));
  return points;
}

export interface SweepOptions {
  workers?: number;
  /** Run even when the estimate is above the limit (`--big`). */
  big?: boolean;
}

/** A sweep resolved and built, ready to run: every InputError has been thrown by now. */
export interface SweepPlan {
  readonly scenario: string;
  readonly axes: readonly GridAxis[];
  /** The axis values of each grid point. */
  readonly at: readonly Record<string, ParamValue>[];
  readonly points: PlannedPoints;
}

/**
 * Resolves and builds every grid point (InputError when one is bad); runs nothing.
 * `guard` sees each distinct point's size as it is built (see planningGuard).
 */
export function planSweep(scenario: string, specs: readonly ParamSpec[], base: ParamValues, axes: readonly GridAxis[], guard?: (points: number) => (built: BuiltScenario) => void): SweepPlan {
  const at = gridPoints(axes);
  return { scenario, axes, at, points: planPoints(specs, base, at, guard?.(at.length)) };
}

/** Runs every grid point on the pool (one batch of jobs) and pairs the points. */
export async function runSweep(scenario: string, specs: readonly ParamSpec[], base: ParamValues, axes: readonly GridAxis[], options: SweepOptions = {}): Promise<SweepResult> {
  return runSweepPlan(planSweep(scenario, specs, base, axes), options);
}

/** Runs a planned sweep (one batch of jobs) and pairs the points. */
export async function runSweepPlan(plan: SweepPlan, options: SweepOptions = {}): Promise<SweepResult> {
  const { scenario, axes, at: points } = plan;
  const results = (await runPlannedPoints(scenario, plan.points, { workers: options.workers ?? defaultWorkers(), label: scenario, big: options.big ?? false })).map((run) => ({
    perRep: run.tallies,
    result: run.result,
  }));
  // Loaded once the simulation is done: merely loading arquero slows a simulating thread (~15%).
  const arquero = await import("arquero");

  const baseline = results[0]!.result;
  const sweepPoints: SweepPoint[] = results.map(({ result }, i) => ({
    index: i,
    at: points[i]!,
    result,
    vsBaseline: i === 0 ? null : pairedDifference(result, baseline),
  }));

  // Tidy rows: point × replication × cycle, per-account means.
  const cols: Record<string, (number | string | boolean)[]> = { point: [] };
  for (const a of axes) cols[a.name] = [];
  cols.replication = [];
  cols.cycle = [];
  // Follow-up columns only when a point sends follow-ups (the tables stay as they were without).
  const withFollowUps = results.some(({ result }) => result.followUps !== undefined);
  const fields = tallyFields.filter((f) => withFollowUps || !f.startsWith("followUp"));
  for (const f of fields) cols[rowColumn(f)] = [];
  results.forEach(({ perRep }, i) => {
    perRep.forEach((t, r) => {
      for (let c = 0; c < t.cycles; c++) {
        cols.point!.push(i);
        for (const a of axes) cols[a.name]!.push(points[i]![a.name]!);
        cols.replication!.push(r);
        cols.cycle!.push(c + 1);
        for (const f of fields) {
          const scale = f.endsWith("Microdays") ? MICRODAYS_PER_DAY : 1;
          cols[rowColumn(f)]!.push(t.perCycle[f][c]! / scale / t.accounts);
        }
      }
    });
  });

  const summaryCols: Record<string, (number | string | boolean | null)[]> = { point: [] };
  for (const a of axes) summaryCols[a.name] = [];
  const axisNames = new Set(axes.map((a) => a.name));
  const add = (k: string, v: number | string | boolean | null) => {
    if (!axisNames.has(k)) (summaryCols[k] ??= []).push(v);
  };
  for (const p of sweepPoints) {
    summaryCols.point!.push(p.index);
    for (const a of axes) summaryCols[a.name]!.push(jsonValue(p.at[a.name]!));
    const r = p.result;
    add("plan", r.plan);
    add("policy", r.policy);
    add("credits", r.credits);
    add("capacity", r.capacity.mean);
    add("capacityLo", r.capacity.ci95[0]);
    add("capacityHi", r.capacity.ci95[1]);
    add("multiplier", r.multiplier);
    add("positives", r.positivesPerCycle.mean);
    add("positivesLo", r.positivesPerCycle.ci95[0]);
    add("positivesHi", r.positivesPerCycle.ci95[1]);
    add("responseRate", r.responseRate);
    add("costPerPositive", r.costPerPositive?.mean ?? null);
    add("capacityDiff", p.vsBaseline?.capacity.mean ?? 0);
    add("capacityDiffLo", p.vsBaseline?.capacity.ci95[0] ?? 0);
    add("capacityDiffHi", p.vsBaseline?.capacity.ci95[1] ?? 0);
    add("positivesDiff", p.vsBaseline?.positives.mean ?? 0);
    add("positivesDiffLo", p.vsBaseline?.positives.ci95[0] ?? 0);
    add("positivesDiffHi", p.vsBaseline?.positives.ci95[1] ?? 0);
    if (withFollowUps) {
      add("followUpsSent", r.followUps?.sent.mean ?? 0);
      add("followUpCreditsUsed", r.followUps?.creditsUsed.mean ?? 0);
      add("followUpConversations", r.followUps?.conversations.mean ?? 0);
    }
    add("identityHolds", r.ledger.identityHolds);
  }
  return {
    scenario,
    axes,
    points: sweepPoints,
    rows: arquero.table(cols),
    summary: arquero.table(summaryCols),
  };
}

function rowColumn(f: string): string {
  return f.endsWith("Microdays") ? `days${f[0]!.toUpperCase()}${f.slice(1, -"Microdays".length)}` : f;
}

function jsonValue(v: ParamValue): number | string | boolean {
  return v === Infinity ? "unlimited" : v;
}

/** Replication-by-replication difference (point − baseline) of capacity and positive replies. */
export function pairedDifference(point: ScenarioResult, baseline: ScenarioResult): { capacity: Estimate; positives: Estimate } {
  const d = (a: readonly number[], b: readonly number[]) => estimate(a.map((x, i) => x - b[i]!));
  return {
    capacity: d(point.replicationValues.capacity, baseline.replicationValues.capacity),
    positives: d(point.replicationValues.positives, baseline.replicationValues.positives),
  };
}

/** The JSON summary of a sweep (stdout with --json). */
export function sweepJson(s: SweepResult) {
  return {
    scenario: s.scenario,
    axes: s.axes.map((a) => ({ name: a.name, values: a.values.map(jsonValue) })),
    baseline: s.points[0] ? s.points[0].at : {},
    points: s.points.map((p) => ({
      point: p.index,
      at: Object.fromEntries(Object.entries(p.at).map(([k, v]) => [k, jsonValue(v)])),
      plan: p.result.plan,
      policy: p.result.policy,
      credits: p.result.credits,
      capacity: p.result.capacity,
      multiplier: p.result.multiplier,
      positivesPerCycle: p.result.positivesPerCycle,
      responseRate: p.result.responseRate,
      costPerPositive: p.result.costPerPositive,
      ledger: p.result.ledger,
      vsBaseline: p.vsBaseline,
    })),
    params: s.points[0]?.result.params ?? {},
    assumptions: s.points[0]?.result.assumptions ?? [],
    perf: {
      events: s.points.reduce((a, p) => a + p.result.perf.events, 0),
    },
  };
}
