/**
 * The replay report: a send log replayed on its plan and on every other plan, the
 * response model fitted to it, and the forecast capacity by plan, as one
 * self-contained HTML page (default out/replay.html, written atomically; its absolute
 * path is printed). Bad input → one line on stderr, exit code 2, nothing written.
 *
 * The forecast's runs go through the batch runner: `--workers N`, `--queue URL` and
 * `--shard i/N --part FILE` (merged by commands/merge.ts) work as in every command that
 * runs models.
 *
 *   npx tsx notebooks/replay.ts --log FILE [--out FILE] [--plan PLAN] [--policy guide|linkedin] [--skip-bad] [--workers N] ...
 */
import { formatIso } from "../models/iso-time.ts";
import type { Provenance } from "../reports/index.ts";
import { fileOutput, writeFileOutput } from "../cli/outputs.ts";
import { forecastBigHelp, forecastOptions, refuseHugeForecast } from "../cli/forecast-options.ts";
import { runCalibration } from "../logs/calibration-report.ts";
import { isMain, logLists, logOptions, logSwitches, runCommand, type CommandSpec } from "../cli/log-cli.ts";
import { runCommandLine } from "../cli/command.ts";
import { withoutOption } from "../cli/run-options.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { replayFromOptions } from "../cli/log-replay.ts";

export const replayNotebookSpec: CommandSpec = {
  command: "notebooks/replay.ts",
  usage: "npx tsx notebooks/replay.ts --log FILE [--out FILE] [--plan PLAN] [--policy linkedin|guide] [--map 'Header=field']... [--timezone Area/City] [--skip-bad] [options]",
  description:
    "Renders the replay of a send log (cost per conversation on every plan, whether credits limited the log, balance over time, " +
    "credits on every plan and policy), the fitted response model (outcome probabilities, fitted against observed response delays) " +
    "and the forecast by plan as a self-contained HTML report. LinkedIn's rules unless --policy guide.",
  options: [...logOptions, ...forecastOptions],
  switches: logSwitches,
  lists: logLists,
  run: ["out", "workers", "big"],
  out: { kind: "file", default: "out/replay.html", help: "where to write the report" },
  runHelp: { big: forecastBigHelp },
  execution: true,
};

/**
 * notebooks/replay.ts with the arguments `argv` (the execution options choose where the
 * forecast's runs go); resolves with the exit code. The page's command is the arguments
 * but --workers and the execution options (none changes the page).
 */
export function replayNotebookCommand(argv: readonly string[]): Promise<number> {
  return runCommandLine(replayNotebookSpec, argv, async (o) => {
    const out = fileOutput("--out", o.run.out ?? replayNotebookSpec.out!.default!);
    const big = o.run.big;
    const threads = o.run.workers ?? defaultWorkers();
    refuseHugeForecast(o.values, big, threads);
    const { log, window, settings, seats, report: replay } = await replayFromOptions(o, replayNotebookSpec.command);
    const cal = await runCalibration(log, o.values, settings, window, { workers: threads, big });
    // The page's renderer (Observable Plot and its DOM) loads only now: bad input is refused without it, in a fraction of the time.
    const [{ gitCommit, renderPage }, { replayPage }, { shellQuote }] = await Promise.all([import("../reports/index.ts"), import("./replay/page.ts"), import("../cli/notebook-cli.ts")]);
    const commit = gitCommit();
    const provenance: Provenance = {
      scenario: "replay",
      params: {
        log: log.file,
        plan: settings.plan ?? "(none)",
        policy: settings.policy,
        refundAging: settings.refundAging,
        billingCycle: settings.billingCycle,
        anchor: formatIso(window.anchorMs),
        end: formatIso(window.endMs),
        ...(settings.seats ? { seats: settings.seats.file } : {}),
        ...(cal.forecast ? { sendsPerDay: cal.forecast.sendsPerDay } : {}),
        accounts: o.values.accounts as number,
        cycles: o.values.cycles as number,
        skipBad: o.switches["skip-bad"]!,
      },
      seed: o.values.seed as number,
      replications: o.values.draws as number,
      ...(commit === undefined ? {} : { gitCommit: commit }),
      command: ["npx tsx notebooks/replay.ts", ...withoutOption(o.args, "--workers").map(shellQuote)].join(" "),
    };
    await writeFileOutput(out, renderPage(replayPage(replay, cal, provenance)));
    seats.warn(process.stderr);
    process.stdout.write(`${out.path}\n`);
    return 0;
  });
}

if (isMain(import.meta.url)) runCommand(replayNotebookSpec.command, () => replayNotebookCommand(process.argv.slice(2)));
