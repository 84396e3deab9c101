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
  const lines = readFileSync(join(root, SAMPLE), "utf8")
    .split("\n")
    .slice(0, rows + 1);
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

/**
 * One 300-row log as three spreadsheet exports: US dates (BOM, CRLF), EU dates with
 * semicolons and a BOM, Excel serials with decimal commas. Times are New York wall clock.
 */
function exports300(): Record<"us" | "eu" | "serial", string> {
  const p2 = (n: number) => String(n).padStart(2, "0");
  const fields = (d: Date) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as const;
  type F = ReturnType<typeof fields>;
  const us = (a: F) => `${p2(a[1])}/${p2(a[2])}/${a[0]} ${p2(a[3])}:${p2(a[4])}`;
  const eu = (a: F) => `${p2(a[2])}.${p2(a[1])}.${a[0]} ${p2(a[3])}:${p2(a[4])}`;
  const serial = (a: F) => String((Date.UTC(a[0], a[1] - 1, a[2], a[3], a[4]) - Date.UTC(1899, 11, 30)) / 86_400_000).replace(".", ",");
  const statuses = ["Accepted", "Replied", "Declined", "No response", "No response", "No response", ""];
  const rows = Array.from({ length: 300 }, (_, i) => {
    const sent = new Date(Date.UTC(2026, 0, 5 + Math.floor(i / 3.5), 9 + (i % 8), (i * 7) % 60));
    const status = statuses[(i * 5) % statuses.length]!;
    const replied = ["Accepted", "Replied", "Declined"].includes(status) ? new Date(sent.getTime() + (1 + (i % 4)) * 86_400_000) : null;
    return { sent: fields(sent), status, replied: replied && fields(replied), owner: ["Alice", "Bob", "Chen"][i % 3]!, i };
  });
  const write = (sep: string, f: (a: F) => string, eol: string) =>
    `\uFEFF${["Date Sent", "Candidate", "Status", "Replied On", "Owner"].join(sep)}${eol}` +
    rows.map((r) => [f(r.sent), `Cand ${r.i}`, r.status, r.replied ? f(r.replied) : "", r.owner].join(sep)).join(eol) +
    eol;
  return { us: write(",", us, "\r\n"), eu: write(";", eu, "\n"), serial: write(";", serial, "\n") };
}

describe("commands/replay.ts on spreadsheet exports", () => {
  const files = exports300();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), text);
  const run = async (name: string, ...args: string[]) => {
    const o = parseOptions(replaySpec, ["--log", join(dir, `${name}.csv`), "--timezone", "America/New_York", ...args]);
    return (await replayFromOptions(o, "commands/replay.ts")).report;
  };

  it("US dates, EU dates with semicolons and a BOM, and Excel serials give one and the same replay", async () => {
    const [us, eu, serial] = await Promise.all([run("us", "--plan", "premium-business"), run("eu", "--plan", "premium-business"), run("serial", "--plan", "premium-business")]);
    const same = (r: typeof us) => JSON.stringify({ ...r, log: { ...r.log, file: "", dates: null } });
    expect(same(eu)).toBe(same(us));
    expect(same(serial)).toBe(same(us));
    expect(us.log.rows).toBe(300);
    expect(us.log.dates).toMatchObject({ order: "MM/DD/YYYY", source: "the file" });
    expect(eu.log.dates).toMatchObject({ order: "DD/MM/YYYY", source: "the file" });
    expect(serial.log.dates).toMatchObject({ order: null, excelSerials: true });
    // The first row: 2026-01-05 09:00 in New York is 14:00 UTC.
    expect(us.log.firstSentAt).toBe("2026-01-05T14:00:00.000Z");
  });

  it("states the observed response rate, positive share and per-seat rates, and the team planner's command", async () => {
    const r = await run("us", "--plan", "premium-business");
    const o = r.observed;
    // Statuses cycle every 7 rows: 3 answers (1 declined) in 7, whatever the window.
    expect(o.responseRate).toBeGreaterThan(0.38);
    expect(o.responseRate).toBeLessThan(0.48);
    expect(o.positiveShare).toBeGreaterThan(0.6);
    expect(o.positiveShare).toBeLessThan(0.73);
    expect(o.responseRateCi95[0]).toBeLessThan(o.responseRate);
    expect(o.seats).toBe(3);
    expect(o.inmailsPerSeatPerWorkingDay).toBeCloseTo(300 / (3 * o.workingDays), 10);
    const text = replayText(r);
    expect(text).toContain(`observed: response rate ${(100 * o.responseRate).toFixed(1)}%`);
    expect(text).toContain("npx tsx scenarios/team.ts --set seats=3 --set plan=premium-business --set responseRate=");
  });

  it("says how many more InMails the log sends than its credits allow, and --opening-balance auto leaves none unsendable", async () => {
    const plain = await run("us", "--plan", "premium-business");
    expect(plain.replay!.totals.unsendable).toBeGreaterThan(0);
    const need = plain.replay!.openingBalanceNeeded!.least!;
    expect(need).toBeGreaterThan(0);
    const text = replayText(plain);
    expect(text).toContain(`the log sends ${plain.replay!.totals.unsendable} more InMails than 0 opening credits a seat`);
    expect(text).toContain(`pass --opening-balance (auto finds ${need})`);
    expect(text).not.toMatch(/\.000Z/);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} America\/New_York/);

    const auto = await run("us", "--plan", "premium-business", "--opening-balance", "auto");
    expect(auto.replay!.totals.unsendable).toBe(0);
    expect(auto.params.openingBalance).toBe(need);
    expect(auto.replay!.totals.opening).toBe(need * 3);
    expect(replayText(auto)).toContain(`opening balance: ${need} credits a seat (--opening-balance auto`);
    // The least: one credit fewer leaves some InMail unsendable.
    const less = await run("us", "--plan", "premium-business", "--opening-balance", String(need - 1));
    expect(less.replay!.totals.unsendable).toBeGreaterThan(0);
  });

  it("an ambiguous export exits 2 with both readings; --date-format reads it", () => {
    const amb = join(dir, "amb.csv");
    writeFileSync(amb, files.us.split("\r\n").slice(0, 10).join("\r\n") + "\r\n");
    const r = runTsx("commands/replay.ts", ["--log", amb, "--timezone", "America/New_York"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("2026-01-05 09:00 read as MM/DD/YYYY, or 2026-05-01 09:00 read as DD/MM/YYYY");
    const ok = runTsx("commands/replay.ts", ["--log", amb, "--timezone", "America/New_York", "--date-format", "MM/DD/YYYY HH:mm"]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("dates read as MM/DD/YYYY (--date-format)");
  });
});

describe("--skip-bad on many bad rows", () => {
  it("lists the first 10 skipped rows and counts the rest", async () => {
    const { loadLog } = await import("../../cli/log-cli.ts");
    const path = join(dir, "many-bad.csv");
    const lines = [
      "sentAt,recipientId,outcome,respondedAt",
      ...Array.from({ length: 30 }, (_, i) => (i % 2 ? `2026-01-05T09:${String(i).padStart(2, "0")}:00Z,r${i},,` : `2026-02-30T09:00:00Z,r${i},,`)),
    ];
    writeFileSync(path, `${lines.join("\n")}\n`);
    let err = "";
    const log = await loadLog(path, true, { write: (t: string) => (err += t) }, "commands/replay.ts");
    const out = err.trimEnd().split("\n");
    expect(log.rows).toBe(15);
    expect(out.slice(0, 10).every((l) => /^commands\/replay\.ts: skipped .*many-bad\.csv:\d+: sentAt:/.test(l))).toBe(true);
    expect(out[10]).toBe("commands/replay.ts: skipped 5 more bad rows (the first 10 listed above)");
    expect(out[11]).toBe("commands/replay.ts: skipped 15 bad rows; read the other 15");
    expect(out).toHaveLength(12);
  });
});
