import { describe, expect, it } from "vitest";
import { saltelliDesign } from "../../analysis/saltelli-design.ts";
import { sobolIndices } from "../../analysis/sobol-indices.ts";
import { ishigami, ishigamiIndices } from "../../analysis/test-functions.ts";

const toIshigami = (u: number) => -Math.PI + 2 * Math.PI * u;

describe("Sobol indices (Saltelli 2010 S1, Jansen ST, bootstrap CIs)", () => {
  it("the analytic Ishigami indices match the published values (a = 7, b = 0.1)", () => {
    const { S1, ST } = ishigamiIndices();
    expect(S1.map((x) => +x.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(ST.map((x) => +x.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  it.each([1, 2, 3])("on Ishigami with N = 1024 (seed %i), every 95 percent CI contains the analytic index", (seed) => {
    const y = saltelliDesign(1024, 3, seed).map((block) => block.map((p) => ishigami(toIshigami(p[0]!), toIshigami(p[1]!), toIshigami(p[2]!))));
    const got = sobolIndices(y, { seed, resamples: 500 });
    const want = ishigamiIndices();
    got.forEach((g, i) => {
      expect(g.S1ci[0]).toBeLessThanOrEqual(want.S1[i]!);
      expect(g.S1ci[1]).toBeGreaterThanOrEqual(want.S1[i]!);
      expect(g.STci[0]).toBeLessThanOrEqual(want.ST[i]!);
      expect(g.STci[1]).toBeGreaterThanOrEqual(want.ST[i]!);
      // Intervals narrow enough to tell the inputs apart.
      expect(g.S1ci[1] - g.S1ci[0]).toBeLessThan(0.25);
      expect(g.STci[1] - g.STci[0]).toBeLessThan(0.25);
    });
  });

  it("an additive function's indices are its coefficients' variance shares, S1 = ST", () => {
    // f = 3 x1 + x2 + 0 x3 on the unit cube: V_i ∝ c_i², so S = 0.9, 0.1, 0.
    const y = saltelliDesign(1024, 3, 5).map((block) => block.map((p) => 3 * p[0]! + p[1]!));
    const got = sobolIndices(y, { seed: 5, resamples: 200 });
    [0.9, 0.1, 0].forEach((want, i) => {
      expect(got[i]!.S1).toBeCloseTo(want, 1);
      expect(got[i]!.ST).toBeCloseTo(want, 2);
    });
    expect(got[2]!.ST).toBe(0);
  });

  it("a constant output gives zero indices, and the bootstrap is seeded", () => {
    const y = saltelliDesign(16, 2, 1).map((block) => block.map(() => 4));
    expect(sobolIndices(y, { seed: 1 }).every((s) => s.S1 === 0 && s.ST === 0)).toBe(true);
    const z = saltelliDesign(64, 2, 1).map((block) => block.map((p) => p[0]! * p[1]!));
    expect(sobolIndices(z, { seed: 9, resamples: 50 })).toEqual(sobolIndices(z, { seed: 9, resamples: 50 }));
  });

  it("a design block is [A_j, B_j, A_B^(i)_j]: A_B^(i) is A with column i from B", () => {
    const [block] = saltelliDesign(4, 3, 1);
    const [a, b, ...ab] = block!;
    ab.forEach((p, i) => {
      for (let c = 0; c < 3; c++) expect(p[c]).toBe(c === i ? b![c] : a![c]);
    });
  });
});
