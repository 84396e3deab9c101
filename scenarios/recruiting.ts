/**
 * Recruiting (G12): recruiters on Recruiter Lite sourcing passive candidates on
 * weekdays, under LinkedIn's rules, with the Recruiter response-rate floor watching.
 *
 *   npx tsx scenarios/recruiting.ts [--json] [--set path=value]... [--workers N]
 */
import { isMain, main } from "../cli/command-line.ts";
import { generalCli } from "../cli/scenario-cli.ts";
import { recruiting } from "../experiments/general/presets.ts";

export const recruitingCli = generalCli(recruiting);

if (isMain(import.meta.url)) main(recruitingCli);
