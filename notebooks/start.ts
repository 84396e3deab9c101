/**
 * `npm start`: writes the flagship report (capacity by plan, out/capacity-by-plan.html)
 * and the what-if explorer (out/explorer.html) on their defaults, and prints both paths,
 * the flagship's first. The explorer's bundle builds while the flagship simulates.
 *
 *   npx tsx notebooks/start.ts
 */
import { commandMain, isMain } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { capacityByPlan } from "./capacity-by-plan.ts";
import { writeExplorer } from "./explorer.ts";
import { runNotebookCli } from "../cli/notebook-cli.ts";

export const startSpec: CommandSpec = {
  command: "notebooks/start.ts",
  usage: "npm start (or npx tsx notebooks/start.ts)",
  description:
    "Writes the flagship report (capacity by plan, out/capacity-by-plan.html) and the what-if explorer\n" +
    "(out/explorer.html) on their defaults, and prints both paths. To change an input, run\n" +
    "notebooks/capacity-by-plan.ts --set name=value (its --help lists them), or move the explorer's controls.",
  options: [],
};

export async function start(): Promise<number> {
  const explorer = writeExplorer("out/explorer.html");
  // Awaited below either way, so a failure of one is never left unhandled.
  explorer.catch(() => {});
  const code = await runNotebookCli(capacityByPlan, []);
  const path = await explorer;
  if (code !== 0) return code;
  process.stdout.write(`${path}\n`);
  return 0;
}

if (isMain(import.meta.url)) commandMain(startSpec, start);
