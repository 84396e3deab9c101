/**
 * The one command-line parser (node:util parseArgs under it) of every command,
 * scenario, notebook and benchmark. A command declares what it takes in a
 * `CommandSpec`: its own value options (each a ParamSpec, checked as `--set` values are,
 * its spec's default when absent), switches, repeatable lists, positionals, the shared
 * run options it takes (cli/run-options.ts), and, for a scenario or a notebook, the
 * parameter table `--set name=value` sets. Without a parameter table, `--set name=value`
 * sets any of the command's own options (`--set plan=recruiter-lite` is `--plan
 * recruiter-lite`; the later one wins). Values are read as params.ts reads `--set`
 * values (choices without case or separators, "Recruiter Lite"; shares as "15%").
 *
 * Bad input is one InputError naming the option (or the name), the value and what is
 * allowed; an unknown option names the nearest one when one is close, and the allowed
 * flags. --help's text is cli/help.ts's; the main around both is cli/command.ts's. Only
 * node:util, params.ts, name-match.ts and run-options.ts.
 */
import { parseArgs } from "node:util";
import { didYouMean } from "../experiments/inputs/name-match.ts";
import { InputError, parseValue, type ParamSpec, type ParamValue } from "../experiments/inputs/params.ts";
import { executionOptions, outKinds, runOptionTable, setRunValue, type OutKind, type RunOptionName, type RunValues } from "./run-options.ts";

export interface CommandSpec {
  /** e.g. "commands/replay.ts" */
  readonly command: string;
  /** The usage line after "usage: " (default `npx tsx <command> [options]`). */
  readonly usage?: string;
  readonly description: string;
  /** Value options; a spec's name is its flag without the dashes. */
  readonly options: readonly ParamSpec[];
  /** Boolean switches besides the run options, with their meaning. */
  readonly switches?: Readonly<Record<string, string>>;
  /** Repeatable text options (each use adds a value), with their meaning. */
  readonly lists?: Readonly<Record<string, string>>;
  /** Arguments without a flag (e.g. merge's PART...): their placeholder and meaning; without it none is taken. */
  readonly positionals?: { readonly name: string; readonly description: string };
  /** The shared run options it takes (cli/run-options.ts), --help always. */
  readonly run?: readonly RunOptionName[];
  /**
   * Runs models through the batch runner: takes --queue, --shard, --part and --from-part,
   * which runner/execution.ts takes out of the arguments before the parser sees them.
   */
  readonly execution?: boolean;
  /** What --out names and where it goes by default (with "out" in `run`). */
  readonly out?: { readonly kind: OutKind; readonly default?: string; readonly help: string };
  /** A command's own meaning of a run option in --help (e.g. --workers of a benchmark). */
  readonly runHelp?: Partial<Readonly<Record<RunOptionName, string>>>;
  /** The parameters `--set name=value` sets (a scenario's, a notebook's); shown as a table in --help. */
  readonly params?: readonly ParamSpec[];
  /** A line under the parameters' heading (e.g. how rates may be typed). */
  readonly paramsNote?: string;
}

export interface ParsedOptions {
  /**
   * Every option's value: the one given, else its spec's default. A default of "" (or
   * --sends-per-day's 0) means "derive it" (from the log, say); the resolvers below do.
   */
  readonly values: Readonly<Record<string, ParamValue>>;
  readonly switches: Readonly<Record<string, boolean>>;
  /** Every repeatable option's values, in the order given. */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly positionals: readonly string[];
  /** The `--set` texts, in order, when the command has a parameter table (resolved by the command). */
  readonly sets: readonly string[];
  readonly run: Readonly<RunValues>;
  readonly help: boolean;
  /** The arguments parsed (those the execution options left, for a command that runs models). */
  readonly args: readonly string[];
}

/** The run options `spec` takes, in the table's order; --help always. */
export function runOptionsOf(spec: CommandSpec): RunOptionName[] {
  const taken = new Set<RunOptionName>([...(spec.run ?? []), ...(spec.execution ? executionOptions : []), "help"]);
  if (spec.params !== undefined || (spec.options ?? []).length + Object.keys(spec.lists ?? {}).length + Object.keys(spec.switches ?? {}).length > 0) taken.add("set");
  return (Object.keys(runOptionTable) as RunOptionName[]).filter((n) => taken.has(n));
}

/** The run options the parser itself reads: all but those runner/execution.ts takes out first. */
function parsedRunOptions(spec: CommandSpec): RunOptionName[] {
  return runOptionsOf(spec).filter((n) => !("execution" in runOptionTable[n]) || spec.run?.includes(n));
}

/** The flag as --help and the allowed list write it, e.g. "--workers N". */
export function runFlag(spec: CommandSpec, name: RunOptionName): string {
  const o = runOptionTable[name];
  const metavar = name === "out" ? outKinds[spec.out?.kind ?? "file"].metavar : "metavar" in o ? o.metavar : undefined;
  return metavar === undefined ? o.flag : `${o.flag} ${metavar}`;
}

/** The flags the parser accepts, for an unknown option's message (the execution options are taken out before it runs). */
function allowedFlags(spec: CommandSpec): string {
  const own = [
    ...(spec.options ?? []).map((o) => `--${o.name} ${ownMetavar(o)}`),
    ...Object.keys(spec.lists ?? {}).map((l) => `--${l} VALUE`),
    ...Object.keys(spec.switches ?? {}).map((s) => `--${s}`),
  ];
  const run = parsedRunOptions(spec).map((n) => runFlag(spec, n));
  // A parameter table's command lists its run options first, as it always has; an options command lists --set first.
  if (spec.params !== undefined) return [...own, ...run].join(", ");
  return [...run.filter((f) => f.startsWith("--set")), ...own, ...run.filter((f) => !f.startsWith("--set"))].join(", ");
}

/** An option's value placeholder: its choices when few, else VALUE. */
export function ownMetavar(o: ParamSpec): string {
  return o.kind === "enum" && o.values.length <= 3 ? o.values.join("|") : "VALUE";
}

/** Parses `text` for `spec`, named `where` in messages (choices forgiving as params.ts reads them). */
function optionValue(spec: ParamSpec, text: string, where: string): ParamValue {
  return parseValue({ ...spec, name: where } as ParamSpec, text);
}

type Kind = "option" | "switch" | "list" | "run" | "run-switch";

export function parseOptions(spec: CommandSpec, argv: readonly string[]): ParsedOptions {
  const own = spec.options ?? [];
  const lists = spec.lists ?? {};
  const ownSwitches = spec.switches ?? {};
  const run = parsedRunOptions(spec);
  const kinds = new Map<string, Kind>();
  const config: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = {};
  for (const n of run) {
    const o = runOptionTable[n];
    const value = "metavar" in o;
    kinds.set(n, value ? "run" : "run-switch");
    config[n] = { type: value ? "string" : "boolean", ...("multiple" in o ? { multiple: true } : {}), ...(n === "help" ? { short: "h" } : {}) };
  }
  for (const o of own) (kinds.set(o.name, "option"), (config[o.name] = { type: "string" }));
  for (const s of Object.keys(ownSwitches)) (kinds.set(s, "switch"), (config[s] = { type: "boolean" }));
  for (const l of Object.keys(lists)) (kinds.set(l, "list"), (config[l] = { type: "string", multiple: true }));

  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const byName = new Map(own.map((o) => [o.name, o]));
  const values: Record<string, ParamValue> = Object.fromEntries(own.map((o) => [o.name, o.default]));
  const listValues: Record<string, string[]> = Object.fromEntries(Object.keys(lists).map((l) => [l, []]));
  const switches: Record<string, boolean> = Object.fromEntries(Object.keys(ownSwitches).map((s) => [s, false]));
  const runValues: RunValues = { json: false, big: false, fromPart: [] };
  const positionals: string[] = [];
  const sets: string[] = [];
  let help = false;
  const unknown = (arg: string, name: string | undefined): InputError => {
    const names = [...kinds.keys()].map((k) => `--${k}`);
    const hint = name === undefined ? "" : didYouMean(`--${name}`, names);
    return new InputError(`${arg}: unknown option; ${hint === "" ? "" : `${hint} `}allowed: ${allowedFlags(spec)}`);
  };
  for (const t of tokens) {
    if (t.kind === "option-terminator") throw unknown("--", undefined);
    if (t.kind === "positional") {
      if (spec.positionals === undefined) throw unknown(t.value, undefined);
      positionals.push(t.value);
      continue;
    }
    const kind = kinds.get(t.name);
    // "-x" is only ever -h; "--h" is not --help.
    if (kind === undefined || (t.rawName.startsWith("--") ? t.rawName.slice(2) !== t.name : t.name !== "help")) {
      throw unknown(t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName, kind === undefined ? t.name : undefined);
    }
    if (kind === "switch" || kind === "run-switch") {
      if (t.inlineValue) throw new InputError(`${t.rawName}: ${JSON.stringify(t.value)} is not allowed; expected no value (a switch)`);
      if (kind === "switch") switches[t.name] = true;
      else if (t.name === "help") help = true;
      else runValues[t.name as "json" | "big"] = true;
      continue;
    }
    // A value option takes the next argument unless that is another option ("--x=--y" gives one that is).
    const text = t.value === undefined || (!t.inlineValue && t.value.startsWith("--")) ? undefined : t.value;
    if (kind === "run") {
      const name = t.name as RunOptionName;
      const what = name === "out" ? outKinds[spec.out?.kind ?? "file"].what : (runOptionTable[name] as { what: string }).what;
      if (text === undefined) throw new InputError(`--${name}: expected ${what} after it`);
      if (name === "set") setValue(text);
      else setRunValue(runValues, name, text);
      continue;
    }
    if (text === undefined) throw new InputError(`--${t.name}: expected a value after it`);
    if (kind === "list") listValues[t.name]!.push(text);
    else values[t.name] = optionValue(byName.get(t.name)!, text, `--${t.name}`);
  }
  if (runValues.traceAccounts !== undefined && runValues.trace === undefined) throw new InputError("--trace-accounts: needs --trace FILE");
  return { values, switches, lists: listValues, positionals, sets, run: runValues, help, args: [...argv] };

  /** `--set name=value`: a parameter (resolved by the command), or one of the command's own options. */
  function setValue(text: string): void {
    if (spec.params !== undefined) {
      sets.push(text);
      return;
    }
    const eq = text.indexOf("=");
    if (eq <= 0) throw new InputError(`--set ${JSON.stringify(text)}: expected name=value`);
    const name = text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    const o = byName.get(name);
    if (o !== undefined) values[name] = optionValue(o, value, name);
    else if (name in listValues) listValues[name]!.push(value);
    else if (name in switches && ["true", "false"].includes(value.trim())) switches[name] = value.trim() === "true";
    else {
      const names = [...byName.keys(), ...Object.keys(listValues), ...Object.keys(switches)];
      const hint = didYouMean(name, names);
      throw new InputError(`${name}: unknown parameter; ${hint === "" ? "" : `${hint} `}(--help lists all ${names.length})`);
    }
  }
}
