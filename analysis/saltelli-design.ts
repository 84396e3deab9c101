/**
 * Saltelli's sampling design for Sobol indices (A. Saltelli, "Making best use of model
 * evaluations to compute sensitivity indices", Comput. Phys. Commun. 145 (2002)
 * 280–297; Saltelli et al. 2010, §3): two independent base matrices A and B of N rows
 * (the first and last k coordinates of a 2k-dimensional scrambled Sobol sequence), and
 * for each input i the matrix A_B^(i) — A with column i taken from B. N (k + 2) model
 * runs in all.
 *
 * The design is returned by row j, as one block of k + 2 points [A_j, B_j, A_B^(1)_j, …,
 * A_B^(k)_j]: a block is what a stochastic model runs with common random numbers, since
 * the estimators only ever difference points of the same row.
 */
import { maxDimensions, sobolPoints } from "./sobol-sequence.ts";

/** Points of one row of the design: A_j, B_j, then A_B^(i)_j for each input i. */
export type DesignBlock = readonly Float64Array[];

/** Most inputs the embedded direction numbers allow (2k ≤ maxDimensions). */
export const maxSaltelliInputs = Math.floor(maxDimensions / 2);

/**
 * The N blocks of Saltelli's design for `inputs` inputs on the unit cube, scrambled with
 * `seed`. Throws a RangeError beyond `maxSaltelliInputs` inputs.
 */
export function saltelliDesign(n: number, inputs: number, seed: number | string): DesignBlock[] {
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > maxSaltelliInputs) {
    throw new RangeError(`Saltelli design: ${inputs} inputs; expected 1 to ${maxSaltelliInputs}`);
  }
  return sobolPoints(n, 2 * inputs, { scrambleSeed: `${seed}/saltelli` }).map((row) => {
    const a = row.slice(0, inputs);
    const b = row.slice(inputs);
    const ab = Array.from({ length: inputs }, (_, i) => {
      const p = a.slice();
      p[i] = b[i]!;
      return p;
    });
    return [a, b, ...ab];
  });
}
