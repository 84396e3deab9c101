import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOptions } from "../../cli/log-cli.ts";
import { replaySpec } from "../../commands/replay.ts";
import { replayFromOptions } from "../../cli/log-replay.ts";
import { replayText } from "../../logs/replay-report.ts";
import { root, runTsx } from "../support/run-cli.ts";

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

describe("commands/replay.ts", () => {
  it("replays the sample on its plan to the simulation's ledger, with the what-if table", () => {
    const r = runTsx("commands/replay.ts", ["--log", SAMPLE, "--plan", "recruiter-lite", "--policy", "linkedin", "--end", "2026-12-27T00:00:00Z", "--json"]);
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
    const r = runTsx("commands/replay.ts", ["--log", path, "--plan", "recruiter-lite"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad-date\.csv:20: sentAt: "2026-02-30T10:00:00Z": is not a real date or time; expected an ISO 8601/);
  });

  it("with --skip-bad it completes and reports the skipped row and how many", () => {
    const path = logWithBadLine("bad-outcome.csv", 33, (f) => ((f[2] = "maybe"), f));
    const r = runTsx("commands/replay.ts", ["--log", path, "--plan", "recruiter-lite", "--skip-bad"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/skipped .*bad-outcome\.csv:33: outcome: "maybe"/);
    expect(r.stderr).toMatch(/skipped 1 bad row; read the other 59/);
    expect(r.stdout).toMatch(/59 rows/);
  });

  it("refuses the Basic plan (G2) with a clear reason, exit 2", () => {
    const r = runTsx("commands/replay.ts", ["--log", SAMPLE, "--plan", "basic"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot send InMail: a free \(Basic\) account has 0 credits \(guide G2\)/);
  });

  it("defaults to LinkedIn's rules, says so, and gives the cost per conversation of every plan; --set works like the flags", async () => {
    const o = parseOptions(replaySpec, ["--log", SAMPLE, "--set", "plan=Recruiter Lite", "--set", "price.recruiter-lite=100", "--end", "2026-12-27"]);
    const { report: out } = await replayFromOptions(o, replaySpec.command);
    expect(out.params).toMatchObject({ plan: "recruiter-lite", policy: "linkedin", end: "2026-12-27T00:00:00.000Z" });
    const text = replayText(out);
    expect(text).toMatch(/^replay of data\/sample-send-log\.csv with LinkedIn's rules \(policy linkedin:/);
    expect(text).toMatch(/limited by credits: the seats held no credits on \d+\.\d% of seat-days/);
    const costTable = text.split("cost per conversation —")[1]!.split("what if")[0]!;
    for (const plan of ["premium-career", "premium-business", "sales-navigator", "recruiter-lite", "recruiter"]) {
      expect(costTable).toMatch(new RegExp(`\\n  ${plan} +\\d+\\.\\d\\d .* \\d+\\.\\d\\d\\n`));
    }
    const lite = out.whatIf.find((w) => w.plan === "recruiter-lite" && w.policy === "linkedin")!;
    // 6 seats × 12 monthly grants × $100; the conversations are the log's own positive responses.
    expect(lite.costUsd).toBe(6 * 12 * 100);
    expect(lite.conversations).toBe(out.replay!.totals.conversations);
    expect(lite.costPerConversationUsd).toBeCloseTo(7200 / lite.conversations, 9);
    const c = out.replay!.creditLimits;
    expect(c.shareWithoutCredits).toBeCloseTo(c.seatDaysWithoutCredits / c.seatDays, 12);
    expect(c.deferredInMails).toBe(Math.round(c.seatDaysWithoutCredits * c.sendsPerSeatPerDayWithCredits));
  });

  it("--anchor before 2003 exits 2 naming --anchor", () => {
    const r = runTsx("commands/replay.ts", ["--log", SAMPLE, "--anchor", "0001-01-01T00:00:00Z"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^commands\/replay\.ts: --anchor: "0001-01-01T00:00:00Z" is before 2003-01-01/);
  });

  it("a real export (Date Sent, Candidate, Status, Replied On; naive times) replays with --map and --timezone", async () => {
    const args = ["--log", "tests/commands/fixtures/tool-export.csv", "--timezone", "Europe/Paris", "--json"];
    const maps = ["--map", "Date Sent=sentAt", "--map", "Candidate=recipientId", "--map", "Status=outcome", "--map", "Replied On=respondedAt"];
    const r = runTsx("commands/replay.ts", [...args, ...maps]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.log).toMatchObject({ rows: 12, columns: ["sentAt", "recipientId", "outcome", "respondedAt"], ignoredColumns: ["Notes"], firstSentAt: "2026-01-05T08:30:00.000Z" });
    // Accepted, Replied, Interested, replied and Accepted again: five conversations, on every plan that sends them all.
    const lite = out.whatIf.find((w: { plan: string; policy: string }) => w.plan === "recruiter-lite" && w.policy === "linkedin");
    expect(lite).toMatchObject({ sent: 12, unsendable: 0, conversations: 5 });
    // The header names are common ones: the aliases read them without --map too.
    const plain = await replayFromOptions(parseOptions(replaySpec, args), replaySpec.command);
    expect(JSON.parse(JSON.stringify(plain.report.whatIf))).toEqual(out.whatIf);
    // Without --timezone the naive time is an error that suggests it.
    const naive = runTsx("commands/replay.ts", ["--log", "tests/commands/fixtures/tool-export.csv"]);
    expect(naive.status).toBe(2);
    expect(naive.stderr).toMatch(/tool-export\.csv:2: sentAt: "2026-01-05 09:30": has no time zone; .*--timezone Area\/City/);
  });
});

