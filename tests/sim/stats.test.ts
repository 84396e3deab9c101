import { describe, expect, it } from "vitest";
import { RunningStats, summarize } from "../../sim/index.ts";

describe("RunningStats", () => {
  it("matches the two-pass mean and sample variance", () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const s = new RunningStats();
    xs.forEach((x) => s.push(x));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(s.mean).toBeCloseTo(mean, 12);
    expect(s.variance).toBeCloseTo(variance, 12);
  });

  it("95% CI uses Student-t with n − 1 degrees of freedom", () => {
    // 20 values: t(0.975, 19) = 2.0930 (tables).
    const xs = Array.from({ length: 20 }, (_, i) => i);
    const { mean, ci95 } = summarize(xs);
    const se = Math.sqrt(35 / 20); // sample variance of 0..19 is 35
    expect(mean).toBe(9.5);
    expect(ci95[1] - mean).toBeCloseTo(2.093 * se, 3);
    expect(mean - ci95[0]).toBeCloseTo(2.093 * se, 3);
    // Two values: t(0.975, 1) = 12.706.
    const two = summarize([0, 2]);
    expect(two.ci95[1] - 1).toBeCloseTo(12.706 * 1, 3);
  });

  it("one value gives a degenerate interval, not NaN", () => {
    expect(summarize([4]).ci95).toEqual([4, 4]);
  });
});
