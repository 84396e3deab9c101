/**
 * The log panel's replay without the page (notebooks/explorer/log-replay.ts): for the same
 * bytes and options it gives what `commands/replay.ts --log FILE --json` prints, byte for
 * byte, and the command's one-line messages for bad input; the command line it shows
 * parses back to the same options.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { logOptions, parseOptions } from "../../cli/log-cli.ts";
import { replayFromOptions } from "../../cli/log-replay.ts";
import { replaySpec } from "../../commands/replay.ts";
import { decodeLog, plannerInputs, replayCommand, replayLog, type OptionTexts } from "../../notebooks/explorer/log-replay.ts";
import { root, runTsx } from "../support/run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "explorer-log-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the temporary folder, by its absolute path (the name both sides report). */
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The command's argv for the panel's options: the panel's own command line, split. */
function argv(path: string, texts: OptionTexts): string[] {
  const words = replayCommand(path, texts, logOptions).split(" ").slice(3);
  // Single-quoted words (a pattern with a space) back together, as a shell would.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    if (w.startsWith("'")) while (!w.endsWith("'") && i + 1 < words.length) w += ` ${words[++i]}`;
    out.push(w.replace(/^'(.*)'$/, "$1"));
  }
  return out;
}

/** What the command prints on stdout for `path` with the panel's options (in process). */
async function commandJson(path: string, texts: OptionTexts): Promise<string> {
  const o = parseOptions(replaySpec, argv(path, texts));
  const { report } = await replayFromOptions(o, replaySpec.command);
  return `${JSON.stringify(report, null, 2)}\n`;
}

function panel(path: string, texts: OptionTexts) {
  const decoded = decodeLog(readFileSync(path), path);
  if (!decoded.ok) return { ok: false as const, message: decoded.message };
  return replayLog(decoded.text, path, texts, logOptions);
}

const sample = join(root, "data", "sample-send-log.csv");
const eu = file(
  "eu.csv",
  "\uFEFFDate Sent;Candidate;Status;Replied On;Owner\r\n" +
    "05.01.2026 16:30;c1;Replied;06.01.2026 09:00;ann\r\n" +
    "13.01.2026 10:00;c2;No reply;;ann\r\n" +
    "14.01.2026 11:15;c3;Declined;20.01.2026 08:00;bo\r\n",
);
const jsonl = file(
  "log.jsonl",
  '{"sentAt":"2026-01-05T10:00:00Z","recipientId":"r1","outcome":"accepted","respondedAt":"2026-01-07T10:00:00Z","account":"a"}\n' +
    '{"sentAt":"2026-01-06T10:00:00Z","recipientId":"r2","outcome":"ignored","respondedAt":null,"account":"a"}\n',
);

describe("the log panel's replay equals the command's JSON", () => {
  const cases: [string, string, OptionTexts][] = [
    ["the sample log, defaults", sample, {}],
    ["the sample log on another plan, the guide's rules, an opening balance", sample, { plan: "sales-navigator", policy: "guide", "opening-balance": "40" }],
    ["the sample log, opening balance auto, a time zone", sample, { "opening-balance": "auto", timezone: "Europe/Paris" }],
    ["an EU export: semicolons, BOM, CRLF, day-first dates learnt from the file", eu, { timezone: "Europe/Berlin", plan: "recruiter-lite" }],
    ["an EU export with the date format and delimiter given", eu, { timezone: "Europe/Berlin", "date-format": "DD.MM.YYYY HH:mm", delimiter: ";" }],
    ["JSON lines", jsonl, { plan: "premium-business" }],
  ];
  for (const [what, path, texts] of cases) {
    it(what, async () => {
      const r = panel(path, texts);
      if (!r.ok) expect.fail(r.message);
      expect(r.json).toBe(await commandJson(path, texts));
    });
  }

  it("gives the planner the inputs of the replay's own team command", () => {
    const r = panel(sample, {});
    if (!r.ok) expect.fail(r.message);
    const inputs = plannerInputs(r.report);
    expect(inputs.map(([n]) => n)).toEqual(["seats", "plan", "responseRate", "positiveShare", "sendsPerWorkingDay"]);
    expect(inputs.find(([n]) => n === "responseRate")![1]).toBe(String(Number(r.report.observed.responseRate.toFixed(3))));
    expect(inputs.find(([n]) => n === "seats")![1]).toBe(String(r.report.log.accounts));
  });
});

describe("the log panel's messages are the command's", () => {
  /** The command's one line on stderr without its name, and its exit code. */
  const stderrOf = (path: string, texts: OptionTexts) => {
    const r = runTsx("commands/replay.ts", argv(path, texts));
    return { status: r.status, stdout: r.stdout, line: r.stderr.trim().replace(/^commands\/replay\.ts: /, "") };
  };
  const message = (path: string, texts: OptionTexts) => {
    const r = panel(path, texts);
    if (r.ok) expect.fail("the panel replayed what the command refuses");
    return r.message;
  };

  it("for options the command parses: a number, a time zone, a date format, a delimiter", async () => {
    for (const texts of [{ "opening-balance": "lots" }, { "opening-balance": "1e400" }, { timezone: "Mars/Olympus" }, { "date-format": "YYYY/DD/MM" }, { delimiter: "colon" }] as OptionTexts[]) {
      const o = (async () => commandJson(sample, texts))();
      await expect(o).rejects.toThrow(message(sample, texts));
      const err = await o.catch((e: Error) => e.message);
      expect(message(sample, texts)).toBe(err);
    }
  });

  it("for a plan that cannot send InMail and auto without a plan, as the command prints them (exit 2, nothing on stdout)", () => {
    const noPlan = file("no-plan.csv", "sentAt,recipientId,outcome\n2026-01-05T10:00:00Z,r1,replied\n");
    for (const [path, texts] of [
      [sample, { plan: "basic" }],
      [noPlan, { "opening-balance": "auto" }],
    ] as [string, OptionTexts][]) {
      const cli = stderrOf(path, texts);
      expect(cli.status).toBe(2);
      expect(cli.stdout).toBe("");
      expect(message(path, texts)).toBe(cli.line);
    }
  });

  it("for rows the reader refuses: an ambiguous date, a bad outcome, bytes that are not UTF-8", async () => {
    const ambiguous = file("us.csv", "Date Sent,Candidate,Status\n01/05/2026 16:30,c1,Replied\n");
    const badOutcome = file("bad.csv", "sentAt,recipientId,outcome\n2026-01-05T10:00:00Z,r1,replied\n2026-01-06T10:00:00Z,r2,maybe\n");
    const latin1 = file(
      "latin1.csv",
      Buffer.concat([Buffer.from("sentAt,recipientId,outcome\n2026-01-05T10:00:00Z,r1,replied\n2026-01-05T11:00:00Z,Ren"), Buffer.from([0xe9]), Buffer.from(",ignored\n")]),
    );
    for (const path of [ambiguous, badOutcome, latin1]) {
      const err = await commandJson(path, {}).catch((e: Error) => e.message);
      expect(err).toMatch(/:\d+: /);
      expect(message(path, {})).toBe(err);
    }
    expect(message(latin1, {})).toBe(`${latin1}:3: (row): not valid UTF-8 (byte 0xe9 at byte 25 of the line); save the file as UTF-8`);
  });
});
