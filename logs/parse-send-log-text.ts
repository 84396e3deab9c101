/**
 * A send log from its text (a file a page was given, a test's string): the same rows,
 * the same checks and the same one-line messages as the streaming reader
 * (read-send-log.ts), which shares its pieces from here. No Node module: a browser
 * page reads an export with `parseSendLogText` (bundling csv-parse's browser build).
 *
 * Dialects: CSV with a comma, semicolon or tab delimiter, taken from the header line
 * (the most frequent of the three outside quotes; a comma on a tie) unless given
 * (`--delimiter`); a BOM; CRLF line ends; quoted fields spanning lines. Dates as
 * log-dates.ts reads them. JSON lines for `.jsonl` / `.ndjson`.
 */
import { CsvError, parse, type Options as CsvOptions } from "csv-parse/sync";
import type { WallClockZone } from "../models/iso-time.ts";
import type { LogColumn } from "./log-columns.ts";
import type { DateFormat } from "./log-dates.ts";
import { LogOptionError } from "./log-header.ts";
import { LogFormatError, logColumns, SendLogBuilder, type BadRow, type SendLog } from "./send-log.ts";

/** How to read a log: the options every reader of a log takes. */
export interface SendLogReadOptions {
  readonly skipBad?: boolean;
  /** Default: from the file name's extension. */
  readonly format?: "csv" | "jsonl";
  /** The zone of wall-clock timestamps (`--timezone`). */
  readonly timeZone?: WallClockZone;
  /** `--map`: header name → field. */
  readonly columnMap?: ReadonlyMap<string, LogColumn>;
  /** `--date-format`: the order of day-month dates. */
  readonly dateFormat?: DateFormat;
  /** `--delimiter`: the CSV field delimiter; default from the header line. */
  readonly delimiter?: string;
}

export function logFormat(path: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv";
}

/** The delimiters a CSV export may use, by the name `--delimiter` takes. */
export const delimiters: Readonly<Record<string, string>> = { ",": ",", comma: ",", ";": ";", semicolon: ";", tab: "\t", "\\t": "\t", "\t": "\t", "|": "|", pipe: "|" };

/** Reads a `--delimiter` value (`,`, `;`, `tab`, `|`, or their names); throws LogOptionError. */
export function parseDelimiter(text: string): string {
  const d = delimiters[text.trim().toLowerCase()] ?? delimiters[text];
  if (d === undefined) throw new LogOptionError("--delimiter", `${JSON.stringify(text)} is not allowed; expected one of ',', ';', 'tab', '|'`);
  return d;
}

/** The delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes; a comma on a tie. */
export function detectDelimiter(headerLine: string): string {
  const count: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in count) count[ch]!++;
  }
  return count[";"]! > count[","]! && count[";"]! >= count["\t"]! ? ";" : count["\t"]! > count[","]! ? "\t" : ",";
}

/** The builder of a log read with `options`. */
export function logBuilder(file: string, options: SendLogReadOptions): SendLogBuilder {
  return new SendLogBuilder(file, {
    skipBad: options.skipBad ?? false,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.columnMap ? { columnMap: options.columnMap } : {}),
    ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
  });
}

/** The first non-blank line of a text, without a BOM. */
export function firstLine(text: string): string {
  const t = text.replace(/^\uFEFF/, "");
  for (const l of t.split("\n", 50)) if (l.trim() !== "") return l.replace(/\r$/, "");
  return "";
}

/** A CSV whose first line is a JSON object: refused, naming the fix. */
export function jsonInCsv(line: number): BadRow {
  return { line, column: "(file)", value: null, reason: "looks like JSON lines: name the file .jsonl (or .ndjson)" };
}

/**
 * csv-parse's options for a log and the handling of its records: the header, then each
 * row's fields in `logColumns` order, a row of another width than the header a bad row.
 */
export class CsvRows {
  readonly #builder: SendLogBuilder;
  #at: readonly number[] | undefined;
  #width = 0;
  readonly #fields: (string | undefined)[] = new Array(logColumns.length);
  /** The line where the last complete record ended: a quote never closed opens the row after it. */
  lastRecordLine = 0;

  constructor(builder: SendLogBuilder) {
    this.#builder = builder;
  }

  /** `direct`: each record goes to `record` as it is parsed (for the whole-text parser, which returns none). */
  options(delimiter: string, skipBad: boolean, direct = false): CsvOptions {
    return {
      info: true,
      bom: true,
      trim: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: skipBad,
      on_record: (record, context) => {
        this.lastRecordLine = context.lines;
        if (!direct) return record;
        // With `info`, the record comes as { record, info }.
        this.record((record as unknown as { record: string[] }).record, context.lines);
        return null;
      },
      on_skip: (err) => {
        if (err?.code === "CSV_QUOTE_NOT_CLOSED") this.#builder.bad(this.quoteNotClosed(err));
        else this.#builder.bad({ line: Number(err?.lines) || 0, column: "(row)", value: null, reason: err?.message ?? "CSV syntax error" });
        return undefined;
      },
    };
  }

  quoteNotClosed(err: CsvError): BadRow {
    return {
      line: this.lastRecordLine + 1,
      column: "(row)",
      value: null,
      reason: `a quote opens in this row and is never closed (the rest of the file, to line ${Number(err.lines) || "?"}, was read as one field)`,
    };
  }

  /** One parsed record at file line `line`. */
  record(record: readonly string[], line: number): void {
    const b = this.#builder;
    if (this.#at === undefined) {
      this.#at = b.header(record, line);
      this.#width = record.length;
      return;
    }
    if (record.length !== this.#width) {
      b.bad({ line, column: "(row)", value: record.join(","), reason: `expected ${this.#width} fields as in the header, found ${record.length}` });
      return;
    }
    const at = this.#at;
    for (let c = 0; c < at.length; c++) this.#fields[c] = at[c]! < 0 ? undefined : record[at[c]!];
    b.add(line, this.#fields);
  }

  /** After the last record: a file without a header is a missing header. */
  end(): void {
    if (this.#at === undefined) this.#builder.header([], 1);
  }

  /** The error a failed read ends with: CSV syntax as a bad row of its line, with the rows skipped before. */
  failure(err: unknown): unknown {
    const b = this.#builder;
    if (err instanceof CsvError) {
      const bad = err.code === "CSV_QUOTE_NOT_CLOSED" ? this.quoteNotClosed(err) : { line: Number(err.lines) || 0, column: "(row)", value: null, reason: err.message };
      return b.fatal(bad);
    }
    if (err instanceof LogFormatError && err.skipped.length === 0 && b.skipped.length > 0) return b.fatal(err.bad);
    return err;
  }
}

/** One line of a JSON-lines log (`text` without its line end), into the builder. */
export function jsonLine(builder: SendLogBuilder, text: string, line: number, fields: (string | undefined)[]): void {
  if (text.trim() === "") return;
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch (err) {
    builder.bad({ line, column: "(row)", value: text, reason: `not valid JSON (${(err as Error).message})` });
    return;
  }
  if (row === null || typeof row !== "object" || Array.isArray(row)) {
    builder.bad({ line, column: "(row)", value: text, reason: "expected a JSON object" });
    return;
  }
  fields.fill(undefined);
  for (const [key, v] of Object.entries(row as Record<string, unknown>)) {
    const field = builder.keyColumn(key);
    if (field === undefined) continue;
    const c = logColumns.indexOf(field);
    if (fields[c] !== undefined) {
      builder.bad({ line, column: field, value: key, reason: `a second key holds ${field}; name the one to use with --map '${key}=${field}'` });
      return;
    }
    if (v === null) fields[c] = "";
    else if (typeof v === "string") fields[c] = v.trim();
    else if (typeof v === "number" && Number.isFinite(v)) fields[c] = String(v);
    else {
      builder.bad({ line, column: field, value: JSON.stringify(v) ?? String(v), reason: "expected a string, a number or null" });
      return;
    }
  }
  // Exports often leave out a key whose value would be null: an absent respondedAt reads as
  // empty (it must be empty unless the outcome responds, which the row's check then says).
  if (fields[respondedAtColumn] === undefined) fields[respondedAtColumn] = "";
  builder.add(line, fields);
}

const respondedAtColumn = logColumns.indexOf("respondedAt");

/**
 * The log in `text` (a whole file's contents) named `fileName` in messages; throws
 * LogFormatError or LogOptionError as the streaming reader does.
 */
export function parseSendLogText(text: string, fileName: string, options: SendLogReadOptions = {}): SendLog {
  const builder = logBuilder(fileName, options);
  const format = options.format ?? logFormat(fileName);
  if (format === "jsonl") {
    const fields: (string | undefined)[] = new Array(logColumns.length);
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      let t = lines[i]!.replace(/\r$/, "");
      if (i === 0) t = t.replace(/^\uFEFF/, "");
      jsonLine(builder, t, i + 1, fields);
    }
    return builder.finish();
  }
  const head = firstLine(text);
  if (head.trim().startsWith("{")) {
    const line =
      text
        .replace(/^\uFEFF/, "")
        .split("\n")
        .findIndex((l) => l.trim() !== "") + 1;
    throw builder.fatal(jsonInCsv(line));
  }
  const rows = new CsvRows(builder);
  try {
    parse(text, rows.options(options.delimiter ?? detectDelimiter(head), options.skipBad ?? false, true));
  } catch (err) {
    throw rows.failure(err);
  }
  rows.end();
  return builder.finish();
}
