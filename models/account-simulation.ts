/**
 * The glue between the rules and the event calendar. A unit is one ledger and the
 * seats that draw on it: an individual account (one seat) or a Recruiter contract
 * whose seats pool their credits. Units share nothing, so each runs on its own small
 * calendar, one after another, adding what happens to a Tally.
 *
 * Event kinds and how their payloads are packed: models/unit-codes.ts.
 *
 * Nothing is allocated per event: state lives in scalar fields and typed arrays made
 * once per unit (the ledger's and the calendar's grow by doubling and are reused), the
 * random streams of all seats live in one StreamBank, and no float crosses a call in
 * the hot path as an argument or a result — V8 boxes such a float, one allocation,
 * whenever it does not inline the call — but goes through a field (Environment.post,
 * CreditLedger.nextExpiry). `npm run bench` measures the bytes allocated per event.
 *
 * Common random numbers: each seat's recipients are contacted in order and every
 * recipient consumes exactly one draw from each stream in use ("response-outcome",
 * "response-delay", "blocked", "open-profile", "channel"), whatever happens to it, so
 * the k-th recipient responds the same way under any plan or policy. With follow-ups,
 * every recipient also consumes one draw from each follow-up's own streams
 * ("follow-up-j-outcome", "follow-up-j-delay" for j = 1 … count) when contacted, sent
 * or not, so runs with 0, 1 and 2 follow-ups answer the same way on the same recipients
 * and the streams without follow-ups draw exactly as before.
 */
import { Environment, type EventHandler } from "../sim/environment.ts";
import { StreamBank } from "../sim/random.ts";
import type { AccountModel, TraceSink } from "./account-model.ts";
import { betaDraw } from "./beta-draw.ts";
import { channels } from "./channel.ts";
import { complaintVerdict, floorVerdict, lockoutDays } from "./enforcement.ts";
import { grantTimes } from "./grant-schedule.ts";
import { CreditLedger } from "./ledger.ts";
import { offPeakHours } from "./levers.ts";
import { outcomes } from "./outcome.ts";
import { resolve, type Resolved } from "./resolved-model.ts";
import { Seats } from "./seats.ts";
import { SequenceStore } from "./sequence-store.ts";
import { MICRODAYS_PER_DAY, type Tally, type TallyField } from "./tally.ts";
import {
  ACCEPTED,
  ACTIVE,
  COMPLAINT_CHECK,
  COMPLAINT_RECHECK,
  CONNECTION,
  CYCLE_START,
  DECLINED,
  DONE,
  DRAW_BLOCKED,
  DRAW_CHANNEL,
  DRAW_DELAY,
  DRAW_FLAG,
  DRAW_GAP,
  DRAW_OPEN_PROFILE,
  DRAW_OUTCOME,
  ENFORCE,
  EXHAUSTED,
  FLOOR_CHECK,
  FLOOR_RECHECK,
  FLOOR_RESTORE,
  FOLLOW_UP,
  FREE_INMAIL,
  IGNORED,
  INMAIL,
  OUT,
  REPLIED,
  RESPONSE,
  SEAT_STREAMS,
  SEND,
  SEQUENCE_RESPONSE,
  SPAM,
} from "./unit-codes.ts";

export {
  defaultSender,
  defaultStartDate,
  type AccountModel,
  type ConnectionSpec,
  type OpenProfileSpec,
  type SenderSpec,
  type TraceKind,
  type TraceSink,
} from "./account-model.ts";

// Each seat's follow-up streams, in their own bank at (seat × count + j − 1) × 2 + one of these.
const FOLLOW_UP_OUTCOME = 0; // "follow-up-j-outcome"
const FOLLOW_UP_DELAY = 1; // "follow-up-j-delay"

const windowScratch = () => new Float64Array(3);

export class AccountSimulation implements EventHandler {
  readonly #env: Environment;
  readonly #r: Resolved;
  readonly #tally: Tally;
  readonly #per: Record<TallyField, Float64Array>;
  readonly #window = windowScratch();
  /** Every seat's streams (see SEAT_STREAMS), reseeded for each unit. */
  readonly #streams = new StreamBank(SEAT_STREAMS);

  // State of the unit being simulated.
  #ledger = new CreditLedger();
  #seats!: Seats;
  #grants: Float64Array = new Float64Array(1);
  #horizon = 0;
  #cycle = 0;
  #trace: TraceSink | undefined;
  /** Payload of the RESPONSE being handled: the expiry of the credit spent (NaN: none). */
  #spentExpiry = NaN;
  /** Payload of the RESPONSE being handled: when its message was sent. */
  #sentAt = NaN;
  /** Every seat's follow-up streams, and the draws of the recipient being contacted (uniform, delay per follow-up). */
  readonly #followUpStreams: StreamBank;
  readonly #followUpDraws: Float64Array;
  readonly #sequences: SequenceStore;
  /** When the first message of the contact being made is answered (Infinity: never). */
  #answerAt = Infinity;
  /** Expiry of the credit a follow-up is scheduled with, and of each one of the contact being made. */
  #expiry = NaN;
  readonly #scratchExpiry: Float64Array;
  /** The outcome uniform and response factor `#classify` reads. */
  #u = NaN;
  #factor = 1;

  constructor(env: Environment, model: AccountModel, tally: Tally) {
    this.#env = env;
    this.#r = resolve(model);
    this.#tally = tally;
    this.#per = tally.perCycle;
    const k = this.#r.followUps?.count ?? 0;
    this.#followUpStreams = new StreamBank(2 * Math.max(1, k));
    this.#followUpDraws = new Float64Array(2 * Math.max(1, k));
    this.#sequences = new SequenceStore(Math.max(1, k));
    this.#scratchExpiry = new Float64Array(Math.max(1, k));
  }

  /** Simulates unit `index` of this replication from its first grant to its horizon. */
  simulate(index: number, trace?: TraceSink): CreditLedger {
    const env = this.#env;
    const r = this.#r;
    const m = r.m;
    env.reset();
    this.#ledger = new CreditLedger();
    this.#cycle = -1;
    this.#trace = trace;
    const anchor = r.anchorSpreadDays > 0 ? env.stream(index, "anchor")() * r.anchorSpreadDays : 0;
    this.#grants = grantTimes(r.schedule, r.startDate, anchor, m.cycles);
    this.#horizon = this.#grants[m.cycles]!;
    const n = r.seats;
    // Seats are reused from unit to unit, except with day counters (they span the
    // unit's own horizon).
    let seats = this.#seats as Seats | undefined;
    if (seats !== undefined && seats.status.length === n && !r.counted) seats.reset();
    else seats = new Seats(n, this.#horizon, r.counted);
    this.#seats = seats;
    const streams = this.#streams;
    for (let s = 0; s < n; s++) {
      // One seat: the unit's own streams (so a unit of one seat is an account). Only
      // the streams the model draws from are seeded.
      const entity = n === 1 ? index : `${index}.${s}`;
      const at = s * SEAT_STREAMS;
      seats.status[s] = DONE; // nothing to send before the first grant
      env.seedStream(streams, at + DRAW_GAP, entity, "send-gap", r.gap);
      env.seedStream(streams, at + DRAW_OUTCOME, entity, "response-outcome");
      if (r.delay) env.seedStream(streams, at + DRAW_DELAY, entity, "response-delay", r.delay);
      if (m.blockedShare > 0) env.seedStream(streams, at + DRAW_BLOCKED, entity, "blocked");
      if (r.openProfile) env.seedStream(streams, at + DRAW_OPEN_PROFILE, entity, "open-profile");
      if (r.connections?.use === "mix") env.seedStream(streams, at + DRAW_CHANNEL, entity, "channel");
      if (r.enforcement.content) env.seedStream(streams, at + DRAW_FLAG, entity, "content-flag");
      if (r.followUps) {
        const k = r.followUps.count;
        for (let j = 0; j < k; j++) {
          const i = (s * k + j) * 2;
          env.seedStream(this.#followUpStreams, i + FOLLOW_UP_OUTCOME, entity, r.followUpPurposes[2 * j]!);
          if (r.delay) env.seedStream(this.#followUpStreams, i + FOLLOW_UP_DELAY, entity, r.followUpPurposes[2 * j + 1]!, r.delay);
        }
      }
      if (r.heterogeneity > 0 && r.responseBase > 0 && r.responseBase < 1) {
        // The seat's audience responds at q ~ Beta(mean = base rate, concentration κ).
        const k = r.heterogeneity;
        const q = betaDraw(env.stream(entity, "audience"), r.responseBase * k, (1 - r.responseBase) * k);
        seats.audience[s] = q / r.responseBase;
      }
    }
    this.#sequences.clear();
    env.scheduleAt(this.#grants[0]!, CYCLE_START, 0);
    if (r.enforcement.responseRateFloor) {
      const period = r.enforcement.responseRateFloor.periodDays;
      for (let s = 0; s < n; s++) this.#at(this.#grants[0]! + period, ENFORCE, s * 8 + FLOOR_CHECK);
    }
    if (r.enforcement.complaints) {
      const every = r.enforcement.complaints.checkEveryDays;
      for (let s = 0; s < n; s++) this.#at(this.#grants[0]! + every, ENFORCE, s * 8 + COMPLAINT_CHECK);
    }
    env.run(this.#horizon, this);
    this.#close();
    return this.#ledger;
  }

  handle(kind: number, a: number, b: number, c: number): void {
    if (kind === SEND) this.#send(a);
    else if (kind === RESPONSE) {
      // Floats go by fields (not arguments, which V8 boxes when it does not inline).
      this.#spentExpiry = b;
      this.#sentAt = c;
      this.#respond(a);
    }
    else if (kind === CYCLE_START) this.#startCycle(a);
    else if (kind === ENFORCE) this.#enforce(a >> 3, a & 7);
    else if (kind === FOLLOW_UP) this.#followUp(a);
    else {
      this.#spentExpiry = b;
      this.#sentAt = c;
      this.#sequenceResponse(a);
    }
  }

  /** Schedules at `t` unless it is at or past the horizon (nothing there can matter). */
  #at(t: number, kind: number, a: number): void {
    if (t < this.#horizon) this.#env.scheduleAt(Math.max(t, this.#env.now), kind, a);
  }

  #startCycle(k: number): void {
    const now = this.#env.now;
    const ledger = this.#ledger;
    const rules = this.#r.m.rules;
    const per = this.#per;
    const seats = this.#seats;
    const n = this.#r.seats;
    if (k > 0) {
      // Credits lost at the boundary count in the cycle that ends.
      const c = this.#cycle;
      this.#expireDue();
      if (rules.resetEachCycle) {
        const lost = ledger.lapseAll();
        per.expired[c]! += lost;
        if (this.#trace && lost > 0) this.#trace.record(now, "expire", lost, 0);
      }
      // Seats out of credits stop waiting here (they resume below).
      for (let s = 0; s < n; s++) {
        if (seats.status[s] === OUT) {
          per.outOfCreditMicrodays[c]! += Math.round((now - seats.waitStart[s]!) * MICRODAYS_PER_DAY);
        }
      }
      const forfeited = ledger.grant(rules.creditsPerCycle, now + rules.creditLifetimeDays, rules.capCredits);
      per.forfeited[c]! += forfeited;
      if (this.#trace) {
        // The grant, then the forfeit it caused, each with the balance after it.
        this.#trace.record(now, "grant", rules.creditsPerCycle, ledger.balance + forfeited);
        if (forfeited > 0) this.#trace.record(now, "forfeit", forfeited, ledger.balance);
      }
    } else {
      ledger.grant(rules.creditsPerCycle, now + rules.creditLifetimeDays, rules.capCredits);
      this.#trace?.record(now, "grant", rules.creditsPerCycle, ledger.balance);
    }
    this.#cycle = k;
    per.granted[k]! += rules.creditsPerCycle;
    if (k + 1 < this.#r.m.cycles) this.#at(this.#grants[k + 1]!, CYCLE_START, k + 1);
    for (let s = 0; s < n; s++) {
      seats.cycleContacts[s] = 0;
      seats.cycleSpent[s] = 0;
      seats.cycleFree[s] = 0;
      const st = seats.status[s];
      if (st === DONE || st === OUT) this.#resume(s);
    }
  }

  /** Whether seat `s` can pay an InMail now (the caller has expired what is due). */
  #canPay(s: number): boolean {
    return this.#ledger.balance > 0 && this.#seats.cycleSpent[s]! < this.#r.seatCreditLimit;
  }

  #send(s: number): void {
    const env = this.#env;
    const now = env.now;
    const r = this.#r;
    const seats = this.#seats;
    const per = this.#per;
    const c = this.#cycle;
    const sender = r.sender;
    const conn = r.connections;

    if (seats.cycleContacts[s]! >= sender.demandPerCycle) {
      seats.status[s] = DONE;
      return;
    }
    if (seats.recipients[s]! >= sender.poolSize) {
      seats.status[s] = EXHAUSTED;
      per.poolExhausted[c]! += 1;
      this.#trace?.record(now, "exhausted", 0, this.#ledger.balance, s);
      return;
    }
    // Daily cap (a restricted Recruiter seat may still send a few one-to-one).
    let dayCap = sender.maxSendsPerDay;
    if (seats.floorState[s] === 2) dayCap = Math.min(dayCap, r.enforcement.responseRateFloor!.restrictedSendsPerDay);
    if (dayCap !== Infinity) {
      const day = r.calendar ? Math.floor(now + r.calendar.offsetDays) : Math.floor(now);
      if (day !== seats.today[s]) {
        seats.today[s] = day;
        seats.sentToday[s] = 0;
      }
      if (seats.sentToday[s]! >= dayCap) {
        let next = day + 1;
        if (r.clock) {
          r.clock.t = now;
          r.clock.toNextWorkingDay();
          next = r.clock.t;
        }
        this.#at(next, SEND, s);
        return;
      }
    }

    // Which channel can this contact use? Due lots are expired first, whichever channel
    // is drawn: a connection request can still turn into an InMail at the weekly cap.
    this.#expireDue();
    let channel = INMAIL;
    if (conn) {
      if (conn.use === "only") channel = CONNECTION;
      else if (conn.use === "mix") {
        this.#streams.draw(s * SEAT_STREAMS + DRAW_CHANNEL);
        if (this.#streams.value < conn.mixShare) channel = CONNECTION;
      }
    }
    if (channel === INMAIL) {
      const blockedUntil = seats.blockedUntil[s]!;
      const inmailOpen = now >= blockedUntil;
      if (!inmailOpen || !this.#canPay(s)) {
        if (conn && conn.use !== "only") {
          channel = CONNECTION; // fallback (or mix) when InMail is unavailable
        } else if (!inmailOpen) {
          this.#at(blockedUntil, SEND, s);
          return;
        } else {
          this.#goOut(s);
          return;
        }
      }
    }
    if (channel === CONNECTION) {
      const week = Math.floor(now / 7);
      if (week !== seats.week[s]) {
        seats.week[s] = week;
        seats.weekConnections[s] = 0;
      }
      if (seats.weekConnections[s]! >= conn!.weeklyCap) {
        // Invitations used up this week: wait for next week (or a credit for InMail).
        if (conn!.use !== "only" && this.#canPay(s) && now >= seats.blockedUntil[s]!) channel = INMAIL;
        else {
          this.#at((week + 1) * 7, SEND, s);
          return;
        }
      }
    }

    // Contact the next recipient.
    const recipient = seats.recipients[s]!;
    seats.recipients[s] = recipient + 1;
    seats.cycleContacts[s]! += 1;
    seats.sentToday[s]! += 1;
    const streams = this.#streams;
    const first = s * SEAT_STREAMS;
    if (r.followUps) this.#drawFollowUps(s);
    // Draws go through the bank's field `value` (see StreamBank.draw).
    let blocked = false;
    if (channel === INMAIL && r.m.blockedShare > 0) {
      streams.draw(first + DRAW_BLOCKED);
      blocked = streams.value < r.m.blockedShare;
    }
    if (blocked) {
      // G8: the recipient blocks InMail; nothing is spent and the sender moves on.
      per.blocked[c]! += 1;
      this.#trace?.record(now, "blocked", 0, this.#ledger.balance, s);
      this.#next(s);
      return;
    }
    if (channel === INMAIL && r.openProfile) {
      streams.draw(first + DRAW_OPEN_PROFILE);
      if (streams.value < r.openProfile.share && seats.cycleFree[s]! < r.openProfile.monthlyCap) channel = FREE_INMAIL;
    }
    let delay = 0;
    if (r.delay) {
      streams.draw(first + DRAW_DELAY);
      delay = streams.value;
    }
    let outcome: number;
    if (channel === CONNECTION) {
      streams.draw(first + DRAW_OUTCOME);
      const u = streams.value;
      const accept = conn!.acceptRate;
      outcome = u < accept * conn!.replyRate ? REPLIED : u < accept ? ACCEPTED : IGNORED;
    } else {
      outcome = this.#inmailOutcome(s);
    }

    let spentExpiry = NaN;
    if (channel === INMAIL) {
      // Due lots are expired above, so the credit spent is the first lot's.
      spentExpiry = this.#ledger.nextExpiry;
      this.#ledger.spendFirst();
      seats.cycleSpent[s]! += 1;
      per.sends[c]! += 1;
      this.#trace?.record(now, "spend", 1, this.#ledger.balance, s);
    } else if (channel === FREE_INMAIL) {
      seats.cycleFree[s]! += 1;
      per.sends[c]! += 1;
      per.freeSends[c]! += 1;
      this.#trace?.record(now, "free-inmail", 0, this.#ledger.balance, s);
    } else {
      seats.weekConnections[s]! += 1;
      per.connectionRequests[c]! += 1;
      this.#trace?.record(now, "connection", 0, this.#ledger.balance, s);
    }
    if (channel !== CONNECTION) {
      if (r.counted) seats.counters[s]!.sends[Math.floor(now)]! += 1;
      const content = r.enforcement.content;
      if (content && content.flagProbability > 0) {
        streams.draw(first + DRAW_FLAG);
        if (streams.value < content.flagProbability) this.#flagged(s);
      }
    }

    const at = now + delay;
    if (this.#trace?.send) {
      const name = channels[channel]!;
      this.#trace.send(now, recipient, outcomes[outcome]!, outcome === IGNORED ? NaN : at, s, name);
    }
    let sequence = false;
    if (r.followUps && channel !== CONNECTION) {
      this.#answerAt = outcome === IGNORED ? Infinity : at;
      this.#spentExpiry = spentExpiry;
      sequence = this.#startSequence(s, channel, outcome);
    }
    if (!sequence && outcome !== IGNORED && at < this.#horizon) {
      const rules = r.m.rules;
      const refunds = channel === INMAIL && rules.refundOn[outcome]! && delay <= rules.refundWindowDays ? 1 : 0;
      // Floats go by fields, not arguments (see Environment.post).
      env.postAt = at;
      env.postB = spentExpiry;
      env.postC = now;
      env.post(RESPONSE, ((s * 4 + channel) * 8 + outcome) * 2 + refunds);
    }
    this.#next(s);
  }

  /** Draws the follow-up uniforms and delays of seat `s`'s recipient being contacted, sent or not. */
  #drawFollowUps(s: number): void {
    const k = this.#r.followUps!.count;
    const bank = this.#followUpStreams;
    const out = this.#followUpDraws;
    const delayed = this.#r.delay !== null;
    for (let j = 0; j < k; j++) {
      const i = (s * k + j) * 2;
      bank.draw(i + FOLLOW_UP_OUTCOME);
      out[2 * j] = bank.value;
      if (delayed) {
        bank.draw(i + FOLLOW_UP_DELAY);
        out[2 * j + 1] = bank.value;
      } else out[2 * j + 1] = 0;
    }
  }

  /**
   * After a first InMail (paid or free) was delivered: opens its sequence when a
   * follow-up can come of it, and posts the first message's response and the first
   * follow-up. Reads `#answerAt` (when the first message is answered) and
   * `#spentExpiry`. Returns false when no follow-up can follow (the caller posts the
   * response as without follow-ups): the answer comes first, the next follow-up would
   * fall at or past the horizon, or a Recruiter seat has no credit to schedule one.
   */
  #startSequence(s: number, channel: number, outcome: number): boolean {
    const fu = this.#r.followUps!;
    const now = this.#env.now;
    const horizon = this.#horizon;
    const k = fu.count;
    const d = fu.afterDays;
    const answerAt = this.#answerAt;
    if (now + d >= horizon) return false;
    let planned = 0;
    let held = 0;
    const q = this.#sequences;
    if (fu.rule === "scheduled") {
      // Recruiter: every follow-up is scheduled with the first InMail, before its answer
      // is known; a paid InMail's follow-ups take their credits now.
      while (planned < k && now + (planned + 1) * d < horizon) {
        if (channel === INMAIL) {
          if (!this.#canPay(s)) break;
          this.#expiry = this.#ledger.nextExpiry; // due lots were expired by the send
          this.#ledger.spendFirst();
          this.#seats.cycleSpent[s]! += 1;
          this.#per.followUpCredits[this.#cycle]! += 1;
          this.#trace?.record(now, "spend", 1, this.#ledger.balance, s);
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
    const draws = this.#followUpDraws;
    const expiries = this.#scratchExpiry;
    for (let j = 0; j < k; j++) {
      q.uniform[i * k + j] = draws[2 * j]!;
      q.delay[i * k + j] = draws[2 * j + 1]!;
      q.expiry[i * k + j] = expiries[j]!; // read only when the credits are held
    }
    const env = this.#env;
    if (outcome !== IGNORED) {
      q.answerAt[i] = answerAt;
      q.answerMessage[i] = 0;
      if (answerAt < horizon) {
        env.postAt = answerAt;
        env.postB = this.#spentExpiry;
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
  #followUp(i: number): void {
    const q = this.#sequences;
    q.pending[i]! -= 1;
    const fu = this.#r.followUps!;
    const k = fu.count;
    const now = this.#env.now;
    const j = q.next[i]!;
    if (q.ended[i] === 0 && q.answerAt[i]! > now) {
      const s = q.seat[i]!;
      const channel = q.channel[i]!;
      const per = this.#per;
      const c = this.#cycle;
      const u = q.uniform[i * k + j - 1]!;
      let sent = false;
      if (u >= 1 - fu.undeliverableShare) {
        // The member cannot receive it: nothing is spent, and the sequence ends.
        per.followUpsUndelivered[c]! += 1;
        this.#trace?.record(now, "follow-up-undelivered", 0, this.#ledger.balance, s);
      } else if (q.held[i] === 1) {
        this.#spentExpiry = q.expiry[i * k + j - 1]!;
        sent = true;
      } else if (channel === INMAIL) {
        // Sales Navigator (and Premium under the FAQ): the follow-up costs a credit now.
        this.#expireDue();
        if (this.#canPay(s)) {
          this.#spentExpiry = this.#ledger.nextExpiry;
          this.#ledger.spendFirst();
          this.#seats.cycleSpent[s]! += 1;
          per.followUpCredits[c]! += 1;
          this.#trace?.record(now, "spend", 1, this.#ledger.balance, s);
          sent = true;
        }
      } else {
        this.#spentExpiry = NaN; // a free InMail's follow-up is free too
        sent = true;
      }
      if (sent) {
        per.followUpsSent[c]! += 1;
        this.#trace?.record(now, "follow-up", 0, this.#ledger.balance, s);
        this.#u = u;
        this.#factor = fu.responseFactor;
        const outcome = this.#classify(s);
        const at = now + q.delay[i * k + j - 1]!;
        if (outcome !== IGNORED && at < q.answerAt[i]!) {
          q.answerAt[i] = at;
          q.answerMessage[i] = j;
          if (at < this.#horizon) {
            const env = this.#env;
            env.postAt = at;
            env.postB = this.#spentExpiry;
            env.postC = now;
            env.post(SEQUENCE_RESPONSE, (i * 8 + j) * 8 + outcome);
            q.pending[i]! += 1;
          }
        }
        q.next[i] = j + 1;
        if (j < q.planned[i]! && now + fu.afterDays < this.#horizon) {
          const env = this.#env;
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
  #sequenceResponse(a: number): void {
    const q = this.#sequences;
    const i = a >> 6;
    const message = (a >> 3) & 7;
    const outcome = a & 7;
    q.pending[i]! -= 1;
    // Each message has at most one response event: the one `answerMessage` names is the answer.
    if (q.answerMessage[i] === message) {
      q.ended[i] = 1;
      const s = q.seat[i]!;
      const channel = q.channel[i]!;
      const rules = this.#r.m.rules;
      const refunds =
        channel === INMAIL && rules.refundOn[outcome]! && this.#env.now - this.#sentAt <= rules.refundWindowDays ? 1 : 0;
      this.#count(s, channel, outcome, message > 0);
      if (refunds === 1) {
        if (message > 0) this.#per.followUpRefunds[this.#cycle]! += 1;
        this.#creditBack(s);
      }
      // Recruiter: the scheduled follow-ups not yet sent are cancelled, their credits given back.
      this.#releaseHeld(i, s);
    }
    if (q.pending[i] === 0) q.release(i);
  }

  /** Gives back the held credits of sequence `i`'s follow-ups that will not be sent. */
  #releaseHeld(i: number, s: number): void {
    const q = this.#sequences;
    if (q.held[i] === 0) return;
    const k = q.followUps;
    const per = this.#per;
    for (let j = q.next[i]!; j <= q.planned[i]!; j++) {
      this.#spentExpiry = q.expiry[i * k + j - 1]!;
      per.followUpRefunds[this.#cycle]! += 1;
      this.#creditBack(s);
    }
    q.next[i] = q.planned[i]! + 1;
  }

  /** The outcome of an InMail to seat `s`'s next recipient, with every multiplier applied. */
  #inmailOutcome(s: number): number {
    this.#streams.draw(s * SEAT_STREAMS + DRAW_OUTCOME);
    this.#u = this.#streams.value;
    this.#factor = 1;
    return this.#classify(s);
  }

  /**
   * The outcome of an InMail sent now by seat `s` whose recipient drew the uniform
   * `#u` (a field: see StreamBank.draw), its response probability scaled by `#factor`
   * (1 for a first InMail, the follow-up factor for a follow-up).
   */
  #classify(s: number): number {
    const r = this.#r;
    const u = this.#u;
    const factor = this.#factor;
    const now = this.#env.now;
    const spam = r.spamProbability;
    if (u < spam) return SPAM;
    let m = r.multiplier * this.#seats.audience[s]! * factor;
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

  /** After a contact: plan the next one, or stop for the cycle, or wait for credits. */
  #next(s: number): void {
    const seats = this.#seats;
    if (seats.cycleContacts[s]! >= this.#r.sender.demandPerCycle) {
      seats.status[s] = DONE;
      return;
    }
    const conn = this.#r.connections;
    if (!conn) {
      // Without another channel, a seat that cannot pay waits (checked now, so the
      // wait starts when the balance reaches zero, not at the next attempt).
      if (!this.#canPay(s)) {
        this.#goOut(s);
        return;
      }
    }
    this.#resume(s);
  }

  /** Schedules the seat's next send one random gap (of working time) from now. */
  #resume(s: number): void {
    const now = this.#env.now;
    const seats = this.#seats;
    seats.status[s] = ACTIVE;
    this.#streams.draw(s * SEAT_STREAMS + DRAW_GAP);
    const gap = this.#streams.value;
    const clock = this.#r.clock;
    let t = now + gap;
    if (clock) {
      clock.t = now;
      clock.work = gap;
      clock.addWork();
      t = clock.t;
    }
    if (t < this.#horizon) {
      const env = this.#env;
      env.postAt = t;
      env.postB = 0;
      env.postC = 0;
      env.post(SEND, s);
    }
  }

  #goOut(s: number): void {
    const seats = this.#seats;
    if (this.#r.seatCreditLimit !== Infinity && seats.cycleSpent[s]! >= this.#r.seatCreditLimit) {
      seats.status[s] = DONE; // the seat's own allowance is used up: wait for the next cycle
      return;
    }
    seats.status[s] = OUT;
    seats.waitStart[s] = this.#env.now;
  }

  /** Credits arrived: a seat that was out resumes (after a refund only if it waits for refunds). */
  #wake(s: number): void {
    const now = this.#env.now;
    const seats = this.#seats;
    this.#per.outOfCreditMicrodays[this.#cycle]! += Math.round((now - seats.waitStart[s]!) * MICRODAYS_PER_DAY);
    this.#resume(s);
  }

  #respond(a: number): void {
    const refunds = a & 1;
    const outcome = (a >> 1) & 7;
    const channel = (a >> 4) & 3;
    const s = a >> 6;
    this.#count(s, channel, outcome, false);
    if (refunds === 1) this.#creditBack(s);
  }

  /**
   * Counts an answer of seat `s`'s recipient to a message sent at `#sentAt` (a field:
   * see Environment.post): in the response rate only within the metric window.
   */
  #count(s: number, channel: number, outcome: number, followUp: boolean): void {
    const now = this.#env.now;
    const per = this.#per;
    const c = this.#cycle;
    const r = this.#r;
    const sentAt = this.#sentAt;
    const inWindow = now - sentAt <= r.metricWindowDays;
    if (outcome === SPAM || inWindow) per.responses[c]! += 1;
    if (outcome === REPLIED || (outcome === ACCEPTED && channel !== CONNECTION)) {
      per.positives[c]! += 1;
      if (followUp) per.followUpConversations[c]! += 1;
    }
    if (outcome === SPAM) per.spamReports[c]! += 1;
    if (r.counted && channel !== CONNECTION) {
      const counters = this.#seats.counters[s]!;
      const day = Math.floor(sentAt);
      if (outcome === SPAM) counters.spam[day]! += 1;
      else if (inWindow) counters.responses[day]! += 1;
    }
    this.#trace?.record(now, "response", 0, this.#ledger.balance, s);
  }

  /** Gives back one credit spent by seat `s` that would expire at `#spentExpiry`, and wakes seats waiting for one. */
  #creditBack(s: number): void {
    const now = this.#env.now;
    const per = this.#per;
    const c = this.#cycle;
    const rules = this.#r.m.rules;
    const expiresAt = rules.refundAging === "fresh" ? now + rules.creditLifetimeDays : this.#spentExpiry;
    this.#expireDue();
    const expiredBefore = this.#ledger.expired;
    this.#ledger.refund(now, expiresAt);
    const lapsed = this.#ledger.expired - expiredBefore;
    per.refunds[c]! += 1;
    per.expired[c]! += lapsed;
    if (this.#trace) {
      // A refunded credit whose original expiry has passed lapses at once.
      this.#trace.record(now, "refund", 1, this.#ledger.balance + lapsed, s);
      if (lapsed > 0) this.#trace.record(now, "expire", lapsed, this.#ledger.balance, s);
    }
    if (this.#ledger.balance > 0 && this.#r.sender.whenOut === "refund-or-grant") {
      const seats = this.#seats;
      for (let i = 0; i < this.#r.seats; i++) if (seats.status[i] === OUT) this.#wake(i);
    }
  }

  /** A content-filter flag: a warning the first time, then escalating lockouts. */
  #flagged(s: number): void {
    const now = this.#env.now;
    const seats = this.#seats;
    const v = (seats.violations[s]! += 1);
    const days = lockoutDays(v, this.#r.enforcement.content!);
    if (days === 0) {
      this.#per.warnings[this.#cycle]! += 1;
      this.#trace?.record(now, "warning", 0, this.#ledger.balance, s);
      return;
    }
    const until = now + days;
    if (until > seats.blockedUntil[s]!) seats.blockedUntil[s] = until;
    this.#per.restrictions[this.#cycle]! += 1;
    this.#per.restrictedMicrodays[this.#cycle]! += Math.round(days * MICRODAYS_PER_DAY);
    this.#trace?.record(now, "lockout", days, this.#ledger.balance, s);
  }

  #enforce(s: number, check: number): void {
    const now = this.#env.now;
    const seats = this.#seats;
    const e = this.#r.enforcement;
    const per = this.#per;
    const c = this.#cycle;
    const w = this.#window;
    const balance = this.#ledger.balance;
    if (check === FLOOR_CHECK || check === FLOOR_RECHECK || check === FLOOR_RESTORE) {
      const rule = e.responseRateFloor!;
      if (check === FLOOR_CHECK) {
        this.#at(now + rule.periodDays, ENFORCE, s * 8 + FLOOR_CHECK);
        if (seats.floorState[s] !== 0) return; // warned or restricted: no new assessment
        seats.counters[s]!.window(now - rule.periodDays, now, w);
        if (floorVerdict(w[0]!, w[1]!, rule) === "fail") {
          seats.floorState[s] = 1;
          seats.floorWarnedAt[s] = now;
          per.warnings[c]! += 1;
          this.#trace?.record(now, "warning", 0, balance, s);
          this.#at(now + rule.warningDays + rule.graceDays, ENFORCE, s * 8 + FLOOR_RECHECK);
        }
      } else if (check === FLOOR_RECHECK) {
        // The InMails sent during the warning, with the answers that came in by now.
        const from = seats.floorWarnedAt[s]!;
        seats.counters[s]!.window(from, from + rule.warningDays, w);
        if (floorVerdict(w[0]!, w[1]!, rule) === "fail") {
          seats.floorState[s] = 2;
          per.restrictions[c]! += 1;
          per.restrictedMicrodays[c]! += Math.round(rule.restrictionDays * MICRODAYS_PER_DAY);
          this.#trace?.record(now, "restriction", 0, balance, s);
          this.#at(now + rule.restrictionDays, ENFORCE, s * 8 + FLOOR_RESTORE);
        } else {
          seats.floorState[s] = 0;
          this.#trace?.record(now, "recovered", 0, balance, s);
        }
      } else {
        seats.floorState[s] = 0;
        this.#trace?.record(now, "recovered", 0, balance, s);
      }
      return;
    }
    const rule = e.complaints!;
    if (check === COMPLAINT_CHECK) {
      this.#at(now + rule.checkEveryDays, ENFORCE, s * 8 + COMPLAINT_CHECK);
      if (seats.complaintState[s] !== 0 || now < seats.blockedUntil[s]!) return;
      seats.counters[s]!.window(now - rule.windowDays, now, w);
      if (complaintVerdict(w[0]!, w[2]!, rule) === "fail") {
        seats.complaintState[s] = 1;
        per.warnings[c]! += 1;
        this.#trace?.record(now, "warning", 0, balance, s);
        this.#at(now + rule.warningDays, ENFORCE, s * 8 + COMPLAINT_RECHECK);
      }
    } else {
      seats.complaintState[s] = 0;
      seats.counters[s]!.window(now - rule.windowDays, now, w);
      if (complaintVerdict(w[0]!, w[2]!, rule) === "fail") {
        const until = now + rule.restrictionDays;
        if (until > seats.blockedUntil[s]!) seats.blockedUntil[s] = until;
        per.restrictions[c]! += 1;
        per.restrictedMicrodays[c]! += Math.round(rule.restrictionDays * MICRODAYS_PER_DAY);
        this.#trace?.record(now, "restriction", 0, balance, s);
      } else this.#trace?.record(now, "recovered", 0, balance, s);
    }
  }

  /** Expires lots due by `now`, one expiry time at a time so traces show when. */
  #expireDue(): void {
    const now = this.#env.now;
    const ledger = this.#ledger;
    while (ledger.nextExpiry <= now) {
      const at = ledger.nextExpiry;
      const lost = ledger.expireUntil(at);
      this.#per.expired[this.#cycle]! += lost;
      this.#trace?.record(at, "expire", lost, ledger.balance);
    }
  }

  /** End of horizon: settle expiries and waiting time, add the ledger to the tally. */
  #close(): void {
    const tally = this.#tally;
    const ledger = this.#ledger;
    const last = this.#cycle;
    const seats = this.#seats;
    this.#expireDue(); // the clock stands at the horizon
    for (let s = 0; s < this.#r.seats; s++) {
      if (seats.status[s] === OUT) {
        tally.perCycle.outOfCreditMicrodays[last]! += Math.round((this.#horizon - seats.waitStart[s]!) * MICRODAYS_PER_DAY);
      }
    }
    // The balance left at the horizon is held, not lost: it is the closing balance, never
    // counted as expired in the last cycle (credits lost and credits held are not mixed).
    tally.accounts += this.#r.seats;
    tally.closingBalance += ledger.balance;
    tally.ledger.granted += ledger.granted;
    tally.ledger.spent += ledger.spent;
    tally.ledger.refunded += ledger.refunded;
    tally.ledger.expired += ledger.expired;
    tally.ledger.forfeited += ledger.forfeited;
  }
}
