import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeStreamAtomic } from "../../files/write-atomic.ts";

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

  it("streams: the old file stays whole until the stream has finished, then the new one replaces it", async () => {
    const dir = tempDir();
    const path = join(dir, "log.csv");
    await writeFileAtomic(path, "old\n");
    await writeStreamAtomic(path, async (file) => {
      for (let i = 0; i < 1000; i++) file.write(`row ${i}\n`);
      expect(readFileSync(path, "utf8")).toBe("old\n");
      file.end();
    });
    const lines = readFileSync(path, "utf8").split("\n");
    expect(lines.length).toBe(1001);
    expect(lines[999]).toBe("row 999");
    expect(readdirSync(dir)).toEqual(["log.csv"]);
  });

  it("streams: a failing writer leaves the old file and no temporary file", async () => {
    const dir = tempDir();
    const path = join(dir, "log.csv");
    await writeFileAtomic(path, "old\n");
    await expect(
      writeStreamAtomic(path, async (file) => {
        file.write("partial\n");
        throw new Error("row 7 is bad");
      }),
    ).rejects.toThrow("row 7 is bad");
    expect(readFileSync(path, "utf8")).toBe("old\n");
    expect(readdirSync(dir)).toEqual(["log.csv"]);
  });
});
