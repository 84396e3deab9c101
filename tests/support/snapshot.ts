import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** Committed snapshots live here; a mismatch writes `<name>-changed.<ext>` beside them (never commit those). */
export const SNAPSHOT_DIR = fileURLToPath(new URL("../reports/snapshots/", import.meta.url));

/**
 * Makes figure markup comparable across platforms and harmless float noise:
 * numbers rounded to 2 decimals, whitespace collapsed, one tag per line so a
 * diff points at the element that changed.
 */
export function normaliseMarkup(markup: string): string {
  return markup
    .replace(/-?\d*\.\d+(?:e[-+]?\d+)?/gi, (n) => {
      const rounded = Number(Number(n).toFixed(2));
      return String(Object.is(rounded, -0) ? 0 : rounded);
    })
    .replace(/\s+/g, " ")
    .replace(/> </g, "><")
    .replace(/></g, ">\n<")
    .trim()
    .concat("\n");
}

/**
 * Observable Plot's snapshot protocol: compares normalised `markup` with
 * snapshots/<name>.svg (or .html when the markup is not a bare <svg>). A
 * missing snapshot is written and the test passes, except under CI, where it
 * fails so a forgotten snapshot cannot pass silently. On a mismatch, writes
 * <name>-changed.<ext> for inspection and fails; on a match, removes any stale
 * changed file.
 */
export function expectSnapshot(name: string, markup: string): void {
  const ext = markup.trimStart().startsWith("<svg") ? "svg" : "html";
  const actual = normaliseMarkup(markup);
  const path = `${SNAPSHOT_DIR}${name}.${ext}`;
  const changed = `${SNAPSHOT_DIR}${name}-changed.${ext}`;
  if (!existsSync(path)) {
    if (process.env.CI) expect.fail(`snapshot ${path} is missing; run the tests locally and commit it`);
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, "utf8");
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name} differs from its snapshot; see ${changed} (replace ${path} with it if the change is intended)`);
}
