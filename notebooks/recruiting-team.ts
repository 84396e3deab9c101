/**
 * How many seats of which recruiting plan hold a monthly target of candidate
 * conversations at a given response rate: conversations per seat for Recruiter Lite
 * (individual seats) and Recruiter (a pooled contract), the smallest team of each
 * found by simulating whole teams, its monthly cost, and how often LinkedIn's
 * response-rate floor warns and restricts seats over response rate × send rate.
 *
 *   npx tsx notebooks/recruiting-team.ts [--out FILE] [--set name=value]... [--workers N]
 */
import { isMain } from "../cli/command-line.ts";
import type { ParamValues } from "../experiments/inputs/params.ts";
import { notebookMain, type Notebook, type NotebookContext } from "../cli/notebook-cli.ts";
import { computeRecruitingTeam, type RecruitingTeamResults } from "./recruiting-team/compute.ts";
import { recruitingTeamPage } from "./recruiting-team/page.ts";
import { recruitingTeamParams, recruitingTeamParamsFrom } from "./recruiting-team/params.ts";

export { computeRecruitingTeam, recruitingTeamPage, recruitingTeamParams, recruitingTeamParamsFrom, type RecruitingTeamResults };

export const recruitingTeam: Notebook = {
  name: "recruiting-team",
  description:
    "Seats of Recruiter Lite (individual) or Recruiter (pooled contract) needed for a monthly target of candidate conversations\n" +
    "at your response rate, their monthly cost, and how often the Recruiter response-rate floor warns and restricts seats.\n" +
    "Writes one self-contained HTML page and prints its path.",
  params: recruitingTeamParams,
  async run(values: ParamValues, context: NotebookContext) {
    const results = await computeRecruitingTeam(recruitingTeamParamsFrom(values), { workers: context.workers, big: context.big });
    return recruitingTeamPage(results, context.provenance);
  },
};

if (isMain(import.meta.url)) notebookMain(recruitingTeam);
