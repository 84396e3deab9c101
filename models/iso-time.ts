/**
 * ISO 8601 timestamps of send logs, as epoch milliseconds. A date-time must carry its
 * time zone (`Z` or `±hh:mm`): a zone-less time is local to some unknown machine, so it
 * is refused rather than guessed. A bare date (`2026-01-05`) means its UTC midnight.
 * Fractions of a second finer than a millisecond are kept as fractional milliseconds.
 */

/** Milliseconds per day: the project's time unit is the day. */
export const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?))?$/;

/** What `parseIsoMs` accepts, for error messages. */
export const ISO_EXPECTED = "an ISO 8601 date-time with a time zone, e.g. 2026-01-05T09:30:00Z";

/** Epoch milliseconds of an ISO 8601 timestamp, or NaN when it is not one (or not a real date). */
export function parseIsoMs(text: string): number {
  const m = ISO.exec(text);
  if (m === null) return NaN;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hasTime = m[4] !== undefined;
  if (hasTime && m[8] === undefined) return NaN; // a time without a zone is ambiguous
  const hour = hasTime ? +m[4]! : 0;
  const minute = hasTime ? +m[5]! : 0;
  const second = m[6] !== undefined ? +m[6] : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  const midnight = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over into March: a real date maps back to its own day.
  if (new Date(midnight).getUTCDate() !== day) return NaN;
  const fraction = m[7] !== undefined ? Number(`0.${m[7]}`) * 1000 : 0;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== "Z" && zone !== "z") {
    const digits = zone.slice(1).replace(":", "");
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2) : 0;
    if (oh > 23 || om > 59) return NaN;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  return midnight + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + fraction;
}

/** ISO 8601 UTC text of epoch milliseconds (millisecond precision). */
export function formatIso(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/** The UTC calendar date (YYYY-MM-DD) of epoch milliseconds. */
export function formatDate(ms: number): string {
  return formatIso(ms).slice(0, 10);
}

/** Epoch milliseconds of the UTC midnight at or before `ms`. */
export function utcMidnightMs(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
