/**
 * The distribution an uncertain input is drawn from, and its quantile function: the
 * designs work on the unit cube, and each coordinate u in [0, 1) becomes the input's
 * value `quantile(distribution, u)`. All distributions are bounded, so Morris's grid
 * levels (0 … 1 inclusive) map to values inside the range.
 */

export type InputDistribution =
  /** Uniform on [min, max]. */
  | { readonly kind: "uniform"; readonly min: number; readonly max: number }
  /** log X uniform on [log min, log max] (0 < min < max): for a figure known only to a factor. */
  | { readonly kind: "log-uniform"; readonly min: number; readonly max: number }
  /** One of `values`, each equally likely; `labels` name them in reports. */
  | { readonly kind: "choice"; readonly values: readonly number[]; readonly labels: readonly string[] };

/** The value at probability `u` (0 ≤ u ≤ 1). */
export function quantile(d: InputDistribution, u: number): number {
  switch (d.kind) {
    case "uniform":
      return d.min + u * (d.max - d.min);
    case "log-uniform":
      return d.min * (d.max / d.min) ** u;
    case "choice":
      return d.values[Math.min(d.values.length - 1, Math.floor(u * d.values.length))]!;
  }
}

/** The distribution in words, e.g. "uniform 0.1 – 0.3". */
export function describeDistribution(d: InputDistribution, unit = ""): string {
  const u = unit === "" ? "" : ` ${unit}`;
  switch (d.kind) {
    case "uniform":
      return `uniform ${d.min} – ${d.max}${u}`;
    case "log-uniform":
      return `log-uniform ${d.min} – ${d.max}${u}`;
    case "choice":
      return `one of ${d.labels.join(", ")} (equally likely)`;
  }
}
