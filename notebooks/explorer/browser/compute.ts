/**
 * What the explorer computes for a set of valid inputs, on the page's Web Workers:
 * first the team planner's own batch — `planTeam(values).runs`, added up as
 * `runModels` does and summarised by `teamResult`, the very result (and JSON) of
 * `scenarios/team.ts --json` — then the extras the page draws from further runs of the
 * same planner: capacity per seat against the response rate for every plan shown, the
 * other credit policy on the same senders (paired difference), and a sample seat's
 * credit balance by date. Numbers only, no formatting. What was simulated once is
 * not simulated again (account-tallies.ts): a change of seats simulates the new seats
 * of the per-seat plans, and the pooled contract, only.
 */
import { defaultStartDate } from "../../../models/account-simulation.ts";
import type { Tally } from "../../../models/tally.ts";
import { durationWords, estimateRuns, eventsPerSecondPerThread, refuseTooLarge, RunTooLargeError } from "../../../runner/run-estimate.ts";
import type { ParamValues } from "../../../experiments/inputs/params.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { planTeam, teamSizeWords, type TeamPlan } from "../../../experiments/team/team-plan.ts";
import { teamResult, type TeamResult } from "../../../experiments/team/team-result.ts";
import { meanCi95, type MeanCi } from "../../../sim/mean-ci.ts";
import { DAY_MS } from "../../../sim/time-unit.ts";
import { teamCommand } from "../team-command.ts";
import { AccountTallies } from "./account-tallies.ts";
import type { WebWorkerPool } from "./worker-pool.ts";

/** Response rates of the capacity curve (the team's own is added). */
export const curveResponseRates = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5] as const;

export interface TeamComputed {
  readonly plan: TeamPlan;
  readonly result: TeamResult;
  readonly tallies: readonly (readonly Tally[])[];
}

/** One point of the capacity curve: InMails delivered per seat per month on one seat of `plan`. */
export interface CurvePoint {
  readonly plan: string;
  readonly policy: string;
  readonly responseRate: number;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  /** Closed form C / (1 − refunded share): credits per seat a month over the share of InMails that refund. */
  readonly closedForm: number;
}

/** One plan under both policies: team conversations per month, and linkedin − guide paired by replication. */
export interface PolicyDifference {
  readonly plan: string;
  readonly linkedin: MeanCi;
  readonly guide: MeanCi;
  readonly difference: MeanCi;
}

export interface BalancePoint {
  /** Epoch ms (UTC) of the movement. */
  readonly date: number;
  /** Credits held by the seat right after it. */
  readonly balance: number;
}

export interface Extras {
  readonly curve: readonly CurvePoint[];
  readonly difference: readonly PolicyDifference[];
  /** The sample seat: seat 0 of replication 0 of the team on `plan` under `policy`. */
  readonly balance: { readonly plan: string; readonly policy: string; readonly points: readonly BalancePoint[] };
}

/** The longest computation the page starts, in seconds, by the command line's own estimate (run-estimate.ts). */
export const pageLimitSeconds = 60;

/**
 * The team planner's batch for `values`, checked before anything runs: InputError for a
 * bad combination (planTeam's, naming its field); RunTooLargeError for a batch the
 * command line would refuse (its own refusal, `refuseTooLarge`, on `workers` threads)
 * or one whose estimate is above `pageLimitSeconds`.
 */
export function prepareTeam(values: ParamValues, workers: number): TeamPlan {
  const plan = planTeam(values);
  // The command line's estimate, in the team's words (seats, months, replications).
  const estimate = estimateRuns(plan.runs, workers, teamSizeWords);
  const command = teamCommand(teamParams, values);
  refuseTooLarge(estimate, false, "--big to the command line", `the command: ${command} --big`);
  if (estimate.seconds > pageLimitSeconds) {
    throw new RunTooLargeError(
      `run too large for this page: about ${durationWords(estimate.seconds)} on ${estimate.threads} Web Workers at up to ${eventsPerSecondPerThread / 1e6} M events/s each ` +
        `(${estimate.drivers}); the page computes up to ${pageLimitSeconds} s: lower ${estimate.lower}, or run ${command}`,
    );
  }
  return plan;
}

/** The account tallies this page has computed, for every batch it runs. */
const known = new AccountTallies();

/** The team planner's result for a prepared batch, exactly the CLI's; null when superseded. */
export async function runTeam(pool: WebWorkerPool, plan: TeamPlan, onProgress?: (done: number, total: number) => void): Promise<TeamComputed | null> {
  const tallies = await pool.run(known.plan(plan.runs, pool.size), onProgress);
  return tallies === null ? null : { plan, result: teamResult(plan, tallies), tallies };
}

/** Conversations per team per month of each replication (mean over its months). */
const conversationsByReplication = (tallies: readonly Tally[]) => tallies.map((t) => t.perCycle.positives.reduce((s, x) => s + x, 0) / t.cycles);

/** The page's further figures for the team computed; null when superseded. */
export async function computeExtras(pool: WebWorkerPool, values: ParamValues, team: TeamComputed): Promise<Extras | null> {
  const s = team.plan.settings;
  const policy = s.policies[0]!;
  const single = { ...values, target: "none", policy, seats: 1 };
  const rates = [...new Set([...curveResponseRates, s.responseRate])].sort((a, b) => a - b);
  const curvePlans = rates.map((responseRate) => planTeam({ ...single, responseRate }));
  const other = s.policies.length > 1 ? null : planTeam({ ...values, target: "none", policy: policy === "linkedin" ? "guide" : "linkedin" });
  // One batch: the curve's runs, then the other policy's.
  const runs = [...curvePlans.flatMap((p) => p.runs), ...(other?.runs ?? [])];
  const byRun = await pool.run(known.plan(runs, pool.size));
  if (byRun === null) return null;

  const curve: CurvePoint[] = [];
  let at = 0;
  for (const p of curvePlans) {
    const r = teamResult(p, byRun.slice(at, at + p.runs.length));
    at += p.runs.length;
    const refunded = policy === "linkedin" ? p.settings.responseRate : p.settings.responseRate * p.settings.positiveShare;
    for (const row of r.plans) {
      const e = row.perSeatPerMonth.inmailsDelivered;
      curve.push({ plan: row.planName, policy, responseRate: p.settings.responseRate, mean: e.mean, lo: e.ci95[0], hi: e.ci95[1], closedForm: row.creditsPerSeatPerMonth / (1 - refunded) });
    }
  }

  const teamRuns = team.plan.info.map((info, i) => ({ info, tallies: team.tallies[i]! })).filter((r) => r.info.role === "team");
  const otherRuns = other ? other.info.map((info, i) => ({ info, tallies: byRun[at + i]! })) : teamRuns;
  const difference: PolicyDifference[] = [];
  for (const plan of s.plans) {
    const find = (rows: typeof teamRuns, pol: string) => rows.find((r) => r.info.plan === plan && r.info.policy === pol)?.tallies;
    const l = find(teamRuns, "linkedin") ?? find(otherRuns, "linkedin");
    const g = find(teamRuns, "guide") ?? find(otherRuns, "guide");
    if (!l || !g) continue;
    const lc = conversationsByReplication(l);
    const gc = conversationsByReplication(g);
    difference.push({ plan: planName(team.result, plan), linkedin: meanCi95(lc), guide: meanCi95(gc), difference: meanCi95(lc.map((x, k) => x - gc[k]!)) });
  }

  const best = team.result.best.find((b) => b.policy === policy)?.plan ?? s.plans[0]!;
  const runIndex = team.plan.info.findIndex((r) => r.role === "team" && r.plan === best && r.policy === policy);
  const run = team.plan.runs[runIndex]!;
  const start = Date.parse(`${run.model.startDate ?? defaultStartDate}T00:00:00Z`);
  const traced = await pool.trace(run.model, run.seed, 0, 0);
  if (traced === null) return null;
  const points: BalancePoint[] = [];
  for (let k = 0; k + 1 < traced.length; k += 2) points.push({ date: start + traced[k]! * DAY_MS, balance: traced[k + 1]! });
  return { curve, difference, balance: { plan: planName(team.result, best), policy, points } };
}

const planName = (result: TeamResult, plan: string) => result.plans.find((p) => p.plan === plan)?.planName ?? plan;
