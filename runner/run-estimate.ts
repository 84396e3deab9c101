/**
 * Estimate before running: the events, the memory and the time a batch of model runs
 * will take, from the parameters alone (O(runs), whatever their size), and the refusal
 * of a batch above the documented limit — more than `limitSeconds` (15 minutes) at the
 * benchmarked speed, or more memory than the machine has — unless the user asked for it
 * explicitly (`--big`).
 *
 * Events are counted as `perf.events` counts them: 1 per send, 1 per positive response,
 * 1 per account per cycle start. A unit's sends per cycle are bounded by its send rate
 * (`sendsPerDay` every day of the cycle, `maxSendsPerDay`), its demand, its audience pool
 * and its credits (`credits / (1 − refund share)`, the closed form G13, plus the free
 * channels' caps), so the estimate is an upper estimate of the usual run: within a factor
 * of about 2 of the events simulated (tested on the scenarios' defaults).
 */
import { availableParallelism, totalmem } from "node:os";
import type { AccountModel } from "../models/index.ts";
import { tallyFields } from "../models/tally.ts";

/**
 * Events per second one thread simulates, benchmarked on this project's 2-core VM: the
 * general scenario's million-account case ran at 5.1 M events/s on one worker
 * (docs/development.md, "Benchmarks"); the perf case runs faster (8.8 M).
 */
export const eventsPerSecondPerThread = 5e6;
/** The longest run accepted without `--big`, in seconds (15 minutes). */
export const limitSeconds = 15 * 60;
/** Memory every run needs whatever its size (Node, the modules, one pool thread each), in bytes. */
const baseBytes = 150 * 2 ** 20;
/** Memory per pool thread beyond this one, in bytes. */
const threadBytes = 40 * 2 ** 20;

/**
 * How much slower an event of a pooled contract of `seats` seats is than one of a single
 * account: every send and response of a pooled contract works on the whole pool's
 * state. Fitted to measured runs of Recruiter contracts (bench/run-estimate.ts, one
 * thread: 1.8 M events/s at 300 seats, 1.0 M at 1,000, 0.35 M at 3,000, 0.24 M at
 * 10,000), on the slow side.
 */
export function poolSlowdown(seats: number): number {
  return seats > 1 ? 1 + (seats / 100) ** 0.65 : 1;
}

/**
 * The words a refusal uses for what drives a run, in the command's own inputs: the team
 * planner says seats and months where the general scenario says accounts and cycles.
 */
export interface SizeWords {
  /** What a run's units × seats are called (default "accounts"). */
  readonly units: string;
  /** What its cycles are called (default "cycles"). */
  readonly cycles: string;
  /** What to lower, e.g. "seats, months or replications". */
  readonly lower: string;
}

export const generalSizeWords: SizeWords = { units: "accounts", cycles: "cycles", lower: "accounts, replications or cycles" };

/** The size of one model run, as the estimate needs it (a `ModelRun` of run-models.ts fits). */
export interface SizedRun {
  readonly model: AccountModel;
  readonly accounts: number;
  readonly replications: number;
}

export interface RunEstimate {
  /** Events simulated (perf.events), estimated. */
  readonly events: number;
  /** Peak memory, estimated, in bytes. */
  readonly memoryBytes: number;
  /** Wall time on `threads` threads at `eventsPerSecondPerThread`, in seconds. */
  readonly seconds: number;
  readonly threads: number;
  /** False when only the first runs of the batch are counted: the whole is at least this. */
  readonly complete: boolean;
  /** What drives it, in words: the largest run's accounts × replications × cycles × events per account-cycle. */
  readonly drivers: string;
  /** What to lower, in the command's words. */
  readonly lower: string;
}

/** Events of one unit (account or contract) over the whole run, estimated. */
export function unitEvents(model: AccountModel): number {
  const seats = model.seats ?? 1;
  const cycles = model.cycles;
  const cycleDays = model.schedule?.kind === "calendar-month" ? 31 : model.cycleDays;
  const p = model.response.outcomeProbabilities;
  const multiplier = model.response.multiplier ?? 1;
  // Responses (accepted, replied, declined: codes 0–2) and refund-eligible outcomes.
  const responseShare = Math.min(1, (p[0]! + p[1]! + p[2]!) * multiplier);
  let refundShare = 0;
  model.rules.refundOn.forEach((on, code) => {
    if (on) refundShare += code <= 2 ? p[code]! * multiplier : p[code]!;
  });
  refundShare = Math.min(0.99, refundShare);
  const sender = model.sender ?? {};
  const perDay = Math.min(model.sendsPerDay, sender.maxSendsPerDay ?? Infinity);
  const rate = perDay * cycleDays * seats;
  const demand = (sender.demandPerCycle ?? Infinity) * seats;
  const connections = model.connections;
  const weekly = connections ? (connections.weeklyCap * cycleDays * seats) / 7 : 0;
  const free = (model.openProfile ? model.openProfile.monthlyCap * seats : 0) + weekly;
  const paid = connections?.use === "only" ? 0 : model.rules.creditsPerCycle / (1 - refundShare);
  const blocked = model.blockedShare > 0 ? 1 / (1 - model.blockedShare) : 1;
  const perCycle = Math.min(rate, demand, (paid + free) * blocked);
  const sends = Math.min(perCycle * cycles, (sender.poolSize ?? Infinity) * seats);
  return cycles + sends * (1 + responseShare);
}

const count = (x: number) => (x >= 1e6 ? x.toExponential(1).replace("e+", "e") : Math.round(x).toLocaleString("en-US"));

/** Time in words: seconds, minutes, hours, days or years. */
export function durationWords(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} minutes`;
  if (seconds < 2 * 86400) return `${Math.round(seconds / 3600)} hours`;
  if (seconds < 2 * 365 * 86400) return `${Math.round(seconds / 86400)} days`;
  return `${count(seconds / (365 * 86400))} years`;
}

/** Bytes in words (MB, GB, TB, binary units). */
export function bytesWords(bytes: number): string {
  const units = ["MiB", "GiB", "TiB", "PiB"];
  let v = bytes / 2 ** 20;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 1e4 ? count(v) : v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** Adds up the estimate of runs one at a time (a batch being planned, say). */
export class RunSizer {
  readonly #threads: number;
  readonly #words: SizeWords;
  #events = 0;
  /** Events weighted by what each costs (`poolSlowdown`): the time at the single-account speed. */
  #work = 0;
  #memory: number;
  #runs = 0;
  #largest: { run: SizedRun; events: number } | undefined;

  /** For a batch on `workers` threads (capped at the cores this process may use). */
  constructor(workers: number, words: SizeWords = generalSizeWords) {
    this.#words = words;
    this.#threads = Math.max(1, Math.min(workers, availableParallelism()));
    this.#memory = baseBytes + (this.#threads - 1) * threadBytes;
  }

  add(run: SizedRun): void {
    const e = unitEvents(run.model) * run.accounts * run.replications;
    this.#events += e;
    const work = e * poolSlowdown(run.model.seats ?? 1);
    this.#work += work;
    this.#runs++;
    // One tally per replication (and its summary); jobs are made from their index as they run
    // and their tallies added up as they come (batch-plan.ts), so their number costs no memory.
    this.#memory += run.replications * run.model.cycles * tallyFields.length * 8 * 3;
    // The largest: the one that takes longest.
    if (this.#largest === undefined || work > this.#largest.events) this.#largest = { run, events: work };
  }

  /** The estimate of the runs added so far; `of`: how many the whole batch has, when more are to come. */
  estimate(of = this.#runs): RunEstimate {
    const seconds = this.#work / (eventsPerSecondPerThread * this.#threads);
    let drivers = "nothing to run";
    if (this.#largest) {
      const { run } = this.#largest;
      const w = this.#words;
      const seats = run.model.seats ?? 1;
      // The team planner counts seats (a pooled contract is one account of many seats); the general scenario, accounts.
      const units = w.units === "accounts" ? run.accounts : run.accounts * seats;
      const perCycle = unitEvents(run.model) / run.model.cycles / (w.units === "accounts" ? 1 : seats);
      const runs = of > this.#runs ? `the first ${this.#runs} of ${of} model runs, the largest ` : of > 1 ? `${of} model runs, the largest ` : "";
      const pooled = seats > 1 ? `, pooled in contracts of ${seats.toLocaleString("en-US")} seats (×${poolSlowdown(seats).toFixed(1)} the time per event)` : "";
      drivers =
        `${runs}${w.units}=${units.toLocaleString("en-US")} × ` +
        `replications=${run.replications.toLocaleString("en-US")} × ${w.cycles}=${run.model.cycles.toLocaleString("en-US")} × ` +
        `~${count(perCycle)} events per ${w.units === "accounts" ? "account" : "seat"}-${w.cycles === "cycles" ? "cycle" : "month"}${pooled}`;
    }
    return { events: this.#events, memoryBytes: this.#memory, seconds, threads: this.#threads, complete: of <= this.#runs, drivers, lower: this.#words.lower };
  }
}

/** Estimates a batch of runs on `workers` threads (capped at the cores this process may use). */
export function estimateRuns(runs: readonly SizedRun[], workers: number, words?: SizeWords): RunEstimate {
  const sizer = new RunSizer(workers, words);
  for (const run of runs) sizer.add(run);
  return sizer.estimate();
}

/**
 * A check to call on each run of a batch of `of` runs as it is planned: refuses
 * (RunTooLargeError) as soon as the runs planned so far are above the limit — the whole
 * batch can only be larger — so a huge grid is refused before all of it is built.
 */
export function planningGuard(workers: number, big: boolean, of: number, note?: string): (run: SizedRun) => void {
  const sizer = new RunSizer(workers);
  return (run) => {
    if (big) return;
    sizer.add(run);
    refuseTooLarge(sizer.estimate(of), false, "--big", note);
  };
}

/** A run refused up front: bad input of the user's (the command line reports it in one line, exit code 2). */
export class RunTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunTooLargeError";
  }
}

/** The memory a run may use: this machine's, in bytes. */
export function machineBytes(): number {
  return totalmem();
}

/**
 * Refuses (RunTooLargeError: exit code 2 on the command line) an estimate above the limit — more than `limitSeconds`
 * or more than the machine's memory — unless `big` (the user's `--big`), giving the
 * estimate and the parameters that drive it.
 */
export function refuseTooLarge(estimate: RunEstimate, big: boolean, flag = "--big", note?: string): void {
  const tooLong = estimate.seconds > limitSeconds;
  const tooBig = estimate.memoryBytes > machineBytes();
  if (big || (!tooLong && !tooBig)) return;
  throw new RunTooLargeError(
    `run too large: ${estimate.complete ? "about" : "at least"} ${count(estimate.events)} events (${estimate.drivers}), ` +
      `~${durationWords(estimate.seconds)} on ${estimate.threads} ${estimate.threads === 1 ? "thread" : "threads"} at up to ${eventsPerSecondPerThread / 1e6} M events/s each ` +
      `and ~${bytesWords(estimate.memoryBytes)} of memory; the limit is ${limitSeconds / 60} minutes and this machine's ${bytesWords(machineBytes())}; ` +
      `lower ${estimate.lower}, or pass ${flag} to run it anyway${note ? `; ${note}` : ""}`,
  );
}
