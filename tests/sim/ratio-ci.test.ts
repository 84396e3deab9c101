import { describe, expect, it } from "vitest";
import { meanCi95 } from "../../sim/mean-ci.ts";
import { countCi95, perMeanCi95, perMeanDifferenceCi95, ratioCi95 } from "../../sim/ratio-ci.ts";
import { randomPoisson } from "d3-random";
import seedrandom from "seedrandom";

describe("ratioCi95", () => {
  it("is the ratio of totals, not the mean of the ratios, with an interval around it", () => {
    const ys = [1, 9, 2, 8];
    const xs = [10, 30, 5, 40];
    const r = ratioCi95(ys, xs)!;
    expect(r.mean).toBe(20 / 85);
    expect(r.mean).not.toBeCloseTo(ys.reduce((s, y, i) => s + y / xs[i]!, 0) / 4, 2);
    expect(r.ci95[0]).toBeLessThan(r.mean);
    expect(r.ci95[1]).toBeGreaterThan(r.mean);
  });

  it("is undefined (null) when the denominators sum to 0, and a point with one replication or no spread", () => {
    expect(ratioCi95([0, 0], [0, 0])).toBeNull();
    expect(ratioCi95([3], [4])).toEqual({ mean: 0.75, ci95: [0.75, 0.75] });
    expect(ratioCi95([2, 4], [4, 8])).toEqual({ mean: 0.5, ci95: [0.5, 0.5] });
  });

  it("keeps a share's interval within 0–1 and a positive ratio's at 0 or above", () => {
    const share = ratioCi95([0, 1, 0, 9], [1, 1, 1, 10], "share")!;
    expect(share.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(share.ci95[1]).toBeLessThanOrEqual(1);
    const positive = ratioCi95([0, 0, 0, 5], [1, 1, 1, 1])!;
    expect(positive.ci95[0]).toBe(0);
  });
});

describe("perMeanCi95", () => {
  it("is k ÷ the mean, its interval the image of the mean's under k/x", () => {
    const xs = [3, 4, 5, 4, 6];
    const m = meanCi95(xs);
    const r = perMeanCi95(100, xs)!;
    expect(r.mean).toBeCloseTo(100 / m.mean, 12);
    expect(r.ci95).toEqual([100 / m.ci95[1], 100 / m.ci95[0]]);
    expect(perMeanCi95(100, [0, 0, 0])).toBeNull();
  });

  it("stays finite and at 0 or above when the mean's interval reaches 0", () => {
    const r = perMeanCi95(100, [0, 0, 0, 1])!;
    expect(r.mean).toBe(400);
    expect(r.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(r.ci95[1])).toBe(true);
  });
});

describe("countCi95 and perMeanDifferenceCi95", () => {
  it("never puts a count's lower bound below 0", () => {
    expect(countCi95([0, 0, 0, 3]).ci95[0]).toBe(0);
    expect(countCi95([5, 6, 7])).toEqual(meanCi95([5, 6, 7]));
  });

  it("gives the paired difference of k ÷ means, its sign and an interval around it", () => {
    const d = perMeanDifferenceCi95(60, [6, 7, 5, 6], [3, 4, 3, 2])!;
    expect(d.mean).toBeCloseTo(60 / 6 - 60 / 3, 12);
    expect(d.ci95[0]).toBeLessThan(d.mean);
    expect(d.ci95[1]).toBeGreaterThan(d.mean);
    expect(perMeanDifferenceCi95(60, [0, 0], [1, 2])).toBeNull();
  });
});

describe("perMeanCi95's coverage (a price ÷ few conversations, as one Premium Career seat at 10% gives)", () => {
  it("covers k ÷ the true mean in about 95% of seeded trials, with 20 and with 200 replications", () => {
    // Conversations in 12 months per replication ~ Poisson(4.3): the seat's spread (sd ≈ 2.1 a year).
    const perYear = 4.3;
    const k = 29.99;
    const truth = k / (perYear / 12);
    for (const n of [20, 200]) {
      const draw = randomPoisson.source(seedrandom(`coverage-${n}`))(perYear);
      const trials = n === 20 ? 4000 : 1000;
      let covered = 0;
      for (let t = 0; t < trials; t++) {
        const xs = Array.from({ length: n }, () => draw() / 12);
        const e = perMeanCi95(k, xs);
        if (e && e.ci95[0] <= truth && truth <= e.ci95[1]) covered++;
      }
      // Binomial sd of the share over 4,000 trials ≈ 0.35%, over 1,000 ≈ 0.7%: 93–97% is ±3 sd or more.
      expect(covered / trials, `n = ${n}`).toBeGreaterThan(0.93);
      expect(covered / trials, `n = ${n}`).toBeLessThan(0.97);
    }
  });
});
