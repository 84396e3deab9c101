import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { calibrateSpec, calibrationText, refuseHugeForecast, runCalibration } from "../../scenarios/calibrate.ts";
import { loadLog, parseOptions, replaySettings, resolveWindow } from "../../scenarios/log-cli.ts";
import { InputError } from "../../scenarios/params.ts";
import { runTsx } from "./run-cli.ts";

const SAMPLE = "data/sample-send-log.csv";
const quiet = { write: () => true };

describe("scenarios/calibrate.ts", () => {
  it("fits the sample and forecasts every plan under both policies, with cost per conversation and advice", () => {
    const r = runTsx("scenarios/calibrate.ts", ["--log", SAMPLE, "--end", "2026-12-27T00:00:00Z", "--json", "--draws", "4", "--accounts", "3", "--cycles", "3"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.policy).toBe("linkedin");
    expect(out.calibration.delay.best).toBe("lognormal");
    expect(out.forecast.rows).toHaveLength(10);
    for (const row of out.forecast.rows) {
      expect(row.costPerConversationUsd.mean).toBeCloseTo(row.priceUsdPerSeatPerMonth / row.positives.mean, 9);
      expect(row.costPerConversationUsd.lo).toBeLessThanOrEqual(row.costPerConversationUsd.hi);
    }
    // The sample's seats ran out of credits about half the time: the forecast says so and sends at the rate while they held credits.
    expect(out.forecast.limitedByCredits.shareOfSeatDaysWithoutCredits).toBeGreaterThan(0.3);
    expect(out.forecast.demandPerSeatPerMonth).toBeCloseTo(out.forecast.sendsPerDay * 30, 12);
    expect(out.forecast.advice.policy).toBe("linkedin");
  });

  it("a short log: calibrated, no NaN anywhere, the forecast refused with its reason", async () => {
    const o = parseOptions(calibrateSpec, ["--log", SAMPLE, "--end", "2026-01-12", "--draws", "2", "--accounts", "1", "--cycles", "1"]);
    const full = await loadLog(SAMPLE, false, quiet, calibrateSpec.command);
    const window = resolveWindow(full, o.values);
    expect(window.afterEnd).toBeGreaterThan(3000);
    const r = await runCalibration(window.log, o.values, replaySettings(o.values), window);
    expect(r.forecast).toBeNull();
    expect(r.forecastRefused).toMatch(/InMails are settled/);
    const text = calibrationText(r);
    expect(text).not.toMatch(/NaN/);
    expect(text).toMatch(/forecast: refused — only \d+ InMails are settled/);
    expect(JSON.stringify(r)).not.toMatch(/NaN/);
  });

  it("refuses a huge forecast before reading the log, with its estimate on the threads it would run on", () => {
    const o = parseOptions(calibrateSpec, ["--draws", "10000", "--accounts", "100000", "--cycles", "120"]);
    expect(() => refuseHugeForecast(o.values, false, 1)).toThrow(InputError);
    expect(() => refuseHugeForecast(o.values, false, 1)).toThrow(/at least 1\.2e12 events \(draws=10,000 × accounts=100,000 × cycles=120 × 10 plan-policy pairs\).*on one thread.*--big/);
    expect(() => refuseHugeForecast(o.values, true, 1)).not.toThrow();
    expect(() => refuseHugeForecast(parseOptions(calibrateSpec, []).values, false, 1)).not.toThrow();
    // At least 6e9 events: 20 minutes on one thread, 10 on two (where the machine has two cores).
    const twice = parseOptions(calibrateSpec, ["--draws", "10000", "--accounts", "10000", "--cycles", "6"]).values;
    expect(() => refuseHugeForecast(twice, false, 1)).toThrow(/at least 20 minutes on one thread/);
    if (availableParallelism() >= 2) expect(() => refuseHugeForecast(twice, false, 2)).not.toThrow();
  });
});
