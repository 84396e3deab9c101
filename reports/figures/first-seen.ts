/**
 * Distinct values of `key` in order of first appearance: the caller's row
 * order fixes colour and axis order, instead of an alphabetical sort that
 * would put "Premium Business" before "Premium Career" whatever the data says.
 */
export function firstSeen<K extends string>(rows: readonly Readonly<Record<K, unknown>>[], key: K): string[] {
  return [...new Set(rows.map((row) => String(row[key])))];
}
