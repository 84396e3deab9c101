/**
 * Calibrates the response model from a send log (outcome probabilities with Wilson
 * intervals, overall and per segment; the response delay, exponential vs lognormal,
 * censoring-aware, chosen by AIC), then forecasts each plan's outreach capacity with
 * the fitted model, parameter uncertainty carried into the bands.
 *
 *   npx tsx scenarios/calibrate.ts --log FILE [--json] [--skip-bad] [--draws N] [--seed N] ...
 */
import { calibrate, type Calibration } from "../models/calibration.ts";
import type { DelayFit, Estimate } from "../models/delay-fit.ts";
import { defaults as forecastDefaults, forecast, sendRateFromReplay } from "../models/forecast.ts";
import { DAY_MS, formatDate, formatIso } from "../models/iso-time.ts";
import { replayPlan } from "../models/plan-replay.ts";
import { planIds, plans, type PlanId } from "../models/plans.ts";
import { policyIds } from "../models/policy.ts";
import { INMAIL, logPlan, type SendLog } from "../models/send-log.ts";
import {
  helpText,
  isMain,
  loadLog,
  logOptions,
  logSwitches,
  parseOptions,
  replaySettings,
  resolveWindow,
  runCommand,
  type CommandSpec,
  type ParsedOptions,
  type ReplaySettings,
} from "./log-cli.ts";
import type { ParamSpec } from "./params.ts";

export const forecastOptions = [
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed of the forecast" },
  { name: "draws", kind: "integer", min: 2, max: 10_000, default: forecastDefaults.draws, description: "parameter draws (one simulation each); the bands are over them" },
  { name: "accounts", kind: "integer", min: 1, max: 100_000, default: forecastDefaults.accounts, description: "accounts simulated per draw" },
  { name: "cycles", kind: "integer", min: 1, max: 120, default: forecastDefaults.cycles, description: "cycles forecast" },
  {
    name: "sends-per-day",
    kind: "number",
    min: 0,
    minExclusive: true,
    max: 1_000_000,
    // 0 (not allowed on the command line) means: estimate it.
    default: 0,
    unit: "/day",
    description: "the sender's send rate while it has credits (default: estimated from the log's replay on its own plan)",
  },
] as const satisfies readonly ParamSpec[];

export const calibrateSpec: CommandSpec = {
  command: "scenarios/calibrate.ts",
  usage: "npx tsx scenarios/calibrate.ts --log FILE [--json] [--skip-bad] [options]",
  description:
    "Fits the response model to a send log's credit-using InMails — outcome probabilities (95% Wilson intervals) overall " +
    "and per segment, and the response delay (exponential and lognormal by maximum likelihood, pending responses " +
    "right-censored; lower AIC wins) — then forecasts every plan's outreach capacity under both policies with the fitted " +
    "model, drawing the parameters from their sampling distribution for each draw.",
  options: [...logOptions, ...forecastOptions],
  switches: logSwitches,
};

export interface SendRate {
  readonly sendsPerDay: number;
  readonly source: string;
}

/** The sender's send rate: given, else from a replay on the log's plan, else over the whole span. */
function resolveSendRate(
  log: SendLog,
  values: ParsedOptions["values"],
  settings: ReplaySettings,
  window: { anchorMs: number; endMs: number },
): SendRate {
  const given = values["sends-per-day"] as number;
  if (given > 0) return { sendsPerDay: given, source: "given (--sends-per-day)" };
  const plan = (values.plan as PlanId | "") || logPlan(log);
  if (plan !== undefined && plans[plan].creditsPerMonth > 0) {
    const r = replayPlan(log, plan, settings.policy, { ...window, refundAging: settings.refundAging, billingCycle: settings.billingCycle });
    return {
      sendsPerDay: sendRateFromReplay(r),
      source: `InMails sent ÷ account-days with credits, replaying the log on ${plan}, ${settings.policy} policy`,
    };
  }
  let inmails = 0;
  for (let i = 0; i < log.rows; i++) if (log.channel[i] === INMAIL) inmails++;
  const accountDays = ((window.endMs - window.anchorMs) / DAY_MS) * log.accounts.length;
  return { sendsPerDay: inmails / accountDays, source: "InMails ÷ account-days of the whole log (no plan known: a lower bound)" };
}

const estimate = (e: Estimate) => ({ estimate: e.estimate, ci95: e.ci95 });

function fitJson(f: DelayFit) {
  return {
    family: f.family,
    logLik: f.logLik,
    parameters: f.k,
    aic: f.aic,
    iterations: f.iterations,
    responseProbability: estimate(f.responseProbability),
    meanDays: estimate(f.meanDays),
    medianDays: estimate(f.medianDays),
    ...(f.sigma ? { sigma: estimate(f.sigma) } : {}),
    delay: f.delay,
  };
}

export function calibrationJson(c: Calibration) {
  return {
    end: formatIso(c.endMs),
    inmails: c.inmails,
    responses: c.responses,
    censored: c.censored,
    delay: {
      criterion: c.delay.criterion,
      best: c.delay.best,
      exponential: fitJson(c.delay.exponential),
      lognormal: fitJson(c.delay.lognormal),
    },
    outcomes: {
      settleDays: c.outcomes.settleDays,
      settledBefore: formatIso(c.outcomes.settledBeforeMs),
      settled: c.outcomes.settled,
      recent: c.outcomes.recent,
      overall: c.outcomes.overall,
      segments: c.outcomes.segments,
    },
    delayBins: c.delayBins,
  };
}

/** Calibration and forecast of a log, as plain JSON-ready data. */
export function runCalibration(
  log: SendLog,
  values: ParsedOptions["values"],
  settings: ReplaySettings,
  window: { anchorMs: number; endMs: number },
) {
  const c = calibrate(log, { endMs: window.endMs });
  const rate = resolveSendRate(log, values, settings, window);
  const seed = values.seed as number;
  const draws = values.draws as number;
  const accounts = values.accounts as number;
  const cycles = values.cycles as number;
  const f = forecast({
    calibration: c,
    plans: planIds.filter((p) => plans[p].creditsPerMonth > 0),
    policies: policyIds,
    sendsPerDay: rate.sendsPerDay,
    startDate: formatDate(window.endMs),
    seed,
    cycles,
    accounts,
    draws,
    refundAging: settings.refundAging,
    billingCycle: settings.billingCycle,
  });
  return {
    scenario: "calibrate" as const,
    log: { file: log.file, rows: log.rows, skipped: log.skipped.length, accounts: log.accounts.length },
    calibration: calibrationJson(c),
    forecast: {
      sendsPerDay: rate.sendsPerDay,
      sendsPerDaySource: rate.source,
      seed,
      draws,
      accounts,
      cycles,
      startDate: formatDate(window.endMs),
      rows: f.rows,
    },
    skipped: log.skipped,
  };
}

export type CalibrationReport = ReturnType<typeof runCalibration>;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number, d = 2) => x.toFixed(d);
const ci = (e: { estimate: number; ci95: readonly [number, number] }, f: (x: number) => string) =>
  `${f(e.estimate)} (95% CI ${f(e.ci95[0])}–${f(e.ci95[1])})`;

export function calibrationText(r: CalibrationReport): string {
  const c = r.calibration;
  const d = c.delay;
  const out = [
    `calibration of ${r.log.file}: ${c.inmails.toLocaleString("en-US")} credit-using InMails, ${c.responses.toLocaleString("en-US")} responses before ${c.end}, ${c.censored.toLocaleString("en-US")} without (censored)`,
    "",
    `response delay (maximum likelihood, no-response-yet rows right-censored; ${d.criterion} picks ${d.best}):`,
  ];
  for (const f of [d.exponential, d.lognormal]) {
    out.push(
      `  ${f.family.padEnd(11)} AIC ${num(f.aic, 1)}  P(response) ${ci(f.responseProbability, pct)}  median ${ci(f.medianDays, (x) => `${num(x)} d`)}  mean ${ci(f.meanDays, (x) => `${num(x)} d`)}` +
        (f.sigma ? `  sigma ${ci(f.sigma, (x) => num(x, 3))}` : ""),
    );
  }
  out.push(
    "",
    `outcome probabilities over ${c.outcomes.settled.toLocaleString("en-US")} settled InMails (sent by ${c.outcomes.settledBefore.slice(0, 10)}, ${num(c.outcomes.settleDays, 1)} days = 99.9% of responses before the end; ${c.outcomes.recent.toLocaleString("en-US")} more recent ones left out), 95% Wilson CIs:`,
  );
  for (const o of c.outcomes.overall) out.push(`  ${o.outcome.padEnd(9)} ${pct(o.p).padStart(6)}  (${pct(o.lo)}–${pct(o.hi)})  ${o.count} of ${o.n}`);
  const segs = [...new Set(c.outcomes.segments.map((s) => s.segment))];
  for (const seg of segs) {
    const rows = c.outcomes.segments.filter((s) => s.segment === seg);
    const groups = [...new Set(rows.map((s) => s.group))];
    out.push("", `by ${seg}:`);
    for (const g of groups) {
      const gr = rows.filter((s) => s.group === g);
      const n = gr[0]!.n;
      const cells = gr.map((s) => `${s.outcome} ${pct(s.p)}`).join(", ");
      out.push(`  ${g.padEnd(14)} n=${String(n).padStart(5)}  ${cells}`);
    }
  }
  const f = r.forecast;
  out.push(
    "",
    `forecast: ${f.accounts} accounts × ${f.cycles} cycles per draw, ${f.draws} parameter draws, seed ${f.seed}; ` +
      `sender sends ${num(f.sendsPerDay)}/day while it has credits (${f.sendsPerDaySource})`,
    "  InMails delivered per account per cycle, mean [95% band over draws]:",
  );
  for (const row of f.rows) {
    out.push(
      `  ${row.plan.padEnd(17)} ${row.policy.padEnd(9)} ${num(row.capacity.mean, 1).padStart(7)} [${num(row.capacity.lo, 1)}–${num(row.capacity.hi, 1)}]  ` +
        `× ${num(row.multiplier.mean)} the allotment of ${row.credits}; positive replies ${num(row.positives.mean, 1)}`,
    );
  }
  return out.join("\n");
}

if (isMain(import.meta.url)) {
  runCommand(calibrateSpec.command, async () => {
    const o = parseOptions(calibrateSpec, process.argv.slice(2));
    if (o.help) {
      process.stdout.write(helpText(calibrateSpec));
      return;
    }
    const log = await loadLog(o.values.log as string, o.switches["skip-bad"]!, process.stderr, calibrateSpec.command);
    const report = runCalibration(log, o.values, replaySettings(o.values), resolveWindow(log, o.values));
    process.stdout.write(o.switches.json ? `${JSON.stringify(report, null, 2)}\n` : `${calibrationText(report)}\n`);
  });
}
