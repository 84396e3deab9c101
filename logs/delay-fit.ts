/**
 * Maximum-likelihood fit of the response-delay distribution from a send log, with the
 * InMails that have no response by the log's end treated as right-censored.
 *
 * Model (a "cure" mixture): an InMail is ever answered with probability ρ, after a
 * delay d with density f; one without a response after c days contributes
 * 1 − ρ + ρ·S(c). Rows marked `ignored` and pending rows are treated alike ("no response
 * by the end"), so the fit does not depend on when a tool decides to mark an InMail
 * ignored. Two families: exponential (mean) and lognormal (median, sigma), each fitted by
 * EM (closed-form M-steps; truncated-normal moments for the lognormal), with 95% Wald
 * intervals from the observed information (numerical Hessian) on the fitting scale
 * (logit ρ, log mean | μ, log σ), mapped back. AIC = 2k − 2 log L picks the family.
 *
 * Delays of 0 (a response stamped at the send instant) are read as MIN_DELAY_DAYS.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalLogCdf from "@stdlib/stats-base-dists-normal-logcdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { CholeskyDecomposition, inverse, Matrix } from "ml-matrix";
import type { DelaySpec } from "../models/response-model.ts";

/** Shortest delay used in a fit: one second, in days. */
export const MIN_DELAY_DAYS = 1 / 86_400;

export const defaults = {
  /** EM stops when the log-likelihood gains less than this. */
  tolerance: 1e-9,
  maxIterations: 20_000,
  /** Relative step of the numerical Hessian. */
  hessianStep: 1e-4,
} as const;

export const delayFamilies = ["exponential", "lognormal"] as const;
export type DelayFamily = (typeof delayFamilies)[number];

export interface DelayData {
  /** Delays of the responses observed before the end, in days. */
  readonly delays: Float64Array;
  /** Days from sending to the end, for InMails without a response by then. */
  readonly censoredAt: Float64Array;
}

export interface Estimate {
  readonly estimate: number;
  readonly ci95: readonly [number, number];
}

export interface DelayFit {
  readonly family: DelayFamily;
  /** Parameters on the fitting scale: [logit ρ, log mean] or [logit ρ, μ, log σ]. */
  readonly theta: readonly number[];
  /** Their asymptotic covariance (inverse observed information). */
  readonly covariance: readonly (readonly number[])[];
  readonly logLik: number;
  /** Free parameters, for AIC. */
  readonly k: number;
  readonly aic: number;
  readonly iterations: number;
  /** P(an InMail is ever answered). */
  readonly responseProbability: Estimate;
  readonly meanDays: Estimate;
  readonly medianDays: Estimate;
  /** Log-scale sigma (lognormal only). */
  readonly sigma?: Estimate;
  /** The fitted delay distribution, as the simulator takes it. */
  readonly delay: DelaySpec;
}

/** Fit failed: too little data, or a degenerate likelihood. */
export class CalibrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CalibrationError";
  }
}

const Z95 = normalQuantile(0.975, 0, 1);
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

function checkData(data: DelayData): void {
  if (data.delays.length < 2) {
    throw new CalibrationError(`the delay fit needs at least 2 responses to credit-using InMails; the log has ${data.delays.length}`);
  }
  if (data.censoredAt.length < 1) {
    throw new CalibrationError("the delay fit needs at least one InMail without a response (every InMail was answered)");
  }
}

function fitDelay(data: DelayData, family: DelayFamily): DelayFit {
  checkData(data);
  const fit = family === "exponential" ? fitExponential(data) : fitLognormal(data);
  const values = [fit.logLik, ...fit.theta, ...fit.covariance.flat(), ...fit.meanDays.ci95, ...fit.medianDays.ci95];
  if (!values.every(Number.isFinite)) {
    throw new CalibrationError(`the ${family} delay fit did not reach finite estimates: too few responses, or delays with almost no spread`);
  }
  return fit;
}

/** Both families; `best` has the lower AIC. */
export function fitDelays(data: DelayData): { exponential: DelayFit; lognormal: DelayFit; best: DelayFamily } {
  const exponential = fitDelay(data, "exponential");
  const lognormal = fitDelay(data, "lognormal");
  return { exponential, lognormal, best: lognormal.aic < exponential.aic ? "lognormal" : "exponential" };
}

// --- exponential -----------------------------------------------------------------

function logLikExponential(data: DelayData, theta: readonly number[]): number {
  const rho = logistic(theta[0]!);
  const mean = Math.exp(theta[1]!);
  const { delays, censoredAt } = data;
  let ll = delays.length * (Math.log(rho) - Math.log(mean));
  for (let i = 0; i < delays.length; i++) ll -= delays[i]! / mean;
  for (let i = 0; i < censoredAt.length; i++) ll += Math.log1p(rho * Math.expm1(-censoredAt[i]! / mean));
  return ll;
}

function fitExponential(data: DelayData): DelayFit {
  const { delays, censoredAt } = data;
  const nr = delays.length;
  const n = nr + censoredAt.length;
  let sumD = 0;
  for (let i = 0; i < nr; i++) sumD += delays[i]!;
  let rho = (nr + 0.5 * censoredAt.length) / n;
  let mean = sumD / nr;
  let ll = logLikExponential(data, [logit(rho), Math.log(mean)]);
  let it = 0;
  while (it++ < defaults.maxIterations) {
    let w = 0;
    let wc = 0;
    for (let i = 0; i < censoredAt.length; i++) {
      const c = censoredAt[i]!;
      const s = rho * Math.exp(-c / mean);
      const wi = s / (1 - rho + s);
      w += wi;
      wc += wi * (c + mean); // memoryless: E[d | d > c] = c + mean
    }
    rho = Math.min((nr + w) / n, 1 - 1e-12);
    mean = (sumD + wc) / (nr + w);
    const next = logLikExponential(data, [logit(rho), Math.log(mean)]);
    const gain = next - ll;
    ll = next;
    if (gain < defaults.tolerance) break;
  }
  const theta = [logit(rho), Math.log(mean)];
  const cov = covariance((t) => logLikExponential(data, t), theta);
  const logMean = wald(theta[1]!, cov[1]![1]!);
  // Median = mean·ln 2: the same interval, scaled.
  return {
    family: "exponential",
    theta,
    covariance: cov,
    logLik: ll,
    k: 2,
    aic: 4 - 2 * ll,
    iterations: it,
    responseProbability: mapEstimate(wald(theta[0]!, cov[0]![0]!), logistic),
    meanDays: mapEstimate(logMean, Math.exp),
    medianDays: mapEstimate(logMean, (x) => Math.exp(x) * Math.LN2),
    delay: { kind: "exponential", meanDays: mean },
  };
}

// --- lognormal -------------------------------------------------------------------

function logLikLognormal(data: DelayData, theta: readonly number[]): number {
  const rho = logistic(theta[0]!);
  const mu = theta[1]!;
  const sigma = Math.exp(theta[2]!);
  const { delays, censoredAt } = data;
  let ll = delays.length * (Math.log(rho) - Math.log(sigma) - HALF_LOG_2PI);
  for (let i = 0; i < delays.length; i++) {
    const y = Math.log(delays[i]!);
    const z = (y - mu) / sigma;
    ll -= 0.5 * z * z + y;
  }
  for (let i = 0; i < censoredAt.length; i++) {
    const z = (Math.log(censoredAt[i]!) - mu) / sigma;
    ll += Math.log1p(-rho * normalCdf(z, 0, 1));
  }
  return ll;
}

function fitLognormal(data: DelayData): DelayFit {
  const { delays, censoredAt } = data;
  const nr = delays.length;
  const n = nr + censoredAt.length;
  let sumY = 0;
  let sumY2 = 0;
  for (let i = 0; i < nr; i++) {
    const y = Math.log(delays[i]!);
    sumY += y;
    sumY2 += y * y;
  }
  const logC = Float64Array.from(censoredAt, Math.log);
  let rho = (nr + 0.5 * censoredAt.length) / n;
  let mu = sumY / nr;
  let sigma = Math.sqrt(Math.max(sumY2 / nr - mu * mu, 1e-6));
  let ll = logLikLognormal(data, [logit(rho), mu, Math.log(sigma)]);
  let it = 0;
  while (it++ < defaults.maxIterations) {
    let w = 0;
    let wy = 0;
    let wy2 = 0;
    for (let i = 0; i < logC.length; i++) {
      const lc = logC[i]!;
      const z = (lc - mu) / sigma;
      const logS = normalLogCdf(-z, 0, 1); // log P(d > c)
      const s = rho * Math.exp(logS);
      const wi = s / (1 - rho + s);
      if (!(wi > 0)) continue;
      // Mills ratio φ(z)/S(z), then the moments of log d truncated below at log c.
      const lambda = Math.exp(-0.5 * z * z - HALF_LOG_2PI - logS);
      w += wi;
      wy += wi * (mu + sigma * lambda);
      wy2 += wi * (mu * mu + sigma * sigma + sigma * lambda * (lc + mu));
    }
    rho = Math.min((nr + w) / n, 1 - 1e-12);
    const m = nr + w;
    mu = (sumY + wy) / m;
    sigma = Math.sqrt(Math.max((sumY2 + wy2) / m - mu * mu, 1e-12));
    const next = logLikLognormal(data, [logit(rho), mu, Math.log(sigma)]);
    const gain = next - ll;
    ll = next;
    if (gain < defaults.tolerance) break;
  }
  const theta = [logit(rho), mu, Math.log(sigma)];
  const cov = covariance((t) => logLikLognormal(data, t), theta);
  const muEst = wald(mu, cov[1]![1]!);
  // Mean = exp(μ + σ²/2): delta method on (μ, log σ).
  const dMean = [1, sigma * sigma];
  const varLogMean = dMean[0]! * dMean[0]! * cov[1]![1]! + 2 * dMean[0]! * dMean[1]! * cov[1]![2]! + dMean[1]! * dMean[1]! * cov[2]![2]!;
  return {
    family: "lognormal",
    theta,
    covariance: cov,
    logLik: ll,
    k: 3,
    aic: 6 - 2 * ll,
    iterations: it,
    responseProbability: mapEstimate(wald(theta[0]!, cov[0]![0]!), logistic),
    meanDays: mapEstimate(wald(mu + (sigma * sigma) / 2, varLogMean), Math.exp),
    medianDays: mapEstimate(muEst, Math.exp),
    sigma: mapEstimate(wald(theta[2]!, cov[2]![2]!), Math.exp),
    delay: { kind: "lognormal", medianDays: Math.exp(mu), sigma },
  };
}

// --- shared ----------------------------------------------------------------------

/** CDF of a delay distribution at `days`. */
export function delayCdf(delay: DelaySpec, days: number): number {
  if (!(days > 0)) return 0;
  if (delay.kind === "exponential") return delay.meanDays > 0 ? -Math.expm1(-days / delay.meanDays) : 1;
  return normalCdf((Math.log(days) - Math.log(delay.medianDays)) / delay.sigma, 0, 1);
}

/** Quantile of a delay distribution (p in (0, 1)), in days. */
export function delayQuantile(delay: DelaySpec, p: number): number {
  if (delay.kind === "exponential") return -delay.meanDays * Math.log1p(-p);
  return delay.medianDays * Math.exp(delay.sigma * normalQuantile(p, 0, 1));
}

/**
 * A delay distribution drawn from the fit's sampling distribution (normal on the
 * fitting scale, ρ left out), for carrying parameter uncertainty into a forecast.
 * `normal` gives standard normal draws.
 */
export function drawDelay(fit: DelayFit, normal: () => number): DelaySpec {
  const k = fit.theta.length - 1;
  const sub = new Matrix(Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => fit.covariance[i + 1]![j + 1]!)));
  const l = new CholeskyDecomposition(sub).lowerTriangularMatrix;
  const z = Array.from({ length: k }, () => normal());
  const x = Array.from({ length: k }, (_, i) => {
    let s = fit.theta[i + 1]!;
    for (let j = 0; j <= i; j++) s += l.get(i, j) * z[j]!;
    return s;
  });
  return fit.family === "exponential" ? { kind: "exponential", meanDays: Math.exp(x[0]!) } : { kind: "lognormal", medianDays: Math.exp(x[0]!), sigma: Math.exp(x[1]!) };
}

function wald(estimate: number, variance: number): Estimate {
  const half = Z95 * Math.sqrt(variance);
  return { estimate, ci95: [estimate - half, estimate + half] };
}

function mapEstimate(e: Estimate, f: (x: number) => number): Estimate {
  return { estimate: f(e.estimate), ci95: [f(e.ci95[0]), f(e.ci95[1])] };
}

/** Inverse of the negative Hessian of `logLik` at `theta` (central differences). */
function covariance(logLik: (theta: readonly number[]) => number, theta: readonly number[]): number[][] {
  const k = theta.length;
  const h = theta.map((x) => defaults.hessianStep * Math.max(1, Math.abs(x)));
  const at = (di: number, si: number, dj: number, sj: number) => {
    const t = theta.slice();
    t[di]! += si * h[di]!;
    t[dj]! += sj * h[dj]!;
    return logLik(t);
  };
  const f0 = logLik(theta);
  const negH = Matrix.zeros(k, k);
  for (let i = 0; i < k; i++) {
    const fp = at(i, 1, i, 0);
    const fm = at(i, -1, i, 0);
    negH.set(i, i, -(fp - 2 * f0 + fm) / (h[i]! * h[i]!));
    for (let j = 0; j < i; j++) {
      const v = -(at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i]! * h[j]!);
      negH.set(i, j, v);
      negH.set(j, i, v);
    }
  }
  if (!new CholeskyDecomposition(negH).isPositiveDefinite()) {
    throw new CalibrationError("the likelihood of the delay fit has no clear maximum (its curvature is not negative definite): too few responses, or delays with almost no spread");
  }
  const cov = inverse(negH).to2DArray();
  // Inversion leaves rounding asymmetry; the covariance is symmetric by definition.
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) cov[i]![j] = cov[j]![i] = (cov[i]![j]! + cov[j]![i]!) / 2;
  return cov;
}
