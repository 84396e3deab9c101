/**
 * Initial direction numbers of the Sobol sequence for dimensions 2–32, as Joe and Kuo
 * publish them in the file `new-joe-kuo-6.21201` (S. Joe and F. Y. Kuo, "Constructing
 * Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30
 * (2008) 2635–2654; https://web.maths.unsw.edu.au/~fkuo/sobol/). Each row is one line
 * of that file: dimension d, degree s of the primitive polynomial, its coefficients a
 * (the inner bits, most significant first), and the initial numbers m_1 … m_s.
 * Dimension 1 is the van der Corput sequence and has no row. Thirty-two dimensions
 * cover a Saltelli design (2 × inputs columns) of up to 16 inputs.
 */

export interface DirectionRow {
  readonly d: number;
  readonly s: number;
  readonly a: number;
  readonly m: readonly number[];
}

export const joeKuoRows: readonly DirectionRow[] = [
  { d: 2, s: 1, a: 0, m: [1] },
  { d: 3, s: 2, a: 1, m: [1, 3] },
  { d: 4, s: 3, a: 1, m: [1, 3, 1] },
  { d: 5, s: 3, a: 2, m: [1, 1, 1] },
  { d: 6, s: 4, a: 1, m: [1, 1, 3, 3] },
  { d: 7, s: 4, a: 4, m: [1, 3, 5, 13] },
  { d: 8, s: 5, a: 2, m: [1, 1, 5, 5, 17] },
  { d: 9, s: 5, a: 4, m: [1, 1, 5, 5, 5] },
  { d: 10, s: 5, a: 7, m: [1, 1, 7, 11, 19] },
  { d: 11, s: 5, a: 11, m: [1, 1, 5, 1, 1] },
  { d: 12, s: 5, a: 13, m: [1, 1, 1, 3, 11] },
  { d: 13, s: 5, a: 14, m: [1, 3, 5, 5, 31] },
  { d: 14, s: 6, a: 1, m: [1, 3, 3, 9, 7, 49] },
  { d: 15, s: 6, a: 13, m: [1, 1, 1, 15, 21, 21] },
  { d: 16, s: 6, a: 16, m: [1, 3, 1, 13, 27, 49] },
  { d: 17, s: 6, a: 19, m: [1, 1, 1, 15, 7, 5] },
  { d: 18, s: 6, a: 22, m: [1, 3, 1, 15, 13, 25] },
  { d: 19, s: 6, a: 25, m: [1, 1, 5, 5, 19, 61] },
  { d: 20, s: 7, a: 1, m: [1, 3, 7, 11, 23, 15, 103] },
  { d: 21, s: 7, a: 4, m: [1, 3, 7, 13, 13, 15, 69] },
  { d: 22, s: 7, a: 7, m: [1, 1, 3, 13, 7, 35, 63] },
  { d: 23, s: 7, a: 8, m: [1, 3, 5, 9, 1, 25, 53] },
  { d: 24, s: 7, a: 14, m: [1, 3, 1, 13, 9, 35, 107] },
  { d: 25, s: 7, a: 19, m: [1, 3, 1, 5, 27, 61, 31] },
  { d: 26, s: 7, a: 21, m: [1, 1, 5, 11, 19, 41, 61] },
  { d: 27, s: 7, a: 28, m: [1, 3, 5, 3, 3, 13, 69] },
  { d: 28, s: 7, a: 31, m: [1, 1, 7, 13, 1, 19, 1] },
  { d: 29, s: 7, a: 32, m: [1, 3, 7, 5, 13, 19, 59] },
  { d: 30, s: 7, a: 37, m: [1, 1, 3, 9, 25, 29, 41] },
  { d: 31, s: 7, a: 41, m: [1, 3, 5, 13, 23, 1, 55] },
  { d: 32, s: 7, a: 42, m: [1, 3, 7, 3, 13, 59, 17] },
];
