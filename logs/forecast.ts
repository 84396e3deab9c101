/**
 * Forecast: the calibrated response model run forward through the simulator under each
 * plan and policy. Parameter uncertainty is carried into the bands: each draw takes its
 * own outcome probabilities (Dirichlet on the settled counts + ½, a Jeffreys prior) and
 * delay parameters (normal on the fit's scale, see drawDelay), from seeded streams
 * (seed, draw, "forecast", purpose), then simulates `accounts` accounts with them.
 * Every plan and policy sees the same draws and the same simulation seed per draw
 * (common random numbers), so their differences are not noise.
 * Bands are the 2.5% and 97.5% quantiles over draws of the per-draw mean per account
 * per cycle: parameter uncertainty plus the simulation noise of `accounts` accounts.
 *
 * This module simulates nothing itself: `forecastSimulations` gives the runs (one per
 * plan, policy and draw), the caller runs them (commands/calibrate.ts, through the batch
 * runner), and `forecastFromTallies` builds the bands from their tallies. Tallies are
 * integer counts, so how the runs' accounts are cut into jobs changes nothing.
 */
import { quantile } from "d3-array";
import { randomGamma, randomNormal } from "d3-random";
import { createStream } from "../sim/index.ts";
import type { AccountModel } from "../models/account-simulation.ts";
import type { Calibration } from "./calibration.ts";
import { CalibrationError, drawDelay } from "./delay-fit.ts";
import { planSchedule, BILLING_CYCLE_DAYS, type BillingCycle } from "./plan-replay.ts";
import { plans, type PlanId } from "../models/plans.ts";
import { rulesForPlan, type PolicyId, type RefundAging } from "../models/policy.ts";
import type { ResponseSpec } from "../models/response-model.ts";
import { summarize } from "../models/summary.ts";
import type { Tally } from "../models/tally.ts";

export const defaults = {
  cycles: 12,
  accounts: 20,
  draws: 40,
  /** Added to every settled count before drawing outcome probabilities. */
  dirichletPrior: 0.5,
} as const;

export interface ForecastOptions {
  readonly calibration: Calibration;
  readonly plans: readonly PlanId[];
  readonly policies: readonly PolicyId[];
  /** The sender's send rate while credits last, per seat per day (see `sendsPerDayWithCredits` in replay.ts). */
  readonly sendsPerDay: number;
  /** ISO date (YYYY-MM-DD) of the forecast's t = 0. */
  readonly startDate: string;
  readonly seed: number | string;
  readonly cycles?: number;
  readonly accounts?: number;
  readonly draws?: number;
  readonly refundAging?: RefundAging;
  readonly billingCycle?: BillingCycle;
}

export interface Band {
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
}

export interface ForecastRow {
  readonly plan: PlanId;
  readonly policy: PolicyId;
  readonly credits: number;
  /** InMails delivered per account per cycle. */
  readonly capacity: Band;
  /** capacity ÷ credits. */
  readonly multiplier: Band;
  /** Positive replies (accepted + replied) per account per cycle. */
  readonly positives: Band;
}

export interface Forecast {
  readonly draws: readonly ResponseSpec[];
  readonly rows: readonly ForecastRow[];
}

/** The response model of draw `draw` from the calibration's sampling distribution. */
export function drawResponse(calibration: Calibration, seed: number | string, draw: number): ResponseSpec {
  const gammaSource = randomGamma.source(createStream(seed, draw, "forecast", "outcome-probabilities"));
  const g = calibration.outcomes.counts.map((c) => gammaSource(c + defaults.dirichletPrior)());
  const total = g.reduce((a, b) => a + b, 0);
  const normal = randomNormal.source(createStream(seed, draw, "forecast", "delay-parameters"))(0, 1);
  if (calibration.delay === null || calibration.forecastProblem !== null) {
    throw new CalibrationError(`no forecast: ${calibration.forecastProblem ?? calibration.delayProblem}`);
  }
  const fit = calibration.delay[calibration.delay.best];
  return { outcomeProbabilities: g.map((x) => x / total), delay: drawDelay(fit, normal) };
}

/** The simulator's model of one forecast run: `plan` under `policy`, with the response model `response`. */
export function forecastModel(o: Pick<ForecastOptions, "cycles" | "sendsPerDay" | "startDate" | "refundAging" | "billingCycle">, plan: PlanId, policy: PolicyId, response: ResponseSpec): AccountModel {
  return {
    rules: rulesForPlan(plans[plan], policy, { refundAging: o.refundAging ?? "original" }),
    cycleDays: BILLING_CYCLE_DAYS,
    cycles: o.cycles ?? defaults.cycles,
    sendsPerDay: o.sendsPerDay,
    blockedShare: 0,
    response,
    schedule: planSchedule(plan, o.billingCycle),
    startDate: o.startDate,
  };
}

/**
 * The forecast's runs at the calibration's point estimates (settled outcome shares, the
 * fitted delay), one per plan and policy, with `draws` as replications: the size the
 * forecast reports (its simulations, `forecastSimulations`, differ from these only in
 * each draw's parameters).
 */
export function forecastRuns(o: ForecastOptions): { model: AccountModel; accounts: number; replications: number }[] {
  const counts = o.calibration.outcomes.counts;
  const total = counts.reduce((a, b) => a + b, 0);
  const delay = o.calibration.delay === null ? ({ kind: "exponential", meanDays: 1 } as const) : o.calibration.delay[o.calibration.delay.best].delay;
  const response: ResponseSpec = { outcomeProbabilities: counts.map((c) => (total > 0 ? c / total : 0)), delay };
  return o.plans.flatMap((plan) =>
    o.policies.map((policy) => ({ model: forecastModel(o, plan, policy, response), accounts: o.accounts ?? defaults.accounts, replications: o.draws ?? defaults.draws })),
  );
}

/** One simulation of the forecast: `accounts` accounts of one plan and policy with one draw's response model (a batch runner's model run). */
export interface ForecastRun {
  readonly model: AccountModel;
  readonly seed: string;
  readonly accounts: number;
  readonly replications: 1;
}

/** What the forecast simulates: its draws, and one run per plan, policy and draw. */
export interface ForecastSimulations {
  /** The response model of each draw. */
  readonly draws: readonly ResponseSpec[];
  /** For each plan (in `o.plans` order), each policy, each draw r: the run with draw r's response model and seed `${seed}/draw-${r}`. */
  readonly runs: readonly ForecastRun[];
}

/**
 * The forecast's simulations, to be run by the caller (each run's tallies are what
 * `simulateAll(model, seed, accounts, 1)` gives) and passed to `forecastFromTallies`.
 * Throws CalibrationError when the calibration cannot support a forecast.
 */
export function forecastSimulations(o: ForecastOptions): ForecastSimulations {
  const draws = o.draws ?? defaults.draws;
  const accounts = o.accounts ?? defaults.accounts;
  const specs = Array.from({ length: draws }, (_, r) => drawResponse(o.calibration, o.seed, r));
  const runs: ForecastRun[] = [];
  for (const plan of o.plans) {
    for (const policy of o.policies) {
      specs.forEach((response, r) => runs.push({ model: forecastModel(o, plan, policy, response), seed: `${o.seed}/draw-${r}`, accounts, replications: 1 }));
    }
  }
  return { draws: specs, runs };
}

/** The forecast from its simulations' tallies (`tallies[i]`: run i's, one per replication). */
export function forecastFromTallies(o: ForecastOptions, simulations: ForecastSimulations, tallies: readonly (readonly Tally[])[]): Forecast {
  const { draws, runs } = simulations;
  if (tallies.length !== runs.length) throw new RangeError(`forecastFromTallies: ${tallies.length} runs' tallies for ${runs.length} runs`);
  const rows: ForecastRow[] = [];
  let i = 0;
  for (const plan of o.plans) {
    for (const policy of o.policies) {
      const capacity: number[] = [];
      const positives: number[] = [];
      for (let r = 0; r < draws.length; r++) {
        const s = summarize(tallies[i++]!);
        capacity.push(s.capacity.mean);
        positives.push(s.positivesPerCycle.mean);
      }
      const credits = rulesForPlan(plans[plan], policy).creditsPerCycle;
      rows.push({
        plan,
        policy,
        credits,
        capacity: band(capacity),
        multiplier: band(capacity.map((c) => c / credits)),
        positives: band(positives),
      });
    }
  }
  return { draws, rows };
}

function band(values: readonly number[]): Band {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    lo: quantile(sorted, 0.025) ?? NaN,
    hi: quantile(sorted, 0.975) ?? NaN,
  };
}
