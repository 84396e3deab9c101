/** The replay a log command asks for: its log read, windowed and replayed with the options given. */
import { loadLog, loadSeats, logReading, parseOptions, planPrices, replaySettings, resolvePlan, resolveWindow } from "./log-cli.ts";

import { runReplay, type ReplaySettingsResolved } from "../logs/replay-report.ts";

/** Reads the log (and the seats file, --seats) and replays it as the command line asks; `seats.warn` is the caller's to call once its run succeeds. */
export async function replayFromOptions(o: ReturnType<typeof parseOptions>, command: string) {
  const reading = logReading(o);
  const full = await loadLog(o.values.log as string, o.switches["skip-bad"]!, process.stderr, command, reading);
  const loaded = loadSeats(o.values, full, command);
  const seats = loaded.seats;
  const window = resolveWindow(full, o.values, reading);
  const settings: ReplaySettingsResolved = {
    plan: resolvePlan(window.log, o.values, seats),
    ...replaySettings(o.values, seats),
    anchorMs: window.anchorMs,
    endMs: window.endMs,
    prices: planPrices(o.values),
    afterEnd: window.afterEnd,
    ...(reading.timeZone ? { timeZone: reading.timeZone.name } : {}),
  };
  return { log: window.log, window, settings, seats: loaded, report: runReplay(window.log, settings, loaded.notInLog) };
}
