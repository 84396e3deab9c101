/**
 * Streams a send log file (CSV with a header line, or JSON lines) into a SendLog,
 * row by row, without holding the text: memory is the compact columns only.
 * Format: `.jsonl` / `.ndjson` files are JSON lines (one object per line, keys as the
 * CSV columns, values strings, numbers or null); anything else is CSV (RFC 4180, UTF-8,
 * optional BOM; blank lines skipped; fields trimmed).
 *
 * Line numbers are the file's (the CSV header is line 1; a quoted field spanning lines
 * is numbered by the line where its row ends). Fails with LogFormatError on the first
 * bad row unless `skipBad`; CSV syntax errors are then skipped by csv-parse, which
 * cannot always tell where a broken quoted field ends (it reports each skip).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { CsvError, parse } from "csv-parse";
import { LogFormatError, logColumns, SendLogBuilder, type SendLog } from "./send-log.ts";

export interface ReadSendLogOptions {
  readonly skipBad?: boolean;
  /** Default: from the file extension. */
  readonly format?: "csv" | "jsonl";
}

export function logFormat(path: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv";
}

export async function readSendLog(path: string, options: ReadSendLogOptions = {}): Promise<SendLog> {
  const builder = new SendLogBuilder(path, { skipBad: options.skipBad ?? false });
  if ((options.format ?? logFormat(path)) === "jsonl") await readJsonLines(path, builder);
  else await readCsv(path, builder, options.skipBad ?? false);
  return builder.finish();
}

async function readCsv(path: string, builder: SendLogBuilder, skipBad: boolean): Promise<void> {
  const parser = createReadStream(path).pipe(
    parse({
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: skipBad,
      on_skip: (err) => {
        builder.bad({ line: Number(err?.lines) || 0, column: "(row)", value: null, reason: err?.message ?? "CSV syntax error" });
        return undefined;
      },
    }),
  );
  // Position in logColumns → position in the file's fields (−1 = absent).
  let at: number[] | undefined;
  let width = 0;
  const fields: (string | undefined)[] = new Array(logColumns.length);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (at === undefined) {
        builder.header(record, info.lines);
        at = logColumns.map((c) => record.indexOf(c));
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
      throw new LogFormatError(path, { line: Number(err.lines) || 0, column: "(row)", value: null, reason: err.message });
    }
    throw err;
  }
  if (at === undefined) builder.header([], 1);
}

async function readJsonLines(path: string, builder: SendLogBuilder): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
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
      builder.bad({ line, column: "(row)", value: text.slice(0, 200), reason: `not valid JSON (${(err as Error).message})` });
      continue;
    }
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      builder.bad({ line, column: "(row)", value: text.slice(0, 200), reason: "expected a JSON object" });
      continue;
    }
    const obj = row as Record<string, unknown>;
    builder.columnsSeen(Object.keys(obj));
    let bad = false;
    for (let c = 0; c < logColumns.length; c++) {
      const name = logColumns[c]!;
      const v = obj[name];
      if (v === undefined) fields[c] = undefined;
      else if (v === null) fields[c] = "";
      else if (typeof v === "string") fields[c] = v.trim();
      else if (typeof v === "number" && Number.isFinite(v)) fields[c] = String(v);
      else {
        builder.bad({ line, column: name, value: JSON.stringify(v), reason: "expected a string, a number or null" });
        bad = true;
        break;
      }
    }
    if (!bad) builder.add(line, fields);
  }
}
