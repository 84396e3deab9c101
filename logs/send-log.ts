/**
 * A send log: the InMail activity a recruiting or sales tool exports, one row per
 * message sent, held in compact column arrays (about 31 bytes a row) so a million-row
 * log fits without keeping the text. Rows are validated one by one as they stream in
 * (`SendLogBuilder.add`); a bad row is an error naming its line, column and value, or,
 * when skipping bad rows, is recorded in `skipped` — never dropped silently.
 *
 * Columns (a header name is a field, a common alias of one or a `--map` source: see
 * log-header.ts; unknown columns are ignored and listed):
 * - `sentAt` (required): ISO 8601 date-time with a time zone, or naive when a zone is
 *   given (`timeZone`), or a spreadsheet's date (day-month dates, 12-hour times, Excel
 *   serials: log-dates.ts); from 2003-01-01 to 2100-01-01. Rows whose day-month order
 *   the file has not yet shown are held until a date shows it (a day above 12); a file
 *   where none does is refused with both readings of its first such date.
 * - `recipientId` (required): any non-empty text.
 * - `outcome` (required column): accepted, replied, declined, spam, ignored, or empty
 *   while no response has been recorded (pending); any case, with the synonyms of
 *   log-values.ts ("Interested" = accepted, "Not interested" = declined, …).
 * - `respondedAt` (required column): as `sentAt`, required for accepted/replied/declined/spam
 *   and empty otherwise; not before `sentAt`.
 * - `account`, `plan` (a plan id or name), `channel` (inmail, open-profile, connection;
 *   empty = inmail), `messageLength` (characters, a non-negative integer): optional.
 * A row repeating the account, recipientId and sentAt of an earlier row is a duplicate.
 * A seat is on one plan: a row naming another plan than the seat's earlier rows is fatal.
 */
import { cyrb53 } from "../sim/random.ts";
import { channels } from "../models/channel.ts";
import { formatIso, type WallClockZone } from "../models/iso-time.ts";
import { LogTimeReader, type DateFormat, type DateReading } from "./log-dates.ts";
import { logColumns, requiredColumns, type LogColumn } from "./log-columns.ts";
import { columnFor, resolveHeader } from "./log-header.ts";
import { readChannel, readOutcome, readPlan } from "./log-values.ts";
import { OUTCOME_CODE, outcomes } from "../models/outcome.ts";
import { planIds, type PlanId } from "../models/plans.ts";

export { logColumns, optionalColumns, requiredColumns, type LogColumn } from "./log-columns.ts";

export { channels, type Channel } from "../models/channel.ts";
/** Code (index into `channels`) of a credit-paid InMail. */
export const INMAIL = 0;

/** Outcome code of a row with no response recorded yet (after the five OUTCOME_CODEs). */
export const PENDING = outcomes.length;
/** Plan code of a row without a plan. */
export const NO_PLAN = 255;
/** Highest message length accepted, in characters. */
export const MAX_MESSAGE_LENGTH = 1_000_000;

/** A row that was refused: where, which column, what it held, and why. */
export interface BadRow {
  readonly line: number;
  /** A column name; "(row)" when the row as a whole is malformed, "(file)" for the file (line 0: none). */
  readonly column: string;
  /** The offending text; null when the value is missing. */
  readonly value: string | null;
  readonly reason: string;
}

/** Longest value quoted in a message, in characters: a longer one is cut, with its length. */
export const MAX_QUOTED_CHARS = 80;

/** A value as a message quotes it: JSON-quoted, cut after MAX_QUOTED_CHARS characters with its full length. */
export function quoteValue(value: string): string {
  if (value.length <= MAX_QUOTED_CHARS) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, MAX_QUOTED_CHARS))}… (${value.length.toLocaleString("en-US")} characters)`;
}

export function describeBadRow(file: string, bad: BadRow): string {
  const value = bad.value === null ? "" : ` ${quoteValue(bad.value)}:`;
  const where = `${file}${bad.line > 0 ? `:${bad.line}` : ""}:${bad.column === "(file)" ? "" : ` ${bad.column}:`}`;
  return `${where}${value} ${bad.reason}`;
}

/** A malformed log row (or header) when bad rows are not skipped, or a log with no valid row. */
export class LogFormatError extends Error {
  constructor(
    readonly file: string,
    readonly bad: BadRow,
    /** Rows skipped before the error (with skipping on), to be reported with it. */
    readonly skipped: readonly BadRow[] = [],
  ) {
    super(describeBadRow(file, bad));
    this.name = "LogFormatError";
  }
}

export interface SendLog {
  readonly file: string;
  readonly rows: number;
  readonly sentAtMs: Float64Array;
  /** Epoch ms of the response; NaN when the row has none. */
  readonly respondedAtMs: Float64Array;
  /** OUTCOME_CODE, or PENDING. */
  readonly outcome: Uint8Array;
  /** Index into `channels`. */
  readonly channel: Uint8Array;
  /** Index into `accounts`. */
  readonly account: Uint32Array;
  /** Account names in order of first appearance ("" when the log has no account column). */
  readonly accounts: readonly string[];
  /** Index into `planIds`, or NO_PLAN. */
  readonly plan: Uint8Array;
  /** Characters; -1 when not given. */
  readonly messageLength: Int32Array;
  /** Line of the row in the file (1 = header for CSV). */
  readonly line: Uint32Array;
  /** Known columns present in the file. */
  readonly columns: readonly LogColumn[];
  /** Columns the file has that the log format does not know (ignored). */
  readonly ignoredColumns: readonly string[];
  readonly skipped: readonly BadRow[];
  /** Row indices ordered by (account, sentAt, line): the order of sends in a replay. */
  readonly bySent: Uint32Array;
  /** Rows with a response, ordered by (account, respondedAt, sentAt, line). */
  readonly byResponse: Uint32Array;
  readonly firstSentAtMs: number;
  /** Latest sentAt or respondedAt in the log. */
  readonly lastTimestampMs: number;
  /** How day-month dates and Excel serials were read; undefined when every date was ISO 8601. */
  readonly dates?: DateReading;
  /** The plan each account's rows name (index into `planIds`, NO_PLAN: none). */
  readonly accountPlans?: Uint8Array;
}

const COL = Object.fromEntries(logColumns.map((c, i) => [c, i])) as Record<LogColumn, number>;
const channelCodes = new Map<string, number>(channels.map((c, i) => [c, i]));
const planCodes = new Map<string, number>(planIds.map((p, i) => [p, i]));
const INTEGER = /^\d+$/;
const OUTCOMES_EXPECTED = `expected one of ${outcomes.join(", ")} (any case; synonyms such as Interested, Not interested, No response), or empty while pending`;

export interface SendLogBuilderOptions {
  /** Record bad rows in `skipped` and go on, instead of throwing LogFormatError. */
  readonly skipBad?: boolean;
  /** The zone naive timestamps are in (`--timezone`); without it they are refused. */
  readonly timeZone?: WallClockZone;
  /** `--map` sources: header name → field. */
  readonly columnMap?: ReadonlyMap<string, LogColumn>;
  /** `--date-format`: the order of day-month dates; without it, learnt from the file. */
  readonly dateFormat?: DateFormat;
}

/**
 * Builds a SendLog from rows given as text fields in `logColumns` order (undefined =
 * the column is absent). Storage grows by doubling.
 */
export class SendLogBuilder {
  readonly #file: string;
  readonly #skipBad: boolean;
  readonly #times: LogTimeReader;
  /** Rows held while the day-month order is unknown: line and fields. */
  #held: [number, (string | undefined)[]][] = [];
  /** Plan code of each account (NO_PLAN: none yet) and the line that named it. */
  readonly #accountPlan: number[] = [];
  readonly #accountPlanLine: number[] = [];
  readonly #map: ReadonlyMap<string, LogColumn>;
  #n = 0;
  #cap = 1024;
  #sentAt = new Float64Array(this.#cap);
  #respondedAt = new Float64Array(this.#cap);
  #outcome = new Uint8Array(this.#cap);
  #channel = new Uint8Array(this.#cap);
  #account = new Uint32Array(this.#cap);
  #plan = new Uint8Array(this.#cap);
  #length = new Int32Array(this.#cap);
  #line = new Uint32Array(this.#cap);
  /** 53-bit hash of recipientId, only for finding duplicates. */
  #recipient = new Float64Array(this.#cap);
  readonly #accounts = new Map<string, number>();
  readonly #skipped: BadRow[] = [];
  readonly #present = new Set<LogColumn>();
  readonly #ignored = new Set<string>();

  constructor(file: string, options: SendLogBuilderOptions = {}) {
    this.#file = file;
    this.#skipBad = options.skipBad ?? false;
    this.#times = new LogTimeReader(options.timeZone, options.dateFormat);
    this.#map = options.columnMap ?? new Map();
  }

  /** Bad rows recorded so far (skipping on). */
  get skipped(): readonly BadRow[] {
    return this.#skipped;
  }

  get rows(): number {
    return this.#n;
  }

  /** The field a JSON key holds (undefined: ignored), noting which fields and ignored keys the file has. */
  keyColumn(key: string): LogColumn | undefined {
    const field = columnFor(key, this.#map);
    if (field !== undefined) this.#present.add(field);
    else if (key !== "") this.#ignored.add(key);
    return field;
  }

  /**
   * Checks a CSV header and returns where each field is (position per `logColumns`
   * entry, −1 = absent). A duplicate or ambiguous column, a `--map` source it lacks or a
   * missing required column is fatal even when skipping bad rows.
   */
  header(names: readonly string[], line: number): readonly number[] {
    const fatal = (column: string, reason: string) => new LogFormatError(this.#file, { line, column, value: null, reason }, this.#skipped);
    const r = resolveHeader(names, this.#map);
    if ("problem" in r) throw fatal(r.column, r.problem);
    for (const name of r.ignored) this.#ignored.add(name);
    logColumns.forEach((c, k) => {
      if (r.at[k]! >= 0) this.#present.add(c);
    });
    for (const c of requiredColumns) {
      if (r.at[logColumns.indexOf(c)]! < 0) {
        throw fatal(
          c,
          `missing required column; the header has ${names.map((n) => JSON.stringify(n)).join(", ")}; required: ${requiredColumns.join(", ")} ` +
            `(or a common name for one, e.g. "Date Sent"; or name yours with --map 'Your Header=${c}')`,
        );
      }
    }
    return r.at;
  }

  /** A row that could not even be split into fields (CSV syntax, JSON syntax, field count). */
  bad(bad: BadRow): void {
    if (!this.#skipBad) throw new LogFormatError(this.#file, bad);
    this.#skipped.push(bad);
  }

  /** An error that ends the reading even when skipping (the rest of the file cannot be read), with the rows skipped so far. */
  fatal(bad: BadRow): LogFormatError {
    return new LogFormatError(this.#file, bad, this.#skipped);
  }

  /**
   * Validates one row and stores it, or records/throws why it is bad. While the order of
   * day-month dates is unknown, a row that needs it, and every row after it, is held
   * until a date shows the order (then they are read in file order) or the file ends.
   */
  add(line: number, f: readonly (string | undefined)[]): void {
    const t = this.#times;
    if (t.order === undefined) {
      const sent = f[COL.sentAt];
      const responded = f[COL.respondedAt];
      if (t.learn(sent, line, "sentAt") || t.learn(responded, line, "respondedAt")) {
        const held = this.#held;
        this.#held = [];
        for (const [l, g] of held) this.#add(l, g);
      } else if (this.#held.length > 0 || t.needsOrder(sent) || t.needsOrder(responded)) {
        this.#held.push([line, f.slice()]);
        return;
      }
    }
    this.#add(line, f);
  }

  #add(line: number, f: readonly (string | undefined)[]): void {
    const problem = this.#store(line, f);
    if (problem !== undefined) this.bad(problem);
  }

  /** The refusal of a file whose day-month dates never showed their order: its first such date, both ways. */
  #ambiguous(): LogFormatError {
    const [line, f] = this.#held[0]!;
    const column = this.#times.needsOrder(f[COL.sentAt]) ? "sentAt" : "respondedAt";
    const value = f[COL[column]]!;
    const [md, dm] = this.#times.readings(value);
    return this.fatal({
      line,
      column,
      value,
      reason:
        `ambiguous date: ${md} read as MM/DD/YYYY, or ${dm} read as DD/MM/YYYY, and no date in the file has a day above 12 to tell; ` + `pass --date-format MM/DD/YYYY or --date-format DD/MM/YYYY`,
    });
  }

  #store(line: number, f: readonly (string | undefined)[]): BadRow | undefined {
    const missing = (column: LogColumn): BadRow => ({ line, column, value: null, reason: "missing required value" });
    const sentText = f[COL.sentAt];
    if (sentText === undefined || sentText === "") return missing("sentAt");
    const sentAt = this.#times.read(sentText);
    if (typeof sentAt === "string") return { line, column: "sentAt", value: sentText, reason: sentAt };
    const recipient = f[COL.recipientId];
    if (recipient === undefined || recipient === "") return missing("recipientId");
    const outcomeText = f[COL.outcome];
    if (outcomeText === undefined) return missing("outcome");
    const word = readOutcome(outcomeText);
    if (word === undefined) return { line, column: "outcome", value: outcomeText, reason: OUTCOMES_EXPECTED };
    const outcome = word === "pending" ? PENDING : OUTCOME_CODE[word];
    const respondedText = f[COL.respondedAt];
    if (respondedText === undefined) return missing("respondedAt");
    let respondedAt: number | string = NaN;
    const responds = outcome < OUTCOME_CODE.ignored;
    if (respondedText !== "") {
      if (!responds) {
        const what = outcome === PENDING ? "the outcome is empty (pending)" : "the outcome is ignored";
        return { line, column: "respondedAt", value: respondedText, reason: `must be empty: ${what}` };
      }
      respondedAt = this.#times.read(respondedText);
      if (typeof respondedAt === "string") return { line, column: "respondedAt", value: respondedText, reason: respondedAt };
      if (respondedAt < sentAt) {
        return { line, column: "respondedAt", value: respondedText, reason: `is before sentAt (${sentText})` };
      }
    } else if (responds) {
      return { line, column: "respondedAt", value: "", reason: `required when the outcome is ${outcomeText}` };
    }
    const accountName = f[COL.account] ?? "";
    const planText = f[COL.plan] ?? "";
    const planId = planText === "" ? undefined : readPlan(planText);
    if (planText !== "" && planId === undefined) {
      return { line, column: "plan", value: planText, reason: `expected one of ${planIds.join(", ")} (or a plan's name, e.g. Recruiter Lite), or empty` };
    }
    const plan = planId === undefined ? NO_PLAN : planCodes.get(planId)!;
    const channelText = f[COL.channel] ?? "";
    const channelId = readChannel(channelText);
    if (channelId === undefined) {
      return { line, column: "channel", value: channelText, reason: `expected one of ${channels.join(", ")} (any case, e.g. Open Profile, Connection request), or empty (inmail)` };
    }
    const channel = channelCodes.get(channelId)!;
    const lengthText = f[COL.messageLength] ?? "";
    let length = -1;
    if (lengthText !== "") {
      length = INTEGER.test(lengthText) ? Number(lengthText) : NaN;
      if (!(length <= MAX_MESSAGE_LENGTH)) {
        return { line, column: "messageLength", value: lengthText, reason: `expected a whole number of characters from 0 to ${MAX_MESSAGE_LENGTH}, or empty` };
      }
    }
    let account = this.#accounts.get(accountName);
    if (account === undefined) {
      account = this.#accounts.size;
      this.#accounts.set(accountName, account);
      this.#accountPlan.push(NO_PLAN);
      this.#accountPlanLine.push(0);
    }
    if (plan !== NO_PLAN) {
      const before = this.#accountPlan[account]!;
      if (before === NO_PLAN) {
        this.#accountPlan[account] = plan;
        this.#accountPlanLine[account] = line;
      } else if (before !== plan) {
        const seat = accountName === "" ? "the log's seat" : `seat ${JSON.stringify(accountName)}`;
        throw this.fatal({
          line,
          column: "plan",
          value: planText,
          reason: `${seat} changes plan: ${planIds[before]} from line ${this.#accountPlanLine[account]}, then ${planIds[plan]}; a seat is on one plan: split the log by plan, or give each period its own account`,
        });
      }
    }
    if (this.#n === this.#cap) this.#grow();
    const i = this.#n++;
    this.#sentAt[i] = sentAt;
    this.#respondedAt[i] = respondedAt;
    this.#outcome[i] = outcome;
    this.#channel[i] = channel;
    this.#account[i] = account;
    this.#plan[i] = plan;
    this.#length[i] = length;
    this.#line[i] = line;
    this.#recipient[i] = cyrb53(recipient);
    return undefined;
  }

  /**
   * Finds duplicates (throws on the first by line unless skipping), orders the rows for
   * replay and returns the log. Throws when no valid row is left.
   */
  finish(): SendLog {
    if (this.#held.length > 0) throw this.#ambiguous();
    let n = this.#n;
    let bySent = sortedIndex(n, this.#bySentCompare());
    const dup = this.#duplicates(bySent);
    if (dup.length > 0) {
      dup.sort((a, b) => a.row - b.row);
      const bads = dup.map((d) => this.#duplicateRow(d.row, d.of));
      if (!this.#skipBad) throw new LogFormatError(this.#file, bads[0]!);
      this.#skipped.push(...bads);
      this.#compact(new Set(dup.map((d) => d.row)));
      n = this.#n;
      bySent = sortedIndex(n, this.#bySentCompare());
    }
    this.#skipped.sort((a, b) => a.line - b.line);
    if (n === 0) {
      throw new LogFormatError(
        this.#file,
        {
          line: 0,
          column: "(file)",
          value: null,
          reason: this.#skipped.length > 0 ? `no valid row left after skipping ${this.#skipped.length} bad ${this.#skipped.length === 1 ? "row" : "rows"} (each listed above)` : "the log has no rows",
        },
        this.#skipped,
      );
    }
    const sentAt = this.#sentAt.slice(0, n);
    const respondedAt = this.#respondedAt.slice(0, n);
    const account = this.#account.slice(0, n);
    let responders = 0;
    let first = Infinity;
    let last = -Infinity;
    for (let i = 0; i < n; i++) {
      if (sentAt[i]! < first) first = sentAt[i]!;
      if (sentAt[i]! > last) last = sentAt[i]!;
      if (respondedAt[i] === respondedAt[i]) {
        responders++;
        if (respondedAt[i]! > last) last = respondedAt[i]!;
      }
    }
    const byResponse = new Uint32Array(responders);
    for (let i = 0, k = 0; i < n; i++) if (respondedAt[i] === respondedAt[i]) byResponse[k++] = i;
    byResponse.sort((a, b) => account[a]! - account[b]! || respondedAt[a]! - respondedAt[b]! || sentAt[a]! - sentAt[b]! || a - b);
    return {
      file: this.#file,
      rows: n,
      sentAtMs: sentAt,
      respondedAtMs: respondedAt,
      outcome: this.#outcome.slice(0, n),
      channel: this.#channel.slice(0, n),
      account,
      accounts: [...this.#accounts.keys()],
      plan: this.#plan.slice(0, n),
      messageLength: this.#length.slice(0, n),
      line: this.#line.slice(0, n),
      columns: logColumns.filter((c) => this.#present.has(c)),
      ignoredColumns: [...this.#ignored],
      skipped: this.#skipped,
      bySent,
      byResponse,
      firstSentAtMs: first,
      lastTimestampMs: last,
      ...(this.#times.description() ? { dates: this.#times.description()! } : {}),
      accountPlans: Uint8Array.from(this.#accountPlan),
    };
  }

  #bySentCompare(): (a: number, b: number) => number {
    const account = this.#account;
    const sentAt = this.#sentAt;
    return (a, b) => account[a]! - account[b]! || sentAt[a]! - sentAt[b]! || a - b;
  }

  /**
   * Rows repeating (account, recipientId, sentAt) of an earlier row. Such rows are
   * adjacent in `bySent`; recipient ids are compared by 53-bit hash, only among rows of
   * one account at one instant, so a false match is practically impossible.
   */
  #duplicates(bySent: Uint32Array): { row: number; of: number }[] {
    const out: { row: number; of: number }[] = [];
    const account = this.#account;
    const sentAt = this.#sentAt;
    const recipient = this.#recipient;
    for (let s = 0; s < bySent.length;) {
      let e = s + 1;
      const a = bySent[s]!;
      while (e < bySent.length && account[bySent[e]!] === account[a] && sentAt[bySent[e]!] === sentAt[a]) e++;
      for (let j = s + 1; j < e; j++) {
        const row = bySent[j]!;
        for (let k = s; k < j; k++) {
          const of = bySent[k]!;
          if (recipient[of] === recipient[row]) {
            out.push({ row, of });
            break;
          }
        }
      }
      s = e;
    }
    return out;
  }

  #duplicateRow(row: number, of: number): BadRow {
    return {
      line: this.#line[row]!,
      column: "sentAt",
      value: formatIso(this.#sentAt[row]!),
      reason: `duplicate of line ${this.#line[of]} (same account, recipientId and sentAt)`,
    };
  }

  #compact(drop: ReadonlySet<number>): void {
    let k = 0;
    for (let i = 0; i < this.#n; i++) {
      if (drop.has(i)) continue;
      this.#sentAt[k] = this.#sentAt[i]!;
      this.#respondedAt[k] = this.#respondedAt[i]!;
      this.#outcome[k] = this.#outcome[i]!;
      this.#channel[k] = this.#channel[i]!;
      this.#account[k] = this.#account[i]!;
      this.#plan[k] = this.#plan[i]!;
      this.#length[k] = this.#length[i]!;
      this.#line[k] = this.#line[i]!;
      this.#recipient[k] = this.#recipient[i]!;
      k++;
    }
    this.#n = k;
  }

  #grow(): void {
    const cap = this.#cap * 2;
    const grow = <T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(old);
      return next;
    };
    this.#sentAt = grow(this.#sentAt, (m) => new Float64Array(m));
    this.#respondedAt = grow(this.#respondedAt, (m) => new Float64Array(m));
    this.#outcome = grow(this.#outcome, (m) => new Uint8Array(m));
    this.#channel = grow(this.#channel, (m) => new Uint8Array(m));
    this.#account = grow(this.#account, (m) => new Uint32Array(m));
    this.#plan = grow(this.#plan, (m) => new Uint8Array(m));
    this.#length = grow(this.#length, (m) => new Int32Array(m));
    this.#line = grow(this.#line, (m) => new Uint32Array(m));
    this.#recipient = grow(this.#recipient, (m) => new Float64Array(m));
    this.#cap = cap;
  }
}

/** Indices 0..n−1 sorted by `compare`. */
function sortedIndex(n: number, compare: (a: number, b: number) => number): Uint32Array {
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  return index.sort(compare);
}

/** The plan the log's `plan` column names, when every row that has one names the same plan. */
export function logPlan(log: SendLog): PlanId | undefined {
  let found = NO_PLAN;
  for (let i = 0; i < log.rows; i++) {
    const p = log.plan[i]!;
    if (p === NO_PLAN) continue;
    if (found === NO_PLAN) found = p;
    else if (p !== found) return undefined;
  }
  return found === NO_PLAN ? undefined : planIds[found];
}

/**
 * The rows of `log` sent before `endMs`, as a log of their own (accounts renumbered in
 * order of first appearance among them; skipped rows kept). Responses at or after
 * `endMs` stay on their rows: a replay or a fit ending there treats them as not yet
 * received. Returns `log` itself when every row is kept.
 */
export function logBefore(log: SendLog, endMs: number): SendLog {
  let n = 0;
  for (let i = 0; i < log.rows; i++) if (log.sentAtMs[i]! < endMs) n++;
  if (n === log.rows) return log;
  const rows = new Uint32Array(n);
  for (let i = 0, k = 0; i < log.rows; i++) if (log.sentAtMs[i]! < endMs) rows[k++] = i;
  const pick = <T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(a: T): T => {
    const out = new (a.constructor as new (m: number) => T)(n);
    for (let k = 0; k < n; k++) out[k] = a[rows[k]!]!;
    return out;
  };
  const oldAccount = pick(log.account);
  const renumber = new Map<number, number>();
  const account = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    let a = renumber.get(oldAccount[k]!);
    if (a === undefined) renumber.set(oldAccount[k]!, (a = renumber.size));
    account[k] = a;
  }
  const accounts = [...renumber.keys()].map((a) => log.accounts[a]!);
  const accountPlans = log.accountPlans === undefined ? undefined : Uint8Array.from([...renumber.keys()], (a) => log.accountPlans![a]!);
  const sentAt = pick(log.sentAtMs);
  const respondedAt = pick(log.respondedAtMs);
  const bySent = sortedIndex(n, (a, b) => account[a]! - account[b]! || sentAt[a]! - sentAt[b]! || a - b);
  const responders: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < n; k++) {
    first = Math.min(first, sentAt[k]!);
    last = Math.max(last, sentAt[k]!);
    if (respondedAt[k] === respondedAt[k]) {
      responders.push(k);
      if (respondedAt[k]! < endMs) last = Math.max(last, respondedAt[k]!);
    }
  }
  const byResponse = Uint32Array.from(responders).sort((a, b) => account[a]! - account[b]! || respondedAt[a]! - respondedAt[b]! || sentAt[a]! - sentAt[b]! || a - b);
  return {
    ...log,
    rows: n,
    sentAtMs: sentAt,
    respondedAtMs: respondedAt,
    outcome: pick(log.outcome),
    channel: pick(log.channel),
    account,
    accounts,
    plan: pick(log.plan),
    messageLength: pick(log.messageLength),
    line: pick(log.line),
    bySent,
    byResponse,
    firstSentAtMs: first,
    lastTimestampMs: last,
    ...(accountPlans === undefined ? {} : { accountPlans }),
  };
}
