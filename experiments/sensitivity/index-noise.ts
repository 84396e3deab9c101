/**
 * Sobol indices are shares of a variance (0–1, ST ≥ S1), but their estimators on a
 * finite sample step outside those bounds. The values stay as estimated (JSON, CSV);
 * this says, in words, where a shown figure is outside and how to read it. Pure.
 */

/** An (output, input) row's indices and their 95% intervals. */
export interface IndexRow {
  readonly input: string;
  readonly S1: number;
  readonly S1ci: readonly [number, number];
  readonly ST: number;
  readonly STci: readonly [number, number];
}

const list = (names: readonly string[]) => {
  const xs = [...new Set(names)];
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`;
};

/**
 * One sentence on the estimates of `rows` outside their bounds — below 0, above 1, or
 * S1 above ST — naming the inputs (by `label`), with how to read each; "" when none is.
 */
export function indexNoiseNote(rows: readonly IndexRow[], label: (id: string) => string = (id) => id): string {
  const below = rows.filter((r) => Math.min(r.S1, r.ST, r.S1ci[0], r.STci[0]) < 0).map((r) => label(r.input));
  const above = rows.filter((r) => Math.max(r.S1, r.ST, r.S1ci[1], r.STci[1]) > 1).map((r) => label(r.input));
  const crossed = rows.filter((r) => r.S1 > r.ST).map((r) => label(r.input));
  const parts = [
    below.length > 0 ? `below 0 (${list(below)}): read as 0` : "",
    above.length > 0 ? `above 1 (${list(above)}): read as 1` : "",
    crossed.length > 0 ? `S1 above ST (${list(crossed)}): read ST as at least S1` : "",
  ].filter((p) => p !== "");
  if (parts.length === 0) return "";
  return `Indices are shares from 0 to 1, ST at least S1; an estimate or interval end outside is estimator noise (a finite sample), not an effect — ${parts.join("; ")}.`;
}
