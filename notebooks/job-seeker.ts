/**
 * Premium Career InMail or free connection requests for a job search: conversations a
 * month, cost per conversation and months to a target number of conversations for
 * InMail only, connection requests only (Basic) and InMail with connection requests
 * as a fallback, and how the answer moves with the invitation acceptance rate and the
 * InMail response rate.
 *
 *   npx tsx notebooks/job-seeker.ts [--out FILE] [--set name=value]... [--workers N]
 */
import { isMain } from "../cli/command-line.ts";
import type { ParamValues } from "../experiments/inputs/params.ts";
import { computeJobSeeker, type JobSeekerResults } from "./job-seeker/compute.ts";
import { jobSeekerPage } from "./job-seeker/page.ts";
import { jobSeekerParams, jobSeekerParamsFrom } from "./job-seeker/params.ts";
import { notebookMain, type Notebook, type NotebookContext } from "../cli/notebook-cli.ts";

export { computeJobSeeker, jobSeekerPage, jobSeekerParams, jobSeekerParamsFrom, type JobSeekerResults };

export const jobSeekerNotebook: Notebook = {
  name: "job-seeker",
  description:
    "Premium Career InMail against free connection requests for a job search: conversations a month with CIs, cost per\n" +
    "conversation and months to a target, for InMail only, connection requests only (Basic) and InMail then connection\n" +
    "requests; and how it depends on the invitation acceptance rate and the InMail response rate.\n" +
    "Writes one self-contained HTML page and prints its path.",
  params: jobSeekerParams,
  async run(values: ParamValues, context: NotebookContext) {
    const results = await computeJobSeeker(jobSeekerParamsFrom(values), { workers: context.workers, big: context.big });
    return jobSeekerPage(results, context.provenance);
  },
};

if (isMain(import.meta.url)) notebookMain(jobSeekerNotebook);
