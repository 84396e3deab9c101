/**
 * The replay report: a send log replayed on its plan and on every other plan, the
 * response model fitted to it, and the forecast capacity by plan, as one
 * self-contained HTML page (default out/replay.html, written atomically; its absolute
 * path is printed). Bad input → one line on stderr, exit code 2, nothing written.
 *
 *   npx tsx notebooks/replay.ts --log FILE [--out FILE] [--plan PLAN] [--policy guide|linkedin] [--skip-bad] ...
 */
import { formatIso } from "../models/iso-time.ts";
import { gitCommit, renderPage, type Provenance } from "../reports/index.ts";
import { fileOutput, writeFileOutput } from "../scenarios/outputs.ts";
import { calibrateSpec, forecastOptions, runCalibration } from "../scenarios/calibrate.ts";
import {
  helpText,
  isMain,
  loadLog,
  logOptions,
  parseOptions,
  replaySettings,
  resolvePlan,
  resolveWindow,
  runCommand,
  type CommandSpec,
} from "../scenarios/log-cli.ts";
import { runReplay } from "../scenarios/replay.ts";
import { shellQuote } from "./notebook-cli.ts";
import { replayPage } from "./replay/page.ts";

export const replayNotebookSpec: CommandSpec = {
  command: "notebooks/replay.ts",
  usage: "npx tsx notebooks/replay.ts --log FILE [--out FILE] [--skip-bad] [options]",
  description:
    "Renders the replay of a send log (balance over time, what-if on every plan and policy), the fitted response model " +
    "(outcome probabilities, fitted against observed response delays) and the forecast capacity by plan as a self-contained HTML report.",
  options: [
    ...logOptions,
    ...forecastOptions,
    { name: "out", kind: "string", maxLength: 4096, default: "out/replay.html", description: "where to write the report" },
  ],
  switches: { "skip-bad": calibrateSpec.switches["skip-bad"]! },
};

if (isMain(import.meta.url)) {
  runCommand(replayNotebookSpec.command, async () => {
    const argv = process.argv.slice(2);
    const o = parseOptions(replayNotebookSpec, argv);
    if (o.help) {
      process.stdout.write(helpText(replayNotebookSpec));
      return;
    }
    const out = fileOutput("--out", o.values.out as string);
    const log = await loadLog(o.values.log as string, o.switches["skip-bad"]!, process.stderr, replayNotebookSpec.command);
    const settings = replaySettings(o.values);
    const window = resolveWindow(log, o.values);
    const plan = resolvePlan(log, o.values);
    const replay = runReplay(log, { plan, ...settings, ...window });
    const cal = runCalibration(log, o.values, settings, window);
    const commit = gitCommit();
    const provenance: Provenance = {
      scenario: "replay",
      params: {
        log: log.file,
        plan,
        ...settings,
        anchor: formatIso(window.anchorMs),
        end: formatIso(window.endMs),
        sendsPerDay: cal.forecast.sendsPerDay,
        accounts: cal.forecast.accounts,
        cycles: cal.forecast.cycles,
        skipBad: o.switches["skip-bad"]!,
      },
      seed: cal.forecast.seed,
      replications: cal.forecast.draws,
      ...(commit === undefined ? {} : { gitCommit: commit }),
      command: ["npx tsx notebooks/replay.ts", ...argv.map(shellQuote)].join(" "),
    };
    await writeFileOutput(out, renderPage(replayPage(replay, cal, provenance)));
    process.stdout.write(`${out.path}\n`);
  });
}
