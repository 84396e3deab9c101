import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitCommit, packageVersion } from "../../reports/provenance.ts";

describe("packageVersion", () => {
  it("is the version in package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(packageVersion).toBe(pkg.version);
  });
});

describe("gitCommit", () => {
  it("is undefined outside a git checkout", () => {
    const dir = mkdtempSync(join(tmpdir(), "no-git-"));
    try {
      expect(gitCommit(dir)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is a short hex hash or undefined (no commit yet) inside this repository", () => {
    const commit = gitCommit(new URL("../..", import.meta.url).pathname);
    if (commit !== undefined) expect(commit).toMatch(/^[0-9a-f]{4,40}$/);
  });
});
