import { asTable, type TableInput } from "./as-table.ts";

/**
 * Formats a table as CSV: header row, `,` delimiter, fields containing `"`,
 * `,`, CR or LF quoted with `""` doubling (RFC 4180 quoting), null/undefined
 * as an empty field, dates as ISO 8601 UTC. Rows end in LF, not the RFC's
 * CRLF; every spreadsheet and CSV reader accepts both. Numbers are written
 * with full precision (`String(x)`), never formatted for people.
 */
export function toCsv(input: TableInput): string {
  return asTable(input).toCSV();
}
