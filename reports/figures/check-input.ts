/** What one column of a figure's rows must hold. */
export type ColumnRule =
  | "number" // finite number
  | "number?" // finite number, or absent/null
  | "string" // non-empty string
  | readonly string[]; // one of these strings

/**
 * Checks a figure's input once, at the edge, so the figure code can trust it.
 * Throws an Error naming the figure, the row and the column
 * (`capacityVsReplyRate: rows[3].mean must be a finite number, got "abc"`),
 * or if `rows` is not a non-empty array.
 */
export function checkRows(figure: string, rows: unknown, rules: Readonly<Record<string, ColumnRule>>): void {
  if (!Array.isArray(rows)) throw new Error(`${figure}: rows must be an array`);
  if (rows.length === 0) throw new Error(`${figure}: rows must not be empty`);
  const entries = Object.entries(rules);
  rows.forEach((row: unknown, i) => {
    if (row === null || typeof row !== "object") throw new Error(`${figure}: rows[${i}] must be an object`);
    for (const [name, rule] of entries) {
      const value = (row as Record<string, unknown>)[name];
      const problem = violation(value, rule);
      if (problem !== undefined) {
        throw new Error(`${figure}: rows[${i}].${name} must be ${problem}, got ${show(value)}`);
      }
    }
  });
}

/** Checks the options every figure shares; returns nothing, throws on bad values. */
export function checkWidth(figure: string, width: number): void {
  if (!Number.isFinite(width) || width < 200) throw new Error(`${figure}: width must be a number ≥ 200 px, got ${show(width)}`);
}

function violation(value: unknown, rule: ColumnRule): string | undefined {
  if (rule === "number") return Number.isFinite(value) ? undefined : "a finite number";
  if (rule === "number?") return value == null || Number.isFinite(value) ? undefined : "a finite number or absent";
  if (rule === "string") return typeof value === "string" && value !== "" ? undefined : "a non-empty string";
  return typeof value === "string" && rule.includes(value) ? undefined : `one of ${rule.map((v) => `"${v}"`).join(", ")}`;
}

function show(value: unknown): string {
  return value === undefined ? "undefined" : typeof value === "number" ? String(value) : JSON.stringify(value);
}
