/**
 * The explorer's "your log" panel, without the page: a send-log export's bytes and the
 * panel's option texts → the replay `commands/replay.ts --log FILE --json` prints for the
 * same file and options (logs/replay-report.ts `runReplay` on the log read by
 * logs/parse-send-log-text.ts), or the one-line message the command would print. The
 * option specs are the command's own (cli/log-cli.ts `logOptions`, handed to the page as
 * JSON), parsed as its parser does, so names, defaults and messages are the command's.
 * Pure: no DOM, no `node:`; it runs in the page and in tests.
 *
 * The panel takes the options a spreadsheet export needs (the plan, the credit rules,
 * `--timezone`, `--date-format`, `--delimiter`, `--opening-balance`); the others keep
 * their defaults, as in a command that does not name them.
 */
import { InputError, parseValue, type ParamSpec, type ParamValues } from "../../experiments/inputs/params.ts";
import { WallClockZone } from "../../models/iso-time.ts";
import { PlanCannotSendError } from "../../models/plans.ts";
import { parseDateFormat } from "../../logs/log-dates.ts";
import { LogOptionError } from "../../logs/log-header.ts";
import { defaultAnchorMs, defaultEndMs, type BillingCycle } from "../../logs/plan-replay.ts";
import { logBuilder, parseDelimiter, parseSendLogText, type SendLogReadOptions } from "../../logs/parse-send-log-text.ts";
import { OpeningBalanceError, planPrices, resolvePlan, runReplay, type ReplayReport, type ReplaySettingsResolved } from "../../logs/replay-report.ts";
import { LogFormatError } from "../../logs/send-log.ts";
import type { PolicyId, RefundAging } from "../../models/policy.ts";
import { shellQuote } from "../../cli/shell-quote.ts";

/** The options the panel shows, by the command's names, in the order its command line lists them. */
export const panelOptions = ["plan", "policy", "timezone", "date-format", "delimiter", "opening-balance"] as const;
export type PanelOption = (typeof panelOptions)[number];

/** Option name → the text in its field ("" or the spec's default: not given). */
export type OptionTexts = Readonly<Partial<Record<PanelOption, string>>>;

export const replayCommandName = "commands/replay.ts";

/** The text a field shows for an option not given. */
export const defaultOptionText = (spec: ParamSpec) => String(spec.default);

export type ReplayOutcome =
  | { readonly ok: true; readonly report: ReplayReport; readonly json: string }
  /** `option`: the panel option the message is about, when it is one. */
  | { readonly ok: false; readonly message: string; readonly option?: PanelOption };

/**
 * The log's text from its bytes, as the command's streaming reader takes them: UTF-8 (a
 * BOM kept for the reader), or the reader's message for the first line that is not.
 */
export function decodeLog(bytes: Uint8Array, fileName: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const line = firstBadLine(bytes);
    try {
      logBuilder(fileName, {}).bad({
        line: line.number,
        column: "(row)",
        value: null,
        reason: `not valid UTF-8 (byte 0x${line.bytes[line.at]!.toString(16).padStart(2, "0")} at byte ${line.at + 1} of the line); save the file as UTF-8`,
      });
    } catch (err) {
      if (err instanceof LogFormatError) return { ok: false, message: err.message };
      throw err;
    }
    throw new Error("unreachable: a bad row is refused when not skipping");
  }
}

/** The first line (1-based, split at LF as the reader does) that is not UTF-8, and where in it decoding fails. */
function firstBadLine(bytes: Uint8Array): { number: number; bytes: Uint8Array; at: number } {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let start = 0;
  for (let number = 1; start <= bytes.length; number++) {
    const nl = bytes.indexOf(10, start);
    const end = nl < 0 ? bytes.length : nl;
    const line = bytes.subarray(start, end);
    try {
      strict.decode(line);
    } catch {
      return { number, bytes: line, at: firstBadByte(line) };
    }
    start = end + 1;
  }
  return { number: 1, bytes, at: 0 };
}

/** Index of the first byte where decoding fails: where the lenient decoder puts a U+FFFD the bytes do not spell. */
function firstBadByte(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  for (let i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) {
    const at = encoder.encode(text.slice(0, i)).length;
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return at;
  }
  return 0;
}

/** The options' values, or the message of the first option that is not valid (parsed as the command's parser does). */
function optionValues(specs: readonly ParamSpec[], texts: OptionTexts): { ok: true; values: ParamValues } | { ok: false; message: string; option: PanelOption } {
  const values: ParamValues = Object.fromEntries(specs.map((s) => [s.name, s.default]));
  for (const name of panelOptions) {
    const spec = specs.find((s) => s.name === name);
    if (spec === undefined) throw new Error(`the command has no --${name} option`);
    const text = texts[name];
    if (text === undefined || given(spec, text) === undefined) continue;
    try {
      values[name] = parseValue({ ...spec, name: `--${name}` } as ParamSpec, text);
    } catch (err) {
      if (err instanceof InputError) return { ok: false, message: err.message, option: name };
      throw err;
    }
  }
  return { ok: true, values };
}

/** The text to pass for an option, or undefined when the field leaves it at its default. */
function given(spec: ParamSpec, text: string): string | undefined {
  return text === "" || text === defaultOptionText(spec) ? undefined : text;
}

/** How the log is read: --timezone, --date-format, --delimiter, with the command's messages. */
function reading(values: ParamValues): { ok: true; options: SendLogReadOptions } | { ok: false; message: string; option: PanelOption } {
  const zone = String(values.timezone ?? "").trim();
  let timeZone: WallClockZone | undefined;
  if (zone !== "") {
    try {
      timeZone = new WallClockZone(zone);
    } catch {
      const message = `--timezone: ${JSON.stringify(String(values.timezone))} is not allowed; expected an IANA time zone name, Area/City (e.g. Europe/Paris, America/New_York), or UTC`;
      return { ok: false, message, option: "timezone" };
    }
  }
  const format = String(values["date-format"] ?? "");
  const delimiter = String(values.delimiter ?? "");
  let option: PanelOption = "date-format";
  try {
    const dateFormat = format.trim() === "" ? undefined : parseDateFormat(format);
    option = "delimiter";
    const d = delimiter === "" ? undefined : parseDelimiter(delimiter);
    return {
      ok: true,
      options: { ...(timeZone ? { timeZone } : {}), ...(dateFormat ? { dateFormat } : {}), ...(d === undefined ? {} : { delimiter: d }) },
    };
  } catch (err) {
    if (err instanceof LogOptionError) return { ok: false, message: err.message, option };
    throw err;
  }
}

/**
 * The replay of the log in `text` (the file `fileName`) with the panel's options, as
 * `commands/replay.ts --log fileName --json` with them gives it: the report and its JSON
 * text to the byte, or the command's one-line message.
 */
export function replayLog(text: string, fileName: string, texts: OptionTexts, specs: readonly ParamSpec[]): ReplayOutcome {
  const parsed = optionValues(specs, texts);
  if (!parsed.ok) return parsed;
  const values = parsed.values;
  const read = reading(values);
  if (!read.ok) return read;
  try {
    const log = parseSendLogText(text, fileName, read.options);
    // No --anchor, --end nor --billing-day: the command's default window, the whole log.
    const settings: ReplaySettingsResolved = {
      plan: resolvePlan(log, values),
      policy: values.policy as PolicyId,
      refundAging: values["refund-aging"] as RefundAging,
      billingCycle: values["billing-cycle"] as BillingCycle,
      anchorMs: defaultAnchorMs(log),
      endMs: defaultEndMs(log),
      prices: planPrices(values),
      afterEnd: 0,
      openingBalance: values["opening-balance"] as number | "auto",
      ...(read.options.timeZone ? { timeZone: read.options.timeZone.name } : {}),
    };
    const report = runReplay(log, settings);
    return { ok: true, report, json: `${JSON.stringify(report, null, 2)}\n` };
  } catch (err) {
    if (err instanceof LogFormatError || err instanceof LogOptionError) return { ok: false, message: err.message };
    if (err instanceof PlanCannotSendError) return { ok: false, message: `--plan: ${err.message}`, option: "plan" };
    if (err instanceof OpeningBalanceError) return { ok: false, message: err.message, option: "opening-balance" };
    throw err;
  }
}

/** The command line that prints the same JSON, run in the folder that holds the file. */
export function replayCommand(fileName: string, texts: OptionTexts, specs: readonly ParamSpec[]): string {
  const args = [`npx tsx ${replayCommandName}`, "--log", shellQuote(fileName), "--json"];
  for (const name of panelOptions) {
    const spec = specs.find((s) => s.name === name);
    const text = texts[name];
    if (spec === undefined || text === undefined) continue;
    const value = given(spec, text);
    if (value !== undefined) args.push(`--${name}`, shellQuote(value));
  }
  return args.join(" ");
}

/** The team planner's inputs in the replay's "plan from these numbers" command: name → value text, in its order. */
export function plannerInputs(report: ReplayReport): [string, string][] {
  return [...report.observed.teamCommand.matchAll(/--set ([^=\s]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]);
}
