/**
 * Per-seat state of the unit being simulated: status, what the seat sent today, this
 * week and this cycle, its next recipient, its audience, and its enforcement state.
 */
import { DayCounters } from "./enforcement.ts";

/** Typed arrays indexed by seat, made once per unit and reset for the next. */
export class Seats {
  readonly status: Uint8Array;
  readonly waitStart: Float64Array;
  readonly today: Float64Array;
  readonly sentToday: Int32Array;
  readonly cycleContacts: Int32Array;
  readonly cycleSpent: Int32Array;
  readonly cycleFree: Int32Array;
  readonly week: Float64Array;
  readonly weekConnections: Int32Array;
  readonly recipients: Float64Array;
  /** Response multiplier of the seat's audience (heterogeneity); 1 without it. */
  readonly audience: Float64Array;
  // Enforcement.
  readonly floorState: Uint8Array; // 0 ok, 1 warned, 2 restricted
  readonly floorWarnedAt: Float64Array;
  readonly complaintState: Uint8Array; // 0 ok, 1 warned
  /** New InMails blocked until (complaint restriction, content lockout). */
  readonly blockedUntil: Float64Array;
  readonly violations: Int32Array;
  readonly counters: DayCounters[];

  constructor(n: number, horizonDays: number, counted: boolean) {
    this.status = new Uint8Array(n);
    this.waitStart = new Float64Array(n);
    this.today = new Float64Array(n).fill(-1);
    this.sentToday = new Int32Array(n);
    this.cycleContacts = new Int32Array(n);
    this.cycleSpent = new Int32Array(n);
    this.cycleFree = new Int32Array(n);
    this.week = new Float64Array(n).fill(-1);
    this.weekConnections = new Int32Array(n);
    this.recipients = new Float64Array(n);
    this.audience = new Float64Array(n).fill(1);
    this.floorState = new Uint8Array(n);
    this.floorWarnedAt = new Float64Array(n);
    this.complaintState = new Uint8Array(n);
    this.blockedUntil = new Float64Array(n);
    this.violations = new Int32Array(n);
    this.counters = counted ? Array.from({ length: n }, () => new DayCounters(horizonDays)) : [];
  }

  /** Back to the state of a new Seats of the same size (enforcement counters excepted). */
  reset(): void {
    for (const a of [this.status, this.sentToday, this.cycleContacts, this.cycleSpent, this.cycleFree]) a.fill(0);
    for (const a of [this.weekConnections, this.floorState, this.complaintState, this.violations]) a.fill(0);
    for (const a of [this.waitStart, this.recipients, this.floorWarnedAt, this.blockedUntil]) a.fill(0);
    this.today.fill(-1);
    this.week.fill(-1);
    this.audience.fill(1);
  }
}
