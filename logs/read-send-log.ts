/**
 * Streams a send log file (CSV with a header line, or JSON lines) into a SendLog,
 * row by row, without holding the text: memory is the compact columns only. The rows,
 * checks and messages are those of parse-send-log-text.ts (the same reader for a text
 * already in memory, e.g. in a page); the CSV delimiter is taken from the file's first
 * line unless given.
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
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { createInterface } from "node:readline";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import { CsvRows, detectDelimiter, firstLine, jsonInCsv, jsonLine, logBuilder, logFormat, type SendLogReadOptions } from "./parse-send-log-text.ts";
import { logColumns, type SendLog, type SendLogBuilder } from "./send-log.ts";

export { logFormat, parseSendLogText, type SendLogReadOptions } from "./parse-send-log-text.ts";
export type ReadSendLogOptions = SendLogReadOptions;

export async function readSendLog(path: string, options: ReadSendLogOptions = {}): Promise<SendLog> {
  const builder = logBuilder(path, options);
  const format = options.format ?? logFormat(path);
  const delimiter = format === "csv" ? (options.delimiter ?? detectDelimiter(headOf(path))) : ",";
  const lines = checkedLines(path, builder, format);
  if (format === "jsonl") await readJsonLines(lines, builder);
  else await readCsv(lines, builder, options.skipBad ?? false, delimiter);
  return builder.finish();
}

/** The first line of the file (of its first 64 KiB), for the delimiter; "" when it cannot be read here (the stream reports why). */
function headOf(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buf = Buffer.alloc(65_536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return firstLine(buf.subarray(0, n).toString("utf8"));
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
      const text = bytes
        .toString("utf8")
        .replace(/^\uFEFF/, "")
        .trim();
      if (text !== "") {
        firstSeen = true;
        if (format === "csv" && text.startsWith("{")) {
          throw builder.fatal(jsonInCsv(line));
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

async function readCsv(input: Transform, builder: SendLogBuilder, skipBad: boolean, delimiter: string): Promise<void> {
  const rows = new CsvRows(builder);
  const parser = input.pipe(parse(rows.options(delimiter, skipBad)));
  input.on("error", (err) => parser.destroy(err));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) rows.record(record, info.lines);
  } catch (err) {
    // Fatal even when skipping: the rest of the file could not be read.
    throw rows.failure(err);
  }
  rows.end();
}

async function readJsonLines(input: Transform, builder: SendLogBuilder): Promise<void> {
  const lines = createInterface({ input: input.setEncoding("utf8"), crlfDelay: Infinity });
  input.on("error", (err) => lines.emit("error", err));
  const fields: (string | undefined)[] = new Array(logColumns.length);
  let line = 0;
  for await (const raw of lines) {
    line++;
    jsonLine(builder, line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw, line, fields);
  }
}
