/**
 * The split of the test files into the fast set and end-to-end (tests/support/test-sets.ts)
 * holds: a file of the fast set starts no command, process, browser or Redis, and a file
 * listed as end-to-end for one of them still starts it (else it belongs in the fast set).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { endToEnd, fastDespite, shows, type Reason } from "./support/test-sets.ts";

const root = resolve(import.meta.dirname, "..");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") ? [relative(root, path)] : [];
  });
}

const all = testFiles(join(root, "tests")).sort();
const fast = all.filter((f) => endToEnd[f] === undefined);
/** What a file's text shows it starts. */
const shown = (file: string): Reason[] => {
  const text = readFileSync(join(root, file), "utf8");
  return (Object.keys(shows) as (keyof typeof shows)[]).filter((r) => shows[r].test(text));
};

describe("test sets", () => {
  it("lists only test files that exist, and leaves most in the fast set", () => {
    expect(Object.keys(endToEnd).filter((f) => !all.includes(f))).toEqual([]);
    expect(fast.length).toBeGreaterThan(all.length / 2);
  });

  it("no file of the fast set starts a command, a process, Chromium or Redis", () => {
    const starting = fast
      .filter((f) => fastDespite[f] === undefined)
      .map((f) => [f, shown(f)] as const)
      .filter(([, r]) => r.length > 0);
    expect(starting, "move these to endToEnd in tests/support/test-sets.ts, with what they start").toEqual([]);
  });

  it("every file listed as end-to-end for what it starts still starts it", () => {
    const stale = Object.entries(endToEnd).flatMap(([f, reasons]) => reasons.filter((r) => r !== "slow" && !shown(f).includes(r)).map((r) => `${f}: ${r}`));
    expect(stale, "no longer true: drop the reason (a file with none left belongs in the fast set)").toEqual([]);
  });

  it("an exception of the fast set is a fast-set file that shows a reason", () => {
    for (const f of Object.keys(fastDespite)) {
      expect(fast).toContain(f);
      expect(shown(f).length).toBeGreaterThan(0);
    }
  });
});
