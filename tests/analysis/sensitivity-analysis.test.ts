import { describe, expect, it } from "vitest";
import { analyseSensitivity, noiseShare, replicationsFor, type SensitivityModel } from "../../analysis/sensitivity-analysis.ts";
import { ishigamiModel } from "../../analysis/ishigami-model.ts";
import { createStream } from "../../sim/random.ts";

const options = { n: 256, trajectories: 10, levels: 4, seed: 3, resamples: 300, noise: { pilotReplications: 2, maxReplications: 64, targetShare: 0.05 } };

/**
 * f = 2 x1 + x2 on the unit cube plus Gaussian-free noise: each replication adds a
 * uniform on [−h, h] (variance h²/3), drawn from the block's stream (common random
 * numbers: the same draws for every point of a block).
 */
function noisyModel(h: number): SensitivityModel {
  return {
    inputs: ["x1", "x2", "x3"].map((id) => ({ id, label: id, distribution: { kind: "uniform", min: 0, max: 1 } as const })),
    outputs: [{ id: "f", label: "f", unit: "" }],
    stochastic: true,
    async evaluate(blocks, { stage, replications }) {
      return blocks.map((block, b) => {
        const draws = Array.from({ length: replications }, (_, r) => (2 * createStream(7, r, b, stage)() - 1) * h);
        return block.map((x) => {
          const values = draws.map((d) => 2 * x[0]! + x[1]! + d);
          const mean = values.reduce((a, c) => a + c, 0) / replications;
          const s2 = values.reduce((a, c) => a + (c - mean) ** 2, 0) / (replications - 1);
          return { mean: [mean], meanVariance: [s2 / replications] };
        });
      });
    },
  };
}

describe("analyseSensitivity", () => {
  it("replicationsFor brings the noise share to the target, within [pilot, max]", () => {
    expect(replicationsFor(0.01, 2, 0.05, 64)).toBe(2);
    // Share 0.5 at 2 replications: noise = signal; to reach 5% the noise must fall 19-fold.
    expect(replicationsFor(0.5, 2, 0.05, 64)).toBe(38);
    expect(replicationsFor(0.5, 2, 0.05, 16)).toBe(16);
    expect(
      noiseShare(
        [
          { mean: [0], meanVariance: [1] },
          { mean: [2], meanVariance: [1] },
        ],
        0,
      ),
    ).toBe(1);
  });

  it("measures the noise share in the Morris pilot, picks replications to bring it under the target, and reports it", async () => {
    // Signal variance of 2 x1 + x2: 4/12 + 1/12 = 0.4167; noise h = 1.5 → variance 0.75 per replication.
    const r = await analyseSensitivity(noisyModel(1.5), options);
    expect(r.noise.morris.replications).toBe(2);
    expect(r.noise.sobol.replications).toBeGreaterThan(2);
    expect(r.noise.sobol.share.f).toBeLessThan(0.08);
    // With common random numbers within a row the noise cancels out of the differences: the indices stay right.
    const [x1, x2, x3] = r.rows;
    expect(x1!.ST).toBeCloseTo(0.8, 1);
    expect(x2!.ST).toBeCloseTo(0.2, 1);
    expect(x3!.ST).toBeLessThan(0.01);
    expect(x1!.S1ci[0]).toBeLessThan(0.8);
  });

  it("a deterministic model runs once per point and reports no noise; the result is a pure function of the seed", async () => {
    const a = await analyseSensitivity(ishigamiModel(), { ...options, n: 64 });
    expect(a.noise.sobol).toEqual({ replications: 1, share: { f: 0 } });
    expect(a.points).toEqual({ morris: 10 * 4, sobol: 64 * 5 });
    expect(await analyseSensitivity(ishigamiModel(), { ...options, n: 64 })).toEqual(a);
  });
});
