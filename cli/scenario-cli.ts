/**
 * Command lines of the general scenarios. A single scenario prints its result; a
 * sweep scenario runs a grid (its own, or `--grid name=v1,v2,…`, repeatable) with
 * common random numbers, prints the summary, and with `--out DIR` writes the tidy
 * tables as CSV and Arrow (all files or none) through the output layer (outputs.ts:
 * a new directory, or one this project wrote; any other only with `--force`).
 */
import type * as aq from "arquero";
import type { PersonaId } from "../models/index.ts";
import { sizeNote } from "../runner/executor.ts";
import { runMain, scenarioCommand, type ScenarioCli } from "./command-line.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { planningGuard } from "../runner/run-estimate.ts";
import { dirOutput, writeDirOutput, type DirOutput } from "./outputs.ts";
import { InputError, type ParamSpec, type ParamValue } from "../experiments/inputs/params.ts";
import { resultText, runScenario } from "../experiments/general/run-scenario.ts";
import { buildModel, scenarioParams, type ScenarioDefaults } from "../experiments/general/scenario.ts";
import { parseAxis, planSweep, runSweepPlan, sweepJson, type GridAxis, type SweepResult } from "../experiments/general/sweep.ts";

export interface GeneralScenario {
  /** File path as users type it, e.g. "scenarios/recruiting.ts". */
  command: string;
  name: string;
  description: string;
  persona: PersonaId;
  defaults?: ScenarioDefaults;
}

/** A scenario that runs once and prints its result. */
export function generalCli(s: GeneralScenario): ScenarioCli {
  const params = scenarioParams(s.persona, s.defaults);
  return {
    command: s.command,
    description: s.description,
    params,
    prepare(values) {
      const built = buildModel(values);
      return {
        trace: { model: built.model, seed: built.seed, accounts: built.accounts },
        runs: [built],
        async run(options) {
          const result = await runScenario(s.name, values, built, options);
          return { json: result, text: resultText(result) };
        },
      };
    },
  };
}

export interface SweepScenario extends GeneralScenario {
  /** The grid run when no --grid is given. */
  grid: { name: string; values: ParamValue[] }[];
  /** Human-readable summary of a sweep. */
  text(result: SweepResult): string;
}

/** A sweep's own options: which grid, where its tables go. */
const sweepOptions: NonNullable<ScenarioCli["extra"]> = {
  lists: { grid: "sweep a parameter over values given as name=v1,v2,…; replaces the built-in grid" },
  switches: {
    force: "with --out: write the four files into an existing directory anyway (files of the same names are replaced, nothing else in it is touched)",
  },
  out: {
    kind: "dir",
    help: "write rows.csv, rows.arrow, summary.csv, summary.arrow to DIR (all or nothing): a new directory, or one an earlier --out wrote (it is replaced); any other is refused",
  },
};

/**
 * A scenario that runs a grid of points with common random numbers: `grid`, `out` and
 * `force` as given, else as its command line (`line`) gives them.
 */
export function sweepCli(s: SweepScenario, grid?: readonly string[], out?: string, force?: boolean): ScenarioCli {
  const params = scenarioParams(s.persona, s.defaults);
  return {
    command: s.command,
    description: `${s.description}\nBuilt-in grid: ${s.grid.map((g) => `${g.name}=${g.values.join(",")}`).join(" × ")}.`,
    params,
    extra: sweepOptions,
    prepare(values, options, line) {
      const axesText = grid ?? line?.lists.grid ?? [];
      const outDir = out ?? line?.run.out;
      const forced = force ?? line?.switches.force ?? false;
      if (forced && outDir === undefined) throw new InputError("--force: needs --out DIR");
      const target = outDir === undefined ? undefined : dirOutput("--out", outDir, forced);
      const axes: GridAxis[] = axesText.length > 0 ? parseAxes(params, axesText) : s.grid;
      const plan = planSweep(s.name, params, values, axes, (points) => planningGuard(options?.workers ?? defaultWorkers(), options?.big ?? false, points, sizeNote()));
      // The trace follows the base values, as --set gives them (not a grid point).
      const built = buildModel(values);
      return {
        trace: { model: built.model, seed: built.seed, accounts: built.accounts },
        runs: plan.points.distinct.map((d) => d.built),
        async run(options) {
          const result = await runSweepPlan(plan, options);
          if (target) await writeTables(target, { rows: result.rows, summary: result.summary }, s.command);
          return { json: sweepJson(result), text: s.text(result) + (target ? `\n\nwrote ${target.path}` : "") };
        },
      };
    },
  };
}

/** The `--grid` axes, each checked; a parameter given twice is an InputError (its values would run twice). */
export function parseAxes(params: readonly ParamSpec[], grid: readonly string[]): GridAxis[] {
  const axes = grid.map((g) => parseAxis(params, g));
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.name)) throw new InputError(`--grid ${a.name}: given more than once; expected each parameter in one --grid (${a.name}=v1,v2,…)`);
    seen.add(a.name);
  }
  return axes;
}

/** Runs a sweep scenario on `argv` (its run options included); resolves with the exit code. */
export function sweepCommand(s: SweepScenario, argv: readonly string[]): Promise<number> {
  return scenarioCommand(sweepCli(s), argv);
}

/** Runs a sweep scenario from the command line. */
export function sweepMain(s: SweepScenario, argv: readonly string[] = process.argv.slice(2)): void {
  runMain(s.command, () => sweepCommand(s, argv));
}

/**
 * Writes tables as CSV and Arrow IPC to a checked directory output (outputs.ts): all
 * files or none, and never over a directory this project did not write unless --force.
 */
export async function writeTables(target: DirOutput, tables: Record<string, aq.ColumnTable>, command: string): Promise<void> {
  const arquero = await import("arquero");
  const files: Record<string, string | Uint8Array> = {};
  for (const [name, t] of Object.entries(tables)) {
    files[`${name}.csv`] = arquero.toCSV(t);
    files[`${name}.arrow`] = arquero.toArrowIPC(t);
  }
  await writeDirOutput(target, files, command);
}

const f = (x: number, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

/** A plain-text table of a sweep's points, with paired differences from the first. */
export function sweepTable(r: SweepResult): string {
  const header = [...r.axes.map((a) => a.name), "InMails/seat/month (95% CI)", "conversations/seat/month (95% CI)", "Δ vs first, paired (95% CI)"];
  const rows = r.points.map((p) => [
    ...r.axes.map((a) => String(p.at[a.name] === Infinity ? "unlimited" : p.at[a.name])),
    `${f(p.result.capacity.mean)} (${f(p.result.capacity.ci95[0])} – ${f(p.result.capacity.ci95[1])})`,
    `${f(p.result.positivesPerCycle.mean, 2)} (${f(p.result.positivesPerCycle.ci95[0], 2)} – ${f(p.result.positivesPerCycle.ci95[1], 2)})`,
    p.vsBaseline ? `${p.vsBaseline.capacity.mean >= 0 ? "+" : ""}${f(p.vsBaseline.capacity.mean)} (${f(p.vsBaseline.capacity.ci95[0])} – ${f(p.vsBaseline.capacity.ci95[1])})` : "baseline",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
