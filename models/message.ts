/**
 * Messages as data: subject and body (or just their lengths) and the levers they use.
 * LinkedIn's limits are checked when a scenario is loaded: InMail subject ≤ 200
 * characters, body ≤ 2,000 (help a554514); connection-request note ≤ 300, or ≤ 200 on
 * a free account (secondary sources, consistent).
 */
import { leverMultiplier, lengthMultiplier, type LeverId } from "./levers.ts";

export const limits = {
  inmailSubjectChars: 200,
  inmailBodyChars: 2000,
  connectionNoteChars: 300,
  connectionNoteCharsFree: 200,
} as const;

export interface Message {
  readonly name: string;
  /** Subject text, or give `subjectChars`. */
  readonly subject?: string;
  readonly subjectChars?: number;
  /** Body text, or give `bodyChars`. */
  readonly body?: string;
  readonly bodyChars?: number;
  readonly levers?: Partial<Record<LeverId, boolean>>;
}

export function subjectChars(m: Message): number {
  return m.subject !== undefined ? [...m.subject].length : (m.subjectChars ?? 0);
}

export function bodyChars(m: Message): number {
  return m.body !== undefined ? [...m.body].length : (m.bodyChars ?? 0);
}

/** Problems with an InMail against LinkedIn's limits, as messages (empty when fine). */
export function inmailProblems(m: Message): string[] {
  const out: string[] = [];
  const s = subjectChars(m);
  const b = bodyChars(m);
  if (s > limits.inmailSubjectChars) {
    out.push(`message "${m.name}": subject is ${s} characters; InMail allows at most ${limits.inmailSubjectChars}`);
  }
  if (b > limits.inmailBodyChars) {
    out.push(`message "${m.name}": body is ${b} characters; InMail allows at most ${limits.inmailBodyChars}`);
  }
  return out;
}

/** Problems with a connection-request note (at most 300 characters; 200 on a free account). */
export function connectionNoteProblems(name: string, noteChars: number, freeAccount: boolean): string[] {
  const max = freeAccount ? limits.connectionNoteCharsFree : limits.connectionNoteChars;
  return noteChars > max ? [`connection note "${name}": ${noteChars} characters; a ${freeAccount ? "free account's" : "paid account's"} note allows at most ${max}`] : [];
}

/** Response multiplier of a message: its length band times its levers (not timing). */
export function messageMultiplier(m: Message): number {
  return lengthMultiplier(bodyChars(m)) * leverMultiplier(m.levers ?? {});
}
