/**
 * The flagship report (`npm start`): effective outreach capacity of every InMail plan
 * against the reply rate, under both credit policies side by side, with the capacity
 * multiplier over reply rate × response delay, a sample account's balance, cost per
 * conversation and what separates the two policies.
 *
 *   npx tsx notebooks/capacity-by-plan.ts [--out FILE] [--set name=value]... [--workers N]
 */
import { isMain } from "../cli/command-line.ts";
import type { ParamValues } from "../experiments/inputs/params.ts";
import { computeCapacityByPlan, type CapacityByPlanResults } from "./capacity-by-plan/compute.ts";
import { capacityByPlanPage } from "./capacity-by-plan/page.ts";
import { capacityByPlanParams, capacityByPlanParamsFrom } from "./capacity-by-plan/params.ts";
import { notebookMain, type Notebook, type NotebookContext } from "../cli/notebook-cli.ts";

export { computeCapacityByPlan, capacityByPlanPage, capacityByPlanParams, capacityByPlanParamsFrom, type CapacityByPlanResults };

export const capacityByPlan: Notebook = {
  name: "capacity-by-plan",
  description:
    "Effective outreach capacity (InMails per account per month) of every InMail plan against the reply rate,\n" +
    "under the guide's and LinkedIn's credit policies side by side; cost per conversation; what each policy changes.\n" +
    "Writes one self-contained HTML page and prints its path.",
  params: capacityByPlanParams,
  async run(values: ParamValues, context: NotebookContext) {
    const results = await computeCapacityByPlan(capacityByPlanParamsFrom(values), { workers: context.workers, big: context.big });
    return capacityByPlanPage(results, context.provenance);
  },
};

if (isMain(import.meta.url)) notebookMain(capacityByPlan);
