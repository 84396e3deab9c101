/**
 * Calibration of the response model from a send log's credit-using InMails: the delay
 * distribution (exponential and lognormal by maximum likelihood, censoring-aware; the
 * lower AIC wins), then the outcome probabilities over settled InMails (see
 * outcome-fit.ts), and the binned delay histogram against both fits for checking.
 *
 * It works on any valid log. When the delay cannot be fitted (too few responses, or
 * degenerate delays: all zero, all equal, all responses at one instant) `delay` is null
 * and `delayProblem` says why. When too few InMails are settled at the 99.9% quantile,
 * the outcome rates use a shorter settle time (the 90% quantile), or none at all, and
 * say so (`outcomes.settleRule`, `outcomes.note`); `forecastProblem` then says why a
 * forecast from these rates would not be sound. No estimate is ever NaN.
 */
import { CalibrationError, delayCdf, delayQuantile, fitDelays, MIN_DELAY_DAYS, type DelayData, type DelayFamily, type DelayFit } from "./delay-fit.ts";
import { DAY_MS, formatIso } from "../models/iso-time.ts";
import { fitOutcomes, settledOutcome, wilson, type OutcomeFit } from "./outcome-fit.ts";
import { OUTCOME_CODE } from "../models/outcome.ts";
import { INMAIL, type SendLog } from "./send-log.ts";

export const defaults = {
  /** Settled = sent at least this quantile of the fitted delay before the end. */
  settleQuantile: 0.999,
  /** The shorter settle time used when too few InMails are settled at `settleQuantile`. */
  fallbackSettleQuantile: 0.9,
  /** Fewer settled InMails than this: a shorter settle time, and no forecast. */
  minSettled: 30,
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
  /** Null when the delay could not be fitted (`delayProblem` says why). */
  readonly delay: {
    readonly exponential: DelayFit;
    readonly lognormal: DelayFit;
    readonly best: DelayFamily;
    readonly criterion: "AIC";
  } | null;
  readonly delayProblem: string | null;
  readonly outcomes: OutcomeFit & {
    /** Which settle time the rates use: the fitted 99.9% quantile, the 90% one (too few settled at 99.9%), or none (every InMail; no delay fit or still too few). */
    readonly settleRule: "quantile-0.999" | "quantile-0.9" | "none";
    /** What the settle rule means for the rates, when it is not the full one. */
    readonly note: string | null;
  };
  /** Empty without a delay fit. */
  readonly delayBins: readonly DelayBin[];
  /** Why a forecast from this calibration would not be sound; null when it is. */
  readonly forecastProblem: string | null;
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

/**
 * Why the delays cannot be fitted although there are enough of them: all zero, all at
 * one instant, or all equal. Undefined when they have some spread.
 */
export function degenerateDelays(log: SendLog, endMs: number): string | undefined {
  let n = 0;
  let minDelay = Infinity;
  let maxDelay = -Infinity;
  let firstAt = Infinity;
  let lastAt = -Infinity;
  for (let i = 0; i < log.rows; i++) {
    if (log.channel[i] !== INMAIL || settledOutcome(log, i, endMs) === OUTCOME_CODE.ignored) continue;
    n++;
    const d = log.respondedAtMs[i]! - log.sentAtMs[i]!;
    minDelay = Math.min(minDelay, d);
    maxDelay = Math.max(maxDelay, d);
    firstAt = Math.min(firstAt, log.respondedAtMs[i]!);
    lastAt = Math.max(lastAt, log.respondedAtMs[i]!);
  }
  if (n < 2) return undefined;
  if (maxDelay < 1000) {
    return `every one of the ${n} responses is stamped at its send instant (delay 0): respondedAt seems to repeat sentAt, so there is no response delay to fit`;
  }
  if (lastAt === firstAt) {
    return `all ${n} responses are stamped at one instant (${formatIso(firstAt)}): respondedAt looks like an export or update time, not when each response came, so there is no response delay to fit`;
  }
  if (maxDelay - minDelay < 1000) {
    return `all ${n} responses came exactly ${(minDelay / DAY_MS).toFixed(3)} days after sending: the delays have no spread to fit a distribution to`;
  }
  return undefined;
}

export function calibrate(log: SendLog, options: CalibrationOptions): Calibration {
  const { endMs } = options;
  const minSettled = defaults.minSettled;
  const data = delayData(log, endMs);
  let fits: ReturnType<typeof fitDelays> | null = null;
  let delayProblem: string | null = degenerateDelays(log, endMs) ?? null;
  if (delayProblem === null) {
    try {
      fits = fitDelays(data);
    } catch (err) {
      if (!(err instanceof CalibrationError)) throw err;
      delayProblem = err.message;
    }
  }
  const settledAt = (settleDays: number) => fitOutcomes(log, { endMs, settleDays });
  let outcomes: OutcomeFit;
  let settleRule: Calibration["outcomes"]["settleRule"] = "none";
  let note: string | null = null;
  const full = fits === null ? undefined : settledAt(delayQuantile(fits[fits.best].delay, options.settleQuantile ?? defaults.settleQuantile));
  if (fits !== null && full !== undefined && full.settled >= minSettled) {
    outcomes = full;
    settleRule = "quantile-0.999";
  } else {
    const shorter = fits === null ? undefined : settledAt(delayQuantile(fits[fits.best].delay, defaults.fallbackSettleQuantile));
    if (shorter !== undefined && shorter.settled >= minSettled) {
      outcomes = shorter;
      settleRule = "quantile-0.9";
      note =
        `only ${full!.settled} InMails were sent at least ${full!.settleDays.toFixed(1)} days (99.9% of responses) before the end, so the rates use a shorter settle time: ` +
        `${shorter.settleDays.toFixed(1)} days (90% of responses); up to about a tenth of the responses to those InMails were still to come, so the response rates are somewhat low`;
    } else {
      outcomes = settledAt(0);
      note =
        fits === null
          ? "without a delay fit there is no settle time: every InMail counts, and one still awaiting its answer counts as ignored, so the response rates are lower bounds"
          : `only ${shorter!.settled} InMails were sent even ${shorter!.settleDays.toFixed(1)} days (90% of responses) before the end, so every InMail counts, and one still awaiting its answer counts as ignored: the response rates are lower bounds`;
    }
  }
  const inmails = data.delays.length + data.censoredAt.length;
  let forecastProblem: string | null = null;
  if (inmails === 0) forecastProblem = "the log has no credit-using InMails to fit";
  else if (fits === null) forecastProblem = `the response delay could not be fitted: ${delayProblem}`;
  else if (settleRule !== "quantile-0.999") {
    const needDays = full!.settleDays;
    forecastProblem =
      `only ${full!.settled} InMails are settled (sent at least ${needDays.toFixed(1)} days before the end, by when 99.9% of their responses arrive); ` +
      `a forecast needs at least ${minSettled}: a log that goes on well past ${needDays.toFixed(1)} days after its first InMails, or a later --end`;
  }
  return {
    endMs,
    inmails,
    responses: data.delays.length,
    censored: data.censoredAt.length,
    delay: fits === null ? null : { ...fits, criterion: "AIC" },
    delayProblem,
    outcomes: { ...outcomes, settleRule, note },
    delayBins:
      fits === null ? [] : delayBins(log, endMs, outcomes.settleDays > 0 ? outcomes.settleDays : delayQuantile(fits[fits.best].delay, defaults.settleQuantile), fits.exponential, fits.lognormal),
    forecastProblem,
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
  const share = (fit: DelayFit, a: number, b: number) => (delayCdf(fit.delay, b) - delayCdf(fit.delay, a)) / delayCdf(fit.delay, settleDays);
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
