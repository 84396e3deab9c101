import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calibrate, type Calibration } from "../../logs/calibration.ts";
import { delayCdf, delayQuantile, fitDelays } from "../../logs/delay-fit.ts";
import { drawResponse, forecastFromTallies, forecastSimulations, type ForecastOptions } from "../../logs/forecast.ts";
import { fitOutcomes, wilson } from "../../logs/outcome-fit.ts";
import { outcomes } from "../../models/outcome.ts";
import { readSendLog } from "../../logs/read-send-log.ts";
import { simulateAll } from "../../models/simulate.ts";
import { createStream } from "../../sim/index.ts";
import { root } from "../support/run-cli.ts";
import { sampleLogParams, simulateSendLog, writeSimulatedLog, type SampleLogParams } from "../../logs/sample-log.ts";

const SAMPLE = join(root, "data/sample-send-log.csv");
const SAMPLE_END = Date.UTC(2026, 11, 27); // the simulation's horizon, data/README.md
const within = (x: number, ci: readonly [number, number]) => ci[0] <= x && x <= ci[1];

describe("the shipped sample", () => {
  it("is what the generator writes from the parameters in data/README.md", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "sample-")), "sample.csv");
    await writeSimulatedLog(simulateSendLog(sampleLogParams), path);
    expect(readFileSync(path, "utf8")).toBe(readFileSync(SAMPLE, "utf8"));
    const readme = readFileSync(join(root, "data/README.md"), "utf8");
    for (const o of outcomes) expect(readme).toContain(`| ${o} | ${sampleLogParams.outcomes[o]} |`);
  });
});

describe("calibration recovers the sample's known parameters within their 95% CIs", () => {
  let cal: Calibration;
  it("fits", async () => {
    cal = calibrate(await readSendLog(SAMPLE), { endMs: SAMPLE_END });
    expect(cal.inmails).toBe(cal.responses + cal.censored);
  });

  it("outcome probabilities (Wilson intervals over settled InMails)", () => {
    for (const row of cal.outcomes.overall) {
      expect(within(sampleLogParams.outcomes[row.outcome], [row.lo, row.hi]), `${row.outcome}: ${row.p} [${row.lo}, ${row.hi}]`).toBe(true);
    }
  });

  it("response delay: AIC picks the lognormal, and its median and sigma cover the truth", () => {
    const d = cal.delay!;
    expect(d.best).toBe("lognormal");
    expect(sampleLogParams.delay.kind).toBe("lognormal");
    const truth = sampleLogParams.delay as { medianDays: number; sigma: number };
    expect(within(truth.medianDays, d.lognormal.medianDays.ci95)).toBe(true);
    expect(within(truth.sigma, d.lognormal.sigma!.ci95)).toBe(true);
    const respond = 1 - sampleLogParams.outcomes.ignored;
    expect(within(respond, d.lognormal.responseProbability.ci95)).toBe(true);
  });

  it("the fitted delay shares match the observed ones", () => {
    for (const b of cal.delayBins) expect(Math.abs(b.lognormal - b.observed)).toBeLessThan(0.04);
  });
});

describe("delay fit", () => {
  it("picks the exponential for exponential delays and recovers the mean, censoring included", async () => {
    const p: SampleLogParams = { ...sampleLogParams, delay: { kind: "exponential", meanDays: 4 }, seed: 11 };
    const sim = simulateSendLog(p);
    const path = join(mkdtempSync(join(tmpdir(), "exp-")), "log.csv");
    await writeSimulatedLog(sim, path);
    const cal = calibrate(await readSendLog(path), { endMs: sim.endMs });
    expect(cal.delay!.best).toBe("exponential");
    expect(within(4, cal.delay!.exponential.meanDays.ci95)).toBe(true);
  });

  it("treats no response by the end as censored, not as ignored", () => {
    // 2,000 InMails sent uniformly over 20 days; half are answered after an exponential
    // delay of mean 3 days; the log ends at day 20, so late answers are not seen yet.
    const u = createStream(1, 0, "test", "censoring");
    const delays: number[] = [];
    const censoredAt: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const sent = 20 * u();
      const responds = u() < 0.5;
      const delay = -3 * Math.log(1 - u());
      if (responds && sent + delay < 20) delays.push(delay);
      else censoredAt.push(20 - sent);
    }
    const f = fitDelays({ delays: Float64Array.from(delays), censoredAt: Float64Array.from(censoredAt) });
    // Counting the unanswered as ignored would say fewer respond, and sooner.
    // The naive share is 0.5 · (1 − E[e^(−(20 − sent)/3)]) ≈ 0.425: outside the fit's interval for 0.5.
    expect(delays.length / 2000).toBeLessThan(0.46);
    expect(within(delays.length / 2000, f.exponential.responseProbability.ci95)).toBe(false);
    expect(f.best).toBe("exponential");
    expect(within(0.5, f.exponential.responseProbability.ci95)).toBe(true);
    expect(within(3, f.exponential.meanDays.ci95)).toBe(true);
    expect(delayQuantile(f.lognormal.delay, 0.5)).toBeCloseTo(f.lognormal.medianDays.estimate, 9);
    expect(delayCdf(f.exponential.delay, delayQuantile(f.exponential.delay, 0.9))).toBeCloseTo(0.9, 9);
  });

  it("Wilson intervals", () => {
    const [lo, hi] = wilson(10, 100);
    expect(lo).toBeCloseTo(0.0552, 3);
    expect(hi).toBeCloseTo(0.1744, 3);
    expect(wilson(0, 20)[0]).toBe(0);
  });
});

describe("outcome segments", () => {
  it("message lengths fall in LinkedIn's bands, upper bounds inclusive (those of the length lever)", async () => {
    const lengths = ["1", "400", "401", "800", "801", "1200", "1201", "5000", ""];
    const rows = lengths.map((len, i) => `2026-01-05T09:00:00Z,r${i},replied,2026-01-06T09:00:00Z,${len}`);
    const path = join(mkdtempSync(join(tmpdir(), "bands-")), "log.csv");
    writeFileSync(path, ["sentAt,recipientId,outcome,respondedAt,messageLength", ...rows].join("\n"));
    const fit = fitOutcomes(await readSendLog(path), { endMs: Date.UTC(2026, 1, 1), settleDays: 1 });
    const groups = fit.segments.filter((r) => r.segment === "message length" && r.outcome === "replied").map((r) => [r.group, r.n]);
    expect(groups).toEqual([
      ["up to 400", 2],
      ["401–800", 2],
      ["801–1,200", 2],
      ["over 1,200", 2],
      ["(none)", 1],
    ]);
  });
});

/** The forecast with each of its runs simulated in this thread, in one chunk. */
function forecastInThread(o: ForecastOptions) {
  const simulations = forecastSimulations(o);
  return forecastFromTallies(
    o,
    simulations,
    simulations.runs.map((r) => simulateAll(r.model, r.seed, r.accounts, r.replications)),
  );
}

describe("forecast", () => {
  it("draws parameters per draw from seeded streams, and is reproducible", async () => {
    const cal = calibrate(await readSendLog(SAMPLE), { endMs: SAMPLE_END });
    const a = drawResponse(cal, 1, 0);
    expect(drawResponse(cal, 1, 0)).toEqual(a);
    expect(drawResponse(cal, 1, 1)).not.toEqual(a);
    expect(a.outcomeProbabilities.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    const o = {
      calibration: cal,
      plans: ["premium-career", "recruiter"] as const,
      policies: ["linkedin"] as const,
      sendsPerDay: 2.8,
      startDate: "2026-12-27",
      seed: 3,
      draws: 8,
      accounts: 5,
      cycles: 4,
    };
    const f = forecastInThread(o);
    expect(forecastInThread(o).rows).toEqual(f.rows);
    for (const row of f.rows) {
      expect(row.capacity.lo).toBeLessThanOrEqual(row.capacity.mean);
      expect(row.capacity.hi).toBeGreaterThanOrEqual(row.capacity.mean);
      expect(row.capacity.hi).toBeGreaterThan(row.capacity.lo);
    }
    // 5 credits a month with about 32% refunded: close to C / (1 − r) ≈ 7.4 InMails a cycle.
    const career = f.rows.find((r) => r.plan === "premium-career")!;
    expect(career.capacity.mean).toBeGreaterThan(6);
    expect(career.capacity.mean).toBeLessThan(8.5);
    // Recruiter's 150 credits outlast the sender's demand of about 2.8 × 30 a cycle.
    const recruiter = f.rows.find((r) => r.plan === "recruiter")!;
    expect(recruiter.capacity.mean).toBeLessThan(90);
  });
});

describe("short or odd logs: calibrated as far as they allow, never NaN, no forecast", () => {
  const dir = mkdtempSync(join(tmpdir(), "odd-"));
  let n = 0;
  const write = (lines: readonly string[]) => {
    const path = join(dir, `log-${n++}.csv`);
    writeFileSync(path, `${lines.join("\n")}\n`);
    return path;
  };
  const finite = (value: unknown): boolean =>
    typeof value === "number" ? Number.isFinite(value) : Array.isArray(value) ? value.every(finite) : value !== null && typeof value === "object" ? Object.values(value).every(finite) : true;

  it("the sample's first 199 rows (26 days): a shorter settle time, stated; finite rates; the forecast refused with the reason", async () => {
    const lines = readFileSync(SAMPLE, "utf8").split("\n").slice(0, 200);
    const log = await readSendLog(write(lines));
    const cal = calibrate(log, { endMs: Date.UTC(2026, 0, 27) });
    expect(cal.delay).not.toBeNull();
    // The fitted 99.9% quantile is longer than the log: nothing would be settled at it.
    expect(delayQuantile(cal.delay![cal.delay!.best].delay, 0.999)).toBeGreaterThan(26);
    expect(cal.outcomes.settleRule).not.toBe("quantile-0.999");
    expect(cal.outcomes.settled).toBeGreaterThanOrEqual(30);
    expect(cal.outcomes.note).toMatch(/shorter settle time|lower bounds/);
    expect(cal.outcomes.overall).toHaveLength(outcomes.length);
    expect(finite(cal.outcomes)).toBe(true);
    expect(cal.forecastProblem).toMatch(/^only 0 InMails are settled .*a forecast needs at least 30/);
    expect(() =>
      forecastSimulations({ calibration: cal, plans: ["recruiter-lite"], policies: ["linkedin"], sendsPerDay: 3, startDate: "2026-01-27", seed: 1, draws: 2, accounts: 1, cycles: 1 }),
    ).toThrow(/no forecast: only 0 InMails/);
  });

  const head = "sentAt,recipientId,outcome,respondedAt";
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, 1 + day, hour)).toISOString();

  it("delays all zero (respondedAt = sentAt): says so, instead of blaming the log's size", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `${at(i % 60, 9)},r${i},replied,${at(i % 60, 9)}` : `${at(i % 60, 10)},r${i},,`));
    const cal = calibrate(await readSendLog(write([head, ...rows])), { endMs: Date.UTC(2026, 3, 1) });
    expect(cal.delay).toBeNull();
    expect(cal.delayProblem).toMatch(/every one of the 100 responses is stamped at its send instant \(delay 0\)/);
    expect(cal.outcomes.settleRule).toBe("none");
    expect(cal.outcomes.overall.find((o) => o.outcome === "replied")!.p).toBeCloseTo(1 / 3, 12);
    expect(cal.forecastProblem).toMatch(/could not be fitted: every one of the 100 responses/);
    expect(cal.delayBins).toEqual([]);
  });

  it("every response at one instant (an export time): says so", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i % 4 === 0 ? `${at(i % 60, 9)},r${i},accepted,2026-03-31T12:00:00Z` : `${at(i % 60, 10)},r${i},,`));
    const cal = calibrate(await readSendLog(write([head, ...rows])), { endMs: Date.UTC(2026, 3, 1) });
    expect(cal.delayProblem).toMatch(/all 75 responses are stamped at one instant \(2026-03-31T12:00:00.000Z\)/);
  });

  it("no response at all: no delay fit, every rate still defined", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${at(i % 20, 9)},r${i},ignored,`);
    const cal = calibrate(await readSendLog(write([head, ...rows])), { endMs: Date.UTC(2026, 1, 1) });
    expect(cal.delayProblem).toMatch(/at least 2 responses/);
    expect(cal.outcomes.overall.find((o) => o.outcome === "ignored")!.p).toBe(1);
    expect(finite(cal.outcomes)).toBe(true);
  });
});
