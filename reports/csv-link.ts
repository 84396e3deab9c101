import { asTable, type TableInput } from "./as-table.ts";
import { toCsv } from "./csv.ts";
import { escapeHtml } from "./escape-html.ts";

/** The data behind a figure, offered as a download embedded in the page. */
export interface CsvDownload {
  /** File name offered to the browser, e.g. "capacity-by-plan.csv". */
  readonly filename: string;
  readonly table: TableInput;
}

/**
 * A `data:` URI holding `csv` as percent-encoded UTF-8 (`encodeURIComponent`),
 * so `decodeURIComponent` of everything after the first comma gives the CSV back.
 */
export function csvDataUri(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/**
 * An `<a download>` link carrying the table as CSV, so the page needs no
 * server and the data travels with it. The filename is escaped, not checked;
 * `renderPage` checks it.
 */
export function csvDownloadLink(download: CsvDownload): string {
  const table = asTable(download.table);
  const rows = table.numRows();
  const href = csvDataUri(toCsv(table));
  const label = `Download the data (${download.filename}, ${rows.toLocaleString("en-US")} ${rows === 1 ? "row" : "rows"})`;
  return `<a class="download" download="${escapeHtml(download.filename)}" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}
