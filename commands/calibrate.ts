/**
 * Calibrates the response model from a send log (outcome probabilities with Wilson
 * intervals, overall and per segment; the response delay, exponential vs lognormal,
 * censoring-aware, chosen by AIC), then forecasts each plan's outreach capacity,
 * conversations and cost per conversation with the fitted model, parameter uncertainty
 * carried into the bands. A log too short or too odd to forecast from is still
 * calibrated as far as it can be; the forecast is then refused with the reason. A
 * forecast estimated to take longer than 15 minutes (runner/run-estimate.ts) is refused
 * before it starts (exit 2, with the estimate) unless `--big`.
 *
 * The forecast's runs go through the batch runner, so `--workers N`, `--queue URL` and
 * `--shard i/N --part FILE` (merged by commands/merge.ts) work as in every command that
 * runs models, with the same bytes.
 *
 *   npx tsx commands/calibrate.ts --log FILE [--json] [--skip-bad] [--draws N] [--seed N] [--workers N] ...
 */
import { calibrate } from "../logs/calibration.ts";
import { isMain, loadLog, loadSeats, logLists, logOptions, logReading, logSwitches, replaySettings, resolveWindow, runCommand, type CommandSpec } from "../cli/log-cli.ts";
import { runCommandLine } from "../cli/command.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { forecastBigHelp, forecastOptions, refuseHugeForecast } from "../cli/forecast-options.ts";
import { calibrationText, runCalibration } from "../logs/calibration-report.ts";

export const calibrateSpec: CommandSpec = {
  command: "commands/calibrate.ts",
  usage: "npx tsx commands/calibrate.ts --log FILE [--json] [--skip-bad] [options]",
  description:
    "Fits the response model to a send log's credit-using InMails — outcome probabilities (95% Wilson intervals) overall " +
    "and per segment, and the response delay (exponential and lognormal by maximum likelihood, pending responses " +
    "right-censored; lower AIC wins) — then forecasts every plan under both policies with the fitted model (InMails " +
    "delivered, conversations and cost per conversation, per seat per month), drawing the parameters from their sampling " +
    "distribution for each draw. A log too short to forecast from is calibrated as far as it can be and the forecast refused, with the reason.",
  options: [...logOptions, ...forecastOptions],
  switches: logSwitches,
  lists: logLists,
  run: ["json", "workers", "big"],
  runHelp: { big: forecastBigHelp },
  execution: true,
};

/**
 * commands/calibrate.ts with the arguments `argv` (the execution options choose where
 * the forecast's runs go); resolves with the exit code. Bad input throws (runCommand reports it: exit 2).
 */
export function calibrateCommand(argv: readonly string[]): Promise<number> {
  return runCommandLine(calibrateSpec, argv, async (o) => {
    const big = o.run.big;
    const threads = o.run.workers ?? defaultWorkers();
    refuseHugeForecast(o.values, big, threads);
    const reading = logReading(o);
    const full = await loadLog(o.values.log as string, o.switches["skip-bad"]!, process.stderr, calibrateSpec.command, reading);
    const seats = loadSeats(o.values, full, calibrateSpec.command);
    const window = resolveWindow(full, o.values, reading);
    const report = await runCalibration(window.log, o.values, replaySettings(o.values, seats.seats), window, { workers: threads, big });
    seats.warn(process.stderr);
    process.stdout.write(o.run.json ? `${JSON.stringify(report, null, 2)}\n` : `${calibrationText(report)}\n`);
  });
}

if (isMain(import.meta.url)) runCommand(calibrateSpec.command, () => calibrateCommand(process.argv.slice(2)));
