/**
 * When an account's credits are granted. Three schedules:
 * - `fixed`: every `cycleDays` days from the account's anchor (the canonical scenario);
 * - `billing-date`: monthly on the anchor's day of the month (clipped to short months),
 *   as Premium, Recruiter Lite and Recruiter do;
 * - `calendar-month`: on the 1st of each month, 00:00 UTC, whatever the subscription
 *   date, as Sales Navigator does (help 57013). Cycles are calendar months from the
 *   first 1st at or after the start date; the subscription anchor plays no part (a
 *   partial first month would only blur every per-cycle figure).
 * Times are simulation days since t = 0 = the start date at 00:00 UTC.
 */
import { DAY_MS } from "./iso-time.ts";

export type GrantSchedule = { readonly kind: "fixed"; readonly cycleDays: number } | { readonly kind: "billing-date" } | { readonly kind: "calendar-month" };

/**
 * The first `cycles + 1` grant times of an account whose subscription starts
 * `anchorDays` after the start date: cycle k runs from times[k] to times[k + 1], and
 * times[cycles] is the account's horizon.
 */
export function grantTimes(schedule: GrantSchedule, startDate: string, anchorDays: number, cycles: number): Float64Array {
  const times = new Float64Array(cycles + 1);
  if (schedule.kind === "fixed") {
    for (let k = 0; k <= cycles; k++) times[k] = anchorDays + k * schedule.cycleDays;
    return times;
  }
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  if (schedule.kind === "calendar-month") {
    const start = new Date(t0);
    const first = start.getUTCDate() === 1 ? 0 : 1;
    for (let k = 0; k <= cycles; k++) {
      times[k] = (Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + first + k, 1) - t0) / DAY_MS;
    }
    return times;
  }
  // Billing date: the anchor's day of the month (clipped), at the anchor's time of day.
  const anchor = new Date(t0 + anchorDays * DAY_MS);
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth();
  const day = anchor.getUTCDate();
  times[0] = anchorDays;
  for (let k = 1; k <= cycles; k++) {
    const lastDay = new Date(Date.UTC(y, m + k + 1, 0)).getUTCDate();
    const at = Date.UTC(y, m + k, Math.min(day, lastDay)) + (anchor.getTime() % DAY_MS);
    times[k] = (at - t0) / DAY_MS;
  }
  return times;
}
