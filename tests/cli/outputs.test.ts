import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dirOutput, manifestName, writeDirOutput } from "../../cli/outputs.ts";

describe("directory outputs", () => {
  it("replace a directory of ours whole, and only while it holds nothing else", async () => {
    const parent = mkdtempSync(join(tmpdir(), "outputs-"));
    const dir = join(parent, "tables");
    await writeDirOutput(dirOutput("--out", dir, false), { "a.csv": "1\n" }, "test");
    expect(readdirSync(dir).sort()).toEqual([manifestName, "a.csv"].sort());

    // A re-run replaces its own directory.
    await writeDirOutput(dirOutput("--out", dir, false), { "a.csv": "2\n" }, "test");
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("2\n");

    // A file the user puts there between the check and the write survives: nothing is written.
    const checked = dirOutput("--out", dir, false);
    writeFileSync(join(dir, "notes.txt"), "mine");
    await expect(writeDirOutput(checked, { "a.csv": "3\n" }, "test")).rejects.toThrow(/notes\.txt.*nothing was written/);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe("2\n");
    expect(readdirSync(parent)).toEqual(["tables"]);

    // And the check before a run refuses it from then on.
    expect(() => dirOutput("--out", dir, false)).toThrow(/notes\.txt/);
  });
});
