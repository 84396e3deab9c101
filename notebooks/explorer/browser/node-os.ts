/**
 * What the page answers for the two `node:os` functions the run-size estimate calls
 * (runner/run-estimate.ts), so that the explorer refuses a team too large to compute
 * with the command line's own estimate: the browser's cores and, where it says, memory.
 */
export function availableParallelism(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/** Bytes; `navigator.deviceMemory` (GiB, Chromium only) or 4 GiB. */
export function totalmem(): number {
  return ((navigator as { deviceMemory?: number }).deviceMemory ?? 4) * 2 ** 30;
}
