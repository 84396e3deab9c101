/**
 * Streaming summary statistics (Welford's algorithm) for replication outputs, and
 * the Student-t confidence interval of the mean.
 */
// A static import, so that esbuild bundles it for the browser (the explorer page) as
// well as for Node. It pulls in a few hundred small CommonJS modules (~40 ms to load
// even bundled), so code that only simulates imports sim/environment.ts and
// sim/random.ts directly, never this module: a pool thread's bundle leaves it out.
import tQuantile from "@stdlib/stats-base-dists-t-quantile";

export class RunningStats {
  n = 0;
  mean = 0;
  #m2 = 0;

  push(x: number): void {
    this.n++;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.#m2 += d * (x - this.mean);
  }

  /** Sample variance (n − 1 denominator); 0 with fewer than two values. */
  get variance(): number {
    return this.n > 1 ? this.#m2 / (this.n - 1) : 0;
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /**
   * Two-sided confidence interval of the mean at `level` (default 0.95), from the
   * Student-t distribution with n − 1 degrees of freedom. With one value the interval
   * is degenerate ([mean, mean]): there is no spread to measure.
   */
  ci(level = 0.95): [number, number] {
    if (this.n < 2) return [this.mean, this.mean];
    const half = tQuantile(1 - (1 - level) / 2, this.n - 1) * Math.sqrt(this.variance / this.n);
    return [this.mean - half, this.mean + half];
  }
}

/** Mean and 95% CI of a list of values. */
export function summarize(values: readonly number[]): { mean: number; ci95: [number, number] } {
  const s = new RunningStats();
  for (const v of values) s.push(v);
  return { mean: s.mean, ci95: s.ci(0.95) };
}
