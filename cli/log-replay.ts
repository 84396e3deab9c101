/** The replay a log command asks for: its log read, windowed and replayed with the options given. */
import { loadLog, logReading, parseOptions, planPrices, replaySettings, resolvePlan, resolveWindow } from "./log-cli.ts";

import { runReplay, type ReplaySettingsResolved } from "../logs/replay-report.ts";

/** Reads the log and replays it as the command line asks. */
export async function replayFromOptions(o: ReturnType<typeof parseOptions>, command: string) {
  const reading = logReading(o);
  const full = await loadLog(o.values.log as string, o.switches["skip-bad"]!, process.stderr, command, reading);
  const window = resolveWindow(full, o.values, reading);
  const settings: ReplaySettingsResolved = {
    plan: resolvePlan(window.log, o.values),
    ...replaySettings(o.values),
    anchorMs: window.anchorMs,
    endMs: window.endMs,
    prices: planPrices(o.values),
    afterEnd: window.afterEnd,
    openingBalance: o.values["opening-balance"] as number | "auto",
    ...(reading.timeZone ? { timeZone: reading.timeZone.name } : {}),
  };
  return { log: window.log, window, settings, report: runReplay(window.log, settings) };
}

