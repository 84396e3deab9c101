/**
 * Sales prospecting (G12): SDRs and AEs on Sales Navigator reaching executives,
 * with credits granted on the 1st of each month (UTC), some Open Profile members
 * messaged free, and connection requests when InMail is out.
 *
 *   npx tsx scenarios/sales-prospecting.ts [--json] [--set path=value]... [--workers N]
 */
import { isMain, main } from "../cli/command-line.ts";
import { generalCli } from "../cli/scenario-cli.ts";
import { salesProspecting } from "../experiments/general/presets.ts";

export const salesProspectingCli = generalCli(salesProspecting);

if (isMain(import.meta.url)) main(salesProspectingCli);
