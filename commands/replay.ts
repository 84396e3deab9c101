/**
 * Replays a real send log through a plan's credit rules (trace-driven: the log's sends
 * and responses, the plan's credits), then the same log on every other plan under both
 * policies, side by side, with each plan's price and cost per conversation. Policy
 * `linkedin` (LinkedIn's documented rules) unless `--policy guide`; every output names
 * the rules it used.
 *
 *   npx tsx commands/replay.ts --log FILE [--plan PLAN] [--policy linkedin|guide] [--json] [--skip-bad] ...
 */
import { policies } from "../models/policy.ts";
import { isMain, logLists, logOptions, logSwitches, runCommand, type CommandSpec } from "../cli/log-cli.ts";
import { runCommandLine } from "../cli/command.ts";

import { replayFromOptions } from "../cli/log-replay.ts";
import { replayText } from "../logs/replay-report.ts";

export const replaySpec: CommandSpec = {
  command: "commands/replay.ts",
  usage: "npx tsx commands/replay.ts --log FILE [--plan PLAN] [--policy linkedin|guide] [--map 'Header=field']... [--timezone Area/City] [--json] [--skip-bad] [options]",
  description:
    "Replays a send log through a plan's credit rules (LinkedIn's documented rules unless --policy guide): balance over time, credits " +
    "granted, used, refunded, lost (expired or forfeited) and held at the end, seat-days without credits — whether the log itself was " +
    "limited by credits — and the InMails that plan could not have sent (and when); then the same log on every plan under both " +
    "policies, with each plan's price and cost per conversation. Open-profile and connection rows use no credit. A response still " +
    "pending at the end refunds nothing.",
  options: logOptions,
  switches: logSwitches,
  lists: logLists,
  run: ["json"],
};

if (isMain(import.meta.url)) {
  runCommand(replaySpec.command, () =>
    runCommandLine(replaySpec, process.argv.slice(2), async (o) => {
      const { report, seats } = await replayFromOptions(o, replaySpec.command);
      seats.warn(process.stderr);
      process.stdout.write(o.run.json ? `${JSON.stringify(report, null, 2)}\n` : `${replayText(report)}\n`);
    }),
  );
}
