/**
 * Follow-up sequences in a unit simulation: a first InMail with no answer yet, then up
 * to `count` follow-ups (models/follow-ups.ts has the plans' rules). It draws each
 * recipient's follow-up draws when the recipient is contacted, opens a sequence when a
 * follow-up can come of the first InMail, sends (or fails to deliver) each follow-up
 * when it falls due (FOLLOW_UP events), and counts the first answer of a sequence
 * (SEQUENCE_RESPONSE events). Sequences live in a SequenceStore; nothing is allocated
 * per event.
 *
 * Streams: each seat has its own per follow-up j = 1 … count, in their own bank, so that
 * the seat streams draw exactly as without follow-ups: "follow-up-j-outcome" (the
 * answer), "follow-up-j-delay" (when responses are delayed) and "follow-up-j-delivery"
 * (when some follow-ups cannot be delivered). Delivery and answer are two decisions,
 * so two independent draws: a delivered follow-up is answered at the follow-up factor
 * times the rate whatever share cannot be delivered.
 */
import { StreamBank } from "../sim/random.ts";
import { SequenceStore } from "./sequence-store.ts";
import type { Unit } from "./unit.ts";
import { FOLLOW_UP, IGNORED, INMAIL, SEQUENCE_RESPONSE } from "./unit-codes.ts";

// Each seat's follow-up streams, in their own bank at (seat × count + j − 1) × FOLLOW_UP_STREAMS
// + one of these; a recipient's draws are held at (j − 1) × FOLLOW_UP_STREAMS + the same.
const FOLLOW_UP_OUTCOME = 0; // "follow-up-j-outcome"
const FOLLOW_UP_DELAY = 1; // "follow-up-j-delay"
const FOLLOW_UP_DELIVERY = 2; // "follow-up-j-delivery"
const FOLLOW_UP_STREAMS = 3;

export class FollowUpSequences {
  readonly #unit: Unit;
  /** Every seat's follow-up streams, and the draws of the recipient being contacted (outcome uniform, delay, delivery uniform per follow-up). */
  readonly #streams: StreamBank;
  readonly #draws: Float64Array;
  readonly #store: SequenceStore;
  /** Expiry of the credit a follow-up is scheduled with, and of each one of the contact being made. */
  #expiry = NaN;
  readonly #scratchExpiry: Float64Array;
  /** When the first message of the contact being made is answered (Infinity: never); set before `start`. */
  answerAt = Infinity;

  constructor(unit: Unit, count: number) {
    this.#unit = unit;
    const k = Math.max(1, count);
    this.#streams = new StreamBank(FOLLOW_UP_STREAMS * k);
    this.#draws = new Float64Array(FOLLOW_UP_STREAMS * k);
    this.#store = new SequenceStore(k);
    this.#scratchExpiry = new Float64Array(k);
  }

  /** Seeds seat `s`'s follow-up streams for the unit whose seat is named `entity`. */
  seed(s: number, entity: number | string): void {
    const u = this.#unit;
    const r = u.r;
    const fu = r.followUps!;
    const k = fu.count;
    const purposes = r.followUpPurposes;
    for (let j = 0; j < k; j++) {
      const i = (s * k + j) * FOLLOW_UP_STREAMS;
      const p = j * FOLLOW_UP_STREAMS;
      u.env.seedStream(this.#streams, i + FOLLOW_UP_OUTCOME, entity, purposes[p + FOLLOW_UP_OUTCOME]!);
      if (r.delay) u.env.seedStream(this.#streams, i + FOLLOW_UP_DELAY, entity, purposes[p + FOLLOW_UP_DELAY]!, r.delay);
      if (fu.undeliverableShare > 0) u.env.seedStream(this.#streams, i + FOLLOW_UP_DELIVERY, entity, purposes[p + FOLLOW_UP_DELIVERY]!);
    }
  }

  /** No sequence is open (a new unit starts). */
  clear(): void {
    this.#store.clear();
  }

  /**
   * Draws the follow-up draws of seat `s`'s recipient being contacted, sent or not (so
   * every recipient consumes one draw of each stream in use): outcome uniforms, delays
   * (0 without them) and delivery uniforms (1, always delivered, when every follow-up is).
   */
  draw(s: number): void {
    const u = this.#unit;
    const fu = u.r.followUps!;
    const k = fu.count;
    const bank = this.#streams;
    const out = this.#draws;
    const delayed = u.r.delay !== null;
    const undeliverable = fu.undeliverableShare > 0;
    for (let j = 0; j < k; j++) {
      const i = (s * k + j) * FOLLOW_UP_STREAMS;
      const o = j * FOLLOW_UP_STREAMS;
      bank.draw(i + FOLLOW_UP_OUTCOME);
      out[o + FOLLOW_UP_OUTCOME] = bank.value;
      if (delayed) {
        bank.draw(i + FOLLOW_UP_DELAY);
        out[o + FOLLOW_UP_DELAY] = bank.value;
      } else out[o + FOLLOW_UP_DELAY] = 0;
      if (undeliverable) {
        bank.draw(i + FOLLOW_UP_DELIVERY);
        out[o + FOLLOW_UP_DELIVERY] = bank.value;
      } else out[o + FOLLOW_UP_DELIVERY] = 1;
    }
  }

  /**
   * After a first InMail (paid or free) was delivered: opens its sequence when a
   * follow-up can come of it, and posts the first message's response and the first
   * follow-up. Reads `answerAt` (when the first message is answered) and the unit's
   * `spentExpiry`. Returns false when no follow-up can follow (the caller posts the
   * response as without follow-ups): the answer comes first, the next follow-up would
   * fall at or past the horizon, or a Recruiter seat has no credit to schedule one.
   */
  start(s: number, channel: number, outcome: number): boolean {
    const u = this.#unit;
    const fu = u.r.followUps!;
    const now = u.env.now;
    const horizon = u.horizon;
    const k = fu.count;
    const d = fu.afterDays;
    const answerAt = this.answerAt;
    if (now + d >= horizon) return false;
    let planned = 0;
    let held = 0;
    const q = this.#store;
    if (fu.rule === "scheduled") {
      // Recruiter: every follow-up is scheduled with the first InMail, before its answer
      // is known; a paid InMail's follow-ups take their credits now.
      while (planned < k && now + (planned + 1) * d < horizon) {
        if (channel === INMAIL) {
          if (!u.canPay(s)) break;
          this.#expiry = u.ledger.nextExpiry; // due lots were expired by the send
          u.ledger.spendFirst();
          u.seats.cycleSpent[s]! += 1;
          u.per.followUpCredits[u.cycle]! += 1;
          u.trace?.record(now, "spend", 1, u.ledger.balance, s);
          held = 1;
        }
        this.#scratchExpiry[planned] = this.#expiry;
        planned++;
      }
      if (planned === 0) return false;
    } else {
      if (answerAt <= now + d) return false;
      planned = k;
    }
    const i = q.take();
    q.seat[i] = s;
    q.channel[i] = channel;
    q.planned[i] = planned;
    q.held[i] = held;
    const draws = this.#draws;
    const expiries = this.#scratchExpiry;
    for (let j = 0; j < k; j++) {
      const o = j * FOLLOW_UP_STREAMS;
      q.uniform[i * k + j] = draws[o + FOLLOW_UP_OUTCOME]!;
      q.delay[i * k + j] = draws[o + FOLLOW_UP_DELAY]!;
      q.delivery[i * k + j] = draws[o + FOLLOW_UP_DELIVERY]!;
      q.expiry[i * k + j] = expiries[j]!; // read only when the credits are held
    }
    const env = u.env;
    if (outcome !== IGNORED) {
      q.answerAt[i] = answerAt;
      q.answerMessage[i] = 0;
      if (answerAt < horizon) {
        env.postAt = answerAt;
        env.postB = u.spentExpiry;
        env.postC = now;
        env.post(SEQUENCE_RESPONSE, i * 64 + outcome);
        q.pending[i]! += 1;
      }
    }
    env.postAt = now + d;
    env.postB = 0;
    env.postC = 0;
    env.post(FOLLOW_UP, i);
    q.pending[i]! += 1;
    return true;
  }

  /** The next follow-up of sequence `i` falls due: send it unless the recipient has answered. */
  due(i: number): void {
    const u = this.#unit;
    const q = this.#store;
    q.pending[i]! -= 1;
    const fu = u.r.followUps!;
    const k = fu.count;
    const now = u.env.now;
    const j = q.next[i]!;
    if (q.ended[i] === 0 && q.answerAt[i]! > now) {
      const s = q.seat[i]!;
      const channel = q.channel[i]!;
      const per = u.per;
      const c = u.cycle;
      let sent = false;
      if (q.delivery[i * k + j - 1]! < fu.undeliverableShare) {
        // The member cannot receive it: nothing is spent, and the sequence ends.
        per.followUpsUndelivered[c]! += 1;
        u.trace?.record(now, "follow-up-undelivered", 0, u.ledger.balance, s);
      } else if (q.held[i] === 1) {
        u.spentExpiry = q.expiry[i * k + j - 1]!;
        sent = true;
      } else if (channel === INMAIL) {
        // Sales Navigator (and Premium under the FAQ): the follow-up costs a credit now.
        u.expireDue();
        if (u.canPay(s)) {
          u.spentExpiry = u.ledger.nextExpiry;
          u.ledger.spendFirst();
          u.seats.cycleSpent[s]! += 1;
          per.followUpCredits[c]! += 1;
          u.trace?.record(now, "spend", 1, u.ledger.balance, s);
          sent = true;
        }
      } else {
        u.spentExpiry = NaN; // a free InMail's follow-up is free too
        sent = true;
      }
      if (sent) {
        per.followUpsSent[c]! += 1;
        u.trace?.record(now, "follow-up", 0, u.ledger.balance, s);
        u.u = q.uniform[i * k + j - 1]!; // its own draw, not the delivery's
        u.factor = fu.responseFactor;
        const outcome = u.classify(s);
        const at = now + q.delay[i * k + j - 1]!;
        if (outcome !== IGNORED && at < q.answerAt[i]!) {
          q.answerAt[i] = at;
          q.answerMessage[i] = j;
          if (at < u.horizon) {
            const env = u.env;
            env.postAt = at;
            env.postB = u.spentExpiry;
            env.postC = now;
            env.post(SEQUENCE_RESPONSE, (i * 8 + j) * 8 + outcome);
            q.pending[i]! += 1;
          }
        }
        q.next[i] = j + 1;
        if (j < q.planned[i]! && now + fu.afterDays < u.horizon) {
          const env = u.env;
          env.postAt = now + fu.afterDays;
          env.postB = 0;
          env.postC = 0;
          env.post(FOLLOW_UP, i);
          q.pending[i]! += 1;
        }
      } else {
        q.ended[i] = 1;
        this.#releaseHeld(i, s); // what is left of a Recruiter schedule is not delivered
      }
    }
    if (q.pending[i] === 0) q.release(i);
  }

  /** A response to a message of sequence `i`; only the first answer of the sequence counts. */
  respond(a: number): void {
    const u = this.#unit;
    const q = this.#store;
    const i = a >> 6;
    const message = (a >> 3) & 7;
    const outcome = a & 7;
    q.pending[i]! -= 1;
    // Each message has at most one response event: the one `answerMessage` names is the answer.
    if (q.answerMessage[i] === message) {
      q.ended[i] = 1;
      const s = q.seat[i]!;
      const channel = q.channel[i]!;
      const rules = u.r.m.rules;
      const refunds = channel === INMAIL && rules.refundOn[outcome]! && u.env.now - u.sentAt <= rules.refundWindowDays ? 1 : 0;
      u.count(s, channel, outcome, message > 0);
      if (refunds === 1) {
        if (message > 0) u.per.followUpRefunds[u.cycle]! += 1;
        u.creditBack(s);
      }
      // Recruiter: the scheduled follow-ups not yet sent are cancelled, their credits given back.
      this.#releaseHeld(i, s);
    }
    if (q.pending[i] === 0) q.release(i);
  }

  /** Gives back the held credits of sequence `i`'s follow-ups that will not be sent. */
  #releaseHeld(i: number, s: number): void {
    const u = this.#unit;
    const q = this.#store;
    if (q.held[i] === 0) return;
    const k = q.followUps;
    const per = u.per;
    for (let j = q.next[i]!; j <= q.planned[i]!; j++) {
      u.spentExpiry = q.expiry[i * k + j - 1]!;
      per.followUpRefunds[u.cycle]! += 1;
      u.creditBack(s);
    }
    q.next[i] = q.planned[i]! + 1;
  }
}
