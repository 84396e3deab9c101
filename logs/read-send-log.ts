/**
 * Streams a send log file (CSV with a header line, or JSON lines) into a SendLog,
 * row by row, without holding the text: memory is the compact columns only.
 * Format: `.jsonl` / `.ndjson` files are JSON lines (one object per line, keys as the
 * CSV columns, values strings, numbers or null); anything else is CSV (RFC 4180, UTF-8,
 * optional BOM; blank lines skipped; fields trimmed). A `.csv` whose first line is a
 * JSON object is refused ("looks like JSON lines").
 *
 * Every line must be valid UTF-8: a line that is not is a bad row (its line number and
 * the first bad byte), skipped with `skipBad`, never decoded into U+FFFD.
 * Line numbers are the file's (the CSV header is line 1; a quoted field spanning lines
 * is numbered by the line where its row ends; a quote never closed, by the line where
 * its row starts). Fails with LogFormatError on the first bad row unless `skipBad`;
 * CSV syntax errors are then skipped by csv-parse, which cannot always tell where a
 * broken quoted field ends (it reports each skip). Errors of the file system (a
 * directory, no permission) are thrown as they are.
 */
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Transform, type TransformCallback } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { WallClockZone } from "../models/iso-time.ts";
import type { LogColumn } from "./log-columns.ts";
import { LogFormatError, logColumns, SendLogBuilder, type BadRow, type SendLog } from "./send-log.ts";

export interface ReadSendLogOptions {
  readonly skipBad?: boolean;
  /** Default: from the file extension. */
  readonly format?: "csv" | "jsonl";
  /** The zone of naive timestamps (`--timezone`). */
  readonly timeZone?: WallClockZone;
  /** `--map`: header name → field. */
  readonly columnMap?: ReadonlyMap<string, LogColumn>;
}

export function logFormat(path: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv";
}

export async function readSendLog(path: string, options: ReadSendLogOptions = {}): Promise<SendLog> {
  const builder = new SendLogBuilder(path, {
    skipBad: options.skipBad ?? false,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.columnMap ? { columnMap: options.columnMap } : {}),
  });
  const format = options.format ?? logFormat(path);
  const lines = checkedLines(path, builder, format);
  if (format === "jsonl") await readJsonLines(lines, builder);
  else await readCsv(lines, builder, options.skipBad ?? false);
  return builder.finish();
}

/**
 * The file's bytes, line by line, each checked to be UTF-8: a line that is not goes to
 * `builder.bad` (which throws unless skipping) and is passed on empty, so line numbers
 * stay the file's. A CSV file whose first non-blank line is a JSON object is refused.
 */
function checkedLines(path: string, builder: SendLogBuilder, format: "csv" | "jsonl"): Transform {
  let line = 0;
  let rest: Buffer = Buffer.alloc(0);
  let firstSeen = false;
  const check = (bytes: Buffer): Buffer => {
    line++;
    if (!isUtf8(bytes)) {
      const at = firstBadByte(bytes);
      builder.bad({
        line,
        column: "(row)",
        value: null,
        reason: `not valid UTF-8 (byte 0x${bytes[at]!.toString(16).padStart(2, "0")} at byte ${at + 1} of the line); save the file as UTF-8`,
      });
      return Buffer.alloc(0);
    }
    if (!firstSeen) {
      const text = bytes.toString("utf8").replace(/^\uFEFF/, "").trim();
      if (text !== "") {
        firstSeen = true;
        if (format === "csv" && text.startsWith("{")) {
          throw builder.fatal({ line, column: "(file)", value: null, reason: "looks like JSON lines: name the file .jsonl (or .ndjson)" });
        }
      }
    }
    return bytes;
  };
  const out = new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      try {
        const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
        const end = data.lastIndexOf(10) + 1;
        if (firstSeen && isUtf8(data.subarray(0, end))) {
          // Every whole line of the chunk is valid: pass them on at once, counting them.
          for (let nl = data.indexOf(10); nl >= 0 && nl < end; nl = data.indexOf(10, nl + 1)) line++;
          this.push(data.subarray(0, end));
        } else {
          let start = 0;
          for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
            this.push(check(data.subarray(start, nl)));
            this.push("\n");
            start = nl + 1;
          }
        }
        rest = Buffer.from(data.subarray(end));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (rest.length > 0) this.push(check(rest));
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  const source = createReadStream(path);
  source.on("error", (err) => out.destroy(err));
  return source.pipe(out);
}

/** Index of the first byte of `bytes` where UTF-8 decoding fails: where the decoder first puts a U+FFFD the bytes do not spell. */
function firstBadByte(bytes: Buffer): number {
  const text = bytes.toString("utf8");
  for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i));
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return 0;
}

async function readCsv(input: Transform, builder: SendLogBuilder, skipBad: boolean): Promise<void> {
  // The line where the last complete record ended: a quote that is never closed opens the row after it.
  let lastRecordLine = 0;
  const quoteNotClosed = (err: CsvError): BadRow => ({
    line: lastRecordLine + 1,
    column: "(row)",
    value: null,
    reason: `a quote opens in this row and is never closed (the rest of the file, to line ${Number(err.lines) || "?"}, was read as one field)`,
  });
  const parser = input.pipe(
    parse({
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: skipBad,
      on_record: (record, context) => {
        lastRecordLine = context.lines;
        return record;
      },
      on_skip: (err) => {
        if (err?.code === "CSV_QUOTE_NOT_CLOSED") builder.bad(quoteNotClosed(err));
        else builder.bad({ line: Number(err?.lines) || 0, column: "(row)", value: null, reason: err?.message ?? "CSV syntax error" });
        return undefined;
      },
    }),
  );
  input.on("error", (err) => parser.destroy(err));
  let at: readonly number[] | undefined;
  let width = 0;
  const fields: (string | undefined)[] = new Array(logColumns.length);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (at === undefined) {
        at = builder.header(record, info.lines);
        width = record.length;
        continue;
      }
      if (record.length !== width) {
        builder.bad({
          line: info.lines,
          column: "(row)",
          value: record.join(","),
          reason: `expected ${width} fields as in the header, found ${record.length}`,
        });
        continue;
      }
      for (let c = 0; c < at.length; c++) fields[c] = at[c]! < 0 ? undefined : record[at[c]!];
      builder.add(info.lines, fields);
    }
  } catch (err) {
    // Fatal even when skipping: the rest of the file could not be read.
    if (err instanceof CsvError) {
      const bad = err.code === "CSV_QUOTE_NOT_CLOSED" ? quoteNotClosed(err) : { line: Number(err.lines) || 0, column: "(row)", value: null, reason: err.message };
      throw builder.fatal(bad);
    }
    if (err instanceof LogFormatError && err.skipped.length === 0 && builder.skipped.length > 0) throw builder.fatal(err.bad);
    throw err;
  }
  if (at === undefined) builder.header([], 1);
}

async function readJsonLines(input: Transform, builder: SendLogBuilder): Promise<void> {
  const lines = createInterface({ input: input.setEncoding("utf8"), crlfDelay: Infinity });
  input.on("error", (err) => lines.emit("error", err));
  const fields: (string | undefined)[] = new Array(logColumns.length);
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === "") continue;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (err) {
      builder.bad({ line, column: "(row)", value: text, reason: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      builder.bad({ line, column: "(row)", value: text, reason: "expected a JSON object" });
      continue;
    }
    fields.fill(undefined);
    let bad: BadRow | undefined;
    for (const [key, v] of Object.entries(row as Record<string, unknown>)) {
      const field = builder.keyColumn(key);
      if (field === undefined) continue;
      const c = logColumns.indexOf(field);
      if (fields[c] !== undefined) {
        bad = { line, column: field, value: key, reason: `a second key holds ${field}; name the one to use with --map '${key}=${field}'` };
        break;
      }
      if (v === null) fields[c] = "";
      else if (typeof v === "string") fields[c] = v.trim();
      else if (typeof v === "number" && Number.isFinite(v)) fields[c] = String(v);
      else {
        bad = { line, column: field, value: JSON.stringify(v) ?? String(v), reason: "expected a string, a number or null" };
        break;
      }
    }
    if (bad !== undefined) builder.bad(bad);
    else builder.add(line, fields);
  }
}
