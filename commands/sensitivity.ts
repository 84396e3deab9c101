/**
 * Which assumption matters: Morris screening, then Sobol first-order (S1) and
 * total-effect (ST) indices with bootstrap 95% CIs, of a team's conversations per
 * month, cost per conversation and capacity multiplier over every assumption in force
 * (ranges in experiments/sensitivity/assumption-ranges.ts); or of the Ishigami test function, whose
 * indices are known, to check the estimators.
 *
 *   npx tsx commands/sensitivity.ts [--model team|ishigami] [--json] [--set name=value]... [--workers N]
 */
import { runCommandLine, runMain } from "../cli/command.ts";
import { helpText } from "../cli/help.ts";
import type { CommandSpec } from "../cli/options.ts";
import { isMain } from "../cli/command-line.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { InputError, resolve } from "../experiments/inputs/params.ts";
import { runSensitivity, sensitivityModels, sensitivityParams, sensitivityText, type SensitivityModelId } from "../experiments/sensitivity/sensitivity-run.ts";

const command = "commands/sensitivity.ts";

export const sensitivitySpec: CommandSpec = {
  command,
  usage: `npx tsx ${command} [--model team|ishigami] [--json] [--set name=value]... [options]`,
  description: [
    "Which assumption matters. Morris elementary effects (μ*, σ) first, then Sobol indices S1 and ST by Saltelli",
    "sampling on a scrambled Sobol sequence, with bootstrap 95% CIs, for each output and each uncertain input.",
    "  team      the team planner's team (scenarios/team.ts) on one plan (default 6 seats on Recruiter Lite, LinkedIn's rules): " +
      "team conversations per month, cost per conversation (USD), capacity multiplier, over every assumption in force",
    "  ishigami  the Ishigami function (a = 7, b = 0.1): the CIs should contain S1 ≈ 0.3139, 0.4424, 0 and " + "ST ≈ 0.5576, 0.4424, 0.2437 (team parameters are not used)",
  ].join("\n"),
  // Checked below, not as an enum: its message lists the models without a guess.
  options: [{ name: "model", kind: "string", maxLength: 4096, default: "team", description: "team or ishigami" }],
  run: ["json", "workers", "big"],
  runHelp: {
    json: "print the result as JSON: one row per (output, input) with S1, S1ci, ST, STci, muStar, sigma",
    big: "run even when the estimate is above the 15-minute limit (runner/run-estimate.ts)",
  },
  execution: true,
  params: sensitivityParams,
};

export function sensitivityHelp(): string {
  return helpText(sensitivitySpec);
}

/** commands/sensitivity.ts with the arguments `argv` (its execution options included); resolves with the exit code. */
export function sensitivityCli(argv: readonly string[]): Promise<number> {
  return runCommandLine(sensitivitySpec, argv, async (o) => {
    const model = o.values.model as string;
    if (!(sensitivityModels as readonly string[]).includes(model)) {
      throw new InputError(`--model: ${JSON.stringify(model)} is not allowed; expected one of ${sensitivityModels.join(", ")}`);
    }
    const workers = o.run.workers ?? defaultWorkers();
    const values = resolve(sensitivityParams, o.sets);
    const report = await runSensitivity(model as SensitivityModelId, values, { workers, big: o.run.big }, o.sets);
    process.stdout.write(o.run.json ? `${JSON.stringify(report, null, 2)}\n` : `${sensitivityText(report)}\n`);
  });
}

if (isMain(import.meta.url)) runMain(command, () => sensitivityCli(process.argv.slice(2)));
