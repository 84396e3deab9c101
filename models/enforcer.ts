/**
 * The enforcement rules applied to a unit's seats: the response-rate floor's and the
 * complaint rule's periodic checks and timers (ENFORCE events), and the content
 * filter's escalating lockouts. The verdicts themselves are models/enforcement.ts's;
 * here are the seat states they move and what the tally counts of them.
 */
import { complaintVerdict, floorVerdict, lockoutDays } from "./enforcement.ts";
import { MICRODAYS_PER_DAY } from "./tally.ts";
import type { Unit } from "./unit.ts";
import { COMPLAINT_CHECK, COMPLAINT_RECHECK, ENFORCE, FLOOR_CHECK, FLOOR_RECHECK, FLOOR_RESTORE } from "./unit-codes.ts";

export class Enforcer {
  readonly #unit: Unit;
  /** Sends, responses and spam reports of a seat over a window (DayCounters.window). */
  readonly #window = new Float64Array(3);

  constructor(unit: Unit) {
    this.#unit = unit;
  }

  /** Schedules every seat's first periodic checks, one period after the first grant. */
  start(firstGrant: number): void {
    const u = this.#unit;
    const e = u.r.enforcement;
    const n = u.r.seats;
    if (e.responseRateFloor) {
      const period = e.responseRateFloor.periodDays;
      for (let s = 0; s < n; s++) u.at(firstGrant + period, ENFORCE, s * 8 + FLOOR_CHECK);
    }
    if (e.complaints) {
      const every = e.complaints.checkEveryDays;
      for (let s = 0; s < n; s++) u.at(firstGrant + every, ENFORCE, s * 8 + COMPLAINT_CHECK);
    }
  }

  /** A content-filter flag: a warning the first time, then escalating lockouts. */
  flagged(s: number): void {
    const u = this.#unit;
    const now = u.env.now;
    const seats = u.seats;
    const v = (seats.violations[s]! += 1);
    const days = lockoutDays(v, u.r.enforcement.content!);
    if (days === 0) {
      u.per.warnings[u.cycle]! += 1;
      u.trace?.record(now, "warning", 0, u.ledger.balance, s);
      return;
    }
    const until = now + days;
    if (until > seats.blockedUntil[s]!) seats.blockedUntil[s] = until;
    u.per.restrictions[u.cycle]! += 1;
    u.per.restrictedMicrodays[u.cycle]! += Math.round(days * MICRODAYS_PER_DAY);
    u.trace?.record(now, "lockout", days, u.ledger.balance, s);
  }

  /** An ENFORCE event: check `check` (FLOOR_CHECK, …) of seat `s` falls due. */
  check(s: number, check: number): void {
    if (check === FLOOR_CHECK || check === FLOOR_RECHECK || check === FLOOR_RESTORE) this.#floor(s, check);
    else this.#complaints(s, check);
  }

  #floor(s: number, check: number): void {
    const u = this.#unit;
    const now = u.env.now;
    const seats = u.seats;
    const per = u.per;
    const c = u.cycle;
    const w = this.#window;
    const balance = u.ledger.balance;
    const rule = u.r.enforcement.responseRateFloor!;
    if (check === FLOOR_CHECK) {
      u.at(now + rule.periodDays, ENFORCE, s * 8 + FLOOR_CHECK);
      if (seats.floorState[s] !== 0) return; // warned or restricted: no new assessment
      seats.counters[s]!.window(now - rule.periodDays, now, w);
      if (floorVerdict(w[0]!, w[1]!, rule) === "fail") {
        seats.floorState[s] = 1;
        seats.floorWarnedAt[s] = now;
        per.warnings[c]! += 1;
        u.trace?.record(now, "warning", 0, balance, s);
        u.at(now + rule.warningDays + rule.graceDays, ENFORCE, s * 8 + FLOOR_RECHECK);
      }
    } else if (check === FLOOR_RECHECK) {
      // The InMails sent during the warning, with the answers that came in by now.
      const from = seats.floorWarnedAt[s]!;
      seats.counters[s]!.window(from, from + rule.warningDays, w);
      if (floorVerdict(w[0]!, w[1]!, rule) === "fail") {
        seats.floorState[s] = 2;
        per.restrictions[c]! += 1;
        per.restrictedMicrodays[c]! += Math.round(rule.restrictionDays * MICRODAYS_PER_DAY);
        u.trace?.record(now, "restriction", 0, balance, s);
        u.at(now + rule.restrictionDays, ENFORCE, s * 8 + FLOOR_RESTORE);
      } else {
        seats.floorState[s] = 0;
        u.trace?.record(now, "recovered", 0, balance, s);
      }
    } else {
      seats.floorState[s] = 0;
      u.trace?.record(now, "recovered", 0, balance, s);
    }
  }

  #complaints(s: number, check: number): void {
    const u = this.#unit;
    const now = u.env.now;
    const seats = u.seats;
    const per = u.per;
    const c = u.cycle;
    const w = this.#window;
    const balance = u.ledger.balance;
    const rule = u.r.enforcement.complaints!;
    if (check === COMPLAINT_CHECK) {
      u.at(now + rule.checkEveryDays, ENFORCE, s * 8 + COMPLAINT_CHECK);
      if (seats.complaintState[s] !== 0 || now < seats.blockedUntil[s]!) return;
      seats.counters[s]!.window(now - rule.windowDays, now, w);
      if (complaintVerdict(w[0]!, w[2]!, rule) === "fail") {
        seats.complaintState[s] = 1;
        per.warnings[c]! += 1;
        u.trace?.record(now, "warning", 0, balance, s);
        u.at(now + rule.warningDays, ENFORCE, s * 8 + COMPLAINT_RECHECK);
      }
    } else {
      seats.complaintState[s] = 0;
      seats.counters[s]!.window(now - rule.windowDays, now, w);
      if (complaintVerdict(w[0]!, w[2]!, rule) === "fail") {
        const until = now + rule.restrictionDays;
        if (until > seats.blockedUntil[s]!) seats.blockedUntil[s] = until;
        per.restrictions[c]! += 1;
        per.restrictedMicrodays[c]! += Math.round(rule.restrictionDays * MICRODAYS_PER_DAY);
        u.trace?.record(now, "restriction", 0, balance, s);
      } else u.trace?.record(now, "recovered", 0, balance, s);
    }
  }
}
