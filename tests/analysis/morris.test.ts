import { describe, expect, it } from "vitest";
import { morrisDesign, morrisEffects } from "../../analysis/morris.ts";
import { gFunction } from "../../analysis/test-functions.ts";

describe("Morris elementary effects", () => {
  it("each trajectory moves every input once by ±Δ = 2/3 on the 4-level grid, staying in [0, 1]", () => {
    for (const t of morrisDesign(20, 5, 1)) {
      expect(t.points).toHaveLength(6);
      expect([...t.moved].sort()).toEqual([0, 1, 2, 3, 4]);
      t.moved.forEach((i, s) => {
        const a = t.points[s]!;
        const b = t.points[s + 1]!;
        expect(b[i]! - a[i]!).toBeCloseTo(t.steps[s]!, 12);
        expect(Math.abs(t.steps[s]!)).toBeCloseTo(2 / 3, 12);
        for (let j = 0; j < 5; j++) if (j !== i) expect(b[j]).toBe(a[j]);
      });
      for (const p of t.points) for (const x of p) expect([0, 1 / 3, 2 / 3, 1].some((l) => Math.abs(l - x) < 1e-12)).toBe(true);
    }
  });

  it("a linear function's effects are its coefficients, with σ = 0", () => {
    const c = [2, -1, 0.5];
    const design = morrisDesign(10, 3, 2);
    const effects = morrisEffects(
      design,
      design.map((t) => t.points.map((p) => c.reduce((s, ci, i) => s + ci * p[i]!, 0))),
    );
    effects.forEach((e, i) => {
      expect(e.mu).toBeCloseTo(c[i]!, 12);
      expect(e.muStar).toBeCloseTo(Math.abs(c[i]!), 12);
      expect(e.sigma).toBeCloseTo(0, 12);
    });
  });

  it("ranks the G function's inert inputs (a = 99) and an input it ignores last", () => {
    // Inputs 0–2 matter (a = 0, 1, 4.5); 3–4 barely (a = 99); input 5 is not used at all.
    const a = [0, 1, 4.5, 99, 99];
    const design = morrisDesign(20, 6, 3);
    const effects = morrisEffects(
      design,
      design.map((t) => t.points.map((p) => gFunction(p, a))),
    );
    const ranked = effects
      .map((e, i) => ({ i, muStar: e.muStar }))
      .sort((x, y) => y.muStar - x.muStar)
      .map((r) => r.i);
    expect(ranked.slice(0, 3)).toEqual([0, 1, 2]);
    expect(new Set(ranked.slice(3))).toEqual(new Set([3, 4, 5]));
    expect(effects[5]!.muStar).toBe(0);
  });
});
