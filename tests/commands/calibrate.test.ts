import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { calibrate } from "../../logs/calibration.ts";
import { forecastFromTallies, forecastSimulations } from "../../logs/forecast.ts";
import { policyIds } from "../../models/policy.ts";
import { simulateAll } from "../../models/simulate.ts";
import { chunkAccounts } from "../../runner/run-models.ts";
import { calibrateCommand, calibrateSpec } from "../../commands/calibrate.ts";
import { refuseHugeForecast } from "../../cli/forecast-options.ts";
import { calibrationText, runCalibration } from "../../logs/calibration-report.ts";
import { helpText, loadLog, parseOptions, payingPlans, replaySettings, resolveWindow } from "../../cli/log-cli.ts";
import { InputError } from "../../experiments/inputs/params.ts";
import { runInProcess } from "../support/in-process.ts";
import { runTsx } from "../support/run-cli.ts";

const SAMPLE = "data/sample-send-log.csv";
const quiet = { write: () => true };

describe("commands/calibrate.ts", () => {
  it("fits the sample and forecasts every plan under both policies, with cost per conversation and advice", () => {
    const r = runTsx("commands/calibrate.ts", ["--log", SAMPLE, "--end", "2026-12-27T00:00:00Z", "--json", "--draws", "4", "--accounts", "3", "--cycles", "3"]);
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

describe("commands/calibrate.ts run options", () => {
  const scratch = mkdtempSync(join(tmpdir(), "calibrate-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  // One more account than a job holds: every run of the forecast is two jobs.
  const args = ["--log", SAMPLE, "--json", "--draws", "2", "--accounts", String(chunkAccounts + 1), "--cycles", "1"];

  it("lists --workers and the execution options in --help", () => {
    const help = helpText(calibrateSpec);
    expect(help).toMatch(/^ {2}--workers N +threads that simulate/m);
    for (const flag of ["--queue URL", "--shard i/N", "--part FILE", "--from-part FILE"]) expect(help).toMatch(new RegExp(`^ {2}${flag} +\\S`, "m"));
  });

  it("forecasts the same bytes on one thread and on two, and as each run simulated in one chunk in this thread", async () => {
    const one = await runInProcess(() => calibrateCommand([...args, "--workers", "1"]));
    expect(one.code, one.stderr).toBe(0);
    const two = await runInProcess(() => calibrateCommand([...args, "--workers", "2"]));
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // The forecast as it was made before it went through the batch runner: simulateAll, one chunk per run.
    const out = JSON.parse(one.stdout);
    const window = resolveWindow(await loadLog(SAMPLE, false, quiet, calibrateSpec.command), parseOptions(calibrateSpec, []).values);
    const o = {
      calibration: calibrate(window.log, { endMs: window.endMs }),
      plans: payingPlans,
      policies: policyIds,
      sendsPerDay: out.forecast.sendsPerDay,
      startDate: out.forecast.startDate,
      seed: 1,
      draws: 2,
      accounts: chunkAccounts + 1,
      cycles: 1,
    };
    const simulations = forecastSimulations(o);
    const inThread = forecastFromTallies(
      o,
      simulations,
      simulations.runs.map((r) => simulateAll(r.model, r.seed, r.accounts, r.replications)),
    );
    const bands = (rows: readonly { plan: string; policy: string; capacity: unknown; multiplier: unknown; positives: unknown }[]) =>
      rows.map(({ plan, policy, capacity, multiplier, positives }) => ({ plan, policy, capacity, multiplier, positives }));
    expect(bands(out.forecast.rows)).toEqual(bands(inThread.rows));
  }, 60_000);

  it("shards: --shard 1/2 and 2/2 write parts only, and commands/merge.ts prints the full run's bytes", async () => {
    const full = await runInProcess(() => calibrateCommand([...args, "--workers", "1"]));
    expect(full.code, full.stderr).toBe(0);
    const parts = [1, 2].map((i) => join(scratch, `part${i}.json`));
    for (const [i, part] of parts.entries()) {
      const r = await runInProcess(() => calibrateCommand([...args, "--workers", "1", "--shard", `${i + 1}/2`, "--part", part]));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`wrote shard ${i + 1}/2 (20 of 40 jobs)`);
    }
    const merged = runTsx("commands/merge.ts", parts);
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(full.stdout);
  }, 60_000);
});
