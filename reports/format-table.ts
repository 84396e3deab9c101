import { asTable, type TableInput } from "./as-table.ts";
import { escapeHtml } from "./escape-html.ts";
import { formatInterval, numberFormatter, type NumberFormat } from "./number-format.ts";

export const defaults = {
  /** Decimals for a numeric column with non-integer values and no spec. */
  fractionDigits: 2,
} as const;

/** How one displayed column is labelled and formatted. */
export interface ColumnSpec extends NumberFormat {
  /** Header text. Default: the column key. */
  readonly label?: string;
  /**
   * Show "lo – hi" built from these two columns (formatted with this spec's
   * number format); the column key is then only a name and need not exist.
   */
  readonly interval?: readonly [lo: string, hi: string];
}

/** A table for people: data plus, optionally, which columns to show and how. */
export interface TableSpec {
  readonly data: TableInput;
  /**
   * Displayed columns in order, keyed by column name. Default: every column;
   * numeric columns get thousands separators and 0 decimals when all values
   * are integers, else 2.
   */
  readonly columns?: Readonly<Record<string, ColumnSpec>>;
}

/**
 * Renders a table as an HTML `<table>`: every header and cell escaped,
 * numeric columns right-aligned (class `num`).
 * Throws if `columns` names a column the data lacks.
 */
export function tableToHtml(spec: TableSpec): string {
  const table = asTable(spec.data);
  const names = table.columnNames();
  const rows = table.objects() as Record<string, unknown>[];
  const columns = resolveColumns(spec.columns, names, rows);
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`);
  const body = rows.map((row) => `<tr>${columns.map((c) => `<td${c.numeric ? ' class="num"' : ""}>${escapeHtml(c.cell(row))}</td>`).join("")}</tr>`);
  return `<table><thead><tr>${head.join("")}</tr></thead><tbody>${body.join("\n")}</tbody></table>`;
}

interface ResolvedColumn {
  readonly label: string;
  readonly numeric: boolean;
  readonly cell: (row: Record<string, unknown>) => string;
}

function resolveColumns(specs: TableSpec["columns"], names: readonly string[], rows: readonly Record<string, unknown>[]): ResolvedColumn[] {
  const isNumeric = (name: string) => rows.every((r) => r[name] == null || typeof r[name] === "number");
  const check = (name: string, key: string) => {
    if (!names.includes(name)) {
      throw new Error(`table column "${key}": no column "${name}" in data (columns: ${names.join(", ")})`);
    }
  };
  if (specs === undefined) {
    return names.map((name) => {
      const numeric = isNumeric(name);
      const integers = rows.every((r) => r[name] == null || Number.isInteger(r[name]));
      const format = numeric ? numberFormatter({ digits: integers ? 0 : defaults.fractionDigits }) : String;
      return { label: name, numeric, cell: (row) => (row[name] == null ? "" : format(row[name])) };
    });
  }
  return Object.entries(specs).map(([key, spec]) => {
    const format = numberFormatter(spec);
    const label = spec.label ?? key;
    if (spec.interval !== undefined) {
      const [lo, hi] = spec.interval;
      check(lo, key);
      check(hi, key);
      return { label, numeric: true, cell: (row) => formatInterval(row[lo], row[hi], format) };
    }
    check(key, key);
    return { label, numeric: isNumeric(key), cell: (row) => format(row[key]) };
  });
}
