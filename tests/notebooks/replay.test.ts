import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "../support/browser-check.ts";
import { root, runTsx } from "../support/run-cli.ts";

const SAMPLE = "data/sample-send-log.csv";
const dir = mkdtempSync(join(tmpdir(), "replay-report-"));
const FAST = ["--draws", "4", "--accounts", "3", "--cycles", "3"];

describe("notebooks/replay.ts", () => {
  const out = join(dir, "report.html");

  it("writes the report atomically and prints its path", () => {
    const r = runTsx("notebooks/replay.ts", ["--log", SAMPLE, "--out", out, ...FAST]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    const html = readFileSync(out, "utf8");
    for (const heading of ["Cost per conversation on every plan", "Balance over time", "Credits: the same log on every plan", "Outcome probabilities", "Response delay", "Forecast"])
      expect(html).toContain(heading);
    expect(html).not.toMatch(/<script/i);
  });

  it("passes the browser check: no console errors, drawn marks, no overflow, CSV links decode", async (ctx) => {
    requireChromium(ctx);
    if (!existsSync(out)) runTsx("notebooks/replay.ts", ["--log", SAMPLE, "--out", out, ...FAST]);
    for (const viewport of [
      { width: 1000, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const summary = await checkReportInBrowser(out, join(ARTIFACTS, `replay-${viewport.width}.png`), { viewport });
      expect(summary.figures).toBe(4);
      expect(summary.csvLinks).toBe(7);
    }
  });

  it("a malformed row: exit 2 with its line, and no report written", () => {
    const lines = readFileSync(join(root, SAMPLE), "utf8").split("\n").slice(0, 40);
    const f = lines[6]!.split(",");
    f[2] = "replied";
    f[3] = "2025-12-31T00:00:00Z";
    lines[6] = f.join(",");
    const path = join(dir, "before-sent.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const never = join(dir, "never.html");
    const r = runTsx("notebooks/replay.ts", ["--log", path, "--out", never]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/before-sent\.csv:7: respondedAt: "2025-12-31T00:00:00Z": is before sentAt/);
    expect(existsSync(never)).toBe(false);
  });

  it("a short log (the sample's first 199 rows, 26 days) renders: the sections it supports, the forecast refused with its reason", () => {
    const lines = readFileSync(join(root, SAMPLE), "utf8").split("\n").slice(0, 200);
    const path = join(dir, "short.csv");
    writeFileSync(path, `${lines.join("\n")}\n`);
    const page = join(dir, "short.html");
    const r = runTsx("notebooks/replay.ts", ["--log", path, "--out", page, ...FAST]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).toContain("The answer");
    expect(html).toMatch(/No forecast: only 0 InMails are settled/);
    expect(html).not.toMatch(/NaN/);
  });
});
