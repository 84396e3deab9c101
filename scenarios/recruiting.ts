/**
 * Recruiting (G12): recruiters on Recruiter Lite sourcing passive candidates on
 * weekdays, under LinkedIn's rules, with the Recruiter response-rate floor watching.
 *
 *   npx tsx scenarios/recruiting.ts [--json] [--set path=value]... [--workers N]
 */
import { isMain, main } from "../cli/command-line.ts";
import { generalCli } from "../cli/scenario-cli.ts";

export const recruiting = {
  command: "scenarios/recruiting.ts",
  name: "recruiting",
  description:
    "Recruiters sourcing passive candidates (Recruiter Lite, weekdays 9–18, up to 40 a day, 200 people a month),\n" +
    "LinkedIn's credit rules and its response-rate floor (≥ 13% on ≥ 100 InMails per 14 days).",
  persona: "recruiter" as const,
  defaults: {
    "enforcement.responseRateFloor": true,
    "message.bodyChars": 550,
    "message.personalised": true,
    "message.clearCallToAction": true,
  },
};

export const recruitingCli = generalCli(recruiting);

if (isMain(import.meta.url)) main(recruitingCli);
