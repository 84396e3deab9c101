/**
 * When an account's credits are granted. Three schedules:
 * - `fixed`: every `cycleDays` days from the account's anchor (the canonical scenario);
 * - `billing-date`: monthly on the anchor's day of the month (clipped to short months),
 *   as Premium, Recruiter Lite and Recruiter do;
 * - `calendar-month`: at subscription start, then on the 1st of each month, 00:00 UTC,
 *   as Sales Navigator does (help 57013).
 * Times are simulation days since t = 0 = the start date at 00:00 UTC.
 */

export type GrantSchedule =
  | { readonly kind: "fixed"; readonly cycleDays: number }
  | { readonly kind: "billing-date" }
  | { readonly kind: "calendar-month" };

const DAY_MS = 86_400_000;

/**
 * The first `cycles + 1` grant times of an account whose subscription starts
 * `anchorDays` after the start date: cycle k runs from times[k] to times[k + 1], and
 * times[cycles] is the account's horizon.
 */
export function grantTimes(
  schedule: GrantSchedule,
  startDate: string,
  anchorDays: number,
  cycles: number,
): Float64Array {
  const times = new Float64Array(cycles + 1);
  if (schedule.kind === "fixed") {
    for (let k = 0; k <= cycles; k++) times[k] = anchorDays + k * schedule.cycleDays;
    return times;
  }
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  const anchor = new Date(t0 + anchorDays * DAY_MS);
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth();
  times[0] = anchorDays;
  for (let k = 1; k <= cycles; k++) {
    let at: number;
    if (schedule.kind === "calendar-month") {
      at = Date.UTC(y, m + k, 1);
    } else {
      const day = anchor.getUTCDate();
      const lastDay = new Date(Date.UTC(y, m + k + 1, 0)).getUTCDate();
      at = Date.UTC(y, m + k, Math.min(day, lastDay)) + (anchor.getTime() % DAY_MS);
    }
    times[k] = (at - t0) / DAY_MS;
  }
  return times;
}
