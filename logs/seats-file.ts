/**
 * A seats file (`--seats FILE`): what each seat of a send log had when the log starts,
 * one row per seat — its plan, the day of the month it is billed on, and the credits it
 * held. CSV with a header (comma, semicolon or tab, taken from the header line as for a
 * log; a BOM; CRLF; quoted fields), or JSON lines for `.jsonl` / `.ndjson`. No Node
 * module: a page can read one as it reads a log (parse-send-log-text.ts).
 *
 * Columns, named as a log's headers are (compared without case, spaces or punctuation;
 * `seatAliases`): `seat` (required: the log's `account`), and any of `plan` (a plan id
 * or name), `billingDay` (1–31, also written 15th or as an ISO date 2026-01-15: its
 * day), `openingBalance` (whole credits from 0 to MAX_OPENING_BALANCE, or `auto`: the
 * least that makes the seat's logged InMails sendable). An empty cell gives nothing for
 * that seat: it takes the command line's value. Other columns are ignored and listed.
 * Every problem is one line, `file:line: column: "value": reason`, as the log reader's.
 */
import { CsvError, parse } from "csv-parse/sync";
import { planIds, type PlanId } from "../models/plans.ts";
import { headerAliases, headerKey } from "./log-header.ts";
import { readPlan } from "./log-values.ts";
import { detectDelimiter, firstLine, logFormat } from "./parse-send-log-text.ts";
import { LogFormatError, type BadRow } from "./send-log.ts";

export const seatColumns = ["seat", "plan", "billingDay", "openingBalance"] as const;
export type SeatColumn = (typeof seatColumns)[number];

/** Most credits an opening balance may hold, as `--opening-balance` allows. */
export const MAX_OPENING_BALANCE = 100_000;

/** Header names each column is known by, besides its own (compared by `headerKey`). */
export const seatAliases: Readonly<Record<SeatColumn, readonly string[]>> = {
  seat: ["account", "Account Name", "Seat Name", "Seat Id", ...headerAliases.account],
  plan: ["Plan Name", ...headerAliases.plan],
  billingDay: ["Billing Day", "Billing Date", "Bill Day", "Renewal Day", "Renewal Date", "Billed On", "Day Of Month"],
  openingBalance: ["Opening Balance", "Opening Credits", "Starting Balance", "Starting Credits", "Initial Balance", "Credits At Start", "Balance"],
};

const columnOf = new Map<string, SeatColumn>();
for (const c of seatColumns) for (const name of [c, ...seatAliases[c]]) columnOf.set(headerKey(name), c);

/** What one seat had at the start; an absent field takes the command line's value. */
export interface SeatRow {
  readonly seat: string;
  /** Line of the row in the file (the CSV header is line 1). */
  readonly line: number;
  readonly plan?: PlanId;
  /** Day of the month, 1–31. */
  readonly billingDay?: number;
  /** Credits, or "auto": the least that makes every InMail of the seat sendable. */
  readonly openingBalance?: number | "auto";
}

export interface SeatsFile {
  readonly file: string;
  /** In file order. */
  readonly seats: readonly SeatRow[];
  readonly bySeat: ReadonlyMap<string, SeatRow>;
  /** Known columns present in the file. */
  readonly columns: readonly SeatColumn[];
  /** Columns the file has that a seats file does not know (ignored). */
  readonly ignoredColumns: readonly string[];
}

const DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/i;
const ISO_DAY = /^\d{4}-\d{2}-(\d{2})(?:[T ].*)?$/;
const WHOLE = /^\d+$/;

/** The seats file in `text` (a whole file's contents) named `fileName` in messages; throws LogFormatError. */
export function parseSeatsText(text: string, fileName: string, options: { readonly format?: "csv" | "jsonl" } = {}): SeatsFile {
  const reader = new SeatsReader(fileName);
  if ((options.format ?? logFormat(fileName)) === "jsonl") {
    const lines = text.replace(/^\uFEFF/, "").split("\n");
    for (let i = 0; i < lines.length; i++) reader.jsonLine(lines[i]!.replace(/\r$/, ""), i + 1);
    return reader.finish();
  }
  const head = firstLine(text);
  if (head.trim().startsWith("{")) reader.fail({ line: 1, column: "(file)", value: null, reason: "looks like JSON lines: name the file .jsonl (or .ndjson)" });
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, delimiter: detectDelimiter(head) }) as never;
  } catch (err) {
    if (err instanceof CsvError) {
      const reason = err.code === "CSV_QUOTE_NOT_CLOSED" ? "a quote opens in a row and is never closed (the rest of the file was read as one field)" : err.message;
      reader.fail({ line: Number(err.lines) || 0, column: "(row)", value: null, reason });
    }
    throw err;
  }
  for (const { record, info } of records) reader.csvRecord(record, info.lines);
  return reader.finish();
}

class SeatsReader {
  readonly #file: string;
  #at: readonly number[] | undefined;
  #width = 0;
  readonly #present = new Set<SeatColumn>();
  readonly #ignored = new Set<string>();
  readonly #seats: SeatRow[] = [];
  readonly #bySeat = new Map<string, SeatRow>();

  constructor(file: string) {
    this.#file = file;
  }

  fail(bad: BadRow): never {
    throw new LogFormatError(this.#file, bad);
  }

  csvRecord(record: readonly string[], line: number): void {
    if (this.#at === undefined) {
      this.#header(record, line);
      this.#width = record.length;
      return;
    }
    if (record.length !== this.#width) {
      this.fail({ line, column: "(row)", value: record.join(","), reason: `expected ${this.#width} fields as in the header, found ${record.length}` });
    }
    this.#row(
      line,
      seatColumns.map((_, k) => (this.#at![k]! < 0 ? undefined : record[this.#at![k]!])),
    );
  }

  #header(names: readonly string[], line: number): void {
    const at = seatColumns.map(() => -1);
    for (let i = 0; i < names.length; i++) {
      const n = names[i]!;
      const j = names.indexOf(n);
      if (j < i && n !== "") this.fail({ line, column: n, value: null, reason: `duplicate column name (columns ${j + 1} and ${i + 1}); every column name must be unique` });
      const c = columnOf.get(headerKey(n));
      if (c === undefined) {
        if (n !== "") this.#ignored.add(n);
        continue;
      }
      const k = seatColumns.indexOf(c);
      if (at[k]! >= 0) {
        this.fail({ line, column: c, value: null, reason: `two columns hold ${c}: ${JSON.stringify(names[at[k]!])} (column ${at[k]! + 1}) and ${JSON.stringify(n)} (column ${i + 1}); keep one` });
      }
      at[k] = i;
      this.#present.add(c);
    }
    if (at[0]! < 0) {
      this.fail({
        line,
        column: "seat",
        value: null,
        reason: `missing required column; the header has ${names.map((n) => JSON.stringify(n)).join(", ")}; required: seat (the log's account; or Account, Seat, Sender, Owner, User), with any of plan, billingDay, openingBalance`,
      });
    }
    this.#at = at;
  }

  jsonLine(text: string, line: number): void {
    if (text.trim() === "") return;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (err) {
      this.fail({ line, column: "(row)", value: text, reason: `not valid JSON (${(err as Error).message})` });
    }
    if (row === null || typeof row !== "object" || Array.isArray(row)) this.fail({ line, column: "(row)", value: text, reason: "expected a JSON object" });
    const fields: (string | undefined)[] = seatColumns.map(() => undefined);
    for (const [key, v] of Object.entries(row as Record<string, unknown>)) {
      const c = columnOf.get(headerKey(key));
      if (c === undefined) {
        if (key !== "") this.#ignored.add(key);
        continue;
      }
      const k = seatColumns.indexOf(c);
      if (fields[k] !== undefined) this.fail({ line, column: c, value: key, reason: `a second key holds ${c}; keep one` });
      this.#present.add(c);
      if (v === null) fields[k] = "";
      else if (typeof v === "string") fields[k] = v.trim();
      else if (typeof v === "number" && Number.isFinite(v)) fields[k] = String(v);
      else this.fail({ line, column: c, value: JSON.stringify(v) ?? String(v), reason: "expected a string, a number or null" });
    }
    this.#row(line, fields);
  }

  /** One row's fields in `seatColumns` order (undefined: the column is absent). */
  #row(line: number, [seat = "", planText = "", dayText = "", balanceText = ""]: readonly (string | undefined)[]): void {
    if (seat === "") this.fail({ line, column: "seat", value: null, reason: "missing; every row names a seat, as the log's account column does" });
    const before = this.#bySeat.get(seat);
    if (before !== undefined) this.fail({ line, column: "seat", value: seat, reason: `listed twice (line ${before.line} and line ${line}); one row per seat` });
    let plan: PlanId | undefined;
    if (planText !== "") {
      plan = readPlan(planText);
      if (plan === undefined) this.fail({ line, column: "plan", value: planText, reason: `expected one of ${planIds.join(", ")} (or a plan's name, e.g. Recruiter Lite), or empty` });
    }
    let billingDay: number | undefined;
    if (dayText !== "") {
      const m = DAY.exec(dayText) ?? ISO_DAY.exec(dayText);
      billingDay = m === null ? NaN : Number(m[1]);
      if (!(billingDay >= 1 && billingDay <= 31)) {
        this.fail({ line, column: "billingDay", value: dayText, reason: "expected a day of the month from 1 to 31 (a shorter month grants on its last day), or empty" });
      }
    }
    let openingBalance: number | "auto" | undefined;
    if (balanceText !== "") {
      openingBalance = balanceText.toLowerCase() === "auto" ? "auto" : WHOLE.test(balanceText) ? Number(balanceText) : NaN;
      if (openingBalance !== "auto" && !(openingBalance <= MAX_OPENING_BALANCE)) {
        this.fail({
          line,
          column: "openingBalance",
          value: balanceText,
          reason: `expected whole credits from 0 to ${MAX_OPENING_BALANCE.toLocaleString("en-US")}, auto (the least that makes the seat's InMails sendable), or empty`,
        });
      }
    }
    const row: SeatRow = {
      seat,
      line,
      ...(plan === undefined ? {} : { plan }),
      ...(billingDay === undefined ? {} : { billingDay }),
      ...(openingBalance === undefined ? {} : { openingBalance }),
    };
    this.#seats.push(row);
    this.#bySeat.set(seat, row);
  }

  finish(): SeatsFile {
    if (this.#at === undefined && this.#seats.length === 0 && this.#present.size === 0) {
      this.fail({ line: 0, column: "(file)", value: null, reason: "is empty; expected a header line (seat, and any of plan, billingDay, openingBalance) and a row per seat" });
    }
    if (this.#seats.length === 0) this.fail({ line: 0, column: "(file)", value: null, reason: "has no seat rows; expected a row per seat after the header" });
    return {
      file: this.#file,
      seats: this.#seats,
      bySeat: this.#bySeat,
      columns: seatColumns.filter((c) => this.#present.has(c)),
      ignoredColumns: [...this.#ignored],
    };
  }
}
