/**
 * The command line shared by every scenario file: `--help`, `--json`,
 * `--set name=value` (repeatable). Bad input → one line on stderr naming the
 * parameter, the value and what is allowed, exit code 2, nothing on stdout.
 */
import { pathToFileURL } from "node:url";
import { helpTable, InputError, resolve, type ParamSpec, type ParamValues } from "./params.ts";

export interface ScenarioOutput {
  /** The machine-readable result (printed with --json). */
  json: unknown;
  /** The human-readable summary (printed without --json). */
  text: string;
}

export interface ScenarioCli {
  /** Command name, e.g. "scenarios/capacity.ts". */
  command: string;
  description: string;
  params: readonly ParamSpec[];
  run(values: ParamValues): ScenarioOutput | Promise<ScenarioOutput>;
}

export interface ParsedArgs {
  json: boolean;
  help: boolean;
  sets: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { json: false, help: false, sets: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json") out.json = true;
    else if (arg === "--help" || arg === "-h") out.help = true;
    else if (arg === "--set") {
      const v = argv[++i];
      if (v === undefined) throw new InputError("--set: expected name=value after it");
      out.sets.push(v);
    } else if (arg.startsWith("--set=")) out.sets.push(arg.slice("--set=".length));
    else throw new InputError(`${arg}: unknown option; allowed: --json, --set name=value, --help`);
  }
  return out;
}

export function helpText(cli: ScenarioCli): string {
  return [
    `usage: npx tsx ${cli.command} [--json] [--set name=value]...`,
    "",
    cli.description,
    "",
    "options:",
    "  --json            print the result as JSON on stdout",
    "  --set name=value  override a parameter (repeatable)",
    "  --help            this text",
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
    values = resolve(cli.params, args.sets);
    const out = await cli.run(values);
    process.stdout.write(args.json ? `${JSON.stringify(out.json, null, 2)}\n` : `${out.text}\n`);
    return 0;
  } catch (err) {
    if (err instanceof InputError) {
      process.stderr.write(`${cli.command}: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

/** True when `moduleUrl` is the file node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(entry).href;
}

/** `if (isMain(import.meta.url)) main(cli)` at the bottom of a scenario file. */
export function main(cli: ScenarioCli): void {
  runCli(cli, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${cli.command}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
