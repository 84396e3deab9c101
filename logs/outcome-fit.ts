/**
 * Probability of each outcome, estimated from a send log, overall and per segment,
 * with 95% Wilson score intervals (per outcome, against all the others).
 *
 * A recent InMail without a response may still get one, so only *settled* InMails
 * count: those sent at least `settleDays` before the log's end (calibration takes the
 * 99.9% quantile of the fitted delay distribution). Among them, one without a response
 * by the end counts as ignored. Selecting by send time, not by outcome, keeps the
 * estimate unbiased; the price is the data of the last `settleDays` days.
 *
 * Segments (when the log has the column): channel (all rows); and, among credit-using
 * InMails, account (up to `maxAccountGroups`), plan, message length in LinkedIn's
 * published bands, and month of sending (UTC).
 */
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { formatIso, DAY_MS } from "../models/iso-time.ts";
import { lengthBands as leverLengthBands } from "../models/levers.ts";
import { OUTCOME_CODE, outcomes, type Outcome } from "../models/outcome.ts";
import { planIds } from "../models/plans.ts";
import { channels, INMAIL, NO_PLAN, type SendLog } from "./send-log.ts";

export const defaults = {
  /** More accounts than this: no per-account segment. */
  maxAccountGroups: 50,
} as const;

const thousands = new Intl.NumberFormat("en-US");

/** LinkedIn's published message-length bands (those of the length lever), labelled: "up to 400", "401–800", …, "over 1,200". */
const lengthBands: readonly { readonly label: string; readonly maxChars: number }[] = leverLengthBands.map((b, i) => {
  const from = i > 0 ? leverLengthBands[i - 1]!.maxChars : 0;
  const label = i === 0 ? `up to ${thousands.format(b.maxChars)}` : b.maxChars === Infinity ? `over ${thousands.format(from)}` : `${thousands.format(from + 1)}–${thousands.format(b.maxChars)}`;
  return { label, maxChars: b.maxChars };
});

export interface OutcomeRate {
  readonly segment: string;
  readonly group: string;
  readonly outcome: Outcome;
  /** Settled InMails in the group. */
  readonly n: number;
  readonly count: number;
  readonly p: number;
  readonly lo: number;
  readonly hi: number;
}

export interface OutcomeFit {
  readonly settleDays: number;
  /** Rows sent at or before this instant are settled. */
  readonly settledBeforeMs: number;
  /** Settled and too-recent credit-using InMails. */
  readonly settled: number;
  readonly recent: number;
  /** Settled counts of each outcome (credit-using InMails), indexed by OUTCOME_CODE. */
  readonly counts: readonly number[];
  /** One rate per outcome; empty when no InMail is settled. */
  readonly overall: readonly OutcomeRate[];
  readonly segments: readonly OutcomeRate[];
}

export interface OutcomeFitOptions {
  readonly endMs: number;
  readonly settleDays: number;
  readonly maxAccountGroups?: number;
}

const Z95 = normalQuantile(0.975, 0, 1);
const IGNORED = OUTCOME_CODE.ignored;

/** Wilson score interval of a binomial proportion (95% by default). */
export function wilson(count: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const p = count / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [count === 0 ? 0 : Math.max(0, centre - half), count === n ? 1 : Math.min(1, centre + half)];
}

/** The outcome of row `i` as known at `endMs`: no response by then counts as ignored. */
export function settledOutcome(log: SendLog, i: number, endMs: number): number {
  const o = log.outcome[i]!;
  return o < IGNORED && log.respondedAtMs[i]! < endMs ? o : IGNORED;
}

export function fitOutcomes(log: SendLog, options: OutcomeFitOptions): OutcomeFit {
  const { endMs, settleDays } = options;
  const settledBeforeMs = endMs - settleDays * DAY_MS;
  const maxAccounts = options.maxAccountGroups ?? defaults.maxAccountGroups;
  const has = (c: string) => (log.columns as readonly string[]).includes(c);
  type Segment = { name: string; key: (i: number) => string; inmailOnly: boolean; order?: readonly string[] };
  const segments: Segment[] = [];
  if (has("channel")) segments.push({ name: "channel", key: (i) => channels[log.channel[i]!]!, inmailOnly: false, order: channels });
  if (has("account") && log.accounts.length > 1 && log.accounts.length <= maxAccounts) {
    segments.push({ name: "account", key: (i) => log.accounts[log.account[i]!] || "(none)", inmailOnly: true });
  }
  if (has("plan")) {
    segments.push({ name: "plan", key: (i) => (log.plan[i] === NO_PLAN ? "(none)" : planIds[log.plan[i]!]!), inmailOnly: true });
  }
  if (has("messageLength")) {
    segments.push({
      name: "message length",
      key: (i) => {
        const len = log.messageLength[i]!;
        return len < 0 ? "(none)" : lengthBands.find((b) => len <= b.maxChars)!.label;
      },
      inmailOnly: true,
      order: [...lengthBands.map((b) => b.label), "(none)"],
    });
  }
  segments.push({ name: "month", key: (i) => formatIso(log.sentAtMs[i]!).slice(0, 7), inmailOnly: true });

  const overall = new Array<number>(outcomes.length).fill(0);
  const groups = segments.map(() => new Map<string, number[]>());
  let settled = 0;
  let recent = 0;
  for (let i = 0; i < log.rows; i++) {
    const inmail = log.channel[i] === INMAIL;
    if (log.sentAtMs[i]! > settledBeforeMs) {
      if (inmail) recent++;
      continue;
    }
    const o = settledOutcome(log, i, endMs);
    if (inmail) {
      settled++;
      overall[o]!++;
    }
    segments.forEach((s, k) => {
      if (s.inmailOnly && !inmail) return;
      const key = s.key(i);
      let c = groups[k]!.get(key);
      if (c === undefined) groups[k]!.set(key, (c = new Array<number>(outcomes.length).fill(0)));
      c[o]!++;
    });
  }
  const segmentRows: OutcomeRate[] = [];
  segments.forEach((s, k) => {
    const g = groups[k]!;
    const keys = [...g.keys()];
    if (s.order) keys.sort((a, b) => s.order!.indexOf(a) - s.order!.indexOf(b));
    else if (s.name === "month") keys.sort();
    for (const key of keys) segmentRows.push(...rates(s.name, key, g.get(key)!));
  });
  return {
    settleDays,
    settledBeforeMs,
    settled,
    recent,
    counts: overall,
    overall: rates("all", "InMail", overall),
    segments: segmentRows,
  };
}

function rates(segment: string, group: string, counts: readonly number[]): OutcomeRate[] {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return []; // nothing to estimate from: no rate rather than NaN
  return outcomes.map((outcome, o) => {
    const count = counts[o]!;
    const [lo, hi] = wilson(count, n);
    return { segment, group, outcome, n, count, p: count / n, lo, hi };
  });
}
