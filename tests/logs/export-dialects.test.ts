/**
 * Export dialects, table-driven: each case is a file as a tool or spreadsheet writes it,
 * read both from its text (parseSendLogText, what a page uses) and from disk (the
 * streaming readSendLog), which must agree; the instants are worked out by hand
 * (America/New_York is UTC−5 in January, Europe/Berlin UTC+1).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WallClockZone } from "../../models/iso-time.ts";
import { parseDateFormat } from "../../logs/log-dates.ts";
import { parseSendLogText, type SendLogReadOptions } from "../../logs/parse-send-log-text.ts";
import { readSendLog } from "../../logs/read-send-log.ts";
import { LogFormatError, NO_PLAN, type SendLog } from "../../logs/send-log.ts";
import { planIds } from "../../models/plans.ts";

const NY = new WallClockZone("America/New_York");
const BERLIN = new WallClockZone("Europe/Berlin");
const US_HEAD = "Date Sent,Candidate,Status,Replied On,Owner";

interface Case {
  readonly name: string;
  readonly text: string;
  readonly options?: SendLogReadOptions;
  /** Expected sentAt of each row, ISO UTC; or the words the refusal must contain. */
  readonly sentAt?: readonly string[];
  readonly respondedAt?: readonly (string | null)[];
  readonly lines?: readonly number[];
  readonly order?: string | null;
  readonly refused?: readonly string[];
  readonly check?: (log: SendLog) => void;
}

const cases: Case[] = [
  {
    name: "US: month first, learnt from a day above 12",
    text: `${US_HEAD}\n01/05/2026 16:30,c1,Replied,01/06/2026 09:00,Alice\n01/13/2026 08:05,c2,No response,,Bob\n`,
    options: { timeZone: NY },
    sentAt: ["2026-01-05T21:30:00.000Z", "2026-01-13T13:05:00.000Z"],
    respondedAt: ["2026-01-06T14:00:00.000Z", null],
    order: "MM/DD/YYYY",
  },
  {
    name: "EU: semicolons, BOM, DD.MM.YYYY, day first learnt",
    text: `\uFEFFDate Sent;Candidate;Status;Replied On;Owner\n05.01.2026 16:30;c1;Interested;06.01.2026 09:00;Alice\n13.01.2026 08:05;c2;;;Bob\n`,
    options: { timeZone: BERLIN },
    sentAt: ["2026-01-05T15:30:00.000Z", "2026-01-13T07:05:00.000Z"],
    respondedAt: ["2026-01-06T08:00:00.000Z", null],
    order: "DD/MM/YYYY",
  },
  {
    name: "ISO 8601 with offsets: no zone needed, no order",
    text: `sentAt,recipientId,outcome,respondedAt\n2026-01-05T16:30:00-05:00,c1,declined,2026-01-06T09:00:00Z\n`,
    sentAt: ["2026-01-05T21:30:00.000Z"],
    respondedAt: ["2026-01-06T09:00:00.000Z"],
    order: null,
  },
  {
    name: "Excel serials with decimal commas, semicolons",
    // 46027 = 2026-01-05; .6875 = 16:30; 46028.375 = 2026-01-06 09:00
    text: `Date Sent;Candidate;Status;Replied On\n46027,6875;c1;Replied;46028,375\n46035;c2;;\n`,
    options: { timeZone: NY },
    sentAt: ["2026-01-05T21:30:00.000Z", "2026-01-13T05:00:00.000Z"],
    respondedAt: ["2026-01-06T14:00:00.000Z", null],
    check: (log) => expect(log.dates?.excelSerials).toBe(true),
  },
  {
    name: "BOM and CRLF line ends",
    text: `\uFEFF${US_HEAD}\r\n01/05/2026 16:30,c1,,,Alice\r\n01/20/2026 16:30,c2,,,Alice\r\n`,
    options: { timeZone: NY },
    sentAt: ["2026-01-05T21:30:00.000Z", "2026-01-20T21:30:00.000Z"],
    lines: [2, 3],
  },
  {
    name: "quoted newlines: a row is numbered by the line where it ends",
    text: `${US_HEAD}\n01/05/2026 16:30,"Smith,\nJane",,,Alice\n01/20/2026 16:30,c2,,,Alice\n`,
    options: { timeZone: NY },
    sentAt: ["2026-01-05T21:30:00.000Z", "2026-01-20T21:30:00.000Z"],
    lines: [3, 4],
  },
  {
    name: "12-hour clock: 4:30 PM, 12:05 AM, 12:10 p.m.",
    text: `${US_HEAD}\n1/13/2026 4:30 PM,c1,,,A\n1/14/2026 12:05 AM,c2,,,A\n1/15/2026 12:10 p.m.,c3,,,A\n`,
    options: { timeZone: NY },
    sentAt: ["2026-01-13T21:30:00.000Z", "2026-01-14T05:05:00.000Z", "2026-01-15T17:10:00.000Z"],
  },
  {
    name: "an ambiguous file is refused with both readings of its first ambiguous date",
    text: `${US_HEAD}\n01/05/2026 16:30,c1,,,Alice\n02/03/2026 09:00,c2,,,Bob\n`,
    options: { timeZone: NY },
    refused: ['x.csv:2: sentAt: "01/05/2026 16:30"', "2026-01-05 16:30 read as MM/DD/YYYY", "2026-05-01 16:30 read as DD/MM/YYYY", "--date-format"],
  },
  {
    name: "the same file with --date-format DD/MM/YYYY",
    text: `${US_HEAD}\n01/05/2026 16:30,c1,,,Alice\n02/03/2026 09:00,c2,,,Bob\n`,
    options: { timeZone: BERLIN, dateFormat: parseDateFormat("DD/MM/YYYY HH:mm") },
    sentAt: ["2026-05-01T14:30:00.000Z", "2026-03-02T08:00:00.000Z"],
    order: "DD/MM/YYYY",
  },
  {
    name: "a time of day without --timezone is refused, naming it",
    text: `${US_HEAD}\n01/13/2026 16:30,c1,,,Alice\n`,
    refused: ["x.csv:2: sentAt:", "no time zone", "--timezone"],
  },
  {
    name: "a plan column: one plan per seat",
    text: `Date Sent,Candidate,Status,Replied On,Owner,Licence\n2026-01-05,c1,,,Alice,Recruiter Lite\n2026-01-06,c2,,,Bob,Sales Navigator\n2026-01-07,c3,,,Alice,\n`,
    sentAt: ["2026-01-05T00:00:00.000Z", "2026-01-06T00:00:00.000Z", "2026-01-07T00:00:00.000Z"],
    check: (log) => {
      expect(log.columns).toContain("plan");
      expect([...log.accountPlans!].map((p) => (p === NO_PLAN ? null : planIds[p]))).toEqual(["recruiter-lite", "sales-navigator"]);
    },
  },
  {
    name: "a seat changing plan is refused, naming the seat and both plans",
    text: `Date Sent,Candidate,Status,Replied On,Owner,Licence\n2026-01-05,c1,,,Alice,Recruiter Lite\n2026-01-06,c2,,,Alice,Recruiter\n`,
    refused: ["x.csv:3: plan:", 'seat "Alice" changes plan', "recruiter-lite from line 2", "then recruiter"],
  },
  {
    name: "a date neither order can read",
    text: `${US_HEAD}\n13/13/2026,c1,,,A\n`,
    refused: ["x.csv:2: sentAt:", "not a real date"],
  },
];

const dir = mkdtempSync(join(tmpdir(), "dialects-"));

async function both(c: Case): Promise<{ text: SendLog | Error; file: SendLog | Error }> {
  const path = join(dir, "x.csv");
  writeFileSync(path, c.text);
  const text = (() => {
    try {
      return parseSendLogText(c.text, "x.csv", c.options);
    } catch (err) {
      return err as Error;
    }
  })();
  const file = await readSendLog(path, c.options).catch((err: Error) => err);
  if (file instanceof Error) file.message = file.message.replace(path, "x.csv");
  return { text, file };
}

describe("export dialects", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { text, file } = await both(c);
      if (c.refused) {
        for (const r of [text, file]) {
          expect(r).toBeInstanceOf(LogFormatError);
          for (const words of c.refused) expect((r as Error).message).toContain(words);
          expect((r as Error).message).not.toContain("\n");
        }
        expect((file as Error).message).toBe((text as Error).message);
        return;
      }
      if (text instanceof Error) throw text;
      if (file instanceof Error) throw file;
      const iso = (log: SendLog) => [...log.sentAtMs].map((ms) => new Date(ms).toISOString());
      expect(iso(text)).toEqual(c.sentAt);
      expect(iso(file)).toEqual(c.sentAt);
      if (c.respondedAt) expect([...text.respondedAtMs].map((ms) => (Number.isNaN(ms) ? null : new Date(ms).toISOString()))).toEqual(c.respondedAt);
      if (c.lines) expect([...text.line]).toEqual(c.lines);
      expect([...file.line]).toEqual([...text.line]);
      expect([...file.respondedAtMs]).toEqual([...text.respondedAtMs]);
      if (c.order !== undefined) expect(text.dates?.order ?? null).toBe(c.order);
      c.check?.(text);
    });
  }
});

describe("date formats", () => {
  it("takes the common patterns and refuses others in one line", () => {
    expect(parseDateFormat("mm/dd/yyyy h:mm a").order).toBe("MDY");
    expect(parseDateFormat("DD.MM.YYYY HH:mm:ss").order).toBe("DMY");
    expect(parseDateFormat("YYYY-MM-DD").order).toBe("YMD");
    expect(() => parseDateFormat("YY/MM/DD")).toThrow(/--date-format: "YY\/MM\/DD" is not allowed; expected a date pattern, MM\/DD\/YYYY/);
  });
});
