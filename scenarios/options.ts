/**
 * Options of the commands that take flags rather than scenario parameters (the
 * log-driven commands, the benchmarks): each option a ParamSpec, parsed and checked as
 * `--set` values are, with its spec's default when absent; and their --help text.
 * Only node:util and params.ts, so a benchmark that parses its flags loads nothing else.
 */
import { parseArgs } from "node:util";
import { InputError, parseValue, type ParamSpec, type ParamValue } from "./params.ts";

export interface CommandSpec {
  /** e.g. "scenarios/replay.ts" */
  readonly command: string;
  readonly usage: string;
  readonly description: string;
  /** Value options; a spec's name is its flag without the dashes. */
  readonly options: readonly ParamSpec[];
  /** Boolean switches besides --help, with their meaning. */
  readonly switches: Readonly<Record<string, string>>;
}

export interface ParsedOptions {
  /**
   * Every option's value: the one given, else its spec's default. A default of "" (or
   * --sends-per-day's 0) means "derive it" (from the log, say); the resolvers below do.
   */
  readonly values: Readonly<Record<string, ParamValue>>;
  readonly switches: Readonly<Record<string, boolean>>;
  readonly help: boolean;
}

export function parseOptions(spec: CommandSpec, argv: readonly string[]): ParsedOptions {
  const options: Record<string, { type: "string" | "boolean" }> = { help: { type: "boolean" } };
  for (const o of spec.options) options[o.name] = { type: "string" };
  for (const s of Object.keys(spec.switches)) options[s] = { type: "boolean" };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  } catch (err) {
    const allowed = [...spec.options.map((o) => `--${o.name} VALUE`), ...Object.keys(spec.switches).map((s) => `--${s}`), "--help"];
    throw new InputError(`${(err as Error).message.split("\n")[0]}; allowed: ${allowed.join(", ")}`);
  }
  const values: Record<string, ParamValue> = {};
  for (const o of spec.options) {
    const text = parsed.values[o.name];
    values[o.name] = typeof text === "string" ? parseValue({ ...o, name: `--${o.name}` } as ParamSpec, text) : o.default;
  }
  const switches: Record<string, boolean> = {};
  for (const s of Object.keys(spec.switches)) switches[s] = parsed.values[s] === true;
  return { values, switches, help: parsed.values.help === true };
}

export function helpText(spec: CommandSpec): string {
  const rows = [
    ...spec.options.map((o) => {
      const short = o.kind === "enum" && o.values.length <= 3;
      const values = o.kind === "enum" && !short ? `; one of ${o.values.join(", ")}` : "";
      const fallback = o.default !== "" && !o.description.includes("(default") ? ` (default ${String(o.default)})` : "";
      return [`--${o.name} ${short ? o.values.join("|") : "VALUE"}`, o.description + fallback + values];
    }),
    ...Object.entries(spec.switches).map(([s, d]) => [`--${s}`, d]),
    ["--help", "this text"],
  ];
  const w = Math.max(...rows.map((r) => r[0]!.length));
  return [`usage: ${spec.usage}`, "", spec.description, "", "options:", ...rows.map((r) => `  ${r[0]!.padEnd(w)}  ${r[1]}`), ""].join("\n");
}
