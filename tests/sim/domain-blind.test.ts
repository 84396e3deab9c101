import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const simDir = join(import.meta.dirname, "../../sim");
const files = readdirSync(simDir).filter((f) => f.endsWith(".ts"));

// That sim/ imports nothing of ours is one row of the layers table (tests/layers.test.ts).
describe("sim/ is domain-blind", () => {
  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files)("%s never speaks of the domain", (file) => {
    const text = readFileSync(join(simDir, file), "utf8");
    expect(text).not.toMatch(/credit|inmail|sender|\btier\b|refund|linkedin|recruit/i);
  });
});
