/**
 * Test functions with known sensitivity indices, to check the estimators against
 * analytic answers (in the suite and from the command line).
 *
 * - Ishigami and Homma (1990): f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, x uniform on
 *   [−π, π]³. Analytic variances (Sobol' and Levitan 1999; Saltelli et al. 2008, §4.7):
 *   V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0,
 *   V13 = 8b²π⁸/225; so S1 = V1/V, S2 = V2/V, S3 = 0, ST1 = (V1 + V13)/V, ST2 = S2,
 *   ST3 = V13/V. With a = 7, b = 0.1: S ≈ 0.3139, 0.4424, 0; ST ≈ 0.5576, 0.4424, 0.2437.
 * - Sobol's G function: f(x) = Π (|4x_i − 2| + a_i)/(1 + a_i), x uniform on [0, 1]^k. Input
 *   i's partial variance is V_i = 1/(3(1 + a_i)²); a large a_i makes input i (nearly) inert.
 */

export interface IshigamiIndices {
  readonly S1: readonly [number, number, number];
  readonly ST: readonly [number, number, number];
}

export function ishigami(x1: number, x2: number, x3: number, a = 7, b = 0.1): number {
  return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
}

/** The analytic first-order and total indices of the Ishigami function. */
export function ishigamiIndices(a = 7, b = 0.1): IshigamiIndices {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = (8 * b * b * pi8) / 225;
  const v = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi8) / 18 + 0.5;
  return { S1: [v1 / v, v2 / v, 0], ST: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol's G function of x on the unit cube with coefficients a (one per input). */
export function gFunction(x: ArrayLike<number>, a: readonly number[]): number {
  let f = 1;
  for (let i = 0; i < a.length; i++) f *= (Math.abs(4 * x[i]! - 2) + a[i]!) / (1 + a[i]!);
  return f;
}
