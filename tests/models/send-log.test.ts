import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoMs } from "../../models/iso-time.ts";
import { readSendLog } from "../../models/read-send-log.ts";
import { LogFormatError, PENDING, type BadRow } from "../../models/send-log.ts";

const dir = mkdtempSync(join(tmpdir(), "send-log-"));
let files = 0;
function file(text: string, ext = "csv"): string {
  const path = join(dir, `log-${files++}.${ext}`);
  writeFileSync(path, text);
  return path;
}

const HEADER = "sentAt,recipientId,outcome,respondedAt,account,channel,messageLength";
const GOOD = [
  "2026-01-05T09:00:00Z,r1,replied,2026-01-06T10:00:00Z,a,inmail,350",
  "2026-01-05T10:00:00Z,r2,,,a,inmail,",
  "2026-01-05T11:00:00Z,r3,ignored,,a,open-profile,900",
];

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
    expect(await badRow([ok, JSON.stringify({ sentAt: "2026-01-05T09:00:00Z", recipientId: "r2", outcome: "" })].join("\n"), "jsonl")).toMatchObject({
      line: 2,
      column: "respondedAt",
      value: null,
    });
    expect(await badRow([ok, "{oops"].join("\n"), "jsonl")).toMatchObject({ line: 2, column: "(row)" });
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
