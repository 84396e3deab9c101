/** Formats a 0–1 fraction as a percentage number for tick labels: 0.05 → "5", 0.125 → "12.5" (the axis label carries the "%"). */
export function percentTick(fraction: number): string {
  return String(Math.round(fraction * 1000) / 10);
}
