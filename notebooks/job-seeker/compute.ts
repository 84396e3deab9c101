/**
 * Everything the job-seeker report shows, computed: for Premium Career InMail only,
 * free connection requests only (Basic), and Premium Career with connection requests
 * when InMail is out — conversations a month, cost per conversation, the cumulative
 * count month by month, each job seeker's months to the target (from traced
 * accounts), and a grid over the invitation acceptance rate × the InMail response
 * rate. No formatting here.
 */
import { estimate, isPositive, PlanCannotSendError, plans, rulesForPlan, traceAccount, type Estimate, type TraceSink } from "../../models/index.ts";
import { jobSeeker } from "../../experiments/general/presets.ts";
import { teamFigures, type TeamEstimate } from "../../experiments/team/team-figures.ts";
import { defaults, type ParamValues } from "../../experiments/inputs/params.ts";
import { buildModel, scenarioParams, type BuiltScenario } from "../../experiments/general/scenario.ts";
import { audienceRateFor, outcomeShares } from "../../experiments/general/observed-rate.ts";
import { runPoints, type PointOverrides, type PointRun } from "../../experiments/general/run-points.ts";
import { sortedUnique } from "../../experiments/general/sorted-unique.ts";
import type { JobSeekerParams } from "./params.ts";

export const optionIds = ["premium-inmail", "basic-connections", "premium-fallback"] as const;
export type OptionId = (typeof optionIds)[number];

export const optionOverrides: Readonly<Record<OptionId, PointOverrides>> = {
  "premium-inmail": { plan: "premium-career", "connections.use": "none" },
  "basic-connections": { plan: "basic", "connections.use": "only" },
  "premium-fallback": { plan: "premium-career", "connections.use": "fallback" },
};

/** The sensitivity grid: invitation acceptance rate × InMail response rate (the user's values are added). */
export const gridAcceptRates = [0.1, 0.2, 0.3, 0.4, 0.5] as const;
export const gridResponseRates = [0.08, 0.15, 0.25] as const;
/** Months simulated per grid point (a year is enough for a monthly rate). */
export const gridMonths = 12;
/** Days per month in "months to the target" (the billing cycle). */
export const DAYS_PER_MONTH = 30;

export const specs = scenarioParams("job-seeker", jobSeeker.defaults);

export interface OptionResult {
  readonly id: OptionId;
  readonly priceUsd: number;
  /** Per account per month. */
  readonly inmails: Estimate;
  readonly connectionRequests: number;
  readonly conversations: Estimate;
  /** Conversations a month that came from InMail and from connection requests (traced accounts). */
  readonly fromInmail: number;
  readonly fromConnections: number;
  readonly creditsSpent: number;
  readonly creditsRefunded: number;
  /** Price ÷ conversations, totals over every month and replication (null when there is none). */
  readonly costPerConversation: Estimate | null;
  /** Mean cumulative conversations per account after each month (1-based), CI across replications. */
  readonly cumulative: readonly Estimate[];
  /** Each traced job seeker's months to the target (Infinity: not within the horizon). */
  readonly monthsToTarget: readonly number[];
}

export interface GridRow {
  readonly option: OptionId;
  readonly acceptRate: number;
  readonly responseRate: number;
  readonly conversations: Estimate;
}

export interface JobSeekerResults {
  readonly params: JobSeekerParams;
  readonly options: readonly OptionResult[];
  readonly grid: readonly GridRow[];
  readonly gridAcceptRates: readonly number[];
  readonly gridResponseRates: readonly number[];
  /** Replications and months simulated at each grid point. */
  readonly gridReplications: number;
  readonly gridMonths: number;
  /** Why Basic cannot send InMail, in the model's words. */
  readonly basicCannot: string;
  readonly premiumCredits: number;
  /** Share of InMail answers that are positive, and the messages' response multiplier (assumed segment and levers). */
  readonly positiveShare: number;
  readonly messageMultiplier: number;
  readonly sender: { readonly weekdays: readonly number[]; readonly startHour: number; readonly endHour: number; readonly whenOut: string; readonly weeklyCap: number };
  /** Median response delay, days (assumed). */
  readonly delayMedianDays: number;
  readonly assumptions: readonly string[];
}

export interface ComputeOptions {
  readonly workers: number;
  /** Run even when the estimate is above the limit (`--big`). */
  readonly big?: boolean;
}

function baseValues(p: JobSeekerParams): ParamValues {
  return {
    ...defaults(specs),
    seed: p.seed,
    cycles: p.months,
    accounts: p.accounts,
    replications: p.replications,
    policy: p.policy,
    "sender.sendsPerDay": p.sendsPerWorkingDay,
    "sender.demandPerCycle": p.demandPerSeat,
    "connections.acceptRate": p.acceptRate,
    "connections.replyRate": p.connectionReplyRate,
    "connections.noteChars": p.noteChars,
  };
}

interface Traced {
  readonly fromInmail: number;
  readonly fromConnections: number;
  readonly monthsToTarget: number[];
}

/** Traces every account of every replication: conversations by channel, and each one's months to the target. */
function trace(built: BuiltScenario, target: number): Traced {
  let inmail = 0;
  let connection = 0;
  const monthsToTarget: number[] = [];
  for (let rep = 0; rep < built.replications; rep++) {
    for (let account = 0; account < built.accounts; account++) {
      let start = NaN;
      const answered: { at: number; viaConnection: boolean }[] = [];
      const sink: TraceSink = {
        record(t, kind) {
          if (kind === "grant" && Number.isNaN(start)) start = t;
        },
        send(_t, _recipient, outcome, at, _seat, channel) {
          const viaConnection = channel === "connection";
          // An accepted invitation is not yet a conversation; an accepted InMail is.
          if (viaConnection ? outcome === "replied" : isPositive(outcome)) answered.push({ at, viaConnection });
        },
      };
      const { horizonDays } = traceAccount(built.model, built.seed, rep, account, sink);
      const done = answered.filter((c) => c.at < horizonDays);
      for (const c of done) {
        if (c.viaConnection) connection++;
        else inmail++;
      }
      const times = done.map((c) => c.at).sort((a, b) => a - b);
      monthsToTarget.push(times.length >= target ? (times[target - 1]! - start) / DAYS_PER_MONTH : Infinity);
    }
  }
  const accountMonths = built.replications * built.accounts * built.model.cycles;
  return { fromInmail: inmail / accountMonths, fromConnections: connection / accountMonths, monthsToTarget };
}

/** A team-plan estimate in this notebook's Estimate shape. */
const asEstimate = (e: TeamEstimate): Estimate => ({ mean: e.mean, ci95: [e.ci95[0], e.ci95[1]] });

function cumulative(run: PointRun): Estimate[] {
  const tallies = run.tallies;
  const cycles = tallies[0]!.cycles;
  const out: Estimate[] = [];
  const sums = tallies.map(() => 0);
  for (let c = 0; c < cycles; c++) {
    tallies.forEach((t, r) => (sums[r]! += t.perCycle.positives[c]! / t.accounts));
    out.push(estimate(sums));
  }
  return out;
}

export async function computeJobSeeker(p: JobSeekerParams, options: ComputeOptions): Promise<JobSeekerResults> {
  const base = baseValues(p);
  const reference = buildModel({ ...base, ...optionOverrides["premium-inmail"] });
  const audienceRate = (rate: number) => audienceRateFor(rate, reference);
  const withRate = { ...base, "audience.responseRate": audienceRate(p.responseRate) };

  const headline = optionIds.map((id) => optionOverrides[id]);
  const acceptRates = sortedUnique([...gridAcceptRates, p.acceptRate]);
  const responseRates = sortedUnique([...gridResponseRates, p.responseRate]);
  const gridKeys: { option: OptionId; acceptRate: number; responseRate: number }[] = [];
  for (const responseRate of responseRates) gridKeys.push({ option: "premium-inmail", acceptRate: p.acceptRate, responseRate });
  for (const acceptRate of acceptRates) gridKeys.push({ option: "basic-connections", acceptRate, responseRate: p.responseRate });
  for (const responseRate of responseRates) for (const acceptRate of acceptRates) gridKeys.push({ option: "premium-fallback", acceptRate, responseRate });
  const gridReplications = Math.max(2, Math.ceil(p.replications / 2));
  const gridPoints = gridKeys.map((k): PointOverrides => ({
    ...optionOverrides[k.option],
    "connections.acceptRate": k.acceptRate,
    "audience.responseRate": audienceRate(k.responseRate),
    cycles: gridMonths,
    replications: gridReplications,
  }));
  const runs = await runPoints("job-seeker", specs, withRate, [...headline, ...gridPoints], { workers: options.workers, label: "job-seeker options", big: options.big ?? false });

  const optionResults: OptionResult[] = optionIds.map((id, i) => {
    const run = runs[i]!;
    const r = run.result;
    const price = plans[run.built.plan].creditsPerMonth > 0 ? p.priceUsd : 0;
    // The team planner's aggregation: the job seekers of a replication are the "team", its figures ÷ job seekers are per job seeker.
    const f = teamFigures(run.tallies, { seats: run.tallies[0]!.accounts, priceUsdPerSeatPerMonth: price, target: null });
    const traced = trace(run.built, p.targetTotal);
    const a = r.perAccountCycle;
    return {
      id,
      priceUsd: price,
      inmails: asEstimate(f.perSeatPerMonth.inmailsDelivered),
      connectionRequests: a.connectionRequests,
      conversations: asEstimate(f.perSeatPerMonth.conversations),
      fromInmail: traced.fromInmail,
      fromConnections: traced.fromConnections,
      creditsSpent: r.ledger.spent / (run.built.accounts * run.built.replications * p.months),
      creditsRefunded: a.refunds,
      costPerConversation: f.costPerConversationUsd ? asEstimate(f.costPerConversationUsd) : null,
      cumulative: cumulative(run),
      monthsToTarget: traced.monthsToTarget,
    };
  });
  const grid: GridRow[] = gridKeys.map((k, j) => ({ ...k, conversations: runs[headline.length + j]!.result.positivesPerCycle }));

  let basicCannot = "";
  try {
    rulesForPlan(plans.basic, p.policy);
  } catch (err) {
    if (!(err instanceof PlanCannotSendError)) throw err;
    basicCannot = err.message.replace(/; choose one of .*$/, "");
  }
  const calendar = reference.model.sender!.calendar!;
  return {
    params: p,
    options: optionResults,
    grid,
    gridAcceptRates: acceptRates,
    gridResponseRates: responseRates,
    gridReplications,
    gridMonths,
    basicCannot,
    premiumCredits: plans["premium-career"].creditsPerMonth,
    positiveShare: outcomeShares(reference).positiveShare,
    messageMultiplier: reference.messageMultiplier,
    sender: {
      weekdays: calendar.weekdays,
      startHour: calendar.startHour,
      endHour: calendar.endHour,
      whenOut: reference.model.sender!.whenOut!,
      weeklyCap: base["connections.weeklyCap"] as number,
    },
    delayMedianDays: base["delay.medianDays"] as number,
    assumptions: runs[optionIds.indexOf("premium-fallback")]!.result.assumptions,
  };
}
