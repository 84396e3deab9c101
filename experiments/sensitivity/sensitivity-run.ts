/**
 * Which assumption matters: the parameters, the run and the JSON-ready result of the
 * sensitivity analysis, shared by `commands/sensitivity.ts` and the report
 * `notebooks/sensitivity.ts`. Two models: `team` (a team on one plan, the simulator,
 * uncertain inputs from `assumption-ranges.ts`) and `ishigami` (the analytic test
 * function, to check the estimators).
 */
import { indexNoiseNote } from "./index-noise.ts";
import { describeDistribution } from "../../analysis/input-distribution.ts";
import { ishigamiModel } from "../../analysis/ishigami-model.ts";
import { analyseSensitivity, type SensitivityResult, type SensitivityRow } from "../../analysis/sensitivity-analysis.ts";
import { ishigamiIndices } from "../../analysis/test-functions.ts";
import { maxSaltelliInputs } from "../../analysis/saltelli-design.ts";
import { withSizeNote } from "../../runner/executor.ts";
import { defaultWorkers } from "../../runner/pool.ts";
import { durationWords, estimateRuns, limitSeconds, refuseTooLarge, RunTooLargeError } from "../../runner/run-estimate.ts";
import { bootstrapSeconds } from "../../analysis/sobol-indices.ts";
import type { RunOptions } from "../../runner/run-models.ts";
import { assumptionRanges } from "./assumption-ranges.ts";
import { defaults, InputError, type ParamSpec, type ParamValues } from "../inputs/params.ts";
import { jsonParams } from "../general/run-scenario.ts";
import { teamModel, teamOutputs } from "./sensitivity-team.ts";
import { teamParams } from "../team/team-params.ts";

export const sensitivityModels = ["team", "ishigami"] as const;
export type SensitivityModelId = (typeof sensitivityModels)[number];

/** Team-planner parameters the analysis sets itself: the seed, replications per point, no target. */
const ownTeamParams = new Set(["seed", "replications", "target"]);
/** The team analysed by default: one plan (the planner's default shows every plan side by side). */
const teamDefaults: Readonly<Record<string, string>> = { plan: "recruiter-lite" };

/** The analysis's own parameters. */
const analysisParams: readonly ParamSpec[] = [
  { name: "n", kind: "integer", min: 8, max: 65_536, default: 256, description: "Saltelli base sample N (a power of 2 balances the Sobol points); N × (inputs + 2) points" },
  { name: "trajectories", kind: "integer", min: 2, max: 1000, default: 20, description: "Morris trajectories r; r × (inputs + 1) points" },
  { name: "levels", kind: "integer", min: 2, max: 20, default: 4, description: "Morris grid levels (even)" },
  { name: "resamples", kind: "integer", min: 100, max: 100_000, default: 1000, description: "bootstrap resamples for the 95% CIs" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed (designs, scrambling, bootstrap, simulation); same seed, same output" },
  { name: "pilotReplications", kind: "integer", min: 2, max: 1000, default: 4, description: "team: replications of the team per Morris point (the noise pilot)" },
  { name: "maxReplications", kind: "integer", min: 2, max: 1000, default: 16, description: "team: most replications of the team per Sobol point" },
  { name: "noiseTarget", kind: "number", min: 0.001, max: 0.5, default: 0.05, description: "team: largest share of output variance left to simulation noise; sets the Sobol replications" },
];
const analysisOnly = new Set(analysisParams.map((s) => s.name).filter((name) => name !== "seed"));

/** Every parameter: the analysis's own, then the team planner's (its team inputs and the general ones by dotted path). */
export const sensitivityParams: readonly ParamSpec[] = [
  ...analysisParams,
  ...teamParams.filter((s) => !ownTeamParams.has(s.name)).map((s) => (teamDefaults[s.name] === undefined ? s : ({ ...s, default: teamDefaults[s.name] } as ParamSpec))),
];

/**
 * What the user set: the parameters named in `sets` (`name=value`, as `--set` takes
 * them), and any whose value differs from its default.
 */
export function setByUser(values: ParamValues, sets: readonly string[] = []): Set<string> {
  const base = defaults(sensitivityParams);
  const named = sets.map((s) => s.slice(0, Math.max(0, s.indexOf("="))).trim()).filter((name) => name in values);
  return new Set([...named, ...Object.keys(values).filter((k) => values[k] !== base[k])]);
}

export interface SensitivityInputRow {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly distribution: string;
  readonly default: string;
  readonly source: string;
  readonly measure: string;
  readonly assumption: string;
}

export interface SensitivityReport {
  readonly model: SensitivityModelId;
  readonly params: Record<string, number | string | boolean>;
  readonly inputs: readonly SensitivityInputRow[];
  /** Assumptions in force that are not varied, and why (divided out of the rate you type, no effect, your value). */
  readonly held: readonly { readonly assumption: string; readonly reason: string }[];
  readonly outputs: readonly { readonly id: string; readonly label: string; readonly unit: string }[];
  /** One row per (output, input). */
  readonly rows: readonly SensitivityRow[];
  /** Ishigami only: the analytic indices, per input. */
  readonly analytic?: readonly { readonly input: string; readonly S1: number; readonly ST: number }[];
  /** The answer in words, one sentence per output. */
  readonly conclusions: readonly string[];
  readonly noise: SensitivityResult["noise"] & { readonly statement: string };
  readonly runs: {
    /** Design points run (Morris, Sobol). */
    readonly points: SensitivityResult["points"];
    /** Simulated replications of all points (a point runs `replications` times). */
    readonly pointReplications: number;
    /** Accounts simulated per point and replication: the team (its seats, or one pooled contract). */
    readonly accountsPerPoint: number;
    /** Account-months simulated in all. */
    readonly accountMonths: number;
  };
}

/** An index as a whole percentage, within 0–100% (an estimate outside is sampling error). */
const pct = (x: number) => `${Math.round(Math.min(1, Math.max(0, x)) * 100)}%`;

/** One sentence per output: which input carries the largest share of its spread, and what to measure. */
export function conclusions(report: Pick<SensitivityReport, "rows" | "outputs" | "inputs">): string[] {
  return report.outputs.map((o) => {
    const rows = report.rows.filter((r) => r.output === o.id).sort((a, b) => b.S1 - a.S1 || b.ST - a.ST);
    const top = rows[0]!;
    const input = report.inputs.find((i) => i.id === top.input)!;
    const second = rows[1];
    const secondText = second ? `; next, ${report.inputs.find((i) => i.id === second.input)!.label} (${pct(second.S1)})` : "";
    if (top.ST < 0.05) return `No assumption moves the ${o.label} by more than 5% of its spread.`;
    return `${pct(top.S1)} of the spread in ${o.label} comes from the ${input.label} alone (${pct(top.ST)} with its interactions)${secondText}. ` + `To pin it down: ${input.measure}.`;
  });
}

function checkLevels(values: ParamValues): void {
  if ((values.levels as number) % 2 !== 0) throw new InputError(`levels: ${values.levels} is not allowed; expected an even integer from 2 to 20`);
}

/**
 * Refuses (InputError) an analysis whose bootstrap — `resamples` resamples of the
 * Saltelli rows for each output, on this thread — and simulation (`simulatedSeconds`)
 * together take longer than the limit, unless `big`.
 */
function refuseLongBootstrap(n: number, k: number, outputs: number, resamples: number, simulatedSeconds: number, big: boolean): void {
  const bootstrap = outputs * bootstrapSeconds(n, k, resamples);
  if (big || bootstrap + simulatedSeconds <= limitSeconds) return;
  throw new InputError(
    withSizeNote(
      `run too large: the bootstrap's 95% CIs take ~${durationWords(bootstrap)} (resamples=${resamples.toLocaleString("en-US")} × n=${n.toLocaleString("en-US")} rows × ${k} inputs × ${outputs} ` +
        `${outputs === 1 ? "output" : "outputs"})${simulatedSeconds > 0 ? ` besides ~${durationWords(simulatedSeconds)} of simulation` : ""}; the limit is ${limitSeconds / 60} minutes; ` +
        "lower resamples or n (or pass --big to commands/sensitivity.ts)",
    ),
  );
}

/**
 * Runs the analysis of `model` with `values` (checked against `sensitivityParams`).
 * InputError for bad combinations, and for an analysis whose largest size is over the
 * limit of runner/run-estimate.ts (unless `run.big`), before anything runs.
 */
export async function runSensitivity(
  modelId: SensitivityModelId,
  values: ParamValues,
  run: Omit<RunOptions, "label"> = {},
  /** The `--set` arguments as typed, so a value set to its default is still the user's. */
  sets: readonly string[] = [],
): Promise<SensitivityReport> {
  checkLevels(values);
  const options = {
    n: values.n as number,
    trajectories: values.trajectories as number,
    levels: values.levels as number,
    seed: values.seed as number,
    resamples: values.resamples as number,
    noise: {
      pilotReplications: values.pilotReplications as number,
      maxReplications: Math.max(values.maxReplications as number, values.pilotReplications as number),
      targetShare: values.noiseTarget as number,
    },
  };
  if (modelId === "ishigami") {
    const model = ishigamiModel();
    refuseLongBootstrap(options.n, model.inputs.length, model.outputs.length, options.resamples, 0, run.big ?? false);
    const result = await analyseSensitivity(model, options);
    const analytic = ishigamiIndices();
    const inputs = model.inputs.map((i) => ({
      id: i.id,
      label: i.label,
      unit: "",
      distribution: describeDistribution(i.distribution),
      default: "—",
      source: "Ishigami and Homma (1990)",
      measure: "nothing: the indices are known analytically",
      assumption: "test function",
    }));
    const base = { rows: result.rows, outputs: model.outputs, inputs };
    return {
      model: modelId,
      params: jsonParams({ n: options.n, trajectories: options.trajectories, levels: options.levels, resamples: options.resamples, seed: options.seed }),
      inputs,
      held: [],
      outputs: model.outputs,
      rows: result.rows,
      analytic: inputs.map((i, k) => ({ input: i.id, S1: analytic.S1[k]!, ST: analytic.ST[k]! })),
      conclusions: conclusions(base),
      noise: { ...result.noise, statement: "deterministic model: no simulation noise" },
      runs: { points: result.points, pointReplications: result.points.morris + result.points.sobol, accountsPerPoint: 0, accountMonths: 0 },
    };
  }

  const teamValues = Object.fromEntries(Object.entries(values).filter(([k]) => !analysisOnly.has(k)));
  const model = teamModel({
    values: teamValues,
    seed: options.seed,
    fixed: setByUser(values, sets),
    run,
  });
  const k = model.inputs.length;
  if (k > maxSaltelliInputs) throw new InputError(`the team has ${k} assumptions in force; at most ${maxSaltelliInputs} can be analysed at once`);
  const cycles = values.months as number;
  const points = { morris: options.trajectories * (k + 1), sobol: options.n * (k + 2) };
  // The whole analysis at its largest (every Sobol point at maxReplications), estimated and refused before anything runs.
  const worst = points.morris * options.noise.pilotReplications + points.sobol * options.noise.maxReplications;
  try {
    refuseTooLarge(estimateRuns([{ model: model.baseRun.model, accounts: model.accountsPerPoint, replications: worst }], run.workers ?? defaultWorkers()), run.big ?? false);
  } catch (err) {
    if (!(err instanceof RunTooLargeError)) throw err;
    throw new InputError(
      withSizeNote(
        `${err.message.replace(/; lower accounts.*$/, "")}; the analysis runs ${(points.morris + points.sobol).toLocaleString("en-US")} points × up to ${options.noise.maxReplications} replications: ` +
          `lower n, trajectories, maxReplications, seats or months (or pass --big to commands/sensitivity.ts)`,
      ),
    );
  }
  const simulated = estimateRuns([{ model: model.baseRun.model, accounts: model.accountsPerPoint, replications: worst }], run.workers ?? defaultWorkers()).seconds;
  refuseLongBootstrap(options.n, k, model.outputs.length, options.resamples, simulated, run.big ?? false);
  const result = await analyseSensitivity(model, options);
  const inputs = model.assumptionInputs.map((i) => ({
    id: i.id,
    label: i.label,
    unit: i.unit,
    distribution: describeDistribution(i.distribution, i.unit),
    default: i.default,
    source: i.source,
    measure: i.measure,
    assumption: assumptionRanges.find((r) => r.inputs.includes(i))!.labels[0]!,
  }));
  const shares = Object.entries(result.noise.sobol.share).map(([id, s]) => `${teamOutputs.find((o) => o.id === id)!.label} ${(s * 100).toFixed(1)}%`);
  const pointReplications = points.morris * result.noise.morris.replications + points.sobol * result.noise.sobol.replications;
  return {
    model: modelId,
    params: jsonParams(values),
    inputs,
    held: model.held,
    outputs: teamOutputs,
    rows: result.rows,
    conclusions: conclusions({ rows: result.rows, outputs: teamOutputs, inputs }),
    noise: {
      ...result.noise,
      statement:
        `${result.noise.sobol.replications} replications per Sobol point (chosen from the Morris pilot's noise with ${result.noise.morris.replications}, ` +
        `to keep the noise share at most ${pct(options.noise.targetShare)}${result.noise.sobol.replications === options.noise.maxReplications ? `, capped at maxReplications = ${options.noise.maxReplications}` : ""}); ` +
        `share of output variance that is simulation noise: ${shares.join(", ")}`,
    },
    runs: { points, pointReplications, accountsPerPoint: model.accountsPerPoint, accountMonths: pointReplications * model.accountsPerPoint * cycles },
  };
}

const f3 = (x: number) => x.toFixed(3);

/** A plain-text summary: conclusions, then the table of indices per output. */
export function sensitivityText(r: SensitivityReport): string {
  const lines = [
    `sensitivity — model ${r.model}${r.model === "team" ? ` (${r.params.seats} seats on ${r.params.plan}, policy ${r.params.policy})` : ""}, N = ${r.params.n}, ${r.params.trajectories} Morris trajectories, seed ${r.params.seed}`,
    "",
    ...r.conclusions.map((c) => `  ${c}`),
    "",
  ];
  for (const o of r.outputs) {
    lines.push(`  ${o.label} (${o.unit || "no unit"})`);
    lines.push(`    ${"input".padEnd(40)} ${"S1 (95% CI)".padEnd(26)} ${"ST (95% CI)".padEnd(26)} μ*        σ`);
    for (const row of r.rows.filter((x) => x.output === o.id).sort((a, b) => b.ST - a.ST)) {
      const label = r.inputs.find((i) => i.id === row.input)!.label;
      lines.push(
        `    ${label.slice(0, 40).padEnd(40)} ${`${f3(row.S1)} (${f3(row.S1ci[0])} – ${f3(row.S1ci[1])})`.padEnd(26)} ${`${f3(row.ST)} (${f3(row.STci[0])} – ${f3(row.STci[1])})`.padEnd(26)} ${row.muStar.toPrecision(3).padEnd(9)} ${row.sigma.toPrecision(3)}`,
      );
    }
    const note = indexNoiseNote(
      r.rows.filter((x) => x.output === o.id),
      (id) => r.inputs.find((i) => i.id === id)!.label,
    );
    if (note !== "") lines.push(`    ${note}`);
    lines.push("");
  }
  if (r.analytic) lines.push(`  analytic: ${r.analytic.map((a) => `${a.input} S1 ${f3(a.S1)} ST ${f3(a.ST)}`).join("; ")}`);
  lines.push(`  noise: ${r.noise.statement}`);
  lines.push(
    `  ${r.runs.points.morris + r.runs.points.sobol} points (${r.runs.points.morris} Morris, ${r.runs.points.sobol} Sobol)` +
      (r.runs.accountMonths > 0 ? `, ${r.runs.accountMonths.toLocaleString("en-US")} account-months simulated` : ""),
  );
  return lines.join("\n");
}
