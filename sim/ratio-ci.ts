/**
 * Ratios of totals with a 95% CI, and means of counts whose CI stays within bounds, for
 * code that must also run in a browser (no node: import). A ratio over replications is
 * ΣY ÷ ΣX (every month and replication pooled), never a mean of per-replication ratios,
 * which is biased upward when X is small and undefined when one X is 0. Its interval is
 * the delta method's: the ratio's standard error from the replications' residuals
 * y − R·x (Student-t with n − 1 degrees of freedom), clipped to the ratio's bounds (≥ 0,
 * or 0–1 for a share). k ÷ a mean takes the image of the mean's interval under k/x when
 * that interval is above 0 (exact, and always positive). Only arithmetic and square
 * roots (correctly rounded everywhere), so a browser computes the same bits as Node.
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { meanCi95, type MeanCi } from "./mean-ci.ts";

/** What values a ratio can take: any positive number, or a share within 0–1. */
export type RatioScale = "positive" | "share";

const t95 = (n: number) => tQuantile(0.975, n - 1);

/** Standard error of ΣY/ΣX by the delta method, from per-replication totals. */
function ratioStandardError(ys: readonly number[], xs: readonly number[], ratio: number): number {
  const n = ys.length;
  let meanX = 0;
  for (const x of xs) meanX += x / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = ys[i]! - ratio * xs[i]!;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - 1) / n) / meanX;
}

/**
 * ΣY ÷ ΣX over replications (`ys[i]`, `xs[i]`: replication i's totals) with its 95% CI;
 * null when ΣX is 0 (the ratio is undefined: say so in words). A point interval with
 * fewer than two replications or no spread.
 */
export function ratioCi95(ys: readonly number[], xs: readonly number[], scale: RatioScale = "positive"): MeanCi | null {
  if (ys.length !== xs.length) throw new RangeError(`ratioCi95: ${ys.length} numerators for ${xs.length} denominators`);
  let sy = 0;
  let sx = 0;
  for (let i = 0; i < ys.length; i++) {
    sy += ys[i]!;
    sx += xs[i]!;
  }
  if (!(sx > 0)) return null;
  const ratio = sy / sx;
  const n = ys.length;
  if (n < 2) return { mean: ratio, ci95: [ratio, ratio] };
  const se = ratioStandardError(ys, xs, ratio);
  const half = t95(n) * se;
  if (!(half > 0)) return { mean: ratio, ci95: [ratio, ratio] };
  const upper = scale === "share" ? 1 : Infinity;
  return { mean: ratio, ci95: [Math.max(0, ratio - half), Math.min(upper, ratio + half)] };
}

/**
 * `k` ÷ the mean of `xs` (e.g. a price ÷ a mean count) with its 95% CI; null when the mean
 * is 0. The interval is [k / hi, k / lo] of the mean's Student-t interval [lo, hi] when lo
 * is above 0, else the delta method's, clipped at 0.
 */
export function perMeanCi95(k: number, xs: readonly number[]): MeanCi | null {
  const m = meanCi95(xs);
  if (!(m.mean > 0)) return null;
  const ratio = k / m.mean;
  const [lo, hi] = m.ci95;
  if (lo > 0) return { mean: ratio, ci95: [k / hi, k / lo] };
  return ratioCi95(
    xs.map(() => k),
    xs,
  );
}

/** Mean and 95% CI of counts (or any values ≥ 0): the Student-t interval, its lower bound never below 0. */
export function countCi95(values: readonly number[]): MeanCi {
  const e = meanCi95(values);
  return e.ci95[0] >= 0 ? e : { mean: e.mean, ci95: [0, e.ci95[1]] };
}

/**
 * The paired difference k/mean(as) − k/mean(bs) (the same replications under two
 * settings, index for index) with its delta-method 95% CI; null when either mean is 0.
 */
export function perMeanDifferenceCi95(k: number, as: readonly number[], bs: readonly number[]): MeanCi | null {
  const n = as.length;
  if (n !== bs.length) throw new RangeError(`perMeanDifferenceCi95: ${n} against ${bs.length} replications`);
  const ma = as.reduce((s, x) => s + x, 0) / n;
  const mb = bs.reduce((s, x) => s + x, 0) / n;
  if (!(ma > 0) || !(mb > 0)) return null;
  const diff = k / ma - k / mb;
  if (n < 2) return { mean: diff, ci95: [diff, diff] };
  // Influence of replication i on the difference: −k/ma²·(a_i − ma) + k/mb²·(b_i − mb).
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (-k / (ma * ma)) * (as[i]! - ma) + (k / (mb * mb)) * (bs[i]! - mb);
    ss += d * d;
  }
  const half = t95(n) * Math.sqrt(ss / (n - 1) / n);
  return { mean: diff, ci95: [diff - half, diff + half] };
}
