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
 * Common random numbers: each seat's recipients are contacted in order, and each decision
 * about a contact has its own named stream ("channel", "blocked", "open-profile",
 * "response-delay", "response-outcome", "content-flag"), drawn once for every contact
 * the decision is made for — the channel for every contact (with a mix), blocked and
 * Open Profile for a contact by InMail, delay and outcome for every contact not
 * blocked — so no draw decides two things, and the k-th recipient responds the same
 * way under any plan or policy that contacts the same recipients the same way. With
 * follow-ups, every recipient also consumes one draw from each follow-up's own streams
 * (models/follow-up-sequences.ts) when contacted, sent or not, so runs with 0, 1 and 2
 * follow-ups answer the same way on the same recipients and the streams without
 * follow-ups draw exactly as before.
 */
import type { Environment, EventHandler } from "../sim/environment.ts";
import type { AccountModel, TraceSink } from "./account-model.ts";
import { betaDraw } from "./beta-draw.ts";
import { channels } from "./channel.ts";
import { Enforcer } from "./enforcer.ts";
import { FollowUpSequences } from "./follow-up-sequences.ts";
import { grantTimes } from "./grant-schedule.ts";
import { CreditLedger } from "./ledger.ts";
import { outcomes } from "./outcome.ts";
import { resolve } from "./resolved-model.ts";
import { Seats } from "./seats.ts";
import { MICRODAYS_PER_DAY, type Tally } from "./tally.ts";
import { Unit } from "./unit.ts";
import {
  ACCEPTED,
  CONNECTION,
  CYCLE_START,
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
  FOLLOW_UP,
  FREE_INMAIL,
  IGNORED,
  INMAIL,
  OUT,
  REPLIED,
  RESPONSE,
  SEAT_STREAMS,
  SEND,
} from "./unit-codes.ts";

export { defaultSender, defaultStartDate, type AccountModel, type ConnectionSpec, type OpenProfileSpec, type SenderSpec, type TraceKind, type TraceSink } from "./account-model.ts";

/** Simulates units of one account model, one after another, adding what happens to a tally. */
export class AccountSimulation implements EventHandler {
  /** The unit being simulated: its state and what every part of its simulation does to it. */
  readonly #unit: Unit;
  /** Follow-up sequences (null when the model sends none) and enforcement rules. */
  readonly #followUps: FollowUpSequences | null;
  readonly #enforcer: Enforcer;
  /** Grant times of the unit being simulated (cycle k at [k], the horizon at [cycles]). */
  #grants: Float64Array = new Float64Array(1);
  /**
   * Whether the model's sends use none of the features a send may check — a daily cap,
   * a work calendar, timing effects, blocking, Open Profile, connection requests,
   * follow-ups, enforcement — so that an untraced unit runs on `#plain`, whose sends
   * skip every such check (`#sendPlain`), chosen once per unit rather than per event.
   */
  readonly #plainSends: boolean;
  /** The handler of a unit with plain sends (see `#plainSends`); `this` handles the others. */
  readonly #plain: EventHandler = {
    handle: (kind: number, a: number, b: number, c: number): void => {
      if (kind === SEND) this.#sendPlain(a);
      else if (kind === RESPONSE) {
        // As in `handle`: the floats go on by fields, never as arguments of a further call.
        const u = this.#unit;
        u.spentExpiry = b;
        u.sentAt = c;
        this.#respond(a);
      } else if (kind === CYCLE_START) this.#startCycle(a);
      else this.handle(kind, a, b, c); // no other kind occurs with plain sends
    },
  };

  constructor(env: Environment, model: AccountModel, tally: Tally) {
    const r = resolve(model);
    this.#unit = new Unit(env, r, tally);
    this.#followUps = r.followUps ? new FollowUpSequences(this.#unit, r.followUps.count) : null;
    this.#enforcer = new Enforcer(this.#unit);
    const e = r.enforcement;
    this.#plainSends =
      r.sender.maxSendsPerDay === Infinity &&
      !r.clock &&
      !r.timed &&
      r.m.blockedShare === 0 &&
      !r.openProfile &&
      !r.connections &&
      !r.followUps &&
      !r.counted &&
      !e.responseRateFloor &&
      !e.complaints &&
      !e.content;
  }

  /** Simulates unit `index` of this replication from its first grant to its horizon. */
  simulate(index: number, trace?: TraceSink): CreditLedger {
    const u = this.#unit;
    const env = u.env;
    const r = u.r;
    const m = r.m;
    env.reset();
    // A seat has one send pending at a time: the first seat's waits beside the heap.
    env.calendar.slotKind = SEND;
    u.ledger = new CreditLedger();
    u.cycle = -1;
    u.trace = trace;
    const anchor = r.anchorSpreadDays > 0 ? env.stream(index, "anchor")() * r.anchorSpreadDays : 0;
    this.#grants = grantTimes(r.schedule, r.startDate, anchor, m.cycles);
    u.horizon = this.#grants[m.cycles]!;
    const n = r.seats;
    // Seats are reused from unit to unit, except with day counters (they span the
    // unit's own horizon).
    let seats = u.seats as Seats | undefined;
    if (seats !== undefined && seats.status.length === n && !r.counted) seats.reset();
    else seats = new Seats(n, u.horizon, r.counted);
    u.seats = seats;
    const streams = u.streams;
    const followUps = this.#followUps;
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
      followUps?.seed(s, entity);
      if (r.heterogeneity > 0 && r.responseBase > 0 && r.responseBase < 1) {
        // The seat's audience responds at q ~ Beta(mean = base rate, concentration κ).
        const k = r.heterogeneity;
        const q = betaDraw(env.stream(entity, "audience"), r.responseBase * k, (1 - r.responseBase) * k);
        seats.audience[s] = q / r.responseBase;
      }
    }
    followUps?.clear();
    env.scheduleAt(this.#grants[0]!, CYCLE_START, 0);
    this.#enforcer.start(this.#grants[0]!);
    env.run(u.horizon, this.#plainSends && !trace ? this.#plain : this);
    this.#close();
    return u.ledger;
  }

  handle(kind: number, a: number, b: number, c: number): void {
    if (kind === SEND) this.#send(a);
    else if (kind === RESPONSE) {
      // Floats go by fields (not arguments, which V8 boxes when it does not inline).
      const u = this.#unit;
      u.spentExpiry = b;
      u.sentAt = c;
      this.#respond(a);
    } else if (kind === CYCLE_START) this.#startCycle(a);
    else if (kind === ENFORCE) this.#enforcer.check(a >> 3, a & 7);
    else if (kind === FOLLOW_UP) this.#followUps!.due(a);
    else {
      const u = this.#unit;
      u.spentExpiry = b;
      u.sentAt = c;
      this.#followUps!.respond(a);
    }
  }

  /** A CYCLE_START event: credits lost at the boundary, the grant, and the seats restarted. */
  #startCycle(k: number): void {
    const u = this.#unit;
    const now = u.env.now;
    const ledger = u.ledger;
    const rules = u.r.m.rules;
    const per = u.per;
    const seats = u.seats;
    const n = u.r.seats;
    if (k > 0) {
      // Credits lost at the boundary count in the cycle that ends.
      const c = u.cycle;
      u.expireDue();
      if (rules.resetEachCycle) {
        const lost = ledger.lapseAll();
        per.expired[c]! += lost;
        if (u.trace && lost > 0) u.trace.record(now, "expire", lost, 0);
      }
      // Seats out of credits stop waiting here (they resume below).
      for (let s = 0; s < n; s++) {
        if (seats.status[s] === OUT) {
          per.outOfCreditMicrodays[c]! += Math.round((now - seats.waitStart[s]!) * MICRODAYS_PER_DAY);
        }
      }
      const forfeited = ledger.grant(rules.creditsPerCycle, now + rules.creditLifetimeDays, rules.capCredits);
      per.forfeited[c]! += forfeited;
      if (u.trace) {
        // The grant, then the forfeit it caused, each with the balance after it.
        u.trace.record(now, "grant", rules.creditsPerCycle, ledger.balance + forfeited);
        if (forfeited > 0) u.trace.record(now, "forfeit", forfeited, ledger.balance);
      }
    } else {
      ledger.grant(rules.creditsPerCycle, now + rules.creditLifetimeDays, rules.capCredits);
      u.trace?.record(now, "grant", rules.creditsPerCycle, ledger.balance);
    }
    u.cycle = k;
    per.granted[k]! += rules.creditsPerCycle;
    if (k + 1 < u.r.m.cycles) u.at(this.#grants[k + 1]!, CYCLE_START, k + 1);
    for (let s = 0; s < n; s++) {
      seats.cycleContacts[s] = 0;
      seats.cycleSpent[s] = 0;
      seats.cycleFree[s] = 0;
      const st = seats.status[s];
      if (st === DONE || st === OUT) u.resume(s);
    }
  }
  /**
   * A SEND event: seat `s` contacts its next recipient, if its limits and channels allow
   * one now. The common path (no limit reached, InMail open and paid for) stays here;
   * what is rarely taken (a limit, connection requests, a wait, enforcement's counters)
   * is in the methods below, so that the hot loop pays for no call it does not make.
   */
  #send(s: number): void {
    const u = this.#unit;
    const env = u.env;
    const now = env.now;
    const r = u.r;
    const seats = u.seats;
    const per = u.per;
    const c = u.cycle;
    const sender = r.sender;

    if (seats.cycleContacts[s]! >= sender.demandPerCycle || seats.recipients[s]! >= sender.poolSize) {
      this.#stop(s);
      return;
    }
    if ((sender.maxSendsPerDay !== Infinity || seats.floorState[s] === 2) && this.#dayCapReached(s)) return;
    // Due lots are expired first, whichever channel is drawn: a connection request can
    // still turn into an InMail at the weekly cap.
    u.expireDue();
    let channel = INMAIL;
    if (r.connections) {
      channel = this.#channelWithConnections(s);
      if (channel < 0) return;
    } else if (now < seats.blockedUntil[s]! || !u.canPay(s)) {
      this.#waitForInmail(s);
      return;
    }

    // Contact the next recipient.
    const recipient = seats.recipients[s]!;
    seats.recipients[s] = recipient + 1;
    seats.cycleContacts[s]! += 1;
    seats.sentToday[s]! += 1;
    const streams = u.streams;
    const first = s * SEAT_STREAMS;
    if (r.followUps) this.#followUps!.draw(s);
    // Draws go through the bank's field `value` (see StreamBank.draw).
    let blocked = false;
    if (channel === INMAIL && r.m.blockedShare > 0) {
      streams.draw(first + DRAW_BLOCKED);
      blocked = streams.value < r.m.blockedShare;
    }
    if (blocked) {
      // G8: the recipient blocks InMail; nothing is spent and the sender moves on.
      per.blocked[c]! += 1;
      u.trace?.record(now, "blocked", 0, u.ledger.balance, s);
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
      const x = streams.value;
      const conn = r.connections!;
      const accept = conn.acceptRate;
      outcome = x < accept * conn.replyRate ? REPLIED : x < accept ? ACCEPTED : IGNORED;
    } else {
      outcome = u.inmailOutcome(s);
    }

    let spentExpiry = NaN;
    if (channel === INMAIL) {
      // Due lots are expired above, so the credit spent is the first lot's.
      spentExpiry = u.ledger.nextExpiry;
      u.ledger.spendFirst();
      seats.cycleSpent[s]! += 1;
      per.sends[c]! += 1;
      u.trace?.record(now, "spend", 1, u.ledger.balance, s);
    } else if (channel === FREE_INMAIL) {
      seats.cycleFree[s]! += 1;
      per.sends[c]! += 1;
      per.freeSends[c]! += 1;
      u.trace?.record(now, "free-inmail", 0, u.ledger.balance, s);
    } else {
      seats.weekConnections[s]! += 1;
      per.connectionRequests[c]! += 1;
      u.trace?.record(now, "connection", 0, u.ledger.balance, s);
    }
    if (channel !== CONNECTION && (r.counted || r.enforcement.content)) this.#watchInmail(s);

    const at = now + delay;
    if (u.trace?.send) {
      const name = channels[channel]!;
      u.trace.send(now, recipient, outcomes[outcome]!, outcome === IGNORED ? NaN : at, s, name);
    }
    let sequence = false;
    if (r.followUps && channel !== CONNECTION) {
      this.#followUps!.answerAt = outcome === IGNORED ? Infinity : at;
      u.spentExpiry = spentExpiry;
      sequence = this.#followUps!.start(s, channel, outcome);
    }
    if (!sequence && outcome !== IGNORED && at < u.horizon) {
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

  /** Seat `s` has met its demand for the cycle (it waits for the next) or used up its audience (for good). */
  #stop(s: number): void {
    const u = this.#unit;
    const seats = u.seats;
    if (seats.cycleContacts[s]! >= u.r.sender.demandPerCycle) {
      seats.status[s] = DONE;
      return;
    }
    seats.status[s] = EXHAUSTED;
    u.per.poolExhausted[u.cycle]! += 1;
    u.trace?.record(u.env.now, "exhausted", 0, u.ledger.balance, s);
  }

  /**
   * `#send` for a unit with plain sends (see `#plainSends`): what `#send` does when
   * every feature it checks is off, in the same order and with the same draws.
   */
  #sendPlain(s: number): void {
    const u = this.#unit;
    const env = u.env;
    const now = env.now;
    const r = u.r;
    const seats = u.seats;
    const sender = r.sender;
    if (seats.cycleContacts[s]! >= sender.demandPerCycle) {
      seats.status[s] = DONE;
      return;
    }
    if (seats.recipients[s]! >= sender.poolSize) {
      seats.status[s] = EXHAUSTED;
      u.per.poolExhausted[u.cycle]! += 1;
      return;
    }
    u.expireDue();
    if (!u.canPay(s)) {
      u.goOut(s);
      return;
    }
    seats.recipients[s]! += 1;
    seats.cycleContacts[s]! += 1;
    seats.sentToday[s]! += 1;
    const streams = u.streams;
    let delay = 0;
    if (r.delay) {
      streams.draw(s * SEAT_STREAMS + DRAW_DELAY);
      delay = streams.value;
    }
    const outcome = u.inmailOutcome(s);
    const spentExpiry = u.ledger.nextExpiry;
    u.spentExpiry = spentExpiry;
    u.ledger.spendFirst();
    seats.cycleSpent[s]! += 1;
    u.per.sends[u.cycle]! += 1;
    const at = now + delay;
    if (outcome !== IGNORED && at < u.horizon) {
      const rules = r.m.rules;
      const refunds = rules.refundOn[outcome]! && delay <= rules.refundWindowDays ? 1 : 0;
      env.postAt = at;
      env.postB = spentExpiry;
      env.postC = now;
      env.post(RESPONSE, ((s * 4 + INMAIL) * 8 + outcome) * 2 + refunds);
    }
    this.#next(s);
  }

  /**
   * Whether seat `s` has sent all it may today (a restricted Recruiter seat may still
   * send a few one-to-one); if so its send moves to the next working day.
   */
  #dayCapReached(s: number): boolean {
    const u = this.#unit;
    const now = u.env.now;
    const r = u.r;
    const seats = u.seats;
    let dayCap = r.sender.maxSendsPerDay;
    if (seats.floorState[s] === 2) dayCap = Math.min(dayCap, r.enforcement.responseRateFloor!.restrictedSendsPerDay);
    if (dayCap === Infinity) return false;
    const day = r.calendar ? Math.floor(now + r.calendar.offsetDays) : Math.floor(now);
    if (day !== seats.today[s]) {
      seats.today[s] = day;
      seats.sentToday[s] = 0;
    }
    if (seats.sentToday[s]! < dayCap) return false;
    let next = day + 1;
    if (r.clock) {
      r.clock.t = now;
      r.clock.toNextWorkingDay();
      next = r.clock.t;
    }
    u.at(next, SEND, s);
    return true;
  }

  /** InMail is the only channel and is closed to seat `s` now: it waits for its lockout to end, or for credits. */
  #waitForInmail(s: number): void {
    const u = this.#unit;
    const blockedUntil = u.seats.blockedUntil[s]!;
    if (u.env.now < blockedUntil) u.at(blockedUntil, SEND, s);
    else u.goOut(s);
  }

  /**
   * With connection requests: the channel seat `s`'s contact goes by (INMAIL or
   * CONNECTION; Open Profile is known only once the recipient is drawn), or −1 when
   * none is open now and the seat waits (for credits, its lockout's end, or next
   * week's invitations). Due lots have been expired.
   */
  #channelWithConnections(s: number): number {
    const u = this.#unit;
    const now = u.env.now;
    const seats = u.seats;
    const conn = u.r.connections!;
    let channel = INMAIL;
    if (conn.use === "only") channel = CONNECTION;
    else if (conn.use === "mix") {
      u.streams.draw(s * SEAT_STREAMS + DRAW_CHANNEL);
      if (u.streams.value < conn.mixShare) channel = CONNECTION;
    }
    // Fallback (or mix) when InMail is unavailable.
    if (channel === INMAIL && (now < seats.blockedUntil[s]! || !u.canPay(s))) channel = CONNECTION;
    if (channel === CONNECTION) {
      const week = Math.floor(now / 7);
      if (week !== seats.week[s]) {
        seats.week[s] = week;
        seats.weekConnections[s] = 0;
      }
      if (seats.weekConnections[s]! >= conn.weeklyCap) {
        // Invitations used up this week: wait for next week (or a credit for InMail).
        if (conn.use !== "only" && u.canPay(s) && now >= seats.blockedUntil[s]!) channel = INMAIL;
        else {
          u.at((week + 1) * 7, SEND, s);
          return -1;
        }
      }
    }
    return channel;
  }

  /** An InMail of seat `s` went out: counted by day for the enforcement rules, and maybe flagged by the content filter. */
  #watchInmail(s: number): void {
    const u = this.#unit;
    const r = u.r;
    if (r.counted) u.seats.counters[s]!.sends[Math.floor(u.env.now)]! += 1;
    const content = r.enforcement.content;
    if (content && content.flagProbability > 0) {
      u.streams.draw(s * SEAT_STREAMS + DRAW_FLAG);
      if (u.streams.value < content.flagProbability) this.#enforcer.flagged(s);
    }
  }

  /** After a contact: plan the next one, or stop for the cycle, or wait for credits. */
  #next(s: number): void {
    const u = this.#unit;
    const seats = u.seats;
    if (seats.cycleContacts[s]! >= u.r.sender.demandPerCycle) {
      seats.status[s] = DONE;
      return;
    }
    const conn = u.r.connections;
    if (!conn) {
      // Without another channel, a seat that cannot pay waits (checked now, so the
      // wait starts when the balance reaches zero, not at the next attempt).
      if (!u.canPay(s)) {
        u.goOut(s);
        return;
      }
    }
    u.resume(s);
  }
  /** A RESPONSE event: an answer to a message outside any sequence; refunds when the payload says so. */
  #respond(a: number): void {
    const u = this.#unit;
    const refunds = a & 1;
    const outcome = (a >> 1) & 7;
    const channel = (a >> 4) & 3;
    const s = a >> 6;
    u.count(s, channel, outcome, false);
    if (refunds === 1) u.creditBack(s);
  }
  /** End of horizon: settle expiries and waiting time, add the ledger to the tally. */
  #close(): void {
    const u = this.#unit;
    const tally = u.tally;
    const ledger = u.ledger;
    const last = u.cycle;
    const seats = u.seats;
    u.expireDue(); // the clock stands at the horizon
    for (let s = 0; s < u.r.seats; s++) {
      if (seats.status[s] === OUT) {
        tally.perCycle.outOfCreditMicrodays[last]! += Math.round((u.horizon - seats.waitStart[s]!) * MICRODAYS_PER_DAY);
      }
    }
    // The balance left at the horizon is held, not lost: it is the closing balance, never
    // counted as expired in the last cycle (credits lost and credits held are not mixed).
    tally.accounts += u.r.seats;
    tally.closingBalance += ledger.balance;
    tally.ledger.granted += ledger.granted;
    tally.ledger.spent += ledger.spent;
    tally.ledger.refunded += ledger.refunded;
    tally.ledger.expired += ledger.expired;
    tally.ledger.forfeited += ledger.forfeited;
  }
}
