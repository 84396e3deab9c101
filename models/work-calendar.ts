/**
 * A sender's working calendar: which local weekdays and hours it sends in. Times are
 * simulation days since t = 0, which is midnight UTC of the scenario's start date;
 * `utcOffsetHours` shifts the sender's local clock. A WorkClock moves a time through
 * working hours.
 */

export interface WorkCalendar {
  /** Local weekdays worked, 0 = Sunday … 6 = Saturday. */
  readonly weekdays: readonly number[];
  /** Local hour the working day starts (0–24). */
  readonly startHour: number;
  /** Local hour the working day ends (after startHour, ≤ 24). */
  readonly endHour: number;
  /** Sender's offset from UTC in hours (e.g. −5 for New York in winter). */
  readonly utcOffsetHours: number;
}

/** A calendar compiled for fast queries. */
export interface CompiledCalendar {
  /** Bit d set when local weekday d is worked. */
  readonly weekdayMask: number;
  readonly startDay: number; // startHour / 24
  readonly endDay: number; // endHour / 24
  readonly offsetDays: number; // utcOffsetHours / 24
  /** Weekday (0 = Sunday) of local day 0 — the start date's weekday. */
  readonly weekdayOfDay0: number;
  /** Length of a working day in days. */
  readonly workDayLength: number;
}

/** Weekday (0 = Sunday) of an ISO date (YYYY-MM-DD), in UTC. */
export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

export function compileCalendar(c: WorkCalendar, startDate: string): CompiledCalendar {
  let mask = 0;
  for (const d of c.weekdays) mask |= 1 << d;
  return {
    weekdayMask: mask,
    startDay: c.startHour / 24,
    endDay: c.endHour / 24,
    offsetDays: c.utcOffsetHours / 24,
    weekdayOfDay0: weekdayOf(startDate),
    workDayLength: (c.endHour - c.startHour) / 24,
  };
}

/** Local weekday (0 = Sunday) at simulation time `t` for a sender `offsetDays` from UTC. */
export function localWeekday(t: number, offsetDays: number, weekdayOfDay0: number): number {
  const day = Math.floor(t + offsetDays);
  return (((day + weekdayOfDay0) % 7) + 7) % 7;
}

/** Local hour of day (0 ≤ h < 24) at simulation time `t`. */
export function localHour(t: number, offsetDays: number): number {
  const local = t + offsetDays;
  return (local - Math.floor(local)) * 24;
}

/**
 * The calendar arithmetic of a simulation's hot loop, on one compiled calendar. Times go
 * in and out through the field `t` (and a span of working time through `work`), not as
 * arguments or results: V8 boxes a float passed to or returned from a call it does not
 * inline, an allocation per call. Each method calls only methods that take no float, so
 * no inlining decision can make it allocate.
 */
export class WorkClock {
  /** The time a method starts from and, for the moving ones, ends at. */
  t = NaN;
  /** Working days of working time for `addWork`. */
  work = NaN;
  readonly cal: CompiledCalendar;

  constructor(cal: CompiledCalendar) {
    this.cal = cal;
  }

  /** t ← the earliest time ≥ t inside working hours (t itself when already inside). */
  toWorkingTime(): void {
    const cal = this.cal;
    const t = this.t;
    if (cal.weekdayMask === 0 || cal.workDayLength <= 0) {
      this.t = Infinity;
      return;
    }
    let local = t + cal.offsetDays;
    // Eight local days always reach a worked weekday when there is one.
    for (let i = 0; i < 8; i++) {
      const day = Math.floor(local);
      const frac = local - day;
      const wd = (((day + cal.weekdayOfDay0) % 7) + 7) % 7;
      if ((cal.weekdayMask >> wd) & 1) {
        if (frac < cal.startDay) {
          this.t = day + cal.startDay - cal.offsetDays;
          return;
        }
        // Inside hours: the first local day is the given time itself (exact, no rounding).
        if (frac < cal.endDay) {
          this.t = i === 0 ? t : local - cal.offsetDays;
          return;
        }
      }
      local = day + 1; // next local midnight
    }
    this.t = Infinity;
  }

  /** t ← the start of the next working day strictly after the local day containing t. */
  toNextWorkingDay(): void {
    const offset = this.cal.offsetDays;
    this.t = Math.floor(this.t + offset) + 1 - offset;
    this.toWorkingTime();
  }

  /**
   * t ← the time reached after `work` working days of working time from t (working
   * time flows only inside working hours; one working day = endHour − startHour hours).
   */
  addWork(): void {
    const cal = this.cal;
    this.toWorkingTime();
    let left = this.work * cal.workDayLength; // in real days of working time
    for (;;) {
      const now = this.t;
      if (now === Infinity) return;
      const local = now + cal.offsetDays;
      const endToday = Math.floor(local) + cal.endDay - cal.offsetDays;
      const room = endToday - now;
      // A hair of tolerance: a span that ends exactly at closing time stays on that day.
      if (left <= room + 1e-12) {
        this.t = now + Math.min(left, room);
        return;
      }
      left -= room;
      this.toNextWorkingDay();
    }
  }

  /** The local weekday (0 = Sunday) at t (as `localWeekday`). */
  weekday(): number {
    const day = Math.floor(this.t + this.cal.offsetDays);
    return (((day + this.cal.weekdayOfDay0) % 7) + 7) % 7;
  }

  /** Whether the local hour at t (as `localHour`) is before `from` or at or after `to`. */
  hourOutside(from: number, to: number): boolean {
    const local = this.t + this.cal.offsetDays;
    const h = (local - Math.floor(local)) * 24;
    return h < from || h >= to;
  }
}
