/**
 * Escapes a value for use as HTML text or inside a double- or single-quoted
 * attribute. `null`/`undefined` become the empty string; anything else goes
 * through `String()` first, so callers never build markup from raw input.
 */
export function escapeHtml(value: unknown): string {
  if (value == null) return "";
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c as keyof typeof ENTITIES]);
}

const ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
} as const;
