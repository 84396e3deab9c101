/**
 * Bad inputs of the log commands (commands/replay.ts, commands/calibrate.ts,
 * notebooks/replay.ts, commands/make-sample-log.ts): implausible dates, bytes that are
 * not UTF-8, ambiguous headers, files that are not logs, a quote never closed, values
 * too long to echo, options (flags and --set) out of range, and runs too large to start.
 * Each ends with exit 2 and one stderr line naming the file:line and column, or the option.
 */
import type { BadInputCase } from "../case.ts";

const SAMPLE = "data/sample-send-log.csv";
const HEAD = "sentAt,recipientId,outcome,respondedAt";
/** A small valid log: `n` InMails a day apart from 2026-01-05, every fourth replied a day later. */
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const sent = new Date(Date.UTC(2026, 0, 5 + i, 9)).toISOString();
    return i % 4 === 0 ? `${sent},r${i},replied,${new Date(Date.UTC(2026, 0, 6 + i, 9)).toISOString()}` : `${sent},r${i},,`;
  });
/** The small log with line `line` (1 = header) replaced. */
const withLine = (line: number, text: string, n = 8) => {
  const all = [HEAD, ...rows(n)];
  all[line - 1] = text;
  return `${all.join("\n")}\n`;
};
const invalidUtf8 = Buffer.concat([Buffer.from(`${HEAD}\n${rows(1)[0]}\n2026-01-06T09:00:00Z,r`), Buffer.from([0xc3, 0x28]), Buffer.from(`,,\n${rows(3)[2]}\n`)]);
const jsonLine = `${JSON.stringify({ sentAt: "2026-01-05T09:00:00Z", recipientId: "r1", outcome: "", respondedAt: "" })}\n`;
const LONG = "x".repeat(1_000_000);
const HUGE = ["--draws", "10000", "--accounts", "100000", "--cycles", "120"];

const replay = "commands/replay.ts";
const calibrate = "commands/calibrate.ts";
const notebook = "notebooks/replay.ts";
const sample = "commands/make-sample-log.ts";

export const cases: BadInputCase[] = [
  // Dates outside 2003-01-01 … 2100-01-01, in options and in rows; years as written.
  { kind: "wrong number", command: replay, args: ["--log", SAMPLE, "--anchor", "0001-01-01T00:00:00Z"], stderr: ["--anchor", '"0001-01-01T00:00:00Z"', "before 2003-01-01"] },
  { kind: "wrong number", command: calibrate, args: ["--log", SAMPLE, "--anchor", "1999-12-31"], stderr: ["--anchor", "before 2003-01-01"] },
  { kind: "wrong number", command: replay, args: ["--log", SAMPLE, "--end", "2100-06-01"], stderr: ["--end", "after 2100-01-01"] },
  { kind: "wrong number", command: notebook, args: ["--log", SAMPLE, "--end", "9999-12-31", "--out", "$DIR/r.html"], stderr: ["--end", "after 2100-01-01"] },
  { kind: "wrong number", command: replay, args: ["--log", SAMPLE, "--set", "anchor=0050-06-01"], stderr: ["anchor", "before 2003-01-01"] },
  { kind: "runaway", command: replay, args: ["--log", "$DIR/far.csv"], files: { "far.csv": withLine(4, "9999-12-31,r9,,") }, stderr: ["far.csv:4: sentAt:", '"9999-12-31"', "after 2100-01-01"] },
  {
    kind: "runaway",
    command: calibrate,
    args: ["--log", "$DIR/far.csv"],
    files: { "far.csv": withLine(3, "2026-01-06T09:00:00Z,r9,replied,1000-01-01T00:00:00Z") },
    stderr: ["far.csv:3: respondedAt:", "before 2003-01-01"],
  },
  { kind: "wrong number", command: replay, args: ["--log", "$DIR/old.csv"], files: { "old.csv": withLine(2, "0001-01-05T09:00:00Z,r0,,") }, stderr: ["old.csv:2: sentAt:", "before 2003-01-01"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--end", "2026-02-30"], stderr: ["--end", '"2026-02-30"', "is not a real date"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--end", "2026-01-01"], stderr: ["--end", "after the log's first sentAt"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--anchor", "2027-06-01"], stderr: ["--anchor", "before the end"] },
  // Time zones.
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/naive.csv"],
    files: { "naive.csv": withLine(2, "2026-01-05 09:30,r0,,") },
    stderr: ["naive.csv:2: sentAt:", "has no time zone", "--timezone Area/City"],
  },
  { kind: "log", command: calibrate, args: ["--log", SAMPLE, "--timezone", "Mars/Olympus_Mons"], stderr: ["--timezone", '"Mars/Olympus_Mons"', "IANA time zone"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--set", "timezone=Paris"], stderr: ["--timezone", '"Paris"', "Area/City"] },
  // Bytes and structure.
  { kind: "log", command: replay, args: ["--log", "$DIR/latin1.csv"], files: { "latin1.csv": invalidUtf8 }, stderr: ["latin1.csv:3:", "not valid UTF-8"] },
  { kind: "log", command: calibrate, args: ["--log", "$DIR/latin1.csv"], files: { "latin1.csv": invalidUtf8 }, stderr: ["latin1.csv:3:", "not valid UTF-8", "save the file as UTF-8"] },
  { kind: "log", command: notebook, args: ["--log", "$DIR/latin1.csv", "--out", "$DIR/r.html"], files: { "latin1.csv": invalidUtf8 }, stderr: ["latin1.csv:3:", "not valid UTF-8"] },
  { kind: "log", command: replay, args: ["--log", "$DIR/dup.csv"], files: { "dup.csv": withLine(1, `${HEAD},sentAt`) }, stderr: ["dup.csv:1: sentAt:", "duplicate column name (columns 1 and 5)"] },
  {
    kind: "log",
    command: notebook,
    args: ["--log", "$DIR/dup.csv", "--out", "$DIR/r.html"],
    files: { "dup.csv": `sentAt,recipientId,outcome,outcome,respondedAt\n2026-01-05T09:00:00Z,r1,,,\n` },
    stderr: ["dup.csv:1: outcome:", "duplicate column name"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/two.csv"],
    files: { "two.csv": `${HEAD},Date Sent\n2026-01-05T09:00:00Z,r1,,,2026-01-05T09:00:00Z\n` },
    stderr: ["two.csv:1: sentAt:", 'two columns hold sentAt: "sentAt" (column 1) and "Date Sent" (column 5)', "--map"],
  },
  { kind: "log", command: replay, args: ["--log", "$DIR/log.csv"], files: { "log.csv": jsonLine }, stderr: ["log.csv:1:", "looks like JSON lines: name the file .jsonl"] },
  { kind: "log", command: calibrate, args: ["--log", "$DIR/export.csv"], files: { "export.csv": `\uFEFF${jsonLine}` }, stderr: ["export.csv:1:", "looks like JSON lines"] },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/quote.csv"],
    files: { "quote.csv": withLine(5, '2026-01-08T09:00:00Z,"r3,,') },
    stderr: ["quote.csv:5: (row):", "a quote opens in this row and is never closed"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/long.csv"],
    files: { "long.csv": withLine(3, `${LONG},r1,,`) },
    stderr: ["long.csv:3: sentAt:", `"${"x".repeat(80)}"… (1,000,000 characters)`],
  },
  {
    kind: "log",
    command: calibrate,
    args: ["--log", "$DIR/long.csv"],
    files: { "long.csv": withLine(4, `2026-01-07T09:00:00Z,r2,${LONG},`) },
    stderr: ["long.csv:4: outcome:", "(1,000,000 characters)"],
  },
  { kind: "log", command: replay, args: ["--log", "$DIR/empty.csv"], files: { "empty.csv": `${HEAD}\n` }, stderr: ["empty.csv:", "the log has no rows"] },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/short.csv"],
    files: { "short.csv": `sentAt,recipientId,respondedAt\n2026-01-05T09:00:00Z,r1,\n` },
    stderr: ["short.csv:1: outcome:", "missing required column", "--map"],
  },
  { kind: "log", command: replay, args: ["--log", "$DIR/rows.jsonl"], files: { "rows.jsonl": `${jsonLine}[1,2]\n` }, stderr: ["rows.jsonl:2: (row):", "expected a JSON object"] },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/keys.jsonl"],
    files: { "keys.jsonl": `{"sentAt":"2026-01-05T09:00:00Z","Date Sent":"2026-01-05T09:00:00Z","recipientId":"r1","outcome":"","respondedAt":""}\n` },
    stderr: ["keys.jsonl:1: sentAt:", "a second key holds sentAt"],
  },
  // Rows.
  { kind: "log", command: replay, args: ["--log", "$DIR/o.csv"], files: { "o.csv": withLine(6, "2026-01-09T09:00:00Z,r4,maybe,") }, stderr: ["o.csv:6: outcome:", '"maybe"', "Interested"] },
  {
    kind: "log",
    command: calibrate,
    args: ["--log", "$DIR/b.csv"],
    files: { "b.csv": withLine(2, "2026-01-05T09:00:00Z,r0,replied,2026-01-04T09:00:00Z") },
    stderr: ["b.csv:2: respondedAt:", "is before sentAt"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/p.csv"],
    files: { "p.csv": `${HEAD},plan\n2026-01-05T09:00:00Z,r1,,,Recruiter Max\n` },
    stderr: ["p.csv:2: plan:", '"Recruiter Max"', "Recruiter Lite"],
  },
  { kind: "log", command: replay, args: ["--log", "$DIR/d.csv"], files: { "d.csv": withLine(4, rows(8)[0]!) }, stderr: ["d.csv:4: sentAt:", "duplicate of line 2"] },
  // Files that are not logs.
  { kind: "OS error", command: replay, args: ["--log", "$DIR"], stderr: ["--log", "is a directory"] },
  { kind: "OS error", command: notebook, args: ["--log", "$DIR", "--out", "$DIR/r.html"], stderr: ["--log", "is a directory"] },
  { kind: "OS error", command: replay, args: ["--log", "/dev/null"], stderr: ["--log", '"/dev/null"', "is a device, not a file"] },
  { kind: "OS error", command: calibrate, args: ["--log", "$DIR/missing.csv"], stderr: ["--log", "missing.csv", "no such file"] },
  { kind: "OS error", command: replay, args: ["--log", "$DIR/x.csv/log.csv"], files: { "x.csv": withLine(1, HEAD) }, stderr: ["--log", "not a directory"] },
  { kind: "log", command: calibrate, args: [], stderr: ["--log: missing"] },
  // --map, --plan, --policy, prices: flags and --set alike.
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--map", "Date Sent=sent"], stderr: ["--map", '"sent" is not a field of the log format', "sentAt"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--map", "Sent On=sentAt"], stderr: ["--map", 'the header has no column "Sent On"'] },
  { kind: "log", command: notebook, args: ["--log", SAMPLE, "--set", "map=sentAt", "--out", "$DIR/r.html"], stderr: ["--map", "expected 'Header Name=field'"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--plan", "basic"], stderr: ["--plan", "cannot send InMail", "G2"] },
  { kind: "log", command: calibrate, args: ["--log", SAMPLE, "--set", "plan=Basic"], stderr: ["--plan", "cannot send InMail"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--policy", "monthly"], stderr: ["--policy", '"monthly"', "guide, linkedin"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--set", "policy=monthly"], stderr: ["policy:", '"monthly"', "guide, linkedin"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--set", "plann=recruiter"], stderr: ["plann: unknown parameter", "did you mean plan?"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--plann", "recruiter"], stderr: ["--plann", "allowed:", "--set name=value"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--set", "price.recruiter-lite=-5"], stderr: ["price.recruiter-lite:", "-5", "from 0 to 100000"] },
  { kind: "log", command: calibrate, args: ["--log", SAMPLE, "--price.recruiter-lite", "cheap"], stderr: ["--price.recruiter-lite", '"cheap"', "not a number"] },
  { kind: "log", command: calibrate, args: ["--log", SAMPLE, "--sends-per-day", "0"], stderr: ["--sends-per-day", "greater than 0"] },
  { kind: "log", command: calibrate, args: ["--log", SAMPLE, "--set", "draws=1"], stderr: ["draws:", "from 2 to 10000"] },
  { kind: "log", command: notebook, args: ["--log", SAMPLE, "--out", ""], stderr: ["--out", "expected a file name"] },
  // Spreadsheet exports (issue: real exports): dates whose order the file never shows, a seat changing plan, options.
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/amb.csv", "--timezone", "America/New_York"],
    files: { "amb.csv": `Date Sent,Candidate,Status,Replied On\n01/05/2026 16:30,c1,,\n02/03/2026 09:00,c2,,\n` },
    stderr: ['amb.csv:2: sentAt: "01/05/2026 16:30"', "2026-01-05 16:30 read as MM/DD/YYYY", "2026-05-01 16:30 read as DD/MM/YYYY", "--date-format"],
  },
  {
    kind: "log",
    command: calibrate,
    args: ["--log", "$DIR/seat.csv"],
    files: { "seat.csv": `${HEAD},account,plan\n2026-01-05T09:00:00Z,r1,,,ann,recruiter-lite\n2026-01-06T09:00:00Z,r2,,,ann,recruiter\n` },
    stderr: ["seat.csv:3: plan:", 'seat "ann" changes plan', "recruiter-lite from line 2", "then recruiter"],
  },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--date-format", "YY/MM/DD"], stderr: ["--date-format", '"YY/MM/DD"', "MM/DD/YYYY"] },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--delimiter", "::"], stderr: ["--delimiter", '"::"', "';'"] },
  { kind: "wrong number", command: replay, args: ["--log", SAMPLE, "--opening-balance", "1e400"], stderr: ["--opening-balance", "1e400", "or auto"] },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/noplan.csv", "--opening-balance", "auto"],
    files: { "noplan.csv": withLine(1, HEAD) },
    stderr: ["--opening-balance", "auto needs the plan", "--plan"],
  },
  { kind: "log", command: replay, args: ["--log", SAMPLE, "--billing-day", "5", "--anchor", "2026-01-01"], stderr: ["--billing-day", "--anchor", "give one of them"] },
  // Seats files (--seats): read as logs are, one line naming file:line and column; a plan against the log's names the seat and both plans.
  { kind: "OS error", command: replay, args: ["--log", SAMPLE, "--seats", "$DIR/none.csv"], stderr: ["--seats", "none.csv", "no such file"] },
  { kind: "OS error", command: calibrate, args: ["--log", SAMPLE, "--seats", "$DIR"], stderr: ["--seats", "is a directory; expected a seats file"] },
  {
    kind: "log",
    command: replay,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv"],
    files: { "seats.csv": "seat,billingDay\nrecruiter-1,5\nrecruiter-2,32\n" },
    stderr: ["seats.csv:3: billingDay:", '"32"', "from 1 to 31"],
  },
  {
    kind: "log",
    command: calibrate,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv"],
    files: { "seats.csv": "Plan,Opening Balance\nrecruiter-lite,3\n" },
    stderr: ["seats.csv:1: seat:", "missing required column", '"Plan", "Opening Balance"'],
  },
  {
    kind: "log",
    command: notebook,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv", "--out", "$DIR/r.html"],
    files: { "seats.csv": "seat,openingBalance\nrecruiter-1,2\nrecruiter-1,3\n" },
    stderr: ["seats.csv:3: seat:", '"recruiter-1"', "listed twice (line 2 and line 3)"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv"],
    files: { "seats.csv": "seat;openingBalance\nrecruiter-1;-4\n" },
    stderr: ["seats.csv:2: openingBalance:", '"-4"', "whole credits from 0 to 100,000", "auto"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv"],
    files: { "seats.csv": "seat,plan\nrecruiter-2,recruiter-lite\nrecruiter-3,Premium Career\n" },
    stderr: ["seats.csv:3: plan:", 'seat "recruiter-3"', "on premium-career here but on recruiter-lite in the log", "sample-send-log.csv:"],
  },
  {
    kind: "log",
    command: notebook,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv", "--out", "$DIR/r.html"],
    files: { "seats.csv": "seat,plan\nrecruiter-3,Premium Career\nghost,\n" },
    stderr: ["seats.csv:2: plan:", 'seat "recruiter-3"', "premium-career", "recruiter-lite"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", "$DIR/log.csv", "--seats", "$DIR/seats.csv"],
    files: {
      "log.csv": `${HEAD},account\n${rows(8)
        .map((r) => `${r},ann`)
        .join("\n")}\n`,
      "seats.csv": "seat,openingBalance\nann,auto\n",
    },
    stderr: ["--seats", "seats.csv", "openingBalance of auto needs the plan", "--plan"],
  },
  {
    kind: "log",
    command: replay,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv"],
    files: { "seats.csv": Buffer.concat([Buffer.from("seat,billingDay\nrecruiter-1,5\nrecruiter-"), Buffer.from([0xc3, 0x28]), Buffer.from(",6\n")]) },
    stderr: ["seats.csv:3:", "not valid UTF-8", "save the file as UTF-8"],
  },
  // A seat the log lacks is a warning, written only once the run has succeeded: a refused run still says one line.
  {
    kind: "log",
    command: replay,
    args: ["--log", SAMPLE, "--seats", "$DIR/seats.csv", "--end", "2026-01-01"],
    files: { "seats.csv": "seat,billingDay\nghost,5\n" },
    stderr: ["--end", "after the log's first sentAt"],
    absent: ["ghost"],
  },
  // Runs too large to start: refused before the log is read, with the estimate.
  { kind: "runaway", command: calibrate, args: ["--log", SAMPLE, ...HUGE], stderr: ["--draws/--accounts/--cycles", "1.2e12 events", "draws=10,000 × accounts=100,000 × cycles=120", "--big"] },
  { kind: "runaway", command: notebook, args: ["--log", "$DIR/never-read.csv", ...HUGE, "--out", "$DIR/r.html"], stderr: ["--draws/--accounts/--cycles", "15 minutes"] },
  // Above the limit only once the log is calibrated: the batch runner's estimate refuses the forecast's runs (on one thread, whatever the machine).
  {
    kind: "runaway",
    command: calibrate,
    args: ["--log", SAMPLE, "--draws", "2", "--accounts", "100000", "--cycles", "120", "--workers", "1"],
    stderr: ["run too large", "20 model runs", "on 1 thread", "--big"],
  },
  { kind: "runaway", command: sample, args: ["--accounts", "1000000", "--cycles", "120", "--out", "$DIR/log.csv"], stderr: ["--accounts/--cycles", "rows", "--big"] },
  { kind: "log", command: sample, args: ["--format", "xml", "--out", "$DIR/log.xml"], stderr: ["--format", '"xml"', "csv, jsonl"] },
  { kind: "log", command: sample, args: ["--accounts", "0", "--out", "$DIR/log.csv"], stderr: ["--accounts", "from 1 to 1000000"] },
  { kind: "log", command: sample, args: ["--out", ""], stderr: ["--out", "expected a file name"] },
];
// Two columns given to one field by --map: the message names both maps, not one of them again.
cases.push({
  kind: "log",
  command: replay,
  args: ["--log", "$DIR/map.csv", "--map", "When=sentAt", "--map", "Notes=sentAt"],
  files: { "map.csv": "When,Notes,recipientId,outcome,respondedAt\n2026-01-05T09:00:00Z,2026-01-05T09:00:00Z,r1,,\n" },
  stderr: ["map.csv:1: sentAt:", `two columns map to sentAt: "When" (column 1, by --map 'When=sentAt') and "Notes" (column 2, by --map 'Notes=sentAt'); map only one column to sentAt`],
});
