/**
 * The team planner's report: the same team totals as `scenarios/team.ts` for the same
 * settings (same runs, same formatting), as one self-contained page → out/team.html.
 *
 *   npx tsx notebooks/team.ts [--out FILE] [--set name=value]... [--workers N]
 */
import { runModels } from "../runner/run-models.ts";
import { isMain } from "../cli/command-line.ts";
import type { ParamSpec, ParamValues } from "../experiments/inputs/params.ts";
import { teamParams } from "../experiments/team/team-params.ts";
import { planTeam, teamSizeWords } from "../experiments/team/team-plan.ts";
import { teamResult } from "../experiments/team/team-result.ts";
import { notebookMain, type Notebook, type NotebookContext } from "../cli/notebook-cli.ts";
import { teamPage } from "./team/page.ts";

const titleParam: ParamSpec = { name: "title", kind: "string", maxLength: 200, default: "Team planner: InMail per team per month and per quarter", description: "the report's title" };

export const teamNotebook: Notebook = {
  name: "team",
  description:
    "A team's InMail totals per month and per quarter (95% CIs), cost per conversation and the best plan, as\n" +
    "scenarios/team.ts prints them for the same settings. Writes one self-contained HTML page and prints its path.",
  params: [titleParam, ...teamParams],
  async run(values: ParamValues, context: NotebookContext) {
    const { title, ...team } = values;
    const plan = planTeam(team);
    const result = teamResult(plan, await runModels(plan.runs, { workers: context.workers, big: context.big, label: "team", sizeWords: teamSizeWords }));
    return teamPage(result, context.provenance, String(title));
  },
};

if (isMain(import.meta.url)) notebookMain(teamNotebook);
