/**
 * The command line shared by the log-driven commands (commands/replay.ts,
 * commands/calibrate.ts, notebooks/replay.ts): the options every one takes
 * (`logOptions`, parsed by cli/options.ts, values checked with the parameter specs of
 * params.ts), the log read and validated once. Bad input of any kind (an option, a malformed log row, a plan that
 * cannot send InMail, a log too small to fit) → one line on stderr naming what is wrong,
 * exit code 2, nothing written. With --skip-bad every skipped row goes to stderr, then
 * how many (also when no row is left). Every option is also `--set name=value`.
 */
import { isUtf8 } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { parseSeatsText, type SeatRow, type SeatsFile } from "../logs/seats-file.ts";
import { checkSeats, seatNotInLogText } from "../logs/seats.ts";
import { CalibrationError } from "../logs/delay-fit.ts";
import { formatIso, parseIsoMs, timeProblem, WallClockZone } from "../models/iso-time.ts";
import { LogOptionError, parseColumnMap } from "../logs/log-header.ts";
import { billingCycles, billingDayAnchorMs, defaultAnchorMs, defaultEndMs, type BillingCycle } from "../logs/plan-replay.ts";
export { billingDayAnchorMs };
import { PlanCannotSendError, planIds, plans } from "../models/plans.ts";
import { policyIds, refundAgings, type PolicyId, type RefundAging } from "../models/policy.ts";
import { readSendLog } from "../logs/read-send-log.ts";
import { planPrices, priceOption, resolvePlan, type ReplaySettings } from "../logs/replay-report.ts";
import { payingPlanIds as payingPlans } from "../models/paying-plans.ts";
export { payingPlans, planPrices, priceOption, resolvePlan, type ReplaySettings };
import { describeBadRow, LogFormatError, logBefore, type BadRow, type SendLog } from "../logs/send-log.ts";
import { parseDateFormat, type DateFormat } from "../logs/log-dates.ts";
import { parseDelimiter } from "../logs/parse-send-log-text.ts";
import { OpeningBalanceError } from "../logs/replay-report.ts";

/** Skipped rows listed one by one on stderr (--skip-bad); the rest are counted. */
export const SKIPPED_LISTED = 10;
import { isMain, runMain } from "./command.ts";
import type { ParsedOptions } from "./options.ts";
import { InputError, type ParamSpec } from "../experiments/inputs/params.ts";
import { planLabels } from "../experiments/general/scenario.ts";

export { isMain };
export { parseOptions, type CommandSpec, type ParsedOptions } from "./options.ts";
export { helpText } from "./help.ts";

/** Highest price a plan option accepts, USD per seat per month (a guard against typos). */
export const MAX_PRICE_USD = 100_000;

/** Options every log-driven command takes. */
export const logOptions = [
  { name: "log", kind: "string", maxLength: 4096, default: "", description: "the send log (CSV, or JSON lines for .jsonl/.ndjson); required" },
  {
    name: "plan",
    kind: "enum",
    values: planIds,
    labels: planLabels,
    default: "",
    description: "the plan the log was sent on, to replay it in detail (default: the log's plan column when it names one plan; without either, every plan side by side)",
  },
  { name: "policy", kind: "enum", values: policyIds, default: "linkedin", description: "credit rules: LinkedIn's documented ones, or the guide's (reset each cycle)" },
  {
    name: "timezone",
    kind: "string",
    maxLength: 64,
    default: "",
    description: "IANA time zone (Area/City, e.g. Europe/Paris) of timestamps written without one, in the log and in --anchor/--end; text output shows times in it",
  },
  {
    name: "date-format",
    kind: "string",
    maxLength: 32,
    default: "",
    description:
      "order of the log's day-month dates: MM/DD/YYYY, DD/MM/YYYY, YYYY-MM-DD or DD.MM.YYYY, optionally with HH:mm[:ss] or h:mm A (default: from the file, which must show it by a day above 12; ISO 8601 and Excel serial dates are read without it)",
  },
  {
    name: "delimiter",
    kind: "string",
    maxLength: 16,
    default: "",
    description: "CSV field delimiter: ',', ';', 'tab' or '|' (default: the most frequent of comma, semicolon and tab in the header line)",
  },
  {
    name: "opening-balance",
    kind: "override",
    word: "auto",
    min: 0,
    max: 100_000,
    integer: true,
    default: 0,
    unit: "credits/seat",
    description: "credits each seat held when the log starts, on every plan replayed; auto: the least that makes every logged InMail sendable on the log's plan (reported)",
  },
  {
    name: "seats",
    kind: "string",
    maxLength: 4096,
    default: "",
    description:
      "a seats file (CSV, or JSON lines for .jsonl/.ndjson): a row per seat — seat (the log's account), and any of plan, billingDay (1–31), openingBalance (credits, or auto) — " +
      "for seats billed on different days or holding different balances; a seat it leaves out, or a cell left empty, takes --billing-day and --opening-balance",
  },
  {
    name: "billing-day",
    kind: "override",
    word: "anchor",
    min: 1,
    max: 31,
    integer: true,
    default: "anchor",
    description: "day of the month the seats' credits come on billing-date plans (monthly from the last such day on or before the first sentAt); anchor: from --anchor, as --billing-cycle says",
  },
  { name: "anchor", kind: "string", maxLength: 64, default: "", description: "subscription start / billing anchor, ISO 8601 date or date-time (default: UTC midnight of the first sentAt)" },
  {
    name: "end",
    kind: "string",
    maxLength: 64,
    default: "",
    description: "end of the replay, exclusive, ISO 8601 date or date-time; rows sent from then on are left out (default: first UTC midnight after the log's last timestamp)",
  },
  { name: "refund-aging", kind: "enum", values: refundAgings, default: "original", description: "linkedin policy: a refunded credit keeps its expiry, or gets a fresh 90 days (undocumented)" },
  { name: "billing-cycle", kind: "enum", values: billingCycles, default: "30-days", description: "billing-date plans grant every 30 days from the anchor, or monthly on its day" },
  ...payingPlans.map((p): ParamSpec => ({
    name: priceOption(p),
    kind: "number",
    min: 0,
    max: MAX_PRICE_USD,
    default: plans[p].illustrativePriceUsd,
    unit: "USD/seat/month",
    description: `price of ${plans[p].name}, USD per seat per month (default ${plans[p].illustrativePriceUsd}: illustrative, low confidence; LinkedIn publishes none)`,
  })),
] as const satisfies readonly ParamSpec[];

export const logSwitches = {
  "skip-bad": "skip malformed rows (each is reported on stderr) instead of failing",
} as const;

export const logLists = {
  map: "which header holds a field, 'Header Name=field' (e.g. --map 'Date Sent=sentAt'); common names such as Date Sent, Candidate, Status, Replied On are recognised without it",
} as const;

/** How to read the log: --timezone (checked through Intl), --map, --date-format, --delimiter. */
export interface LogReading {
  readonly timeZone?: WallClockZone;
  readonly columnMap: ReturnType<typeof parseColumnMap>;
  readonly dateFormat?: DateFormat;
  readonly delimiter?: string;
}

export function logReading(o: Pick<ParsedOptions, "values" | "lists">): LogReading {
  const name = o.values.timezone as string;
  let timeZone: WallClockZone | undefined;
  if (name.trim() !== "") {
    try {
      timeZone = new WallClockZone(name.trim());
    } catch {
      throw new InputError(`--timezone: ${JSON.stringify(name)} is not allowed; expected an IANA time zone name, Area/City (e.g. Europe/Paris, America/New_York), or UTC`);
    }
  }
  try {
    const columnMap = parseColumnMap(o.lists.map ?? []);
    const format = (o.values["date-format"] as string | undefined) ?? "";
    const delimiter = (o.values.delimiter as string | undefined) ?? "";
    return {
      columnMap,
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(format.trim() === "" ? {} : { dateFormat: parseDateFormat(format) }),
      ...(delimiter === "" ? {} : { delimiter: parseDelimiter(delimiter) }),
    };
  } catch (err) {
    throw asInputError(err);
  }
}

/** What is at `path`, when it is not a file a log (`what`: or a seats file) can be read from; undefined when it is one. */
function notALogFile(path: string, what = "a send log file (CSV or JSON lines)"): string | undefined {
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "no such file";
    if (code === "EACCES" || code === "EPERM") return "permission denied";
    if (code === "ENOTDIR") return "a part of the path is not a directory";
    if (code === "ENAMETOOLONG") return "the path is too long";
    return `cannot be read (${code ?? (err as Error).message})`;
  }
  if (st.isDirectory()) return `is a directory; expected ${what}`;
  if (st.isCharacterDevice() || st.isBlockDevice()) return `is a device, not a file; expected ${what}`;
  if (st.isFIFO() || st.isSocket()) return `is a pipe or socket, not a file; expected ${what}`;
  if (!st.isFile()) return `is not a regular file; expected ${what}`;
  return undefined;
}

/**
 * Reads the log named by --log; bad rows → InputError, or reported on `stderr` with
 * --skip-bad (every one, then how many — also when none is left, before the error).
 */
export async function loadLog(path: string, skipBad: boolean, stderr: { write(text: string): unknown }, command: string, reading: LogReading = { columnMap: new Map() }): Promise<SendLog> {
  if (path === "") throw new InputError("--log: missing; expected the path of a send log (CSV or JSON lines)");
  const what = notALogFile(path);
  if (what !== undefined) throw new InputError(`--log: ${JSON.stringify(path)}: ${what}`);
  // The first SKIPPED_LISTED skipped rows, each on its line, then how many more.
  const report = (skipped: readonly BadRow[]) => {
    for (const bad of skipped.slice(0, SKIPPED_LISTED)) stderr.write(`${command}: skipped ${describeBadRow(path, bad)}\n`);
    if (skipped.length > SKIPPED_LISTED) stderr.write(`${command}: skipped ${(skipped.length - SKIPPED_LISTED).toLocaleString("en-US")} more bad rows (the first ${SKIPPED_LISTED} listed above)\n`);
  };
  let log: SendLog;
  try {
    log = await readSendLog(path, { skipBad, ...reading });
  } catch (err) {
    if (err instanceof LogFormatError) {
      report(err.skipped);
      throw new InputError(err.message);
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) throw new InputError(`--log: ${JSON.stringify(path)}: cannot be read (${code})`);
    throw err;
  }
  report(log.skipped);
  if (log.skipped.length > 0) {
    stderr.write(`${command}: skipped ${log.skipped.length.toLocaleString("en-US")} bad ${log.skipped.length === 1 ? "row" : "rows"}; read the other ${log.rows.toLocaleString("en-US")}\n`);
  }
  return log;
}

/** Largest seats file read, bytes: a seats file is a row per seat. */
export const MAX_SEATS_FILE_BYTES = 16 * 1024 * 1024;

/** A seats file read and checked against its log (loadSeats). */
export interface LoadedSeats {
  readonly seats: SeatsFile | undefined;
  /** Rows of seats the log lacks. */
  readonly notInLog: readonly SeatRow[];
  /** Writes a warning line per seat the log lacks: once the run has succeeded, so a refused run still says one line. */
  warn(stderr: { write(text: string): unknown }): void;
}

/**
 * The seats file named by --seats (undefined when none), checked against the full log:
 * a bad row, or a plan that contradicts the log's, → InputError; a seat the log lacks
 * is a warning (`warn`).
 */
export function loadSeats(values: ParsedOptions["values"], log: SendLog, command: string): LoadedSeats {
  const path = ((values.seats as string | undefined) ?? "").trim();
  if (path === "") return { seats: undefined, notInLog: [], warn() {} };
  const what = notALogFile(path, "a seats file (CSV or JSON lines)");
  if (what !== undefined) throw new InputError(`--seats: ${JSON.stringify(path)}: ${what}`);
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_SEATS_FILE_BYTES) throw new InputError(`--seats: ${JSON.stringify(path)}: larger than ${MAX_SEATS_FILE_BYTES / 1024 / 1024} MiB; expected a row per seat`);
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`--seats: ${JSON.stringify(path)}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!isUtf8(bytes)) {
    let line = 1;
    for (let start = 0; start < bytes.length; line++) {
      const nl = bytes.indexOf(10, start);
      const end = nl < 0 ? bytes.length : nl;
      if (!isUtf8(bytes.subarray(start, end))) break;
      start = end + 1;
    }
    throw new InputError(`${path}:${line}: (row): not valid UTF-8; save the file as UTF-8`);
  }
  try {
    const seats = parseSeatsText(bytes.toString("utf8"), path);
    const notInLog = checkSeats(log, seats);
    return {
      seats,
      notInLog,
      warn(stderr) {
        for (const row of notInLog) stderr.write(`${command}: warning: ${seatNotInLogText(seats, row, log)}\n`);
      },
    };
  } catch (err) {
    if (err instanceof LogFormatError) throw new InputError(err.message);
    throw err;
  }
}

/** The replay's time window (epoch ms) and the log within it: rows sent at or after --end are left out. */
export interface LogWindow {
  readonly anchorMs: number;
  readonly endMs: number;
  /** The log's rows sent before the end. */
  readonly log: SendLog;
  /** Rows left out because they were sent at or after --end. */
  readonly afterEnd: number;
}

/** The log's time window: anchor and end (epoch ms, within 2003–2100), checked against the log. */
export function resolveWindow(log: SendLog, values: ParsedOptions["values"], reading: Pick<LogReading, "timeZone"> = {}): LogWindow {
  const iso = (name: string): number | undefined => {
    const text = values[name];
    if (typeof text !== "string" || text.trim() === "") return undefined;
    const ms = parseIsoMs(text.trim(), reading.timeZone);
    let problem = timeProblem(text.trim(), ms, "--timezone");
    // With --timezone given, its hint is not repeated.
    if (problem !== undefined && reading.timeZone !== undefined) problem = problem.replace(/ \(or a naive time such as [^)]*\)/, "");
    if (problem !== undefined) throw new InputError(`--${name}: ${JSON.stringify(text)} ${problem.startsWith("expected") ? `is not allowed; ${problem}` : problem}`);
    return ms;
  };
  const billingDay = values["billing-day"];
  const given0 = iso("anchor");
  if (typeof billingDay === "number" && given0 !== undefined) {
    throw new InputError(
      `--billing-day: ${billingDay} with --anchor ${JSON.stringify(values.anchor)}: give one of them (--billing-day sets the anchor to the last such day on or before the first sentAt)`,
    );
  }
  const anchorMs = given0 ?? (typeof billingDay === "number" ? billingDayAnchorMs(log.firstSentAtMs, billingDay) : defaultAnchorMs(log));
  const given = iso("end");
  if (given !== undefined && !(given > log.firstSentAtMs)) {
    throw new InputError(`--end: ${JSON.stringify(values.end)} is not allowed; expected a time after the log's first sentAt (${formatIso(log.firstSentAtMs)})`);
  }
  const within = given === undefined ? log : logBefore(log, given);
  const endMs = given ?? defaultEndMs(log);
  if (!(anchorMs < endMs)) throw new InputError(`--anchor: ${JSON.stringify(values.anchor)} is not allowed; expected a time before the end (${formatIso(endMs)})`);
  return { anchorMs, endMs, log: within, afterEnd: log.rows - within.rows };
}

/** The replay's settings from the options; `seats`: the seats file read (loadSeats). */
export function replaySettings(values: ParsedOptions["values"], seats?: SeatsFile): ReplaySettings {
  const billingDay = values["billing-day"];
  const opening = values["opening-balance"];
  return {
    policy: values.policy as PolicyId,
    refundAging: values["refund-aging"] as RefundAging,
    // A billing day is a day of the month: grants monthly on it.
    billingCycle: typeof billingDay === "number" ? "monthly" : (values["billing-cycle"] as BillingCycle),
    ...(typeof billingDay === "number" ? { billingDay } : {}),
    ...(typeof opening === "number" || opening === "auto" ? { openingBalance: opening } : {}),
    ...(seats === undefined ? {} : { seats }),
  };
}

/** Turns the model's input errors into InputErrors (exit code 2). */
function asInputError(err: unknown): unknown {
  if (err instanceof PlanCannotSendError) return new InputError(`--plan: ${err.message}`);
  if (err instanceof LogOptionError) return new InputError(err.message);
  if (err instanceof CalibrationError) return new InputError(`calibration: ${err.message}`);
  if (err instanceof LogFormatError) return new InputError(err.message);
  if (err instanceof OpeningBalanceError) return new InputError(err.message);
  return err;
}

/** Runs `body` as the process's command (`runMain`), the model's input errors as InputErrors: exit code 2. */
export function runCommand(command: string, body: () => Promise<number | void>): void {
  runMain(command, body, asInputError);
}
