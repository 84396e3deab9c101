/**
 * Options of the commands that take flags rather than scenario parameters (the
 * log-driven commands, the benchmarks): each option a ParamSpec, parsed and checked as
 * `--set` values are, with its spec's default when absent; and their --help text.
 * Every option can be given as a flag (`--plan recruiter-lite`) or, as in every other
 * command, as `--set plan=recruiter-lite`; when both are given, the later one wins.
 * Values are read as params.ts reads `--set` values (choices without case or separators,
 * "Recruiter Lite", "LinkedIn"; shares as "15%").
 * Only node:util, params.ts and name-match.ts, so a benchmark that parses its flags loads nothing else.
 */
import { parseArgs } from "node:util";
import { didYouMean } from "../experiments/inputs/name-match.ts";
import { InputError, parseValue, type ParamSpec, type ParamValue } from "../experiments/inputs/params.ts";

export interface CommandSpec {
  /** e.g. "commands/replay.ts" */
  readonly command: string;
  readonly usage: string;
  readonly description: string;
  /** Value options; a spec's name is its flag without the dashes. */
  readonly options: readonly ParamSpec[];
  /** Boolean switches besides --help, with their meaning. */
  readonly switches: Readonly<Record<string, string>>;
  /** Repeatable text options (each use adds a value), with their meaning. */
  readonly lists?: Readonly<Record<string, string>>;
  /**
   * Run options the command takes out of its arguments before `parseOptions` sees them
   * (e.g. --workers N, --queue URL): named in the list of allowed flags, and their help
   * lines, as written, under a heading of their own in --help.
   */
  readonly runOptions?: { readonly flags: readonly string[]; readonly help: readonly string[] };
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
  readonly help: boolean;
}

/** Parses `text` for `spec`, named `where` in messages (choices forgiving as params.ts reads them). */
function optionValue(spec: ParamSpec, text: string, where: string): ParamValue {
  return parseValue({ ...spec, name: where } as ParamSpec, text);
}

export function parseOptions(spec: CommandSpec, argv: readonly string[]): ParsedOptions {
  const lists = spec.lists ?? {};
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {
    help: { type: "boolean" },
    set: { type: "string", multiple: true },
  };
  for (const o of spec.options) options[o.name] = { type: "string" };
  for (const s of Object.keys(spec.switches)) options[s] = { type: "boolean" };
  for (const l of Object.keys(lists)) options[l] = { type: "string", multiple: true };
  const allowedFlags = () =>
    [
      "--set name=value",
      ...spec.options.map((o) => `--${o.name} VALUE`),
      ...Object.keys(lists).map((l) => `--${l} VALUE`),
      ...Object.keys(spec.switches).map((s) => `--${s}`),
      ...(spec.runOptions?.flags ?? []),
      "--help",
    ].join(", ");
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (err) {
    throw new InputError(`${(err as Error).message.split("\n")[0]}; allowed: ${allowedFlags()}`);
  }
  const byName = new Map(spec.options.map((o) => [o.name, o]));
  const values: Record<string, ParamValue> = Object.fromEntries(spec.options.map((o) => [o.name, o.default]));
  const listValues: Record<string, string[]> = Object.fromEntries(Object.keys(lists).map((l) => [l, []]));
  const switches: Record<string, boolean> = Object.fromEntries(Object.keys(spec.switches).map((s) => [s, false]));
  let help = false;
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== "option") continue;
    if (t.name === "help") help = true;
    else if (t.name in switches) switches[t.name] = true;
    else if (t.name in listValues) listValues[t.name]!.push(t.value ?? "");
    else if (t.name === "set") {
      const text = t.value ?? "";
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
    } else {
      const o = byName.get(t.name)!;
      values[t.name] = optionValue(o, t.value ?? "", `--${t.name}`);
    }
  }
  return { values, switches, lists: listValues, help };
}

export function helpText(spec: CommandSpec): string {
  const rows = [
    ...spec.options.map((o) => {
      const short = o.kind === "enum" && o.values.length <= 3;
      const values = o.kind === "enum" && !short ? `; one of ${o.values.join(", ")}` : "";
      const fallback = o.default !== "" && !o.description.includes("(default") ? ` (default ${String(o.default)})` : "";
      return [`--${o.name} ${short ? o.values.join("|") : "VALUE"}`, o.description + fallback + values];
    }),
    ...Object.entries(spec.lists ?? {}).map(([l, d]) => [`--${l} VALUE`, `${d} (repeatable)`]),
    ...Object.entries(spec.switches).map(([s, d]) => [`--${s}`, d]),
    ["--set name=value", "any option above as name=value (e.g. --set plan=recruiter-lite), as in every other command"],
    ["--help", "this text"],
  ];
  const w = Math.max(...rows.map((r) => r[0]!.length));
  const run = spec.runOptions ? ["", "run options (where and on how many threads it simulates; none changes the result):", ...spec.runOptions.help] : [];
  return [`usage: ${spec.usage}`, "", spec.description, "", "options:", ...rows.map((r) => `  ${r[0]!.padEnd(w)}  ${r[1]}`), ...run, ""].join("\n");
}
