/**
 * Global sensitivity analysis of a model with uncertain inputs: Morris screening first
 * (cheap: r (k + 1) runs), then Sobol first-order and total-effect indices by Saltelli's
 * design on a scrambled Sobol sequence (N (k + 2) runs), with bootstrap 95% CIs.
 *
 * Stochastic models: the points of a design block (a Morris trajectory, a Saltelli row)
 * share their random numbers, blocks get different ones; each point runs `replications`
 * times, and the model reports the variance of each point's mean. The Morris stage is
 * the pilot: from its noise share (mean variance of a point's mean ÷ variance of the
 * outputs over the points) the Sobol stage's replications per point are chosen so the
 * share stays at most `targetShare` (capped at `maxReplications`); the share measured in
 * each stage is reported, since simulation noise inflates the variance the indices divide.
 */
import { quantile, type InputDistribution } from "./input-distribution.ts";
import { morrisDesign, morrisEffects } from "./morris.ts";
import { saltelliDesign } from "./saltelli-design.ts";
import { sobolIndices } from "./sobol-indices.ts";

export interface SensitivityInput {
  readonly id: string;
  readonly label: string;
  readonly distribution: InputDistribution;
}

export interface SensitivityOutput {
  readonly id: string;
  readonly label: string;
  /** e.g. "conversations per team per month". */
  readonly unit: string;
}

/** One point's outputs (one per model output): the mean over its replications and the variance of that mean. */
export interface PointOutputs {
  readonly mean: readonly number[];
  /** 0 for a deterministic model. */
  readonly meanVariance: readonly number[];
}

export type Stage = "morris" | "sobol";

export interface SensitivityModel {
  readonly inputs: readonly SensitivityInput[];
  readonly outputs: readonly SensitivityOutput[];
  readonly stochastic: boolean;
  /**
   * Runs every point of every block (input values, in `inputs` order) as one batch:
   * points of a block with common random numbers, blocks with different ones.
   */
  evaluate(blocks: readonly (readonly Float64Array[])[], run: { readonly stage: Stage; readonly replications: number }): Promise<PointOutputs[][]>;
}

export interface AnalysisOptions {
  /** Saltelli base sample size N (a power of 2 keeps the Sobol points balanced). */
  readonly n: number;
  readonly trajectories: number;
  /** Morris grid levels (even). */
  readonly levels: number;
  readonly seed: number | string;
  /** Bootstrap resamples for the CIs. */
  readonly resamples: number;
  /** Stochastic models only. */
  readonly noise: { readonly pilotReplications: number; readonly maxReplications: number; readonly targetShare: number };
}

/** One (output, input) pair: Sobol indices with 95% CIs and Morris statistics. */
export interface SensitivityRow {
  readonly output: string;
  readonly input: string;
  readonly S1: number;
  readonly S1ci: readonly [number, number];
  readonly ST: number;
  readonly STci: readonly [number, number];
  /** Morris: mean absolute elementary effect, output units per unit of the input's range. */
  readonly muStar: number;
  readonly sigma: number;
  readonly mu: number;
}

export interface StageNoise {
  /** Replications per point. */
  readonly replications: number;
  /** Share of output variance that is simulation noise, per output id (0 for a deterministic model). */
  readonly share: Readonly<Record<string, number>>;
}

export interface SensitivityResult {
  readonly rows: SensitivityRow[];
  readonly noise: { readonly targetShare: number; readonly morris: StageNoise; readonly sobol: StageNoise };
  /** Points run (each `replications` model runs for a stochastic model). */
  readonly points: { readonly morris: number; readonly sobol: number };
}

function variance(values: readonly number[]): number {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length;
}

/** Share of the variance of output `o` over `points` that is the noise of their means. */
export function noiseShare(points: readonly PointOutputs[], o: number): number {
  const total = variance(points.map((p) => p.mean[o]!));
  const noise = points.reduce((a, p) => a + p.meanVariance[o]!, 0) / points.length;
  return total > 0 ? Math.min(1, noise / total) : 0;
}

/**
 * Replications per point that bring a noise share `share` measured with `pilot`
 * replications down to `target` (noise falls as 1/R, signal stays), within [pilot, max].
 */
export function replicationsFor(share: number, pilot: number, target: number, max: number): number {
  if (share <= target) return pilot;
  if (share >= 1) return max;
  const needed = Math.ceil((pilot * share * (1 - target)) / (target * (1 - share)));
  return Math.max(pilot, Math.min(max, needed));
}

const toValues = (inputs: readonly SensitivityInput[], unit: Float64Array) => Float64Array.from(unit, (u, i) => quantile(inputs[i]!.distribution, u));

/** Morris screening, then Sobol indices, of every output of `model`. */
export async function analyseSensitivity(model: SensitivityModel, options: AnalysisOptions): Promise<SensitivityResult> {
  const { inputs, outputs } = model;
  const k = inputs.length;
  const pilot = model.stochastic ? options.noise.pilotReplications : 1;

  const morris = morrisDesign(options.trajectories, k, options.seed, options.levels);
  const morrisOut = await model.evaluate(
    morris.map((t) => t.points.map((p) => toValues(inputs, p))),
    { stage: "morris", replications: pilot },
  );
  const morrisPoints = morrisOut.flat();
  const morrisShare = Object.fromEntries(outputs.map((o, oi) => [o.id, model.stochastic ? noiseShare(morrisPoints, oi) : 0]));
  const worst = Math.max(0, ...Object.values(morrisShare));
  const replications = model.stochastic ? replicationsFor(worst, pilot, options.noise.targetShare, options.noise.maxReplications) : 1;

  const design = saltelliDesign(options.n, k, options.seed);
  const sobolOut = await model.evaluate(
    design.map((block) => block.map((p) => toValues(inputs, p))),
    { stage: "sobol", replications },
  );
  const basePoints = sobolOut.flatMap((block) => [block[0]!, block[1]!]);
  const sobolShare = Object.fromEntries(outputs.map((o, oi) => [o.id, model.stochastic ? noiseShare(basePoints, oi) : 0]));

  const rows: SensitivityRow[] = [];
  outputs.forEach((o, oi) => {
    const effects = morrisEffects(
      morris,
      morrisOut.map((t) => t.map((p) => p.mean[oi]!)),
    );
    const indices = sobolIndices(
      sobolOut.map((block) => block.map((p) => p.mean[oi]!)),
      { seed: `${options.seed}/${o.id}`, resamples: options.resamples },
    );
    inputs.forEach((input, i) => {
      const s = indices[i]!;
      const e = effects[i]!;
      rows.push({ output: o.id, input: input.id, S1: s.S1, S1ci: s.S1ci, ST: s.ST, STci: s.STci, muStar: e.muStar, sigma: e.sigma, mu: e.mu });
    });
  });
  return {
    rows,
    noise: {
      targetShare: options.noise.targetShare,
      morris: { replications: pilot, share: morrisShare },
      sobol: { replications, share: sobolShare },
    },
    points: { morris: morris.length * (k + 1), sobol: design.length * (k + 2) },
  };
}
