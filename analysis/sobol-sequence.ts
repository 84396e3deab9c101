/**
 * The Sobol low-discrepancy sequence in base 2 (I. M. Sobol', "On the distribution of
 * points in a cube and the approximate evaluation of integrals", USSR Comput. Math.
 * Math. Phys. 7 (1967) 86–112), with Joe and Kuo's direction numbers, generated in
 * Gray-code order (Antonov and Saleem 1979) exactly as Joe and Kuo's reference
 * program `sobol.cc` does: point 0 is the origin, point i is point i − 1 with the
 * direction number of the lowest zero bit of i − 1 xored in. 32 bits per coordinate,
 * so at most 2^32 points; at most `maxDimensions` coordinates.
 *
 * Scrambled, it is randomised as SciPy's `qmc.Sobol(scramble=True)` is: Matoušek's
 * linear matrix scramble (a random lower-triangular binary matrix with a unit diagonal
 * applied to each dimension's direction numbers; J. Matoušek, "On the L2-discrepancy
 * for anchored boxes", J. Complexity 14 (1998) 527–556) followed by a random digital
 * shift (each coordinate xored with a random 32-bit word). Both keep the (t, m, s)-net
 * property (every 2^m consecutive points from 0 fill the elementary intervals), make
 * every point uniform on the cube, and make estimates from different seeds independent.
 * The random bits come from the project's seeded streams (`createStream`), never from
 * Math.random.
 */
import { createStream } from "../sim/random.ts";
import { joeKuoRows } from "./joe-kuo-directions.ts";

const BITS = 32;
const TWO_32 = 4294967296;

/** Coordinates the embedded direction numbers support. */
export const maxDimensions = joeKuoRows.length + 1;

/**
 * The direction numbers v_1 … v_32 of dimension `dim` (0-based) as 32-bit integers:
 * v_k = m_k · 2^(32 − k) for k ≤ s, then Sobol's recurrence on the primitive polynomial
 * (Bratley and Fox 1988, Algorithm 659; Joe and Kuo's sobol.cc).
 */
export function directionNumbers(dim: number): Uint32Array {
  if (!Number.isInteger(dim) || dim < 0 || dim >= maxDimensions) {
    throw new RangeError(`Sobol dimension ${dim} is not available; expected 0 to ${maxDimensions - 1}`);
  }
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const { s, a, m } = joeKuoRows[dim - 1]!;
  for (let k = 0; k < BITS; k++) {
    if (k < s) v[k] = m[k]! * 2 ** (BITS - 1 - k);
    else {
      let x = v[k - s]! ^ (v[k - s]! >>> s);
      for (let l = 1; l < s; l++) if ((a >>> (s - 1 - l)) & 1) x ^= v[k - l]!;
      v[k] = x >>> 0;
    }
  }
  return v;
}

/** Parity of the set bits of a 32-bit word. */
function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/**
 * Applies Matoušek's linear scramble to direction numbers in place: output digit r
 * (from the most significant) is digit r xor the parity of the random lower digits'
 * mask with the higher digits, i.e. v' = L v with L lower-triangular, unit diagonal.
 */
function linearScramble(v: Uint32Array, random: () => number): void {
  const rows = new Uint32Array(BITS);
  for (let r = 0; r < BITS; r++) {
    const above = r === 0 ? 0 : ((0xffffffff << (BITS - r)) >>> 0) & randomWord(random);
    rows[r] = (above | (2 ** (BITS - 1 - r))) >>> 0;
  }
  for (let k = 0; k < BITS; k++) {
    let out = 0;
    for (let r = 0; r < BITS; r++) if (parity(rows[r]! & v[k]!)) out |= 2 ** (BITS - 1 - r);
    v[k] = out >>> 0;
  }
}

function randomWord(random: () => number): number {
  return Math.floor(random() * TWO_32) >>> 0;
}

export interface SobolOptions {
  /** Scramble with this seed (linear matrix scramble + digital shift); default: unscrambled. */
  readonly scrambleSeed?: number | string;
}

/**
 * The first `n` points of the `dims`-dimensional Sobol sequence, one Float64Array of
 * `dims` coordinates in [0, 1) per point. Throws a RangeError when `dims` exceeds
 * `maxDimensions` or `n` is not an integer from 1 to 2^32.
 */
export function sobolPoints(n: number, dims: number, options: SobolOptions = {}): Float64Array[] {
  if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new RangeError(`Sobol points: n = ${n}; expected an integer from 1 to 2^32`);
  if (!Number.isInteger(dims) || dims < 1 || dims > maxDimensions) {
    throw new RangeError(`Sobol points: ${dims} dimensions; expected 1 to ${maxDimensions}`);
  }
  const v = Array.from({ length: dims }, (_, j) => directionNumbers(j));
  const x = new Uint32Array(dims);
  if (options.scrambleSeed !== undefined) {
    for (let j = 0; j < dims; j++) {
      const random = createStream(options.scrambleSeed, 0, j, "sobol-scramble");
      linearScramble(v[j]!, random);
      x[j] = randomWord(random);
    }
  }
  const points: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Lowest zero bit of i − 1 = number of trailing ones.
      let c = 0;
      for (let k = i - 1; k & 1; k >>>= 1) c++;
      for (let j = 0; j < dims; j++) x[j] = x[j]! ^ v[j]![c]!;
    }
    const p = new Float64Array(dims);
    for (let j = 0; j < dims; j++) p[j] = x[j]! / TWO_32;
    points.push(p);
  }
  return points;
}
