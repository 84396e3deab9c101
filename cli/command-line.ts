/**
 * The command line shared by every scenario file: `--help`, `--json`,
 * `--set name=value` (repeatable), and the run options every scenario receives:
 * `--workers N`, `--trace FILE`, `--trace-accounts N`, `--big`. Bad input → one line on
 * stderr naming the parameter or option, the value and what is allowed, exit code 2,
 * nothing on stdout, nothing written. Output paths are checked first, then the values,
 * then the run's size (refused above the limit of runner/run-estimate.ts unless `--big`),
 * all before anything is simulated or written.
 */
import { pathToFileURL } from "node:url";
import type { AccountModel } from "../models/index.ts";
import { helpTable, InputError, resolve, type ParamSpec, type ParamValues } from "../experiments/inputs/params.ts";
import { executionHelp, withExecution } from "../runner/execution.ts";
import { RunnerInputError } from "../runner/runner-input-error.ts";
import { sizeNote } from "../runner/executor.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { estimateRuns, refuseTooLarge, RunTooLargeError, type SizedRun, type SizeWords } from "../runner/run-estimate.ts";
import { osErrorCode, osErrorWords } from "./os-error.ts";
import { ineffectiveSettings } from "../experiments/general/ineffective-settings.ts";
import { fileOutput } from "./outputs.ts";
import { writeTrace, type TraceOptions } from "./trace-file.ts";

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
  /**
   * Checks and builds everything the run needs (InputError when bad); runs and writes
   * nothing. `options` are the run's (a large batch may be refused while it is planned;
   * default: every core, not big).
   */
  prepare(values: ParamValues, options?: { readonly workers: number; readonly big: boolean }): PreparedScenario;
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

/** Most threads `--workers` accepts (a guard against typos, not a tuning limit). */
export const maxWorkers = 256;
/** Most accounts `--trace-accounts` accepts. */
const maxTraceAccounts = 1_000_000;

const OPTIONS = "--json, --set name=value, --workers N, --trace FILE, --trace-accounts N, --big, --help";

/** The integer value of `option`, from 1 to `max`; else an InputError naming the option, the text and the range. */
export function integerOption(option: string, text: string | undefined, max: number, what: string): number {
  if (text === undefined) throw new InputError(`${option}: expected ${what} after it`);
  // Decimal digits only: Number() would also read 0x10, 0b11 and 1e3.
  const n = /^\s*\+?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError(`${option}: ${JSON.stringify(text)} is not allowed; expected an integer from 1 to ${max} (${what})`);
  }
  return n;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { json: false, help: false, sets: [], workers: undefined, trace: undefined, traceAccounts: undefined, big: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const option = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    // The option's value: after "=", or the next argument.
    const value = () => (option !== arg ? arg.slice(eq + 1) : argv[++i]);
    if (arg === "--json") out.json = true;
    else if (arg === "--help" || arg === "-h") out.help = true;
    else if (arg === "--big") out.big = true;
    else if (option === "--set") {
      const v = value();
      if (v === undefined) throw new InputError("--set: expected name=value after it");
      out.sets.push(v);
    } else if (option === "--workers") {
      out.workers = integerOption("--workers", value(), maxWorkers, "threads that simulate");
    } else if (option === "--trace") {
      const v = value();
      if (v === undefined || v === "" || v.startsWith("--")) throw new InputError("--trace: expected a file name after it");
      out.trace = v;
    } else if (option === "--trace-accounts") {
      out.traceAccounts = integerOption("--trace-accounts", value(), maxTraceAccounts, "accounts traced");
    } else throw new InputError(`${arg}: unknown option; allowed: ${OPTIONS}`);
  }
  if (out.traceAccounts !== undefined && out.trace === undefined) {
    throw new InputError("--trace-accounts: needs --trace FILE");
  }
  return out;
}

/** The run options the command line asks for, with defaults filled in; the --trace path checked (InputError when it cannot be written). */
export function runOptions(args: ParsedArgs): RunOptions {
  const workers = args.workers ?? defaultWorkers();
  const big = args.big;
  return args.trace === undefined
    ? { workers, big }
    : { workers, big, trace: { output: fileOutput("--trace", args.trace), accounts: args.traceAccounts ?? 1 } };
}

export function helpText(cli: ScenarioCli): string {
  return [
    `usage: npx tsx ${cli.command} [--json] [--set name=value]... [--workers N] [--trace FILE [--trace-accounts N]] [--big]`,
    "",
    cli.description,
    "",
    "options:",
    "  --json              print the result as JSON on stdout",
    "  --set name=value    override a parameter (repeatable)",
    `  --workers N         threads that simulate (default ${defaultWorkers()}, every core); results do not depend on it`,
    "  --trace FILE        stream every event of account 0 of replication 0 to FILE (CSV: ledger movements with",
    "                      the balance after each, sends with outcome and response time, the closing balance)",
    "  --trace-accounts N  trace accounts 0 … N − 1 instead (default 1)",
    "  --big               run even when the estimate is above the limit (15 minutes, or the machine's memory)",
    ...executionHelp,
    "  --help              this text",
    "",
    "parameters:",
    helpTable(cli.params),
    "",
  ].join("\n");
}

/** Runs a scenario from the command line; returns the process exit code. */
export async function runCli(cli: ScenarioCli, argv: readonly string[]): Promise<number> {
  let values: ParamValues;
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (args.help) {
      process.stdout.write(helpText(cli));
      return 0;
    }
    const options = runOptions(args);
    values = resolve(cli.params, args.sets);
    const prepared = cli.prepare(values, { workers: options.workers, big: options.big });
    refuseTooLarge(estimateRuns(prepared.runs, options.workers, prepared.sizeWords), options.big, "--big", sizeNote());
    // Valid but without effect: said once the run is sure to start, so bad input stays one line.
    for (const w of ineffectiveSettings(args.sets, values)) process.stderr.write(`${cli.command}: ${w}\n`);
    // The one place --trace is handled: its path checked above, the trace written to a
    // temporary file before the run (a bad --trace-accounts leaves nothing written: no
    // trace, no --out) and moved into place only once the run has succeeded.
    const trace = options.trace && writeTrace(prepared.trace.model, prepared.trace.seed, options.trace, prepared.trace.accounts);
    let out: ScenarioOutput;
    try {
      out = await prepared.run({ workers: options.workers, big: options.big });
      trace?.commit();
    } catch (err) {
      trace?.discard();
      throw err;
    }
    process.stdout.write(args.json ? `${JSON.stringify(out.json, null, 2)}\n` : `${out.text}\n`);
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

/**
 * True when `moduleUrl` is the file node was asked to run. A query string on the URL is
 * ignored: the bad-input corpus's case runner imports a command again with a new one to
 * run it once more in the same process.
 */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl.replace(/\?.*$/, "") === pathToFileURL(entry).href;
}

/**
 * Runs `body` as the process's command (every command file ends with it): the exit code
 * is what `body` resolves with (default 0); an InputError — or what `asInput` turns into
 * one, a run refused as too large, an operating-system error (a path the user gave that
 * cannot be read or written: `path: what is wrong`) — is one line on stderr naming
 * `command`, exit code 2; any other error is a bug of ours: its stack, exit code 1. A
 * closed stdout pipe (`| head`) ends the output quietly.
 */
export function runMain(
  command: string,
  body: () => Promise<number | void>,
  asInput: (err: unknown) => unknown = (err) => err,
): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  body().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (raw: unknown) => {
      const err = userError(asInput(raw));
      if (err instanceof InputError) {
        process.stderr.write(`${command}: ${err.message}\n`);
        process.exitCode = err.exitCode;
        return;
      }
      process.stderr.write(`${command}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The user's errors that are not InputErrors already — a refused run, an OS error — as InputErrors; others as they are. */
export function userError(err: unknown): unknown {
  if (err instanceof RunTooLargeError || err instanceof RunnerInputError) return new InputError(err.message);
  if (!(err instanceof InputError) && osErrorCode(err) !== undefined) {
    const e = err as NodeJS.ErrnoException;
    return new InputError(`${e.path ?? e.syscall ?? "output"}: ${osErrorWords(e)}`);
  }
  return err;
}

/** `if (isMain(import.meta.url)) main(cli)` at the bottom of a scenario file. */
export function main(cli: ScenarioCli, argv: readonly string[] = process.argv.slice(2)): void {
  runMain(cli.command, () => withExecution(cli.command, argv, (rest) => runCli(cli, rest)));
}
