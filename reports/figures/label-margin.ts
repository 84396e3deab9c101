export const defaults = {
  /** Figure text size, px (the page style sets 12 px over Plot's 10 px). */
  fontSize: 12,
  /** Upper bound of the average glyph width of system-ui, in em; errs wide so labels never clip. */
  glyphEm: 0.6,
  /** Tick length + tick padding + slack, px. */
  gap: 18,
} as const;

/**
 * Margin in px wide enough for the longest of `labels` as tick labels beside
 * an axis. Plot 0.6 does not size margins to labels, and under Node there is
 * no font to measure, so this is an estimate from character counts that errs wide.
 */
export function labelMargin(labels: readonly string[], minimum = 40): number {
  const longest = Math.max(0, ...labels.map((label) => [...label].length));
  return Math.max(minimum, Math.ceil(longest * defaults.glyphEm * defaults.fontSize + defaults.gap));
}
