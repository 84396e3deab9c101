import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoMs, WallClockZone } from "../../models/iso-time.ts";
import { parseColumnMap } from "../../logs/log-header.ts";
import { readSendLog } from "../../logs/read-send-log.ts";
import { describeBadRow, LogFormatError, PENDING, type BadRow } from "../../logs/send-log.ts";

const dir = mkdtempSync(join(tmpdir(), "send-log-"));
let files = 0;
function file(text: string, ext = "csv"): string {
  const path = join(dir, `log-${files++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const HEADER = "sentAt,recipientId,outcome,respondedAt,account,channel,messageLength";
const GOOD = ["2026-01-05T09:00:00Z,r1,replied,2026-01-06T10:00:00Z,a,inmail,350", "2026-01-05T10:00:00Z,r2,,,a,inmail,", "2026-01-05T11:00:00Z,r3,ignored,,a,open-profile,900"];

async function badRow(text: string, ext = "csv"): Promise<BadRow> {
  try {
    await readSendLog(file(text, ext));
  } catch (err) {
    expect(err).toBeInstanceOf(LogFormatError);
    return (err as LogFormatError).bad;
  }
  throw new Error("expected a LogFormatError");
}

describe("ISO 8601 timestamps", () => {
  it("reads zones, fractions and bare dates; refuses zone-less times and impossible dates", () => {
    expect(parseIsoMs("2026-01-05T09:30:00Z")).toBe(Date.UTC(2026, 0, 5, 9, 30));
    expect(parseIsoMs("2026-01-05T10:30:00+01:00")).toBe(Date.UTC(2026, 0, 5, 9, 30));
    expect(parseIsoMs("2026-01-05T09:30:00.250Z")).toBe(Date.UTC(2026, 0, 5, 9, 30, 0, 250));
    expect(parseIsoMs("2026-01-05")).toBe(Date.UTC(2026, 0, 5));
    for (const bad of ["2026-01-05T09:30:00", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "05/01/2026", "2026-01-05T24:00:00Z", ""]) {
      expect(parseIsoMs(bad), bad).toBeNaN();
    }
  });
});

describe("reading a send log", () => {
  it("reads CSV into compact columns, in file order, with lines numbered from the header", async () => {
    const log = await readSendLog(file([HEADER, ...GOOD].join("\n")));
    expect(log.rows).toBe(3);
    expect([...log.line]).toEqual([2, 3, 4]);
    expect([...log.outcome]).toEqual([1, PENDING, 4]);
    expect([...log.channel]).toEqual([0, 0, 1]);
    expect([...log.messageLength]).toEqual([350, -1, 900]);
    expect(log.respondedAtMs[0]).toBe(Date.UTC(2026, 0, 6, 10));
    expect(log.respondedAtMs[1]).toBeNaN();
    expect(log.columns).toEqual(["sentAt", "recipientId", "outcome", "respondedAt", "account", "channel", "messageLength"]);
  });

  it("reads JSON lines the same way", async () => {
    const rows = GOOD.map((g) => {
      const [sentAt, recipientId, outcome, respondedAt, account, channel, messageLength] = g.split(",");
      return JSON.stringify({ sentAt, recipientId, outcome, respondedAt: respondedAt || null, account, channel, messageLength: messageLength ? Number(messageLength) : null });
    });
    const log = await readSendLog(file(rows.join("\n"), "jsonl"));
    expect(log.rows).toBe(3);
    expect([...log.line]).toEqual([1, 2, 3]);
    expect([...log.messageLength]).toEqual([350, -1, 900]);
  });

  const cases: [string, string, Partial<BadRow>][] = [
    ["a bad date", "2026-13-05T09:00:00Z,r9,replied,2026-01-06T10:00:00Z,a,inmail,1", { column: "sentAt", value: "2026-13-05T09:00:00Z" }],
    ["a time without a zone", "2026-01-05T09:00:00,r9,,,a,inmail,1", { column: "sentAt", value: "2026-01-05T09:00:00" }],
    ["an unknown outcome", "2026-01-05T09:00:00Z,r9,maybe,,a,inmail,1", { column: "outcome", value: "maybe" }],
    ["respondedAt before sentAt", "2026-01-05T09:00:00Z,r9,replied,2026-01-04T10:00:00Z,a,inmail,1", { column: "respondedAt", value: "2026-01-04T10:00:00Z" }],
    ["a response without its time", "2026-01-05T09:00:00Z,r9,accepted,,a,inmail,1", { column: "respondedAt", value: "" }],
    ["a response time on a pending row", "2026-01-05T09:00:00Z,r9,,2026-01-06T10:00:00Z,a,inmail,1", { column: "respondedAt" }],
    ["an unknown channel", "2026-01-05T09:00:00Z,r9,,,a,email,1", { column: "channel", value: "email" }],
    ["a bad message length", "2026-01-05T09:00:00Z,r9,,,a,inmail,-3", { column: "messageLength", value: "-3" }],
    ["a missing recipient", "2026-01-05T09:00:00Z,,,,a,inmail,1", { column: "recipientId", value: null }],
    ["a row with too few fields", "2026-01-05T09:00:00Z,r9,,", { column: "(row)" }],
    ["a duplicate row", GOOD[0]!, { column: "sentAt", reason: "duplicate of line 2 (same account, recipientId and sentAt)" }],
  ];
  for (const [what, row, expected] of cases) {
    it(`rejects ${what}, naming line, column and value`, async () => {
      const bad = await badRow([HEADER, ...GOOD, row, GOOD[2]!.replace("r3", "r4")].join("\n"));
      expect(bad).toMatchObject({ line: 5, ...expected });
      expect(new LogFormatError("f.csv", bad).message).toMatch(/^f\.csv:5: /);
    });
  }

  it("rejects a file without a required column, at the header", async () => {
    const bad = await badRow(["sentAt,recipientId,outcome", "2026-01-05T09:00:00Z,r1,"].join("\n"));
    expect(bad).toMatchObject({ line: 1, column: "respondedAt", value: null });
  });

  it("rejects a JSON line that lacks a required key, and one that is not JSON", async () => {
    const ok = JSON.stringify({ sentAt: "2026-01-05T09:00:00Z", recipientId: "r1", outcome: "", respondedAt: "" });
    expect(await badRow([ok, JSON.stringify({ sentAt: "2026-01-05T09:00:00Z", recipientId: "r2", respondedAt: null })].join("\n"), "jsonl")).toMatchObject({
      line: 2,
      column: "outcome",
      value: null,
    });
    expect(await badRow([ok, "{oops"].join("\n"), "jsonl")).toMatchObject({ line: 2, column: "(row)" });
  });

  it("reads a JSON line without a respondedAt key as one with null: fine when ignored, refused when it responded", async () => {
    const ignored = JSON.stringify({ sentAt: "2026-01-05T09:00:00Z", recipientId: "r1", outcome: "ignored" });
    const replied = JSON.stringify({ sentAt: "2026-01-06T09:00:00Z", recipientId: "r2", outcome: "replied", respondedAt: "2026-01-07T09:00:00Z" });
    const log = await readSendLog(file([ignored, replied].join("\n"), "jsonl"));
    expect(log.rows).toBe(2);
    const noTime = JSON.stringify({ sentAt: "2026-01-06T09:00:00Z", recipientId: "r3", outcome: "replied" });
    expect(await badRow([ignored, noTime].join("\n"), "jsonl")).toMatchObject({ line: 2, column: "respondedAt", reason: "required when the outcome is replied" });
  });

  it("with skipBad, records every bad row with its line and keeps the rest", async () => {
    const text = [HEADER, GOOD[0], "2026-01-05T09:00:00Z,r9,maybe,,a,inmail,1", GOOD[1], GOOD[0], "bad-date,r8,,,a,inmail,1", GOOD[2]].join("\n");
    const log = await readSendLog(file(text), { skipBad: true });
    expect(log.rows).toBe(3);
    expect(log.skipped.map((b) => [b.line, b.column])).toEqual([
      [3, "outcome"],
      [5, "sentAt"],
      [6, "sentAt"],
    ]);
    expect([...log.line]).toEqual([2, 4, 7]);
  });

  it("orders rows by account and time for the replay, whatever the file order", async () => {
    const text = [HEADER, "2026-01-07T00:00:00Z,x,,,b,,", "2026-01-06T00:00:00Z,y,,,a,,", "2026-01-05T00:00:00Z,z,,,b,,"].join("\n");
    const log = await readSendLog(file(text));
    expect(log.accounts).toEqual(["b", "a"]);
    expect([...log.bySent].map((i) => log.line[i])).toEqual([4, 2, 3]);
  });
});

describe("real exports: header names, --map, outcome words, time zones", () => {
  it("recognises common header names and outcome words in any case; other columns are ignored and listed", async () => {
    const text = [
      "Date Sent,Candidate,Status,Replied On,Sender,Type,Notes",
      "2026-01-05T09:30:00Z,c1,Accepted,2026-01-05T14:00:00Z,ann,InMail,x",
      "2026-01-05T10:30:00Z,c2,Interested,2026-01-06T14:00:00Z,ann,Open Profile,",
      "2026-01-05T11:30:00Z,c3,Not interested,2026-01-06T15:00:00Z,bob,,",
      "2026-01-05T12:30:00Z,c4,No response,,bob,Connection request,",
      "2026-01-05T13:30:00Z,c5,pending,,bob,,",
      "2026-01-05T14:30:00Z,c6,REPLIED,2026-01-07T09:00:00Z,bob,,",
    ].join("\n");
    const log = await readSendLog(file(text));
    expect(log.columns).toEqual(["sentAt", "recipientId", "outcome", "respondedAt", "account", "channel"]);
    expect(log.ignoredColumns).toEqual(["Notes"]);
    // accepted, accepted (Interested), declined, ignored, pending, replied
    expect([...log.outcome]).toEqual([0, 0, 2, 4, PENDING, 1]);
    expect([...log.channel]).toEqual([0, 1, 0, 2, 0, 0]);
    expect(log.accounts).toEqual(["ann", "bob"]);
  });

  it("--map names the column of a field; a map whose source is missing, or a field two columns claim, is an error", async () => {
    const text = ["When,Who,What,Answered", "2026-01-05T09:30:00Z,c1,replied,2026-01-06T09:30:00Z"].join("\n");
    const columnMap = parseColumnMap(["When=sentAt", "Who=recipientId", "What=outcome", "Answered=respondedat"]);
    const log = await readSendLog(file(text), { columnMap });
    expect(log.rows).toBe(1);
    expect(log.respondedAtMs[0]).toBe(Date.UTC(2026, 0, 6, 9, 30));
    await expect(readSendLog(file(text), { columnMap: parseColumnMap(["Sent On=sentAt"]) })).rejects.toThrow(/--map "Sent On=sentAt": the header has no column "Sent On"/);
    expect(() => parseColumnMap(["When=sentat", "When=outcome"])).toThrow(/mapped twice/);
    expect(() => parseColumnMap(["When=sent"])).toThrow(/"sent" is not a field of the log format/);
    const both = ["sentAt,Date Sent,recipientId,outcome,respondedAt", "2026-01-05T09:30:00Z,2026-01-05T09:30:00Z,c1,,"].join("\n");
    expect(await badRow(both)).toMatchObject({ line: 1, column: "sentAt", reason: expect.stringMatching(/two columns hold sentAt: "sentAt" \(column 1\) and "Date Sent" \(column 2\)/) });
    // Naming one of them with --map settles it.
    expect((await readSendLog(file(both), { columnMap: parseColumnMap(["Date Sent=sentAt"]) })).rows).toBe(1);
  });

  it("a duplicate column name is an error at the header, not a lost column", async () => {
    const bad = await badRow(["sentAt,recipientId,outcome,respondedAt,sentAt", "2026-01-05T09:30:00Z,c1,,,2026-01-05T09:30:00Z"].join("\n"));
    expect(bad).toMatchObject({ line: 1, column: "sentAt", reason: expect.stringMatching(/duplicate column name \(columns 1 and 5\)/) });
  });

  it("naive timestamps need a zone; with one they are read in it", async () => {
    const text = ["sentAt,recipientId,outcome,respondedAt", "2026-01-05 09:30,c1,accepted,2026-01-05 10:00"].join("\n");
    expect(await badRow(text)).toMatchObject({ line: 2, column: "sentAt", reason: expect.stringMatching(/has no time zone; .*--timezone/) });
    const log = await readSendLog(file(text), { timeZone: new WallClockZone("Europe/Paris") });
    expect(log.sentAtMs[0]).toBe(Date.UTC(2026, 0, 5, 8, 30));
  });

  it("rows dated before 2003 or from 2100 on are refused with line and column", async () => {
    const head = "sentAt,recipientId,outcome,respondedAt";
    expect(await badRow([head, "9999-12-31,c1,,"].join("\n"))).toMatchObject({ line: 2, column: "sentAt", reason: expect.stringMatching(/after 2100-01-01/) });
    expect(await badRow([head, "2026-01-05T09:30:00Z,c1,replied,1000-01-01T00:00:00Z"].join("\n"))).toMatchObject({ column: "respondedAt" });
  });
});

describe("reading a send log: bytes, quotes and files", () => {
  const head = "sentAt,recipientId,outcome,respondedAt";
  const row = (i: number) => `2026-01-05T09:${String(i).padStart(2, "0")}:00Z,r${i},,`;

  it("invalid UTF-8 is a bad row with its line and byte; skipped with skipBad, never turned into U+FFFD", async () => {
    const bytes = Buffer.concat([Buffer.from(`${head}\n${row(1)}\n2026-01-05T09:02:00Z,r`), Buffer.from([0xff, 0xfe]), Buffer.from(`2,,\n${row(3)}\n`)]);
    const path = join(dir, `utf8-${files++}.csv`);
    writeFileSync(path, bytes);
    await expect(readSendLog(path)).rejects.toThrow(/:3: \(row\): not valid UTF-8 \(byte 0xff at byte 23 of the line\)/);
    const log = await readSendLog(path, { skipBad: true });
    expect(log.rows).toBe(2);
    expect([...log.line]).toEqual([2, 4]);
    expect(log.skipped.map((b) => b.line)).toEqual([3]);
  });

  it("JSON lines in a .csv file: named as such", async () => {
    const bad = await badRow(`${JSON.stringify({ sentAt: "2026-01-05T09:30:00Z", recipientId: "r1", outcome: "", respondedAt: "" })}\n`);
    expect(bad.reason).toBe("looks like JSON lines: name the file .jsonl (or .ndjson)");
  });

  it("a quote that is never closed is reported at the row where it opens", async () => {
    const text = [head, row(1), row(2), row(3), '2026-01-05T09:04:00Z,"r4,,', row(5), row(6)].join("\n");
    expect(await badRow(text)).toMatchObject({ line: 5, reason: expect.stringMatching(/a quote opens in this row and is never closed/) });
  });

  it("with skipBad and no valid row left, the error still carries every skipped row", async () => {
    try {
      await readSendLog(file([head, "x,r1,,", "y,r2,,"].join("\n")), { skipBad: true });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LogFormatError);
      expect((err as LogFormatError).skipped.map((b) => b.line)).toEqual([2, 3]);
      expect((err as LogFormatError).message).toMatch(/no valid row left after skipping 2 bad rows/);
    }
  });

  it("a long value is cut in messages to 80 characters, with its length", async () => {
    const long = "x".repeat(1_000_000);
    const bad = await badRow([head, `${long},r1,,`].join("\n"));
    const message = describeBadRow("f.csv", bad);
    expect(message.length).toBeLessThan(400);
    expect(message).toContain(`"${"x".repeat(80)}"… (1,000,000 characters)`);
  });
});
