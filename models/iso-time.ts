/**
 * ISO 8601 timestamps of send logs, as epoch milliseconds. A date-time carries its time
 * zone (`Z` or `±hh:mm`), or is naive (`2026-01-05 09:30`) and read in an IANA time zone
 * the user names (`--timezone Europe/Paris`, converted through `Intl`); a naive time
 * without a zone is refused rather than guessed. A bare date (`2026-01-05`) means its
 * midnight: UTC, or in the named zone. Years are read as written (four digits; 0001 is
 * the year 1, not 1901), and only instants from 2003-01-01 (LinkedIn did not exist
 * before) up to 2100-01-01 are plausible in a log. Fractions of a second finer than a
 * millisecond are kept as fractional milliseconds.
 */

/** Milliseconds per day: the project's time unit is the day (declared in sim/time-unit.ts). */
import { DAY_MS } from "../sim/time-unit.ts";
export { DAY_MS };

/** Earliest plausible instant of a log or a log option: LinkedIn launched in 2003. */
export const EARLIEST_MS = Date.UTC(2003, 0, 1);
/** Instants from here on are refused as implausible (a typo, or a sentinel like 9999-12-31). */
export const LATEST_MS = Date.UTC(2100, 0, 1);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** What `parseIsoMs` accepts, for error messages. */
export const ISO_EXPECTED = "an ISO 8601 date-time with a time zone, e.g. 2026-01-05T09:30:00Z";

/**
 * A named IANA time zone, for reading naive wall-clock times. Offsets are looked up
 * through `Intl.DateTimeFormat` and cached per quarter hour of the instant, so a long
 * log costs a few lookups a day, not one a row.
 */
export class WallClockZone {
  readonly name: string;
  readonly #format: Intl.DateTimeFormat;
  readonly #offsets = new Map<number, number>();

  /** Throws RangeError when `name` is not a time zone `Intl` knows. */
  constructor(name: string) {
    this.#format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    this.name = this.#format.resolvedOptions().timeZone;
  }

  /** Offset of the zone from UTC at instant `ms`, in ms (local = UTC + offset). */
  offsetMs(ms: number): number {
    const key = Math.floor(ms / 900_000);
    const cached = this.#offsets.get(key);
    if (cached !== undefined) return cached;
    const at = key * 900_000;
    const p: Record<string, number> = {};
    for (const part of this.#format.formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
    const offset = utcMs(p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!) - at;
    this.#offsets.set(key, offset);
    return offset;
  }

  /**
   * The instant of a wall-clock time (given as if it were UTC, `wallMs`). A time the
   * clocks skip (spring forward) is read with the offset before the change; a time they
   * repeat (fall back), as its first occurrence.
   */
  instantMs(wallMs: number): number {
    // The offsets half a day before and after: any change near this time lies between them.
    const before = this.offsetMs(wallMs - DAY_MS / 2);
    const after = this.offsetMs(wallMs + DAY_MS / 2);
    const early = wallMs - before;
    const late = wallMs - after;
    const earlyValid = this.offsetMs(early) === before;
    const lateValid = this.offsetMs(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (lateValid) return late;
    return early;
  }
}

/** Epoch ms of a UTC calendar time, the year as written (Date.UTC reads 0–99 as 1900–1999). */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/**
 * Epoch milliseconds of an ISO 8601 timestamp, or NaN when it is not one (or not a real
 * date, or a naive date-time with no `zone` to read it in). The plausible range is not
 * checked here (see `timeProblem`).
 */
export function parseIsoMs(text: string, zone?: WallClockZone): number {
  const m = ISO.exec(text);
  if (m === null) return NaN;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const hasTime = m[4] !== undefined;
  const zoneText = m[8];
  if (hasTime && zoneText === undefined && zone === undefined) return NaN;
  const hour = hasTime ? +m[4]! : 0;
  const minute = hasTime ? +m[5]! : 0;
  const second = m[6] !== undefined ? +m[6] : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  const midnight = utcMs(year, month, day);
  // 2026-02-30 rolls over into March: a real date maps back to its own day.
  if (new Date(midnight).getUTCDate() !== day) return NaN;
  const fraction = m[7] !== undefined ? Number(`0.${m[7]}`) * 1000 : 0;
  const wall = midnight + ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
  if (zoneText === undefined) return zone === undefined ? wall : zone.instantMs(wall);
  if (zoneText === "Z" || zoneText === "z") return wall;
  const digits = zoneText.slice(1).replace(":", "");
  const oh = +digits.slice(0, 2);
  const om = digits.length > 2 ? +digits.slice(2) : 0;
  if (oh > 23 || om > 59) return NaN;
  return wall - (zoneText[0] === "-" ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/**
 * Why `text` is not a usable timestamp (after `parseIsoMs` gave `ms`), or undefined
 * when it is one: not ISO 8601, a naive time without a zone, or outside 2003–2100.
 * `zoneHint` is how the user names a zone (e.g. "--timezone Area/City").
 */
export function timeProblem(text: string, ms: number, zoneHint = "--timezone Area/City"): string | undefined {
  if (Number.isNaN(ms)) {
    const m = ISO.exec(text);
    if (m !== null && m[4] !== undefined && m[8] === undefined) {
      return `has no time zone; write it with one (2026-01-05T09:30:00Z, 2026-01-05T09:30:00+01:00) or name the zone it is in with ${zoneHint} (e.g. Europe/Paris)`;
    }
    if (m !== null) return `is not a real date or time; expected ${ISO_EXPECTED}`;
    return `expected ${ISO_EXPECTED}${text.length > 10 && /\d/.test(text) ? ` (or a naive time such as 2026-01-05 09:30 with ${zoneHint})` : ""}`;
  }
  if (ms < EARLIEST_MS) return `is before 2003-01-01 (LinkedIn did not exist); expected a time from 2003-01-01 to 2100-01-01`;
  if (ms >= LATEST_MS) return `is after 2100-01-01; expected a time from 2003-01-01 to 2100-01-01`;
  return undefined;
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
