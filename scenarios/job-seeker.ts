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

export const jobSeeker = {
  command: "scenarios/job-seeker.ts",
  name: "job-seeker",
  description:
    "A job seeker on Premium Career (5 credits a month) writing to hiring managers in the evenings and at weekends.\n" +
    "Compare the free channel with --set plan=basic --set connections.use=only --set connections.noteChars=180.",
  persona: "job-seeker" as const,
  defaults: {
    "message.bodyChars": 450,
    "message.mutualGround": true,
    "message.clearCallToAction": true,
  },
};

export const jobSeekerCli = generalCli(jobSeeker);

if (isMain(import.meta.url)) main(jobSeekerCli);
