import { describe, expect, it } from "vitest";
import { maxDimensions, sobolPoints } from "../../analysis/sobol-sequence.ts";

describe("Sobol sequence", () => {
  it("its first points equal the published table (Joe and Kuo's sobol.cc, new-joe-kuo-6.21201, 3 dimensions)", () => {
    const published = [
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
      [0.1875, 0.3125, 0.9375],
      [0.6875, 0.8125, 0.4375],
    ];
    expect(sobolPoints(10, 3).map((p) => Array.from(p))).toEqual(published);
  });

  it("the first 2^m points of every dimension, scrambled or not, put one point in each interval [k/2^m, (k+1)/2^m)", () => {
    const n = 256;
    for (const options of [{}, { scrambleSeed: 7 }]) {
      const points = sobolPoints(n, maxDimensions, options);
      for (let j = 0; j < maxDimensions; j++) {
        const cells = new Set(points.map((p) => Math.floor(p[j]! * n)));
        expect(cells.size).toBe(n);
      }
    }
  });

  it("every pair of the first dimensions is a (0, m, 2)-net in base 2 for m = 4 (each of the 2^a × 2^(m−a) boxes holds one point)", () => {
    const m = 4;
    const points = sobolPoints(2 ** m, 2, { scrambleSeed: 3 });
    for (let a = 0; a <= m; a++) {
      const cells = new Set(points.map((p) => `${Math.floor(p[0]! * 2 ** a)},${Math.floor(p[1]! * 2 ** (m - a))}`));
      expect(cells.size).toBe(2 ** m);
    }
  });

  it("scrambling is seeded: same seed, same points; another seed, other points", () => {
    const a = sobolPoints(16, 5, { scrambleSeed: 1 });
    expect(sobolPoints(16, 5, { scrambleSeed: 1 })).toEqual(a);
    expect(sobolPoints(16, 5, { scrambleSeed: 2 })).not.toEqual(a);
    expect(a[0]!.every((x) => x > 0)).toBe(true);
  });

  it("refuses more dimensions than the embedded direction numbers give", () => {
    expect(() => sobolPoints(4, maxDimensions + 1)).toThrow(RangeError);
  });
});
