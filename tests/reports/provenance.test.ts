import { execFileSync } from "node:child_process";
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

  it("is HEAD's short hash inside this repository", () => {
    const root = new URL("../..", import.meta.url).pathname;
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    const commit = gitCommit(root);
    expect(commit).toMatch(/^[0-9a-f]{4,40}$/);
    expect(commit).toBe(git("rev-parse", "--short", "HEAD"));
    expect(git("rev-parse", "HEAD").startsWith(commit!)).toBe(true);
  });
});
