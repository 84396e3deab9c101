/**
 * The command line that reproduces what the explorer shows: the team planner's CLI
 * with `--json` and one `--set` for every parameter that is not at its default, each
 * value written so that the CLI's `parseValue` reads back exactly the same value.
 */
import type { ParamSpec, ParamValue, ParamValues } from "../../experiments/inputs/params.ts";
import { shellQuote } from "../../cli/shell-quote.ts";

export const teamCli = "scenarios/team.ts";

/** `unlimited` for an unlimited count; every other value as `String` writes it (shortest round trip). */
const valueText = (value: ParamValue) => (value === Infinity ? "unlimited" : String(value));

export function teamCommand(specs: readonly ParamSpec[], values: ParamValues): string {
  const sets = specs.filter((spec) => values[spec.name] !== undefined && values[spec.name] !== spec.default).map((spec) => `--set ${shellQuote(`${spec.name}=${valueText(values[spec.name]!)}`)}`);
  return [`npx tsx ${teamCli} --json`, ...sets].join(" ");
}
