/**
 * Calibration of the response model from a send log's credit-using InMails: the delay
 * distribution (exponential and lognormal by maximum likelihood, censoring-aware; the
 * lower AIC wins), then the outcome probabilities over settled InMails (see
 * outcome-fit.ts), and the binned delay histogram against both fits for checking.
 */
import { delayCdf, delayQuantile, fitDelays, MIN_DELAY_DAYS, type DelayData, type DelayFamily, type DelayFit } from "./delay-fit.ts";
import { DAY_MS } from "./iso-time.ts";
import { fitOutcomes, settledOutcome, wilson, type OutcomeFit } from "./outcome-fit.ts";
import { OUTCOME_CODE } from "./outcome.ts";
import { INMAIL, type SendLog } from "./send-log.ts";

export const defaults = {
  /** Settled = sent at least this quantile of the fitted delay before the end. */
  settleQuantile: 0.999,
  /** Edges of the delay histogram, in days (the last bin is clipped to the settle time). */
  binEdgesDays: [0, 0.25, 0.5, 1, 2, 4, 7, 14, 30, 60, 90],
} as const;

export interface CalibrationOptions {
  /** End of the log (exclusive), epoch ms. */
  readonly endMs: number;
  readonly settleQuantile?: number;
}

/** Share of (settled) responses by delay, observed and fitted. */
export interface DelayBin {
  readonly bin: string;
  readonly fromDays: number;
  readonly toDays: number;
  readonly count: number;
  readonly observed: number;
  readonly observedLo: number;
  readonly observedHi: number;
  readonly exponential: number;
  readonly lognormal: number;
}

export interface Calibration {
  readonly endMs: number;
  /** Credit-using InMails fitted, with a response before the end, and without. */
  readonly inmails: number;
  readonly responses: number;
  readonly censored: number;
  readonly delay: {
    readonly exponential: DelayFit;
    readonly lognormal: DelayFit;
    readonly best: DelayFamily;
    readonly criterion: "AIC";
  };
  readonly outcomes: OutcomeFit;
  readonly delayBins: readonly DelayBin[];
}

/** Delays and censoring times of the log's credit-using InMails, in days. */
export function delayData(log: SendLog, endMs: number): DelayData {
  let responses = 0;
  let inmails = 0;
  for (let i = 0; i < log.rows; i++) {
    if (log.channel[i] !== INMAIL) continue;
    inmails++;
    if (settledOutcome(log, i, endMs) !== OUTCOME_CODE.ignored) responses++;
  }
  const delays = new Float64Array(responses);
  const censoredAt = new Float64Array(inmails - responses);
  for (let i = 0, r = 0, c = 0; i < log.rows; i++) {
    if (log.channel[i] !== INMAIL) continue;
    if (settledOutcome(log, i, endMs) !== OUTCOME_CODE.ignored) {
      delays[r++] = Math.max(MIN_DELAY_DAYS, (log.respondedAtMs[i]! - log.sentAtMs[i]!) / DAY_MS);
    } else censoredAt[c++] = (endMs - log.sentAtMs[i]!) / DAY_MS;
  }
  return { delays, censoredAt };
}

export function calibrate(log: SendLog, options: CalibrationOptions): Calibration {
  const { endMs } = options;
  const data = delayData(log, endMs);
  const fits = fitDelays(data);
  const best = fits[fits.best];
  const settleDays = delayQuantile(best.delay, options.settleQuantile ?? defaults.settleQuantile);
  const outcomes = fitOutcomes(log, { endMs, settleDays });
  return {
    endMs,
    inmails: data.delays.length + data.censoredAt.length,
    responses: data.delays.length,
    censored: data.censoredAt.length,
    delay: { ...fits, criterion: "AIC" },
    outcomes,
    delayBins: delayBins(log, endMs, settleDays, fits.exponential, fits.lognormal),
  };
}

function delayBins(log: SendLog, endMs: number, settleDays: number, exp: DelayFit, logn: DelayFit): DelayBin[] {
  const edges: number[] = [...defaults.binEdgesDays.filter((e) => e < settleDays), settleDays];
  const counts = new Array<number>(edges.length - 1).fill(0);
  const settledBeforeMs = endMs - settleDays * DAY_MS;
  let total = 0;
  for (let i = 0; i < log.rows; i++) {
    if (log.channel[i] !== INMAIL || log.sentAtMs[i]! > settledBeforeMs) continue;
    if (settledOutcome(log, i, endMs) === OUTCOME_CODE.ignored) continue;
    const d = (log.respondedAtMs[i]! - log.sentAtMs[i]!) / DAY_MS;
    if (d > settleDays) continue;
    let b = 0;
    while (b < counts.length - 1 && d >= edges[b + 1]!) b++;
    counts[b]!++;
    total++;
  }
  const share = (fit: DelayFit, a: number, b: number) =>
    (delayCdf(fit.delay, b) - delayCdf(fit.delay, a)) / delayCdf(fit.delay, settleDays);
  return counts.map((count, b) => {
    const from = edges[b]!;
    const to = edges[b + 1]!;
    const [lo, hi] = wilson(count, total);
    return {
      bin: `${fmtDays(from)}–${fmtDays(to)} d`,
      fromDays: from,
      toDays: to,
      count,
      observed: total > 0 ? count / total : 0,
      observedLo: lo,
      observedHi: hi,
      exponential: share(exp, from, to),
      lognormal: share(logn, from, to),
    };
  });
}

function fmtDays(d: number): string {
  return Number.isInteger(d) ? String(d) : d < 1 ? String(d) : d.toFixed(1);
}
