/**
 * Command lines of the general scenarios. A single scenario prints its result; a
 * sweep scenario runs a grid (its own, or `--grid name=v1,v2,…`, repeatable) with
 * common random numbers, prints the summary, and with `--out DIR` writes the tidy
 * tables as CSV and Arrow (all files or none).
 */
import * as aq from "arquero";
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve as resolvePath } from "node:path";
import type { PersonaId } from "../models/index.ts";
import { withExecution } from "../runner/execution.ts";
import { runCli, runMain, type ScenarioCli } from "./cli.ts";
import { InputError, type ParamValue } from "./params.ts";
import { resultText, runScenario } from "./run-scenario.ts";
import { buildModel, scenarioParams, type ScenarioDefaults } from "./scenario.ts";
import { parseAxis, planSweep, runSweepPlan, sweepJson, type GridAxis, type SweepResult } from "./sweep.ts";

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
        async run(options) {
          const result = await runScenario(s.name, values, built, { workers: options.workers });
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

const sweepUsage =
  "\nsweep options:\n" +
  "  --grid name=v1,v2,…  sweep a parameter over these values (repeatable; replaces the built-in grid)\n" +
  "  --out DIR            write rows.csv, rows.arrow, summary.csv, summary.arrow to DIR (all or nothing)";

/** A scenario that runs a grid of points with common random numbers. */
export function sweepCli(s: SweepScenario, grid: string[] = [], out?: string): ScenarioCli {
  const params = scenarioParams(s.persona, s.defaults);
  return {
    command: s.command,
    description: `${s.description}\nBuilt-in grid: ${s.grid.map((g) => `${g.name}=${g.values.join(",")}`).join(" × ")}.${sweepUsage}`,
    params,
    prepare(values) {
      const axes: GridAxis[] = grid.length > 0 ? grid.map((g) => parseAxis(params, g)) : s.grid;
      const plan = planSweep(s.name, params, values, axes);
      // The trace follows the base values, as --set gives them (not a grid point).
      const built = buildModel(values);
      return {
        trace: { model: built.model, seed: built.seed, accounts: built.accounts },
        async run(options) {
          const result = await runSweepPlan(plan, { workers: options.workers });
          if (out) await writeTables(out, { rows: result.rows, summary: result.summary });
          return { json: sweepJson(result), text: s.text(result) + (out ? `\n\nwrote ${resolvePath(out)}` : "") };
        },
      };
    },
  };
}

/** Takes `--grid` and `--out` out of argv (the rest goes to the shared command line). */
export function splitSweepArgs(argv: readonly string[]): { rest: string[]; grid: string[]; out?: string } {
  const rest: string[] = [];
  const grid: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const take = (flag: string) => {
      if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new InputError(`${flag}: expected a value after it`);
      return v;
    };
    if (a === "--grid" || a.startsWith("--grid=")) grid.push(take("--grid"));
    else if (a === "--out" || a.startsWith("--out=")) out = take("--out");
    else rest.push(a);
  }
  return out === undefined ? { rest, grid } : { rest, grid, out };
}

/** Runs a sweep scenario on `argv` (its run options included); resolves with the exit code. */
export function sweepCommand(s: SweepScenario, argv: readonly string[]): Promise<number> {
  return withExecution(s.command, argv, async (rest) => {
    const split = splitSweepArgs(rest);
    return runCli(sweepCli(s, split.grid, split.out), split.rest);
  });
}

/** Runs a sweep scenario from the command line. */
export function sweepMain(s: SweepScenario, argv: readonly string[] = process.argv.slice(2)): void {
  runMain(s.command, () => sweepCommand(s, argv));
}

/**
 * Writes tables as CSV and Arrow IPC into `dir`: everything goes to a fresh sibling
 * directory first, which then replaces `dir`, so a failure leaves nothing partial.
 */
export async function writeTables(dir: string, tables: Record<string, aq.ColumnTable>): Promise<void> {
  const target = resolvePath(dir);
  const temp = join(dirname(target), `.${randomUUID()}.tmp`);
  await mkdir(temp, { recursive: true });
  try {
    for (const [name, t] of Object.entries(tables)) {
      await writeFile(join(temp, `${name}.csv`), aq.toCSV(t));
      await writeFile(join(temp, `${name}.arrow`), aq.toArrowIPC(t));
    }
    await rm(target, { recursive: true, force: true });
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

const f = (x: number, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

/** A plain-text table of a sweep's points, with paired differences from the first. */
export function sweepTable(r: SweepResult): string {
  const header = [...r.axes.map((a) => a.name), "InMails/acct/cycle (95% CI)", "positives (95% CI)", "Δ vs first, paired (95% CI)"];
  const rows = r.points.map((p) => [
    ...r.axes.map((a) => String(p.at[a.name] === Infinity ? "unlimited" : p.at[a.name])),
    `${f(p.result.capacity.mean)} (${f(p.result.capacity.ci95[0])} – ${f(p.result.capacity.ci95[1])})`,
    `${f(p.result.positivesPerCycle.mean, 2)} (${f(p.result.positivesPerCycle.ci95[0], 2)} – ${f(p.result.positivesPerCycle.ci95[1], 2)})`,
    p.vsBaseline
      ? `${p.vsBaseline.capacity.mean >= 0 ? "+" : ""}${f(p.vsBaseline.capacity.mean)} (${f(p.vsBaseline.capacity.ci95[0])} – ${f(p.vsBaseline.capacity.ci95[1])})`
      : "baseline",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}
