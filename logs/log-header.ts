/**
 * Which column of a real export holds which field of the send-log format. A header name
 * is, in this order: a `--map 'Date Sent=sentAt'` source (exact name), a format column
 * itself (`sentAt`), or a common alias of one, compared without case, spaces or
 * punctuation ("Date Sent", "Candidate", "Status", "Replied On", …; `headerAliases`).
 * Other columns are ignored. Two columns that would fill one field, a name that appears
 * twice, and a `--map` whose source the file does not have are errors, never a silent
 * choice.
 */
import { logColumns, type LogColumn } from "./log-columns.ts";

/** Common header names of recruiting and sales tools' exports, by the field they hold (compared by `headerKey`). */
export const headerAliases: Readonly<Record<LogColumn, readonly string[]>> = {
  sentAt: ["Date Sent", "Sent Date", "Sent", "Sent On", "Sent Time", "Send Date", "Date", "Timestamp", "Created At"],
  recipientId: ["Recipient", "Recipient Id", "Candidate", "Candidate Id", "Prospect", "Lead", "Contact", "Member", "Member Id", "Profile", "Profile URL", "To"],
  outcome: ["Status", "Result", "Response", "Response Status", "Reply Status", "State"],
  respondedAt: ["Replied On", "Replied At", "Responded On", "Response Date", "Response Time", "Reply Date", "Reply Time", "Date Replied", "Date Responded"],
  account: ["Sender", "Sender Id", "Sent By", "User", "Owner", "Recruiter", "Seat", "From"],
  plan: ["Subscription", "License", "Licence", "Product"],
  channel: ["Type", "Message Type", "Medium"],
  messageLength: ["Length", "Message Chars", "Characters", "Body Length"],
};

/** A header name compared without case, spaces or punctuation: "Date Sent" → "datesent". */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

const aliasOf = new Map<string, LogColumn>();
for (const c of logColumns) {
  aliasOf.set(headerKey(c), c);
  for (const a of headerAliases[c]) aliasOf.set(headerKey(a), c);
}

/** A `--map` or header problem that is the user's option, not a row of the file. */
export class LogOptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = "LogOptionError";
  }
}

/** Parses `--map` values ("Date Sent=sentAt"; the field after the last "=", any case) into source name → field. */
export function parseColumnMap(values: readonly string[]): ReadonlyMap<string, LogColumn> {
  const map = new Map<string, LogColumn>();
  for (const v of values) {
    const eq = v.lastIndexOf("=");
    const source = eq > 0 ? v.slice(0, eq).trim() : "";
    const target = eq > 0 ? v.slice(eq + 1).trim() : "";
    if (source === "" || target === "") {
      throw new LogOptionError("--map", `${JSON.stringify(v)} is not allowed; expected 'Header Name=field', e.g. 'Date Sent=sentAt'`);
    }
    const field = logColumns.find((c) => c.toLowerCase() === target.toLowerCase());
    if (field === undefined) {
      throw new LogOptionError("--map", `${JSON.stringify(v)}: ${JSON.stringify(target)} is not a field of the log format; expected one of ${logColumns.join(", ")}`);
    }
    if (map.has(source)) throw new LogOptionError("--map", `${JSON.stringify(source)} is mapped twice`);
    map.set(source, field);
  }
  return map;
}

/** The field a header name holds (undefined: ignored), per the rules above. */
export function columnFor(name: string, map: ReadonlyMap<string, LogColumn>): LogColumn | undefined {
  const mapped = map.get(name);
  if (mapped !== undefined) return mapped;
  const field = (logColumns as readonly string[]).includes(name) ? (name as LogColumn) : aliasOf.get(headerKey(name));
  // The map names another column for this field: this one is ignored.
  return field !== undefined && [...map.values()].includes(field) ? undefined : field;
}

/** Where each field is in a header: position per `logColumns` entry (−1 = absent), or why the header is ambiguous. */
export function resolveHeader(
  names: readonly string[],
  map: ReadonlyMap<string, LogColumn>,
): { readonly at: readonly number[]; readonly ignored: readonly string[] } | { readonly problem: string; readonly column: string } {
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    const before = seen.get(n);
    if (before !== undefined && n !== "") {
      return { column: n, problem: `duplicate column name (columns ${before + 1} and ${i + 1}); every column name must be unique` };
    }
    seen.set(n, i);
  }
  for (const source of map.keys()) {
    if (!seen.has(source)) {
      return {
        column: "(header)",
        problem: `--map ${JSON.stringify(`${source}=${map.get(source)}`)}: the header has no column ${JSON.stringify(source)}; it has ${names.map((n) => JSON.stringify(n)).join(", ")}`,
      };
    }
  }
  const at = logColumns.map(() => -1);
  const ignored: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const field = columnFor(names[i]!, map);
    if (field === undefined) {
      if (names[i] !== "") ignored.push(names[i]!);
      continue;
    }
    const k = logColumns.indexOf(field);
    if (at[k]! >= 0) {
      const first = names[at[k]!]!;
      const second = names[i]!;
      const mapped = (n: string) => map.get(n) === field;
      if (!mapped(first) && !mapped(second)) {
        return {
          column: field,
          problem: `two columns hold ${field}: ${JSON.stringify(first)} (column ${at[k]! + 1}) and ${JSON.stringify(second)} (column ${i + 1}); name the one to use with --map '${second}=${field}' or rename the other`,
        };
      }
      // A --map is among them: naming it again would not help.
      const how = (n: string) => (mapped(n) ? `by --map '${n}=${field}'` : "by its name");
      return {
        column: field,
        problem:
          `two columns map to ${field}: ${JSON.stringify(first)} (column ${at[k]! + 1}, ${how(first)}) and ${JSON.stringify(second)} (column ${i + 1}, ${how(second)}); ` +
          (mapped(first) && mapped(second) ? `map only one column to ${field}` : "drop that --map, or rename the other column"),
      };
    }
    at[k] = i;
  }
  return { at, ignored };
}
