/**
 * The unit being simulated — one ledger and the seats that draw on it — and what every
 * part of its simulation (sends, responses, follow-ups, enforcement) does to it: pay
 * and give back credits, count answers, classify a recipient's draw into an outcome,
 * and plan a seat's next send or its wait for credits.
 *
 * Its fields are the simulation's working state, shared by AccountSimulation,
 * FollowUpSequences and Enforcer (one object each per simulation, made once). Floats
 * pass between them through fields, never as an argument or a result of a hot call
 * (see Environment.post).
 */
import type { Environment } from "../sim/environment.ts";
import { StreamBank } from "../sim/random.ts";
import type { TraceSink } from "./account-model.ts";
import { CreditLedger } from "./ledger.ts";
import { offPeakHours } from "./levers.ts";
import type { Resolved } from "./resolved-model.ts";
import type { Seats } from "./seats.ts";
import { MICRODAYS_PER_DAY, type Tally, type TallyField } from "./tally.ts";
import { ACCEPTED, ACTIVE, CONNECTION, DECLINED, DONE, DRAW_GAP, DRAW_OUTCOME, IGNORED, OUT, REPLIED, SEAT_STREAMS, SEND, SPAM } from "./unit-codes.ts";

export class Unit {
  readonly env: Environment;
  readonly r: Resolved;
  readonly tally: Tally;
  readonly per: Record<TallyField, Float64Array>;
  /** Every seat's streams (see SEAT_STREAMS), reseeded for each unit. */
  readonly streams = new StreamBank(SEAT_STREAMS);

  ledger = new CreditLedger();
  seats!: Seats;
  horizon = 0;
  cycle = 0;
  trace: TraceSink | undefined;
  /** Payload of the response being handled: the expiry of the credit spent (NaN: none). */
  spentExpiry = NaN;
  /** Payload of the response being handled: when its message was sent. */
  sentAt = NaN;
  /** The outcome uniform and response factor `classify` reads. */
  u = NaN;
  factor = 1;

  constructor(env: Environment, r: Resolved, tally: Tally) {
    this.env = env;
    this.r = r;
    this.tally = tally;
    this.per = tally.perCycle;
  }

  /** Schedules at `t` unless it is at or past the horizon (nothing there can matter). */
  at(t: number, kind: number, a: number): void {
    if (t < this.horizon) this.env.scheduleAt(Math.max(t, this.env.now), kind, a);
  }

  /** Whether seat `s` can pay an InMail now (the caller has expired what is due). */
  canPay(s: number): boolean {
    return this.ledger.balance > 0 && this.seats.cycleSpent[s]! < this.r.seatCreditLimit;
  }

  /** Expires lots due by `now`, one expiry time at a time so traces show when. */
  expireDue(): void {
    const now = this.env.now;
    const ledger = this.ledger;
    while (ledger.nextExpiry <= now) {
      const at = ledger.nextExpiry;
      const lost = ledger.expireUntil(at);
      this.per.expired[this.cycle]! += lost;
      this.trace?.record(at, "expire", lost, ledger.balance);
    }
  }

  /** The outcome of an InMail to seat `s`'s next recipient, with every multiplier applied. */
  inmailOutcome(s: number): number {
    this.streams.draw(s * SEAT_STREAMS + DRAW_OUTCOME);
    this.u = this.streams.value;
    this.factor = 1;
    return this.classify(s);
  }

  /**
   * The outcome of an InMail sent now by seat `s` whose recipient drew the uniform
   * `u` (a field: see StreamBank.draw), its response probability scaled by `factor`
   * (1 for a first InMail, the follow-up factor for a follow-up). One draw decides one
   * thing, the outcome: spam below P(spam), then the answers by their shares, then none.
   */
  classify(s: number): number {
    const r = this.r;
    const u = this.u;
    const factor = this.factor;
    const now = this.env.now;
    const spam = r.spamProbability;
    if (u < spam) return SPAM;
    let m = r.multiplier * this.seats.audience[s]! * factor;
    if (r.timed) {
      const clock = r.timingClock;
      clock.t = now;
      if (r.weekdayMultipliers) m *= r.weekdayMultipliers[clock.weekday()]!;
      if (r.offPeakMultiplier !== 1 && clock.hourOutside(offPeakHours.before, offPeakHours.from)) m *= r.offPeakMultiplier;
    }
    let resp = r.responseBase * m;
    if (resp > 1 - spam) resp = 1 - spam;
    const v = u - spam;
    if (v >= resp) return IGNORED;
    if (v < resp * r.mixAccepted) return ACCEPTED;
    if (v < resp * (r.mixAccepted + r.mixReplied)) return REPLIED;
    return DECLINED;
  }

  /** Schedules the seat's next send one random gap (of working time) from now. */
  resume(s: number): void {
    const now = this.env.now;
    const seats = this.seats;
    seats.status[s] = ACTIVE;
    this.streams.draw(s * SEAT_STREAMS + DRAW_GAP);
    const gap = this.streams.value;
    const clock = this.r.clock;
    let t = now + gap;
    if (clock) {
      clock.t = now;
      clock.work = gap;
      clock.addWork();
      t = clock.t;
    }
    if (t < this.horizon) {
      const env = this.env;
      env.postAt = t;
      env.postB = 0;
      env.postC = 0;
      env.post(SEND, s);
    }
  }

  /** Seat `s` cannot pay: it waits for credits, or for the next cycle when its own allowance is used up. */
  goOut(s: number): void {
    const seats = this.seats;
    if (this.r.seatCreditLimit !== Infinity && seats.cycleSpent[s]! >= this.r.seatCreditLimit) {
      seats.status[s] = DONE; // the seat's own allowance is used up: wait for the next cycle
      return;
    }
    seats.status[s] = OUT;
    seats.waitStart[s] = this.env.now;
  }

  /** Credits arrived: a seat that was out resumes (after a refund only if it waits for refunds). */
  wake(s: number): void {
    const now = this.env.now;
    const seats = this.seats;
    this.per.outOfCreditMicrodays[this.cycle]! += Math.round((now - seats.waitStart[s]!) * MICRODAYS_PER_DAY);
    this.resume(s);
  }

  /**
   * Counts an answer of seat `s`'s recipient to a message sent at `sentAt` (a field:
   * see Environment.post): in the response rate only within the metric window.
   */
  count(s: number, channel: number, outcome: number, followUp: boolean): void {
    const now = this.env.now;
    const per = this.per;
    const c = this.cycle;
    const r = this.r;
    const sentAt = this.sentAt;
    const inWindow = now - sentAt <= r.metricWindowDays;
    if (outcome === SPAM || inWindow) per.responses[c]! += 1;
    if (outcome === REPLIED || (outcome === ACCEPTED && channel !== CONNECTION)) {
      per.positives[c]! += 1;
      if (followUp) per.followUpConversations[c]! += 1;
    }
    if (outcome === SPAM) per.spamReports[c]! += 1;
    if (r.counted && channel !== CONNECTION) {
      const counters = this.seats.counters[s]!;
      const day = Math.floor(sentAt);
      if (outcome === SPAM) counters.spam[day]! += 1;
      else if (inWindow) counters.responses[day]! += 1;
    }
    this.trace?.record(now, "response", 0, this.ledger.balance, s);
  }

  /** Gives back one credit spent by seat `s` that would expire at `spentExpiry`, and wakes seats waiting for one. */
  creditBack(s: number): void {
    const now = this.env.now;
    const per = this.per;
    const c = this.cycle;
    const rules = this.r.m.rules;
    const expiresAt = rules.refundAging === "fresh" ? now + rules.creditLifetimeDays : this.spentExpiry;
    this.expireDue();
    const expiredBefore = this.ledger.expired;
    // Floats go by fields, not arguments (see CreditLedger.refundNext).
    this.ledger.refundNow = now;
    this.ledger.refundExpiry = expiresAt;
    this.ledger.refundNext();
    const lapsed = this.ledger.expired - expiredBefore;
    per.refunds[c]! += 1;
    per.expired[c]! += lapsed;
    if (this.trace) {
      // A refunded credit whose original expiry has passed lapses at once.
      this.trace.record(now, "refund", 1, this.ledger.balance + lapsed, s);
      if (lapsed > 0) this.trace.record(now, "expire", lapsed, this.ledger.balance, s);
    }
    if (this.ledger.balance > 0 && this.r.sender.whenOut === "refund-or-grant") {
      const seats = this.seats;
      for (let i = 0; i < this.r.seats; i++) if (seats.status[i] === OUT) this.wake(i);
    }
  }
}
