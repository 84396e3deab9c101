import { describe, expect, it } from "vitest";
import { parseSeatsText, type SeatRow } from "../../logs/seats-file.ts";
import { LogFormatError } from "../../logs/send-log.ts";

/** What a good file reads as: its rows without their lines. */
const rowsOf = (text: string, file = "seats.csv") => parseSeatsText(text, file).seats.map(({ line: _line, ...r }) => r);

describe("seats files that are read", () => {
  const good: [string, string, string, Omit<SeatRow, "line">[]][] = [
    [
      "the format's own names",
      "seats.csv",
      "seat,plan,billingDay,openingBalance\nann,recruiter-lite,15,3\nbob,,,\n",
      [{ seat: "ann", plan: "recruiter-lite", billingDay: 15, openingBalance: 3 }, { seat: "bob" }],
    ],
    [
      "a spreadsheet's names, semicolons, a BOM, CRLF",
      "seats.csv",
      "\uFEFFAccount;Subscription;Billing Day;Opening Balance\r\nann;Recruiter Lite;31;0\r\nbob;Premium Business;1st;auto\r\n",
      [
        { seat: "ann", plan: "recruiter-lite", billingDay: 31, openingBalance: 0 },
        { seat: "bob", plan: "premium-business", billingDay: 1, openingBalance: "auto" },
      ],
    ],
    ["an ISO date as the billing day, AUTO in capitals", "seats.csv", "Owner,Renewal Date,Starting Credits\nann,2026-01-28,AUTO\n", [{ seat: "ann", billingDay: 28, openingBalance: "auto" }]],
    ["only the seat column, blank lines, an ignored column", "seats.csv", "Seat,Email\n\nann,a@x\n\nbob,b@x\n", [{ seat: "ann" }, { seat: "bob" }]],
    ["quoted names with commas", "seats.csv", 'seat,billingDay\n"Smith, Ann",5\n', [{ seat: "Smith, Ann", billingDay: 5 }]],
    [
      "JSON lines, numbers and nulls",
      "seats.jsonl",
      '{"seat":"ann","billingDay":12,"openingBalance":4}\n\n{"account":"bob","plan":"Premium Career","openingBalance":null}\n',
      [
        { seat: "ann", billingDay: 12, openingBalance: 4 },
        { seat: "bob", plan: "premium-career" },
      ],
    ],
  ];
  for (const [what, file, text, rows] of good) it(what, () => expect(rowsOf(text, file)).toEqual(rows));

  it("keeps each row's line and lists the columns it ignored", () => {
    const s = parseSeatsText("seat,Notes,billingDay\n\nann,x,3\nbob,,\n", "s.csv");
    expect(s.seats.map((r) => r.line)).toEqual([3, 4]);
    expect(s.columns).toEqual(["seat", "billingDay"]);
    expect(s.ignoredColumns).toEqual(["Notes"]);
    expect(s.bySeat.get("ann")?.billingDay).toBe(3);
  });
});

describe("seats files that are refused, each in one line naming file:line and column", () => {
  const bad: [string, string, string][] = [
    ["no seat column", "plan,billingDay\nrecruiter-lite,3\n", 's.csv:1: seat: missing required column; the header has "plan", "billingDay"; required: seat'],
    ["two columns holding the seat", "seat,Owner\nann,bob\n", 's.csv:1: seat: two columns hold seat: "seat" (column 1) and "Owner" (column 2); keep one'],
    ["a duplicate column name", "seat,plan,plan\nann,,\n", "s.csv:1: plan: duplicate column name (columns 2 and 3)"],
    ["an empty seat", "seat,billingDay\nann,3\n,4\n", "s.csv:3: seat: missing; every row names a seat"],
    ["a seat listed twice", "seat,billingDay\nann,3\nbob,4\nann,5\n", 's.csv:4: seat: "ann": listed twice (line 2 and line 4); one row per seat'],
    ["an unknown plan", "seat,plan\nann,Recruiter Ultra\n", 's.csv:2: plan: "Recruiter Ultra": expected one of basic, premium-career'],
    ["billing day 0", "seat,billingDay\nann,0\n", 's.csv:2: billingDay: "0": expected a day of the month from 1 to 31'],
    ["billing day 32", "seat,billingDay\nann,32\n", 's.csv:2: billingDay: "32": expected a day of the month from 1 to 31'],
    ["a day-month date as the billing day", "seat,billingDay\nann,15/01/2026\n", 's.csv:2: billingDay: "15/01/2026": expected a day of the month'],
    ["a negative balance", "seat,openingBalance\nann,-3\n", 's.csv:2: openingBalance: "-3": expected whole credits from 0 to 100,000, auto'],
    ["a fractional balance", "seat,openingBalance\nann,2.5\n", 's.csv:2: openingBalance: "2.5": expected whole credits'],
    ["a balance too large", "seat,openingBalance\nann,1e400\n", 's.csv:2: openingBalance: "1e400": expected whole credits'],
    ["a row of another width", "seat,billingDay\nann,3,x\n", 's.csv:2: (row): "ann,3,x": expected 2 fields as in the header, found 3'],
    ["a quote never closed", 'seat,billingDay\n"ann,3\n', "s.csv:2: (row): a quote opens in a row and is never closed"],
    ["an empty file", "", "s.csv: is empty; expected a header line"],
    ["a header without rows", "seat,plan\n", "s.csv: has no seat rows"],
    ["JSON lines in a .csv", '{"seat":"ann"}\n', "s.csv:1: looks like JSON lines: name the file .jsonl"],
  ];
  for (const [what, text, message] of bad) {
    it(what, () => {
      let err: unknown;
      try {
        parseSeatsText(text, "s.csv");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(LogFormatError);
      const m = (err as Error).message;
      expect(m.startsWith(message), m).toBe(true);
      expect(m).not.toContain("\n");
    });
  }

  it("refuses JSON lines that are not objects, or hold a value of another kind", () => {
    expect(() => parseSeatsText('{"seat":"ann"}\n[1]\n', "s.jsonl")).toThrow("s.jsonl:2: (row):");
    expect(() => parseSeatsText('{"seat":"ann","billingDay":true}\n', "s.jsonl")).toThrow('s.jsonl:1: billingDay: "true": expected a string, a number or null');
    expect(() => parseSeatsText('{"seat":"ann","Owner":"bob"}\n', "s.jsonl")).toThrow("s.jsonl:1: seat:");
  });
});
