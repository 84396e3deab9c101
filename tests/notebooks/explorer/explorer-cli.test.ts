import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { explorerCli } from "../../../notebooks/explorer.ts";
import { InputError } from "../../../experiments/inputs/params.ts";

describe("notebooks/explorer.ts", () => {
  const dir = mkdtempSync(join(tmpdir(), "explorer-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = () => {
    const out: string[] = [];
    return { out, io: { stdout: { write: (text: string) => out.push(text) } } };
  };

  it("writes one self-contained page to --out and prints its absolute path", async () => {
    const { out, io: sink } = io();
    const path = join(dir, "page.html");
    expect(await explorerCli(["--out", path], sink)).toBe(0);
    expect(out).toEqual([`${path}\n`]);
    const html = readFileSync(path, "utf8");
    // Two scripts, the worker's inert; nothing loaded from anywhere; a policy that allows no request.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="text/plain" id="explorer-worker">', "<script>"]);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>");
    expect(markup).not.toMatch(/\b(?:src|href)\s*=|@import|https?:\/\//i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;unsafe-inline&#39;; worker-src blob:;/);
  });

  it("refuses a bad option in one line, naming it and what is allowed", async () => {
    await expect(explorerCli(["--outt", "x.html"], io().io)).rejects.toThrow(InputError);
    await expect(explorerCli(["--outt", "x.html"], io().io)).rejects.toThrow(/--outt: unknown option; did you mean --out\? allowed: .*--out FILE/);
    await expect(explorerCli(["--out", " "], io().io)).rejects.toThrow(/^--out: "" is not allowed/);
  });
});
