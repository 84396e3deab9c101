/**
 * The one --help format of every command, scenario, notebook and benchmark, from its
 * CommandSpec (cli/options.ts): usage, description, options, run options, parameters;
 * every line at most 100 columns (long meanings wrap under their column; a parameter's
 * meaning goes under its name).
 */
import { allowed, type ParamSpec } from "../experiments/inputs/params.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { ownMetavar, runFlag, runOptionsOf, type CommandSpec } from "./options.ts";
import { runOptionTable, type RunOptionName } from "./run-options.ts";

/** Widest line of any --help. */
export const helpWidth = 100;

/**
 * `text` wrapped at word boundaries to `width` columns: the first line after `first`, the
 * others after `rest` (a word longer than a line stands alone). Line breaks in `text` are kept.
 */
export function wrap(text: string, first = "", rest = first, width = helpWidth): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = out.length === 0 ? first : rest;
    let empty = true;
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      if (!empty && line.length + 1 + word.length > width) {
        out.push(line);
        line = rest + word;
      } else line += (empty ? "" : " ") + word;
      empty = false;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/**
 * A description as --help prints it: its lines joined into paragraphs and wrapped at the
 * help's width; an empty line ends a paragraph; an indented line (a little table) stays a
 * line of its own, its continuation under its text.
 */
export function reflow(text: string): string[] {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(...wrap(paragraph.join(" ")));
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      flush();
      out.push("");
    } else if (/^\s/.test(line)) {
      flush();
      const lead = line.match(/^\s*\S+\s+/)?.[0] ?? line.match(/^\s*/)![0];
      out.push(...wrap(line.slice(lead.length), lead, " ".repeat(lead.length)));
    } else paragraph.push(line.trim());
  }
  flush();
  return out;
}

/** Two columns: each row's left cell padded to `w`, its meaning wrapped beside it (under it when the left cell is wider). */
export function optionRows(rows: readonly (readonly [string, string])[], w: number): string[] {
  const indent = " ".repeat(2 + w + 2);
  return rows.flatMap(([left, meaning]) => (left.length > w ? [`  ${left}`, ...wrap(meaning, indent)] : wrap(meaning, `  ${left.padEnd(w)}  `, indent)));
}

/** The parameter table: name, default and allowed values in columns, the meaning under each name. */
export function paramTable(specs: readonly ParamSpec[]): string[] {
  const rows = specs.map((s) => [s.name, (s.default === Infinity ? "unlimited" : String(s.default)) + (s.unit ? ` ${s.unit}` : ""), allowed(s), s.description] as const);
  // A name or default too long for its column stands on a line of its own, the allowed values under it.
  const fit = (i: 0 | 1, most: number, head: string) => Math.max(head.length, ...rows.map((r) => r[i].length).filter((n) => n <= most));
  const w0 = fit(0, 32, "name");
  const w1 = fit(1, 24, "default");
  const lead = `  ${"".padEnd(w0)}  ${"".padEnd(w1)}  `;
  const cells = (a: string, b: string, c: string) => (a.length > w0 || b.length > w1 ? [`  ${a}  ${b}`, ...wrap(c, lead, lead)] : wrap(c, `  ${a.padEnd(w0)}  ${b.padEnd(w1)}  `, lead));
  return [...cells("name", "default", "allowed"), "      meaning", ...rows.flatMap((r) => [...cells(r[0], r[1], r[2]), ...wrap(r[3], "      ")])];
}

/** A run option's meaning in `spec`'s --help. */
function runMeaning(spec: CommandSpec, name: RunOptionName): string {
  const own = spec.runHelp?.[name];
  if (own !== undefined) return own;
  if (name === "out" && spec.out !== undefined) return spec.out.help + (spec.out.default === undefined ? "" : ` (default ${spec.out.default})`);
  if (name === "workers") return `threads that simulate (default ${defaultWorkers()}, every core); results do not depend on it`;
  if (name === "set") return spec.params !== undefined ? "set a parameter below (repeatable)" : "any option above as name=value (repeatable), as in every other command";
  return runOptionTable[name].help;
}

function ownRows(spec: CommandSpec): [string, string][] {
  return [
    ...(spec.positionals ? [[spec.positionals.name, spec.positionals.description] as [string, string]] : []),
    ...(spec.options ?? []).map((o): [string, string] => {
      const choices = o.kind === "enum" && o.values.length > 3 ? `; one of ${o.values.join(", ")}` : "";
      const fallback = o.default !== "" && !o.description.includes("(default") ? ` (default ${String(o.default)})` : "";
      return [`--${o.name} ${ownMetavar(o)}`, o.description + fallback + choices];
    }),
    ...Object.entries(spec.lists ?? {}).map(([l, d]): [string, string] => [`--${l} VALUE`, `${d} (repeatable)`]),
    ...Object.entries(spec.switches ?? {}).map(([s, d]): [string, string] => [`--${s}`, d]),
  ];
}

export function helpText(spec: CommandSpec): string {
  const names = runOptionsOf(spec);
  const where = (n: RunOptionName) => n === "workers" || "execution" in runOptionTable[n];
  const row = (n: RunOptionName): [string, string] => [runFlag(spec, n), runMeaning(spec, n)];
  const options = [...ownRows(spec), ...names.filter((n) => !where(n)).map(row)];
  const run = names.filter(where).map(row);
  // Flags wider than 22 columns put their meaning on the next line.
  const widest = Math.max(0, ...[...options, ...run].map((r) => r[0].length).filter((n) => n <= 22));
  const lines = [
    ...wrap(`usage: ${spec.usage ?? `npx tsx ${spec.command} [options]`}`, "", "         "),
    "",
    ...reflow(spec.description),
    "",
    "options:",
    ...optionRows(options, widest),
    ...(run.length === 0 ? [] : ["", "run options (where and on how many threads it simulates; none changes the result):", ...optionRows(run, widest)]),
    ...(spec.params === undefined ? [] : ["", "parameters (--set name=value):", ...(spec.paramsNote ? wrap(spec.paramsNote, "  ") : []), ...paramTable(spec.params)]),
    "",
  ];
  return lines.join("\n");
}
