import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, runTsx } from "./run-cli.ts";

const SAMPLE = "data/sample-send-log.csv";
const dir = mkdtempSync(join(tmpdir(), "replay-cli-"));

/** The sample's first `rows` rows with line `line` (1 = header) changed by `edit`. */
function logWithBadLine(name: string, line: number, edit: (fields: string[]) => string[], rows = 60): string {
  const lines = readFileSync(join(root, SAMPLE), "utf8").split("\n").slice(0, rows + 1);
  lines[line - 1] = edit(lines[line - 1]!.split(",")).join(",");
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("scenarios/replay.ts", () => {
  it("replays the sample on its plan to the simulation's ledger, with the what-if table", () => {
    const r = runTsx("scenarios/replay.ts", ["--log", SAMPLE, "--plan", "recruiter-lite", "--policy", "linkedin", "--end", "2026-12-27T00:00:00Z", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.replay.totals).toMatchObject({ granted: 2160, spent: 3060, refunded: 900, expired: 0, forfeited: 0, closingBalance: 0, unsendable: 0 });
    expect(out.whatIf).toHaveLength(10);
    const career = out.whatIf.find((w: { plan: string; policy: string }) => w.plan === "premium-career" && w.policy === "guide");
    expect(career.unsendable).toBeGreaterThan(0);
    expect(career.firstUnsendableAt).toMatch(/^2026-01-0/);
    expect(out.replay.daily.length).toBe(360);
  });

  it("a malformed row fails with its line number, column and value; exit 2, nothing on stdout", () => {
    const path = logWithBadLine("bad-date.csv", 20, (f) => ((f[0] = "2026-02-30T10:00:00Z"), f));
    const r = runTsx("scenarios/replay.ts", ["--log", path, "--plan", "recruiter-lite"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad-date\.csv:20: sentAt: "2026-02-30T10:00:00Z": expected an ISO 8601/);
  });

  it("with --skip-bad it completes and reports the skipped row and how many", () => {
    const path = logWithBadLine("bad-outcome.csv", 33, (f) => ((f[2] = "maybe"), f));
    const r = runTsx("scenarios/replay.ts", ["--log", path, "--plan", "recruiter-lite", "--skip-bad"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/skipped .*bad-outcome\.csv:33: outcome: "maybe"/);
    expect(r.stderr).toMatch(/skipped 1 bad row; read the other 59/);
    expect(r.stdout).toMatch(/59 rows/);
  });

  it("refuses the Basic plan (G2) with a clear reason, exit 2", () => {
    const r = runTsx("scenarios/replay.ts", ["--log", SAMPLE, "--plan", "basic"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot send InMail: a free \(Basic\) account has 0 credits \(guide G2\)/);
  });
});
