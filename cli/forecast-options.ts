/** The options of the commands that forecast from a log (commands/calibrate.ts, notebooks/replay.ts), and the refusal of a forecast too large to run. */
import { calibrate } from "../logs/calibration.ts";
import { defaults as forecastDefaults } from "../logs/forecast.ts";
import { policyIds } from "../models/policy.ts";
import { payingPlans, type ParsedOptions } from "./log-cli.ts";
import { durationWords, estimateRuns, eventsPerSecondPerThread, limitSeconds } from "../runner/run-estimate.ts";
import { withSizeNote } from "../runner/executor.ts";
import { InputError, type ParamSpec } from "../experiments/inputs/params.ts";

export const forecastOptions = [
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed of the forecast" },
  { name: "draws", kind: "integer", min: 2, max: 10_000, default: forecastDefaults.draws, description: "parameter draws (one simulation each); the bands are over them" },
  { name: "accounts", kind: "integer", min: 1, max: 100_000, default: forecastDefaults.accounts, description: "accounts simulated per draw" },
  { name: "cycles", kind: "integer", min: 1, max: 120, default: forecastDefaults.cycles, description: "cycles forecast" },
  {
    name: "sends-per-day",
    kind: "number",
    min: 0,
    minExclusive: true,
    max: 1_000_000,
    // 0 (not allowed on the command line) means: estimate it.
    default: 0,
    unit: "/day",
    description: "the sender's send rate while it has credits (default: estimated from the log's replay on its own plan)",
  },
] as const satisfies readonly ParamSpec[];

/** What --big means to the commands that forecast. */
export const forecastBigHelp = "run a forecast even when it is estimated to take longer than 15 minutes or more memory than the machine has";

/**
 * Refuses, before the log is read, a forecast whose least possible work — one event per
 * seat-month, whatever the log — is already over the limit of runner/run-estimate.ts on
 * `workers` threads (counted as the batch runner's estimate counts them).
 */
export function refuseHugeForecast(values: ParsedOptions["values"], big: boolean, workers: number): void {
  const [draws, accounts, cycles] = [values.draws as number, values.accounts as number, values.cycles as number];
  const pairs = payingPlans.length * policyIds.length;
  const events = pairs * draws * accounts * cycles;
  const threads = estimateRuns([], workers).threads;
  const seconds = events / (eventsPerSecondPerThread * threads);
  if (big || seconds <= limitSeconds) return;
  const n = (x: number) => x.toLocaleString("en-US");
  throw new InputError(
    withSizeNote(
      `--draws/--accounts/--cycles: run too large: at least ${events.toExponential(1).replace("e+", "e")} events ` +
        `(draws=${n(draws)} × accounts=${n(accounts)} × cycles=${n(cycles)} × ${pairs} plan-policy pairs), at least ${durationWords(seconds)} on ${threads === 1 ? "one thread" : `${threads} threads`}; ` +
        `the limit is ${limitSeconds / 60} minutes: lower --draws, --accounts or --cycles, or pass --big to run it anyway`,
    ),
  );
}
