/**
 * Response model: what each recipient does with a delivered InMail, and when.
 * Probabilities are per outcome (indexed by OUTCOME_CODE, summing to 1); the delay of a
 * response is drawn from a named distribution. LinkedIn publishes no response-delay
 * data, so every delay curve here is an ASSUMPTION (the canonical capacity scenario
 * takes an exponential with a mean of 3 days).
 */
import type { Distribution } from "../sim/random.ts";
import { OUTCOME_CODE, outcomes } from "./outcome.ts";

export type DelaySpec =
  | { readonly kind: "exponential"; readonly meanDays: number }
  /** Lognormal with the given median and log-scale sigma. */
  | { readonly kind: "lognormal"; readonly medianDays: number; readonly sigma: number };

export interface ResponseSpec {
  /**
   * Probability of each outcome for a typical InMail, indexed by OUTCOME_CODE; sums to 1.
   * Multipliers scale the response part (accepted + replied + declined), keeping its
   * mix; the spam-report probability stays as given; the rest is `ignored`.
   */
  readonly outcomeProbabilities: readonly number[];
  readonly delay: DelaySpec;
  /** Message multiplier: length band × levers (models/message.ts); default 1. */
  readonly multiplier?: number;
  /** Multiplier by local weekday of sending (0 = Sunday); default none. */
  readonly weekdayMultipliers?: readonly number[] | null;
  /** Multiplier for sends in off-peak hours (models/levers.ts offPeakHours); default 1. */
  readonly offPeakMultiplier?: number;
  /**
   * Audience heterogeneity: each sender's audience responds at q ~ Beta with the base
   * response rate as mean and this concentration (smaller = more spread); 0 = none.
   * Applied per sender, not per recipient: a recipient contacted once responds with
   * probability E[q] whatever the spread, so only a sender-level spread changes anything.
   */
  readonly heterogeneity?: number;
}

/** The canonical response model: a refund-eligible reply with probability `replyRate`. */
export function replyRateResponse(replyRate: number, delay: DelaySpec): ResponseSpec {
  const p = outcomes.map(() => 0);
  p[OUTCOME_CODE.replied] = replyRate;
  p[OUTCOME_CODE.ignored] = 1 - replyRate;
  return { outcomeProbabilities: p, delay };
}

/**
 * The distribution response delays (days) are drawn from, as a StreamBank stream
 * draws it (d3-random's randomExponential(1 / mean) or randomLogNormal(log median,
 * sigma)); null when every response comes at once (an exponential of mean 0), which
 * draws nothing.
 */
export function delayDistribution(d: DelaySpec): Distribution | null {
  if (d.kind === "lognormal") return { kind: "lognormal", mu: Math.log(d.medianDays), sigma: d.sigma };
  return d.meanDays > 0 ? { kind: "exponential", rate: 1 / d.meanDays } : null;
}
