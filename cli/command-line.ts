/**
 * The command line of every scenario file: its parameters (`--set name=value`,
 * repeatable), `--json`, `--help`, and the run options every scenario takes (`--workers
 * N`, `--trace FILE`, `--trace-accounts N`, `--big`, and the execution options), parsed
 * by the one parser (cli/options.ts). Bad input → one line on stderr naming the
 * parameter or option, the value and what is allowed, exit code 2, nothing on stdout,
 * nothing written. Output paths are checked first, then the values, then the run's size
 * (refused above the limit of runner/run-estimate.ts unless `--big`), all before
 * anything is simulated or written.
 */
import type { AccountModel } from "../models/index.ts";
import { InputError, resolve, type ParamSpec, type ParamValues } from "../experiments/inputs/params.ts";
import { withExecution } from "../runner/execution.ts";
import { sizeNote } from "../runner/executor.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { estimateRuns, refuseTooLarge, type SizedRun, type SizeWords } from "../runner/run-estimate.ts";
import { ineffectiveSettings } from "../experiments/general/ineffective-settings.ts";
import { runMain, userError } from "./command.ts";
import { helpText as commandHelp } from "./help.ts";
import { parseOptions, type CommandSpec, type ParsedOptions } from "./options.ts";
import { fileOutput } from "./outputs.ts";
import { writeTrace, type TraceOptions } from "./trace-file.ts";

export { isMain, runMain, userError } from "./command.ts";
export { integerOption, maxWorkers } from "./run-options.ts";

export interface ScenarioOutput {
  /** The machine-readable result (printed with --json). */
  json: unknown;
  /** The human-readable summary (printed without --json). */
  text: string;
}

/** How to run a scenario; none of it changes the result (except `perf`). */
export interface RunOptions {
  /** Threads that simulate (1: this thread, no pool). */
  readonly workers: number;
  /** Stream the events of the first accounts of replication 0 to a CSV file. */
  readonly trace?: TraceOptions;
  /** Run even when the estimate is above the limit (`--big`). */
  readonly big: boolean;
}

/** What `--trace` simulates again: the run's model (its base point, for a sweep). */
export interface TraceTarget {
  readonly model: AccountModel;
  readonly seed: number | string;
  /** Accounts the run simulates: `--trace-accounts` may not exceed it. */
  readonly accounts: number;
}

/** A scenario checked and built from its values, not yet run. */
export interface PreparedScenario {
  readonly trace: TraceTarget;
  /** What the run will simulate: its size is estimated (and refused above the limit) before it runs. */
  readonly runs: readonly SizedRun[];
  /** The words of its refusal when too large (default the general scenario's: accounts, cycles). */
  readonly sizeWords?: SizeWords;
  run(options: { readonly workers: number; readonly big: boolean }): ScenarioOutput | Promise<ScenarioOutput>;
}

export interface ScenarioCli {
  /** Command name, e.g. "scenarios/capacity.ts". */
  command: string;
  description: string;
  params: readonly ParamSpec[];
  /** Options of its own besides the run options (a sweep's --grid, --out DIR, --force). */
  readonly extra?: Pick<CommandSpec, "lists" | "switches" | "out">;
  /**
   * Checks and builds everything the run needs (InputError when bad); runs and writes
   * nothing. `options` are the run's (a large batch may be refused while it is planned;
   * default: every core, not big); `line` the parsed command line (its own options).
   */
  prepare(values: ParamValues, options?: { readonly workers: number; readonly big: boolean }, line?: ParsedOptions): PreparedScenario;
}

export interface ParsedArgs {
  json: boolean;
  help: boolean;
  sets: string[];
  /** Undefined: every core (`defaultWorkers()`). */
  workers: number | undefined;
  trace: string | undefined;
  traceAccounts: number | undefined;
  /** `--big`: run even when the estimate is above the limit. */
  big: boolean;
}

/** The command line of a scenario: its parameters, the run options every scenario takes, and its own (a sweep's). */
export function scenarioSpec(cli: Pick<ScenarioCli, "command" | "description" | "params" | "extra">): CommandSpec {
  return {
    command: cli.command,
    usage: `npx tsx ${cli.command} [--json] [--set name=value]... [--workers N] [--trace FILE] [options]`,
    description: cli.description,
    options: [],
    ...cli.extra,
    run: ["json", ...(cli.extra?.out ? (["out"] as const) : []), "workers", "trace", "trace-accounts", "big"],
    execution: true,
    params: cli.params,
    paramsNote: 'rates take 15% or 0.15; choices any case, or by their names ("Recruiter Lite")',
  };
}

const bareScenario = scenarioSpec({ command: "scenario", description: "", params: [] });

/** The run options of a scenario's command line (tests and tools; a scenario's main parses through `runCli`). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  return asParsedArgs(parseOptions(bareScenario, argv));
}

function asParsedArgs(o: ParsedOptions): ParsedArgs {
  return { json: o.run.json, help: o.help, sets: [...o.sets], workers: o.run.workers, trace: o.run.trace, traceAccounts: o.run.traceAccounts, big: o.run.big };
}

/** The run options the command line asks for, with defaults filled in; the --trace path checked (InputError when it cannot be written). */
export function runOptions(args: ParsedArgs): RunOptions {
  const workers = args.workers ?? defaultWorkers();
  const big = args.big;
  return args.trace === undefined ? { workers, big } : { workers, big, trace: { output: fileOutput("--trace", args.trace), accounts: args.traceAccounts ?? 1 } };
}

export function helpText(cli: ScenarioCli): string {
  return commandHelp(scenarioSpec(cli));
}

/** Runs a scenario on `argv` (the execution options taken out already); returns the process exit code. */
export async function runCli(cli: ScenarioCli, argv: readonly string[]): Promise<number> {
  const spec = scenarioSpec(cli);
  try {
    const line = parseOptions(spec, argv);
    if (line.help) {
      process.stdout.write(commandHelp(spec));
      return 0;
    }
    const args = asParsedArgs(line);
    const options = runOptions(args);
    const values = resolve(cli.params, args.sets);
    const prepared = cli.prepare(values, { workers: options.workers, big: options.big }, line);
    refuseTooLarge(estimateRuns(prepared.runs, options.workers, prepared.sizeWords), options.big, "--big", sizeNote());
    // Valid but without effect: said once the run is sure to start, so bad input stays one line.
    for (const w of ineffectiveSettings(args.sets, values)) process.stderr.write(`${cli.command}: ${w}\n`);
    // The one place --trace is handled: its path checked above, the trace written to a
    // temporary file before the run (a bad --trace-accounts leaves nothing written: no
    // trace, no --out) and moved into place only once the run has succeeded.
    const trace = options.trace && writeTrace(prepared.trace.model, prepared.trace.seed, options.trace, prepared.trace.accounts);
    let out: ScenarioOutput;
    const started = performance.now();
    try {
      out = await prepared.run({ workers: options.workers, big: options.big });
      trace?.commit();
    } catch (err) {
      trace?.discard();
      throw err;
    }
    process.stdout.write(args.json ? `${JSON.stringify(out.json, null, 2)}\n` : `${out.text}\n`);
    // How long it took is for the person watching, never part of a result (same seed, same bytes).
    if (process.stderr.isTTY) process.stderr.write(`${cli.command}: ran in ${((performance.now() - started) / 1000).toFixed(1)} s on ${options.workers} ${options.workers === 1 ? "thread" : "threads"}\n`);
    return 0;
  } catch (raw) {
    const err = userError(raw);
    if (err instanceof InputError) {
      process.stderr.write(`${cli.command}: ${err.message}\n`);
      return err.exitCode;
    }
    throw raw;
  }
}

/** Runs a scenario on the whole of `argv` (its execution options included); resolves with the exit code. */
export function scenarioCommand(cli: ScenarioCli, argv: readonly string[]): Promise<number> {
  return withExecution(cli.command, argv, (rest) => runCli(cli, rest));
}

/** `if (isMain(import.meta.url)) main(cli)` at the bottom of a scenario file. */
export function main(cli: ScenarioCli, argv: readonly string[] = process.argv.slice(2)): void {
  runMain(cli.command, () => scenarioCommand(cli, argv));
}
