/**
 * Sales prospecting (G12): SDRs and AEs on Sales Navigator reaching executives,
 * with credits granted on the 1st of each month (UTC), some Open Profile members
 * messaged free, and connection requests when InMail is out.
 *
 *   npx tsx scenarios/sales-prospecting.ts [--json] [--set path=value]... [--workers N]
 */
import { isMain, main } from "../cli/command-line.ts";
import { generalCli } from "../cli/scenario-cli.ts";

export const salesProspecting = {
  command: "scenarios/sales-prospecting.ts",
  name: "sales-prospecting",
  description:
    "Sellers prospecting executives on Sales Navigator (50 credits on the 1st of each month, cap 150),\n" +
    "10% Open Profile members messaged free (assumed share), connection requests as a fallback.",
  persona: "seller" as const,
  defaults: {
    "audience.openProfileShare": 0.1,
    "connections.use": "fallback",
    "connections.acceptRate": 0.2,
    "message.bodyChars": 380,
    "message.specificSubject": true,
    "message.mutualGround": true,
  },
};

export const salesProspectingCli = generalCli(salesProspecting);

if (isMain(import.meta.url)) main(salesProspectingCli);
