/**
 * Dates and times as spreadsheets export them, as epoch milliseconds. A log's timestamp
 * is one of:
 * - ISO 8601 (`2026-01-05T09:30:00Z`, `2026-01-05 09:30` naive, `2026-01-05`), as
 *   models/iso-time.ts reads it;
 * - a day-month date `01/05/2026`, `05.01.2026`, `1-5-2026` with an optional time
 *   `16:30`, `16:30:05`, `4:30 PM` (12-hour, AM/PM in any case, dotted or not);
 *   the order of day and month is `--date-format` (MM/DD/YYYY or DD/MM/YYYY, DD.MM.YYYY
 *   is DD/MM/YYYY), else the file's: a value whose first number is above 12 shows the
 *   day comes first, one whose second is, that the month does; a file in which no value
 *   tells is refused (`LogTimeReader.ambiguity`), never guessed;
 * - `YYYY/MM/DD` (year first: never ambiguous);
 * - an Excel serial date: days since 1899-12-30, the fraction the time of day (`46027`,
 *   `46027.6875`, `46027,6875` with a decimal comma), read to the nearest second.
 * A time of day without a zone is a wall-clock time: it needs `--timezone`, as a naive
 * ISO time does. A bare date is its midnight (UTC, or in the zone). Plausible range
 * 2003–2100 as in models/iso-time.ts.
 */
import { EARLIEST_MS, ISO_EXPECTED, LATEST_MS, parseIsoMs, timeProblem, type WallClockZone } from "../models/iso-time.ts";
import { LogOptionError } from "./log-header.ts";

/** The order of a date's numbers: month-day-year, day-month-year, year-month-day. */
export type DateOrder = "MDY" | "DMY" | "YMD";

/** The patterns `--date-format` takes (any one followed by a time pattern). */
export const dateFormats = ["MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD", "DD.MM.YYYY"] as const;
export const timeFormats = ["HH:mm", "HH:mm:ss", "h:mm A", "h:mm:ss A"] as const;
const orderOf: Readonly<Record<(typeof dateFormats)[number], DateOrder>> = { "MM/DD/YYYY": "MDY", "DD/MM/YYYY": "DMY", "YYYY-MM-DD": "YMD", "DD.MM.YYYY": "DMY" };
/** How a message names an order. */
export const orderLabel: Readonly<Record<DateOrder, string>> = { MDY: "MM/DD/YYYY", DMY: "DD/MM/YYYY", YMD: "YYYY-MM-DD" };

/** A `--date-format` value: the date order it names and the pattern as typed. */
export interface DateFormat {
  readonly order: DateOrder;
  readonly pattern: string;
}

const FORMAT_EXPECTED = `expected a date pattern, ${dateFormats.join(", ")}, optionally followed by a time, ${timeFormats.join(", ")} (e.g. 'MM/DD/YYYY HH:mm', 'DD.MM.YYYY h:mm A')`;

/** Reads a `--date-format` value; throws LogOptionError naming what is allowed. */
export function parseDateFormat(text: string): DateFormat {
  const t = text.trim().replace(/\s+/g, " ");
  const space = t.indexOf(" ");
  const date = (space < 0 ? t : t.slice(0, space)).toUpperCase();
  const time = space < 0 ? "" : t.slice(space + 1);
  const order = orderOf[date as (typeof dateFormats)[number]];
  const timeOk = time === "" || (timeFormats as readonly string[]).some((f) => f.toLowerCase() === time.toLowerCase().replace(/\s*a$/, " a"));
  if (order === undefined || !timeOk) throw new LogOptionError("--date-format", `${JSON.stringify(text)} is not allowed; ${FORMAT_EXPECTED}`);
  return { order, pattern: t };
}

// 1: a, 2: separator, 3: b, 4: year | time 5: hour, 6: minute, 7: second, 8: fraction, 9: am/pm
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:(?:[ T]+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?$/;
// 1: year, 2: separator, 3: month, 4: day, then the time as above
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:(?:[ T]+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?$/;
const SERIAL = /^(\d{5})(?:[.,](\d+))?$/;
const ISO_START = /^\d{4}-\d{2}-\d{2}/;
/** Epoch ms of Excel's day 0, 1899-12-30 (its day 60 is the 1900-02-29 that never was: later serials count from here). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Where an order was learnt: the first value that showed it. */
export interface OrderEvidence {
  readonly line: number;
  readonly column: string;
  readonly value: string;
}

/** The first value whose order the file never settled, with both readings. */
export interface Ambiguity extends OrderEvidence {
  /** The value read month first, then day first, as `YYYY-MM-DD[ HH:mm[:ss]]`. */
  readonly readings: readonly [string, string];
}

interface Parts {
  /** The two numbers before the year, or (year first) month and day. */
  readonly a: number;
  readonly b: number;
  readonly year: number;
  readonly yearFirst: boolean;
  /** Milliseconds since midnight; -1: no time given. */
  readonly timeMs: number;
}

/** Wall-clock time of day of the time groups, ms since midnight; -1 none; NaN not a real time. */
function timeOfDay(m: RegExpExecArray): number {
  if (m[5] === undefined) return -1;
  let hour = +m[5];
  const minute = +m[6]!;
  const second = m[7] !== undefined ? +m[7] : 0;
  const fraction = m[8] !== undefined ? Number(`0.${m[8]}`) * 1000 : 0;
  if (m[9] !== undefined) {
    if (hour < 1 || hour > 12) return NaN;
    const pm = m[9][0] === "p" || m[9][0] === "P";
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return NaN;
  return ((hour * 60 + minute) * 60 + second) * 1000 + fraction;
}

function dayMonthParts(text: string): Parts | undefined {
  const m = DAY_MONTH.exec(text);
  if (m !== null) return { a: +m[1]!, b: +m[3]!, year: +m[4]!, yearFirst: false, timeMs: timeOfDay(m) };
  const y = YEAR_FIRST.exec(text);
  if (y !== null) return { a: +y[3]!, b: +y[4]!, year: +y[1]!, yearFirst: true, timeMs: timeOfDay(y) };
  return undefined;
}

/** Wall-clock ms (as if UTC) of a calendar date, or NaN when it is not a real date. */
function wallDateMs(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDate() === day ? d.getTime() : NaN;
}

/** `YYYY-MM-DD[ HH:mm[:ss]]` of a wall-clock ms, for messages. */
function wallText(wallMs: number, withTime: boolean): string {
  const iso = new Date(wallMs).toISOString();
  if (!withTime) return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, iso.slice(17, 19) === "00" ? 16 : 19)}`;
}

/**
 * Reads a log's timestamps in one file's dialect: the zone of wall-clock times and the
 * order of day-month dates, given (`--date-format`) or learnt from the file as it is
 * read (`learn`). One reader per file.
 */
export class LogTimeReader {
  readonly zone: WallClockZone | undefined;
  readonly given: DateFormat | undefined;
  #order: DateOrder | undefined;
  #evidence: OrderEvidence | undefined;
  #serials = false;
  #dayMonth = false;

  constructor(zone?: WallClockZone, format?: DateFormat) {
    this.zone = zone;
    this.given = format;
    this.#order = format?.order;
  }

  /** The order day-month dates are read in; undefined while the file has not shown it (and none was given). */
  get order(): DateOrder | undefined {
    return this.#order;
  }

  /** The value the order was learnt from (undefined when given or not learnt). */
  get evidence(): OrderEvidence | undefined {
    return this.#evidence;
  }

  /** Whether the file had Excel serials / day-month dates so far. */
  get sawSerials(): boolean {
    return this.#serials;
  }
  get sawDayMonth(): boolean {
    return this.#dayMonth;
  }

  /**
   * Learns the order from `text` when it shows it (a number above 12 in one place and
   * not the other) and none is known yet; returns whether it did.
   */
  learn(text: string | undefined, line: number, column: string): boolean {
    if (this.#order !== undefined || text === undefined) return false;
    const p = dayMonthParts(text);
    if (p === undefined || p.yearFirst) return false;
    if (p.a > 12 && p.b <= 12 && p.a <= 31) this.#order = "DMY";
    else if (p.b > 12 && p.a <= 12 && p.b <= 31) this.#order = "MDY";
    else return false;
    this.#evidence = { line, column, value: text };
    return true;
  }

  /** Whether `text` is a day-month date that can only be read once the order is known. */
  needsOrder(text: string | undefined): boolean {
    if (this.#order !== undefined || text === undefined) return false;
    const p = dayMonthParts(text);
    return p !== undefined && !p.yearFirst && p.a <= 12 && p.b <= 12;
  }

  /** Both readings of a day-month date whose order is unknown (month first, then day first). */
  readings(text: string): readonly [string, string] {
    const p = dayMonthParts(text)!;
    const show = (month: number, day: number) => wallText(wallDateMs(p.year, month, day) + Math.max(0, p.timeMs), p.timeMs >= 0);
    return [show(p.a, p.b), show(p.b, p.a)];
  }

  /** Epoch ms of `text`, or why it is not a usable timestamp. */
  read(text: string): number | string {
    if (ISO_START.test(text)) {
      const ms = parseIsoMs(text, this.zone);
      const problem = timeProblem(text, ms, "--timezone Area/City");
      if (problem === undefined) return ms;
      // With a zone given, the hint to name one is not repeated.
      return this.zone !== undefined && problem.includes("--timezone") ? this.#expected() : problem;
    }
    const serial = SERIAL.exec(text);
    if (serial !== null) {
      this.#serials = true;
      const days = Number(`${serial[1]}.${serial[2] ?? "0"}`);
      const wall = EXCEL_EPOCH_MS + Math.round(days * 86_400) * 1000;
      return this.#instant(wall, serial[2] !== undefined && /[1-9]/.test(serial[2]), "an Excel serial date with a time of day");
    }
    const p = dayMonthParts(text);
    if (p === undefined) return this.#expected();
    if (!p.yearFirst) this.#dayMonth = true;
    let month: number;
    let day: number;
    let as: string;
    if (p.yearFirst) {
      [month, day, as] = [p.a, p.b, "YYYY/MM/DD"];
    } else {
      const order = this.#order;
      if (order === undefined) {
        // Only reached for values no order can read (both numbers above 12).
        return `is not a real date as MM/DD/YYYY nor as DD/MM/YYYY`;
      }
      if (order === "YMD") return `expected a date as ${this.given?.pattern ?? "YYYY-MM-DD"} (--date-format); this one starts with the day or the month`;
      [month, day] = order === "MDY" ? [p.a, p.b] : [p.b, p.a];
      as = orderLabel[order];
    }
    const date = wallDateMs(p.year, month, day);
    if (Number.isNaN(date) || Number.isNaN(p.timeMs)) return `is not a real date or time as ${as}${this.#whyOrder()}`;
    return this.#instant(date + Math.max(0, p.timeMs), p.timeMs >= 0, "a time of day");
  }

  /** The instant of a wall-clock time: with a time of day, in the zone (refused without one); a bare date, its midnight. */
  #instant(wallMs: number, hasTime: boolean, what: string): number | string {
    let ms = wallMs;
    if (hasTime) {
      if (this.zone === undefined) {
        return `has ${what} but no time zone; name the zone it is in with --timezone Area/City (e.g. America/New_York, Europe/Paris)`;
      }
      ms = this.zone.instantMs(wallMs);
    } else if (this.zone !== undefined) {
      ms = this.zone.instantMs(wallMs);
    }
    if (ms < EARLIEST_MS) return `is before 2003-01-01 (LinkedIn did not exist); expected a time from 2003-01-01 to 2100-01-01`;
    if (ms >= LATEST_MS) return `is after 2100-01-01; expected a time from 2003-01-01 to 2100-01-01`;
    return ms;
  }

  #whyOrder(): string {
    if (this.given !== undefined) return ` (--date-format ${this.given.pattern})`;
    const e = this.#evidence;
    return e === undefined ? "" : `, the order line ${e.line}'s ${JSON.stringify(e.value)} shows; if the file mixes orders, fix these rows or pass --date-format`;
  }

  #expected(): string {
    const zone = this.zone === undefined ? " (a time without a zone with --timezone Area/City)" : "";
    return `expected ${ISO_EXPECTED}, a spreadsheet date such as 01/05/2026 16:30 or 05.01.2026 4:30 PM${zone}, or an Excel serial date (46027.6875)`;
  }

  /** How the file's dates were read, for the report; undefined when every date was ISO 8601. */
  description(): DateReading | undefined {
    if (!this.#dayMonth && !this.#serials) return undefined;
    const e = this.#evidence;
    return {
      order: this.#dayMonth && this.#order !== undefined ? orderLabel[this.#order] : null,
      source: this.given !== undefined ? "--date-format" : e !== undefined ? "the file" : null,
      ...(e !== undefined ? { from: e } : {}),
      excelSerials: this.#serials,
    };
  }
}

/** How a log's dates were read (JSON-ready). */
export interface DateReading {
  /** The day-month order used, e.g. "DD/MM/YYYY"; null when the file has no day-month date. */
  readonly order: string | null;
  /** "--date-format" (given), "the file" (learnt from `from`), or null. */
  readonly source: "--date-format" | "the file" | null;
  readonly from?: OrderEvidence;
  readonly excelSerials: boolean;
}

/** The line a replay prints about a log's dates, or undefined for ISO dates only. */
export function dateReadingText(d: DateReading | undefined | null): string | undefined {
  if (d === undefined || d === null) return undefined;
  const parts: string[] = [];
  if (d.order !== null) {
    parts.push(
      d.source === "the file" && d.from
        ? `dates read as ${d.order} (${d.order.startsWith("DD") ? "day" : "month"} first: line ${d.from.line} has ${JSON.stringify(d.from.value)}; give --date-format to read them otherwise)`
        : `dates read as ${d.order} (--date-format)`,
    );
  }
  if (d.excelSerials) parts.push("Excel serial dates read as days since 1899-12-30, to the second");
  return parts.join("; ");
}
