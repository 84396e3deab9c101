/**
 * The canonical capacity scenario, its parameters, model, run and text: `accounts` accounts, each granted
 * `credits` at t = 0 and every `cycleDays` days for `cycles` cycles. While its
 * balance is above 0 an account sends, with exponential gaps of mean 1/sendsPerDay
 * days; at 0 it waits for a refund or the next grant. Each InMail gets a
 * refund-eligible reply with probability `replyRate` after an exponential delay of
 * mean `responseDelayDays` (an assumption: LinkedIn publishes no delay data); the
 * credit returns if that delay is within `refundWindowDays`. No blocked recipients,
 * no enforcement. A plain configuration of the general account model.
 */
import { creditRules, policyIds, refundAgings, replyRateResponse, summarize, type AccountModel, type PolicyId, type RefundAging } from "../../models/index.ts";
import type { ParamSpec } from "../inputs/params.ts";
import { planBatch } from "../../runner/batch-plan.ts";
import { runBatch } from "../../runner/executor.ts";
import { defaultWorkers } from "../../runner/pool.ts";
import { fixed } from "../../reports/number-format.ts";

export const capacityParams = [
  { name: "accounts", kind: "integer", min: 1, max: 10_000_000, default: 200, description: "accounts simulated per replication" },
  {
    name: "credits",
    kind: "integer",
    min: 1,
    max: 100_000,
    default: 50,
    unit: "credits",
    description: "credits granted at each cycle start",
    hint: "an account with 0 credits is a free Basic account, which cannot send InMail (G2)",
  },
  { name: "cycleDays", kind: "number", min: 0, minExclusive: true, max: 366, default: 30, unit: "days", description: "length of a billing cycle" },
  { name: "cycles", kind: "integer", min: 1, max: 1200, default: 12, description: "cycles simulated" },
  {
    name: "sendsPerDay",
    kind: "number",
    min: 0,
    minExclusive: true,
    max: 10_000_000,
    default: 20,
    unit: "/calendar day",
    description: "mean send rate while credits last, around the clock (this model has no working week)",
  },
  {
    name: "replyRate",
    kind: "number",
    min: 0,
    max: 0.99,
    default: 0.25,
    description: "reply rate, this model's parameter: probability that an InMail gets a refund-eligible reply (not the response rate: see GLOSSARY.md)",
    hint: "at 1 every credit comes back and capacity is bounded only by the send rate",
  },
  { name: "responseDelayDays", kind: "number", min: 0, max: 365, default: 3, unit: "days", description: "mean reply delay (exponential; an assumption)" },
  { name: "refundWindowDays", kind: "number", min: 0, max: 3650, default: 90, unit: "days", description: "a reply later than this after sending refunds nothing (both policies)" },
  { name: "policy", kind: "enum", values: policyIds, default: "guide", description: "guide: reset to 0 each cycle; linkedin: roll over up to the cap, credits live creditLifetimeDays" },
  { name: "capMultiplier", kind: "number", min: 1, max: 100, default: 3, description: "linkedin policy: balance cap as a multiple of credits (3 Premium/Sales Navigator, 4 Recruiter)" },
  { name: "creditLifetimeDays", kind: "number", min: 0, minExclusive: true, max: 3650, default: 90, unit: "days", description: "linkedin policy: life of a granted credit" },
  {
    name: "refundAging",
    kind: "enum",
    values: refundAgings,
    default: "original",
    description: "linkedin policy: a refunded credit keeps its original expiry, or gets a fresh lifetime (undocumented)",
  },
  { name: "replications", kind: "integer", min: 1, max: 100_000, default: 20, description: "independent replications (the CI is across them)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed; same seed, same output" },
] as const satisfies readonly ParamSpec[];

export interface CapacityParams {
  accounts: number;
  credits: number;
  cycleDays: number;
  cycles: number;
  sendsPerDay: number;
  replyRate: number;
  responseDelayDays: number;
  refundWindowDays: number;
  policy: PolicyId;
  capMultiplier: number;
  creditLifetimeDays: number;
  refundAging: RefundAging;
  replications: number;
  seed: number;
}

/** The account model the canonical scenario configures. */
export function capacityModel(p: CapacityParams): AccountModel {
  return {
    rules: creditRules({
      policy: p.policy,
      creditsPerCycle: p.credits,
      capMultiplier: p.capMultiplier,
      creditLifetimeDays: p.creditLifetimeDays,
      refundWindowDays: p.refundWindowDays,
      refundAging: p.refundAging,
    }),
    cycleDays: p.cycleDays,
    cycles: p.cycles,
    sendsPerDay: p.sendsPerDay,
    blockedShare: 0,
    response: replyRateResponse(p.replyRate, { kind: "exponential", meanDays: p.responseDelayDays }),
  };
}

export interface CapacityResult {
  scenario: "capacity";
  params: CapacityParams;
  capacity: { mean: number; ci95: [number, number] };
  multiplier: number;
  positivesPerCycle: { mean: number; ci95: [number, number] };
  perCycle: {
    cycle: number;
    sends: number;
    positives: number;
    refunds: number;
    expired: number;
    forfeited: number;
    daysOutOfCredits: number;
  }[];
  ledger: { granted: number; spent: number; refunded: number; expired: number; forfeited: number; closingBalance: number };
  analytic: { instantCapacity: number };
  /** Events simulated (1 per send, 1 per positive reply, 1 per account per cycle start): a count, the same on every run. */
  perf: { events: number };
}

/** Events a job aims at: ~20 ms of work, so threads finish close together. */
const eventsPerJob = 100_000;

/**
 * Accounts per job, from an upper estimate of the events of one account (a send and
 * perhaps a response per credit and refund, a cycle start per cycle). It depends on
 * the parameters only, never on the number of workers — and the result does not
 * depend on it either: tallies are integer counts.
 */
function capacityChunkAccounts(p: CapacityParams): number {
  const sendsPerCycle = Math.min(p.credits / (1 - p.replyRate), p.sendsPerDay * p.cycleDays);
  const eventsPerAccount = p.cycles * (1 + sendsPerCycle * (1 + p.replyRate));
  return Math.min(100_000, Math.max(1, Math.round(eventsPerJob / eventsPerAccount)));
}

export interface CapacityRunOptions {
  /** Threads that simulate (1: this thread, no pool). */
  readonly workers: number;
  /** Accounts per job (default `capacityChunkAccounts(p)`); for tests of chunk independence. */
  readonly chunkAccounts?: number;
}

/** Runs the scenario on `options.workers` threads (default: every core). */
export async function runCapacity(p: CapacityParams, options: CapacityRunOptions = { workers: defaultWorkers() }): Promise<CapacityResult> {
  const model = capacityModel(p);
  const plan = planBatch([{ model, seed: p.seed, accounts: p.accounts, replications: p.replications }], options.chunkAccounts ?? capacityChunkAccounts(p));
  const [tallies] = await runBatch(plan, { workers: options.workers, label: "capacity" });
  const s = summarize(tallies!);
  return {
    scenario: "capacity",
    params: p,
    capacity: s.capacity,
    multiplier: s.capacity.mean / p.credits,
    positivesPerCycle: s.positivesPerCycle,
    perCycle: s.perCycle.map((r) => ({
      cycle: r.cycle,
      sends: r.sends,
      positives: r.positives,
      refunds: r.refunds,
      expired: r.expired,
      forfeited: r.forfeited,
      daysOutOfCredits: r.daysOutOfCredits,
    })),
    ledger: s.ledger,
    analytic: { instantCapacity: p.credits / (1 - p.replyRate) },
    perf: { events: s.events },
  };
}

const fmt = (x: number, digits = 1) => fixed(digits)(x);

export function capacityText(r: CapacityResult): string {
  const p = r.params;
  const [lo, hi] = r.capacity.ci95;
  return [
    `capacity scenario — ${p.accounts} accounts × ${p.cycles} cycles of ${p.cycleDays} days, policy ${p.policy}, ${p.replications} replications, seed ${p.seed}`,
    `  ${p.credits} credits per cycle, reply rate ${fmt(p.replyRate * 100)}%, ${p.sendsPerDay} sends/day, replies after ${p.responseDelayDays} days on average (assumed exponential)`,
    ``,
    `  effective outreach capacity  ${fmt(r.capacity.mean)} InMails per account per cycle (95% CI ${fmt(lo)} – ${fmt(hi)})`,
    `  capacity multiplier          ${fmt(r.multiplier, 2)}× the allotment`,
    `  closed form C/(1 − r)        ${fmt(r.analytic.instantCapacity)} (instant replies, unlimited demand)`,
    `  positive replies             ${fmt(r.positivesPerCycle.mean)} per account per cycle`,
    `  credits (all accounts)       granted ${r.ledger.granted.toLocaleString("en-US")}, spent ${r.ledger.spent.toLocaleString("en-US")}, refunded ${r.ledger.refunded.toLocaleString("en-US")}, expired ${r.ledger.expired.toLocaleString("en-US")}, forfeited ${r.ledger.forfeited.toLocaleString("en-US")}, left ${r.ledger.closingBalance.toLocaleString("en-US")}`,
    ``,
    `  ${r.perf.events.toLocaleString("en-US")} events simulated`,
  ].join("\n");
}
