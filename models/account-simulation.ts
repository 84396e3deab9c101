/**
 * The glue between the credit rules and the event calendar: simulates accounts one
 * at a time (accounts that share no credits are independent, so each runs on its
 * own small calendar), adding what happens to a Tally.
 *
 * Event kinds and payloads (time unit: days):
 * - CYCLE_START: expire what is due, reset (guide) or clip to the cap (linkedin),
 *   grant the allotment, wake a sender that was out of credits.
 * - SEND: spend a credit, draw the recipient's response, schedule the next send or
 *   wait when the balance is zero.
 * - RESPONSE: a = outcome code × 2 + (1 if it refunds), b = expiry of the credit spent.
 *
 * Nothing is allocated per event: state is scalar fields, the ledger's typed arrays
 * and the calendar's.
 */
import { Environment, type EventHandler, type Uniform } from "../sim/index.ts";
import { randomExponential } from "d3-random";
import { CreditLedger } from "./ledger.ts";
import type { CreditRules } from "./policy.ts";
import { OUTCOME_CODE, outcomes, type Outcome } from "./outcome.ts";
import { ResponseSampler, type ResponseSpec } from "./response-model.ts";
import { MICRODAYS_PER_DAY, type Tally } from "./tally.ts";

const CYCLE_START = 0;
const SEND = 1;
const RESPONSE = 2;

const IGNORED = OUTCOME_CODE.ignored;
const POSITIVE_BELOW = 2; // codes 0 (accepted) and 1 (replied) are positive replies

/** Complete, validated parameters of an account; trusted inside the model. */
export interface AccountModel {
  readonly rules: CreditRules;
  readonly cycleDays: number;
  readonly cycles: number;
  /** Mean sends per day while credits last (gaps are exponential). */
  readonly sendsPerDay: number;
  /** Share of recipients who block InMail (G8): the attempt fails and costs nothing. */
  readonly blockedShare: number;
  readonly response: ResponseSpec;
}

export type TraceKind = "grant" | "spend" | "refund" | "expire" | "forfeit" | "blocked" | "response";

/** Receives what happens to a traced account (allocation is fine here: tracing is opt-in). */
export interface TraceSink {
  /** A ledger movement (or a blocked attempt / a response), with the balance after it. */
  record(timeDays: number, kind: TraceKind, credits: number, balance: number): void;
  /**
   * A delivered InMail: the account's `recipient`-th recipient (0-based), the outcome
   * drawn, and when the response arrives (NaN when ignored; may lie past the horizon).
   */
  send?(timeDays: number, recipient: number, outcome: Outcome, respondsAtDays: number): void;
}

export class AccountSimulation implements EventHandler {
  readonly #env: Environment;
  readonly #model: AccountModel;
  readonly #tally: Tally;
  readonly #horizon: number;

  // State of the account being simulated.
  #ledger = new CreditLedger();
  #cycle = 0;
  #waiting = false;
  #waitStart = 0;
  #recipients = 0;
  #gap: () => number = () => 0;
  #blockStream: Uniform = () => 1;
  #responses!: ResponseSampler;
  #trace: TraceSink | undefined;

  constructor(env: Environment, model: AccountModel, tally: Tally) {
    this.#env = env;
    this.#model = model;
    this.#tally = tally;
    this.#horizon = model.cycles * model.cycleDays;
  }

  /** Simulates account `index` of this replication from t = 0 to the horizon. */
  simulate(index: number, trace?: TraceSink): CreditLedger {
    const env = this.#env;
    const m = this.#model;
    env.reset();
    this.#ledger = new CreditLedger();
    this.#cycle = -1;
    this.#waiting = true; // nothing to send until the first grant
    this.#waitStart = 0;
    this.#recipients = 0;
    this.#trace = trace;
    this.#gap = randomExponential.source(env.stream(index, "send-gap"))(m.sendsPerDay);
    this.#blockStream = env.stream(index, "blocked");
    this.#responses = new ResponseSampler(
      m.response,
      env.stream(index, "response-outcome"),
      env.stream(index, "response-delay"),
    );
    env.scheduleAt(0, CYCLE_START);
    env.run(this.#horizon, this);
    this.#close();
    return this.#ledger;
  }

  handle(kind: number, a: number, b: number): void {
    if (kind === SEND) this.#send();
    else if (kind === RESPONSE) this.#respond(a, b);
    else this.#startCycle();
  }

  #startCycle(): void {
    const now = this.#env.now;
    const ledger = this.#ledger;
    const rules = this.#model.rules;
    const per = this.#tally.perCycle;
    if (this.#cycle >= 0) {
      // Credits lost at the boundary count in the cycle that ends.
      const c = this.#cycle;
      this.#expireDue(now);
      if (rules.resetEachCycle) {
        const lost = ledger.lapseAll();
        per.expired[c]! += lost;
        if (this.#trace && lost > 0) this.#trace.record(now, "expire", lost, 0);
      }
      if (this.#waiting) {
        per.outOfCreditMicrodays[c]! += Math.round((now - this.#waitStart) * MICRODAYS_PER_DAY);
        this.#waitStart = now;
      }
      const forfeited = ledger.grant(rules.creditsPerCycle, now + rules.creditLifetimeDays, rules.capCredits);
      per.forfeited[c]! += forfeited;
      if (this.#trace && forfeited > 0) this.#trace.record(now, "forfeit", forfeited, ledger.balance);
    } else {
      ledger.grant(rules.creditsPerCycle, now + rules.creditLifetimeDays, rules.capCredits);
    }
    this.#cycle++;
    per.granted[this.#cycle]! += rules.creditsPerCycle;
    this.#trace?.record(now, "grant", rules.creditsPerCycle, ledger.balance);
    const next = now + this.#model.cycleDays;
    if (next < this.#horizon) this.#env.scheduleAt(next, CYCLE_START);
    if (this.#waiting && ledger.balance > 0) this.#wake();
  }

  #send(): void {
    const env = this.#env;
    const now = env.now;
    const ledger = this.#ledger;
    const per = this.#tally.perCycle;
    const c = this.#cycle;
    if (this.#model.blockedShare > 0 && this.#blockStream() < this.#model.blockedShare) {
      // G8: the recipient blocks InMail; nothing is spent and the sender moves on.
      per.blocked[c]! += 1;
      this.#trace?.record(now, "blocked", 0, ledger.balance);
      env.schedule(this.#gap(), SEND);
      return;
    }
    this.#expireDue(now);
    const expiresAt = ledger.spend(now);
    if (expiresAt !== expiresAt) {
      // Credits expired since this send was planned: wait for a refund or a grant.
      this.#waiting = true;
      this.#waitStart = now;
      return;
    }
    per.sends[c]! += 1;
    this.#trace?.record(now, "spend", 1, ledger.balance);
    const outcome = this.#responses.nextOutcome();
    const recipient = this.#recipients++;
    if (outcome !== IGNORED) {
      const delay = this.#responses.nextDelayDays();
      const at = now + delay;
      this.#trace?.send?.(now, recipient, outcomes[outcome]!, at);
      if (at < this.#horizon) {
        const rules = this.#model.rules;
        const refunds = rules.refundOn[outcome]! && delay <= rules.refundWindowDays ? 1 : 0;
        env.scheduleAt(at, RESPONSE, outcome * 2 + refunds, expiresAt);
      }
    } else this.#trace?.send?.(now, recipient, "ignored", NaN);
    if (ledger.balance > 0) env.schedule(this.#gap(), SEND);
    else {
      this.#waiting = true;
      this.#waitStart = now;
    }
  }

  #respond(a: number, spentExpiry: number): void {
    const now = this.#env.now;
    const per = this.#tally.perCycle;
    const c = this.#cycle;
    const outcome = a >> 1;
    per.responses[c]! += 1;
    if (outcome < POSITIVE_BELOW) per.positives[c]! += 1;
    this.#trace?.record(now, "response", 0, this.#ledger.balance);
    if ((a & 1) === 0) return;
    const rules = this.#model.rules;
    const expiresAt = rules.refundAging === "fresh" ? now + rules.creditLifetimeDays : spentExpiry;
    this.#expireDue(now);
    const expiredBefore = this.#ledger.expired;
    this.#ledger.refund(now, expiresAt);
    per.refunds[c]! += 1;
    per.expired[c]! += this.#ledger.expired - expiredBefore;
    this.#trace?.record(now, "refund", 1, this.#ledger.balance);
    if (this.#waiting && this.#ledger.balance > 0) this.#wake();
  }

  /** Expires lots due by `now`, one expiry time at a time so traces show when. */
  #expireDue(now: number): void {
    const ledger = this.#ledger;
    while (ledger.nextExpiry <= now) {
      const at = ledger.nextExpiry;
      const lost = ledger.expireUntil(at);
      this.#tally.perCycle.expired[this.#cycle]! += lost;
      this.#trace?.record(at, "expire", lost, ledger.balance);
    }
  }

  #wake(): void {
    const now = this.#env.now;
    this.#tally.perCycle.outOfCreditMicrodays[this.#cycle]! += Math.round(
      (now - this.#waitStart) * MICRODAYS_PER_DAY,
    );
    this.#waiting = false;
    this.#env.schedule(this.#gap(), SEND);
  }

  /** End of horizon: settle expiries and waiting time, add the ledger to the tally. */
  #close(): void {
    const tally = this.#tally;
    const ledger = this.#ledger;
    const last = this.#cycle;
    this.#expireDue(this.#horizon);
    if (this.#waiting) {
      tally.perCycle.outOfCreditMicrodays[last]! += Math.round(
        (this.#horizon - this.#waitStart) * MICRODAYS_PER_DAY,
      );
    }
    // The balance left at the horizon is lost to the account: it counts as expired in
    // the last cycle's row (the ledger keeps it as the closing balance).
    tally.perCycle.expired[last]! += ledger.balance;
    tally.accounts += 1;
    tally.closingBalance += ledger.balance;
    tally.ledger.granted += ledger.granted;
    tally.ledger.spent += ledger.spent;
    tally.ledger.refunded += ledger.refunded;
    tally.ledger.expired += ledger.expired;
    tally.ledger.forfeited += ledger.forfeited;
  }
}
