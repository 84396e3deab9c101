/**
 * Which assumption matters, as a report: Morris screening, then Sobol indices S1 and
 * ST with bootstrap 95% CIs of a team's conversations per month, cost per conversation
 * and capacity multiplier over every assumption in force, the answer in words, the
 * ranges used, the simulation noise and the runs.
 *
 *   npx tsx notebooks/sensitivity.ts [--out FILE] [--set name=value]... [--workers N]
 */
import { isMain } from "../cli/command-line.ts";
import type { ParamValues } from "../experiments/inputs/params.ts";
import { jsonParams } from "../experiments/general/run-scenario.ts";
import { runSensitivity, sensitivityParams } from "../experiments/sensitivity/sensitivity-run.ts";
import { notebookMain, type Notebook, type NotebookContext } from "../cli/notebook-cli.ts";
import { sensitivityPage } from "./sensitivity/page.ts";

export const sensitivity: Notebook = {
  name: "sensitivity",
  description:
    "Which assumption matters: how much of the spread in a team's conversations per month, cost per conversation and\n" +
    "capacity multiplier comes from each assumption in force (Sobol indices with 95% CIs, Morris screening), with the\n" +
    "ranges used and what to measure. Writes one self-contained HTML page and prints its path.",
  params: sensitivityParams,
  async run(values: ParamValues, context: NotebookContext) {
    // The values typed are held, whatever they equal (a rate typed at its default included).
    const report = await runSensitivity("team", values, { workers: context.workers }, context.sets ?? []);
    // Parameters as the JSON prints them: a limit's Infinity reads "unlimited".
    return sensitivityPage(report, { ...context.provenance, params: jsonParams(values) });
  },
};

if (isMain(import.meta.url)) notebookMain(sensitivity);
