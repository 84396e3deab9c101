import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../reports/write-atomic.ts";

describe("writeFileAtomic", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "write-atomic-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("creates missing parents, writes, and leaves no temporary file", async () => {
    const dir = tempDir();
    const path = join(dir, "a", "b", "page.html");
    await writeFileAtomic(path, "<p>1</p>");
    expect(readFileSync(path, "utf8")).toBe("<p>1</p>");
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["page.html"]);
  });

  it("replaces an existing file", async () => {
    const path = join(tempDir(), "page.html");
    await writeFileAtomic(path, "old");
    await writeFileAtomic(path, "new");
    expect(readFileSync(path, "utf8")).toBe("new");
  });

  it("cleans up and rethrows when the target cannot be replaced", async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, "taken", "x"), "x"); // "taken" is now a non-empty directory
    await expect(writeFileAtomic(join(dir, "taken"), "y")).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});
