/**
 * Which assumption matters: Morris screening, then Sobol first-order (S1) and
 * total-effect (ST) indices with bootstrap 95% CIs, of a team's conversations per
 * month, cost per conversation and capacity multiplier over every assumption in force
 * (ranges in experiments/sensitivity/assumption-ranges.ts); or of the Ishigami test function, whose
 * indices are known, to check the estimators.
 *
 *   npx tsx commands/sensitivity.ts [--model team|ishigami] [--json] [--set name=value]... [--workers N]
 */
import { parseArgs } from "node:util";
import { executionHelp, withExecution } from "../runner/execution.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { integerOption, isMain, maxWorkers, runMain } from "../cli/command-line.ts";
import { helpTable, InputError, resolve } from "../experiments/inputs/params.ts";
import { runSensitivity, sensitivityModels, sensitivityParams, sensitivityText, type SensitivityModelId } from "../experiments/sensitivity/sensitivity-run.ts";

const command = "commands/sensitivity.ts";
const allowedOptions = "--model team|ishigami, --json, --set name=value, --workers N, --big, --help";

export function sensitivityHelp(): string {
  return [
    `usage: npx tsx ${command} [--model team|ishigami] [--json] [--set name=value]... [--workers N] [--big]`,
    "",
    "Which assumption matters. Morris elementary effects (μ*, σ) first, then Sobol indices S1 and ST by Saltelli",
    "sampling on a scrambled Sobol sequence, with bootstrap 95% CIs, for each output and each uncertain input.",
    "  team      the team planner's team (scenarios/team.ts) on one plan (default 6 seats on Recruiter Lite, LinkedIn's rules): team conversations",
    "            per month, cost per conversation (USD), capacity multiplier, over every assumption in force",
    "  ishigami  the Ishigami function (a = 7, b = 0.1): the CIs should contain S1 ≈ 0.3139, 0.4424, 0 and",
    "            ST ≈ 0.5576, 0.4424, 0.2437 (team parameters are not used)",
    "",
    "options:",
    "  --model M         team (default) or ishigami",
    "  --json            print the result as JSON: one row per (output, input) with S1, S1ci, ST, STci, muStar, sigma",
    "  --set name=value  override a parameter (repeatable)",
    `  --workers N       threads that simulate (default ${defaultWorkers()}, every core); results do not depend on it`,
    "  --big             run even when the estimate is above the 15-minute limit (runner/run-estimate.ts)",
    ...executionHelp,
    "  --help            this text",
    "",
    "parameters:",
    helpTable(sensitivityParams),
    "",
  ].join("\n");
}

export async function sensitivityCli(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        model: { type: "string" },
        json: { type: "boolean" },
        set: { type: "string", multiple: true },
        workers: { type: "string" },
        big: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new InputError(`${(err as Error).message.split("\n")[0]}; allowed: ${allowedOptions}`);
  }
  const o = parsed.values;
  if (o.help) {
    process.stdout.write(sensitivityHelp());
    return 0;
  }
  const model = o.model ?? "team";
  if (!(sensitivityModels as readonly string[]).includes(model)) {
    throw new InputError(`--model: ${JSON.stringify(model)} is not allowed; expected one of ${sensitivityModels.join(", ")}`);
  }
  const workers = o.workers === undefined ? defaultWorkers() : integerOption("--workers", o.workers, maxWorkers, "threads that simulate");
  const values = resolve(sensitivityParams, o.set ?? []);
  const report = await runSensitivity(model as SensitivityModelId, values, { workers, big: o.big === true }, o.set ?? []);
  process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${sensitivityText(report)}\n`);
  return 0;
}

if (isMain(import.meta.url)) runMain(command, () => withExecution(command, process.argv.slice(2), sensitivityCli));
