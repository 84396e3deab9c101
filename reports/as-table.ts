import * as aq from "arquero";
import type { ColumnTable } from "arquero";

/** A table as the report layer accepts it: an arquero table or flat row objects. */
export type TableInput = ColumnTable | readonly object[];

/**
 * Returns `input` as an arquero table. Row objects are read with the column
 * names of the first row (rows are flat with fixed columns), so an empty array
 * gives a table with no columns.
 */
export function asTable(input: TableInput): ColumnTable {
  return Array.isArray(input) ? aq.from(input) : (input as ColumnTable);
}
