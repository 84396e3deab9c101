/**
 * Morris elementary-effects screening (M. D. Morris, "Factorial sampling plans for
 * preliminary computational experiments", Technometrics 33 (1991) 161–174), with
 * Campolongo, Cariboni and Saltelli's μ* (mean absolute effect; "An effective screening
 * design for sensitivity analysis of large models", Environ. Model. Softw. 22 (2007)
 * 1509–1518).
 *
 * On a grid of p levels {0, 1/(p − 1), …, 1} of the unit cube, with step Δ = p / (2(p − 1)),
 * each trajectory starts at a random grid point and moves one input at a time, in a random
 * order, by ±Δ: k + 1 points, one elementary effect per input,
 *     EE_i = (f(x + Δ_i e_i) − f(x)) / Δ_i   (Δ_i = ±Δ),
 * in output units per unit of the input's (quantile-scaled) range. Over r trajectories:
 * μ* = mean |EE_i| ranks importance, σ = standard deviation of EE_i flags interactions and
 * non-linearity. r (k + 1) model runs. Random choices come from seeded streams.
 */
import { createStream } from "../sim/random.ts";

export interface MorrisTrajectory {
  /** k + 1 points on the unit-cube grid. */
  readonly points: readonly Float64Array[];
  /** The input moved between point s and s + 1. */
  readonly moved: readonly number[];
  /** The signed step of that move (±Δ). */
  readonly steps: readonly number[];
}

export interface MorrisEffect {
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
}

/** r random trajectories for k inputs on a grid of `levels` levels (even, default 4). */
export function morrisDesign(trajectories: number, inputs: number, seed: number | string, levels = 4): MorrisTrajectory[] {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels: ${levels}; expected an even integer ≥ 2`);
  const delta = levels / (2 * (levels - 1));
  // Lower ends of a move: grid levels from 0 up to 1 − Δ.
  const lowLevels = levels / 2;
  return Array.from({ length: trajectories }, (_, t) => {
    const random = createStream(seed, 0, t, "morris");
    const start = new Float64Array(inputs);
    const up: boolean[] = [];
    for (let i = 0; i < inputs; i++) {
      const low = Math.floor(random() * lowLevels) / (levels - 1);
      up.push(random() < 0.5);
      start[i] = up[i] ? low : low + delta;
    }
    // Fisher–Yates shuffle of the order in which inputs move.
    const order = Array.from({ length: inputs }, (_, i) => i);
    for (let i = inputs - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const points = [start];
    const steps: number[] = [];
    for (const i of order) {
      const next = points[points.length - 1]!.slice();
      const step = up[i] ? delta : -delta;
      next[i] = next[i]! + step;
      points.push(next);
      steps.push(step);
    }
    return { points, moved: order, steps };
  });
}

/**
 * μ, μ* and σ of each input's elementary effects, from the outputs `y[t][s]` of point s
 * of trajectory t. σ is the sample standard deviation (0 with one trajectory).
 */
export function morrisEffects(design: readonly MorrisTrajectory[], y: readonly ArrayLike<number>[]): MorrisEffect[] {
  const k = design[0]?.moved.length ?? 0;
  const effects = Array.from({ length: k }, () => [] as number[]);
  design.forEach((t, ti) => {
    const out = y[ti]!;
    t.moved.forEach((i, s) => effects[i]!.push((out[s + 1]! - out[s]!) / t.steps[s]!));
  });
  return effects.map((ee) => {
    const r = ee.length;
    const mu = ee.reduce((a, b) => a + b, 0) / r;
    const muStar = ee.reduce((a, b) => a + Math.abs(b), 0) / r;
    const sigma = r > 1 ? Math.sqrt(ee.reduce((a, b) => a + (b - mu) ** 2, 0) / (r - 1)) : 0;
    return { mu, muStar, sigma };
  });
}
