/**
 * The Ishigami function as a sensitivity model (deterministic: no noise, one run per
 * point), so the same analysis that runs on the simulator can be checked against the
 * analytic indices of `test-functions.ts`.
 */
import type { SensitivityModel } from "./sensitivity-analysis.ts";
import { ishigami } from "./test-functions.ts";

const input = (i: number) => ({
  id: `x${i}`,
  label: `x${i}`,
  distribution: { kind: "uniform", min: -Math.PI, max: Math.PI } as const,
});

export function ishigamiModel(a = 7, b = 0.1): SensitivityModel {
  return {
    inputs: [input(1), input(2), input(3)],
    outputs: [{ id: "f", label: `Ishigami f (a = ${a}, b = ${b})`, unit: "" }],
    stochastic: false,
    async evaluate(blocks) {
      return blocks.map((block) => block.map((x) => ({ mean: [ishigami(x[0]!, x[1]!, x[2]!, a, b)], meanVariance: [0] })));
    },
  };
}
