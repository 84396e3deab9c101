/**
 * Career networking (G12): a job seeker on Premium Career writing to hiring managers
 * in the evenings and at weekends — 5 credits a month, waiting for the next grant
 * when they run out.
 *
 *   npx tsx scenarios/job-seeker.ts [--json] [--set path=value]... [--workers N]
 *   npx tsx scenarios/job-seeker.ts --set plan=basic --set connections.use=only   # the free channel
 */
import { isMain, main } from "../cli/command-line.ts";
import { generalCli } from "../cli/scenario-cli.ts";
import { jobSeeker } from "../experiments/general/presets.ts";

export const jobSeekerCli = generalCli(jobSeeker);

if (isMain(import.meta.url)) main(jobSeekerCli);
