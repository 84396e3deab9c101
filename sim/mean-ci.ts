/**
 * Mean and Student-t 95% CI of a list of values, for code that must also run in a
 * browser (the team planner): the t quantile is imported statically, where
 * `stats.ts` loads it on first use through node:module so that simulating threads
 * never pay for it. Same numbers as `summarize` in stats.ts: the same running mean
 * and variance (Welford) and the same quantile function.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export interface MeanCi {
  readonly mean: number;
  /** Student-t 95% CI of the mean; [mean, mean] with fewer than two values (no spread to measure). */
  readonly ci95: [number, number];
}

/** Mean and 95% CI of `values`; NaN mean for an empty list. */
export function meanCi95(values: readonly number[]): MeanCi {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const x of values) {
    n++;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  if (n === 0) return { mean: NaN, ci95: [NaN, NaN] };
  if (n < 2) return { mean, ci95: [mean, mean] };
  const half = tQuantile(1 - (1 - 0.95) / 2, n - 1) * Math.sqrt(m2 / (n - 1) / n);
  return { mean, ci95: [mean - half, mean + half] };
}
