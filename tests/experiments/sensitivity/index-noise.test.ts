import { describe, expect, it } from "vitest";
import { indexNoiseNote, type IndexRow } from "../../../experiments/sensitivity/index-noise.ts";

const row = (input: string, S1: number, S1ci: [number, number], ST: number, STci: [number, number]): IndexRow => ({ input, S1, S1ci, ST, STci });

describe("a word on indices outside 0–1", () => {
  it("says nothing when every estimate and interval end is a share and ST ≥ S1", () => {
    expect(indexNoiseNote([row("a", 0.2, [0, 0.4], 0.3, [0.1, 1]), row("b", 0, [0, 0], 0, [0, 0])])).toBe("");
  });

  it("names the inputs below 0, above 1 and with S1 above ST, with how to read each", () => {
    const note = indexNoiseNote([row("a", 0.21, [-0.04, 0.46], 0.63, [0.31, 1.14]), row("b", 0.52, [0.34, 0.73], 0.44, [0.31, 0.67]), row("c", -0.01, [-0.25, 0.38], 0.27, [0.17, 0.39])], (id) =>
      id.toUpperCase(),
    );
    expect(note).toContain("estimator noise");
    expect(note).toContain("below 0 (A and C): read as 0");
    expect(note).toContain("above 1 (A): read as 1");
    expect(note).toContain("S1 above ST (B): read ST as at least S1");
  });
});
