import { describe, expect, it } from "vitest";
import { createStream } from "../../sim/index.ts";

const take = (u: () => number, n: number) => Array.from({ length: n }, () => u());

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("random streams", () => {
  it("same (seed, replication, entity, purpose) gives the same sequence", () => {
    expect(take(createStream(7, 2, 5, "gap"), 100)).toEqual(take(createStream(7, 2, 5, "gap"), 100));
  });

  it("any change of the key gives a different sequence", () => {
    const base = take(createStream(7, 2, 5, "gap"), 5);
    for (const other of [
      createStream(8, 2, 5, "gap"),
      createStream(7, 3, 5, "gap"),
      createStream(7, 2, 6, "gap"),
      createStream(7, 2, 5, "gaq"),
    ]) {
      expect(take(other, 5)).not.toEqual(base);
    }
  });

  it("drawing from one stream does not shift another", () => {
    const a1 = createStream(1, 0, 0, "a");
    const alone = take(a1, 50);
    const a2 = createStream(1, 0, 0, "a");
    const b = createStream(1, 0, 0, "b");
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      take(b, 3);
      interleaved.push(a2());
    }
    expect(interleaved).toEqual(alone);
  });

  it("draws are uniform on [0, 1) with 53-bit resolution, and neighbouring keys are uncorrelated", () => {
    const n = 20_000;
    const xs = take(createStream(1, 0, 1, "p"), n);
    const ys = take(createStream(1, 0, 2, "p"), n);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, v) => s + v, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Ten equal bins: chi-square with 9 df stays below 27.9 with probability 0.999.
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
    expect(Math.abs(correlation(xs, ys))).toBeLessThan(4 / Math.sqrt(n));
    // More than 32 bits: some draws differ from their float32-grid rounding.
    expect(xs.some((x) => x * 2 ** 32 !== Math.floor(x * 2 ** 32))).toBe(true);
  });
});
