/**
 * Per-cycle totals of one replication, summed over the accounts simulated. Every
 * field is an integer count (days are kept in whole micro-days), so tallies of
 * account chunks add up to the same bits in any order: results do not depend on
 * how accounts are spread over workers.
 */

/** Fixed-point unit for durations, so sums of durations are exact. */
export const MICRODAYS_PER_DAY = 1e6;

export const tallyFields = [
  "sends",
  "positives",
  "responses",
  "refunds",
  "granted",
  "expired",
  "forfeited",
  "blocked",
  "outOfCreditMicrodays",
  /** Free InMails to Open Profile members (also counted in `sends`). */
  "freeSends",
  "connectionRequests",
  "spamReports",
  "warnings",
  "restrictions",
  "restrictedMicrodays",
  /** Seats whose audience pool ran dry in the cycle. */
  "poolExhausted",
  /** Follow-ups delivered (paid or free; not in `sends`, which counts first InMails). */
  "followUpsSent",
  /** Credits taken for follow-ups (when sent, or when scheduled on Recruiter). */
  "followUpCredits",
  /** Follow-up credits given back: answered within the refund window, or never delivered. */
  "followUpRefunds",
  /** Follow-ups that could not be delivered (the member could not receive them). */
  "followUpsUndelivered",
  /** Conversations (accepted or replied) whose answer was to a follow-up (also in `positives`). */
  "followUpConversations",
] as const;
export type TallyField = (typeof tallyFields)[number];

export interface Tally {
  readonly cycles: number;
  /** Accounts whose activity this tally sums. */
  accounts: number;
  /** Balance left at the horizon, summed over accounts. */
  closingBalance: number;
  /** Cumulative ledger totals over the accounts (for the conservation identity). */
  ledger: { granted: number; spent: number; refunded: number; expired: number; forfeited: number };
  /** Per-cycle counts, indexed by cycle − 1. */
  perCycle: Record<TallyField, Float64Array>;
}

export function createTally(cycles: number): Tally {
  const perCycle = {} as Record<TallyField, Float64Array>;
  for (const f of tallyFields) perCycle[f] = new Float64Array(cycles);
  return {
    cycles,
    accounts: 0,
    closingBalance: 0,
    ledger: { granted: 0, spent: 0, refunded: 0, expired: 0, forfeited: 0 },
    perCycle,
  };
}

/** Sets every count of `t` back to zero (keeping its arrays). */
export function clearTally(t: Tally): void {
  t.accounts = 0;
  t.closingBalance = 0;
  const l = t.ledger;
  l.granted = l.spent = l.refunded = l.expired = l.forfeited = 0;
  for (const f of tallyFields) t.perCycle[f].fill(0);
}

/** Adds `from` into `into` (same number of cycles). */
export function addTally(into: Tally, from: Tally): void {
  into.accounts += from.accounts;
  into.closingBalance += from.closingBalance;
  into.ledger.granted += from.ledger.granted;
  into.ledger.spent += from.ledger.spent;
  into.ledger.refunded += from.ledger.refunded;
  into.ledger.expired += from.ledger.expired;
  into.ledger.forfeited += from.ledger.forfeited;
  for (const f of tallyFields) {
    const a = into.perCycle[f];
    const b = from.perCycle[f];
    for (let c = 0; c < a.length; c++) a[c]! += b[c]!;
  }
}

/** Scalars at the head of a packed tally: accounts, closingBalance, then the ledger totals. */
const packedHead = 7;

/**
 * The tally as one Float64Array (scalars, then each per-cycle field in `tallyFields`
 * order), so it can cross a thread boundary as a single transferable buffer. Exact:
 * every value is copied bit for bit.
 */
export function packTally(t: Tally): Float64Array {
  const out = new Float64Array(packedHead + tallyFields.length * t.cycles);
  const l = t.ledger;
  out.set([t.accounts, t.closingBalance, l.granted, l.spent, l.refunded, l.expired, l.forfeited]);
  tallyFields.forEach((f, i) => out.set(t.perCycle[f], packedHead + i * t.cycles));
  return out;
}

/** Inverse of `packTally`; throws a RangeError when the length fits no number of cycles. */
export function unpackTally(packed: Float64Array): Tally {
  const cycles = (packed.length - packedHead) / tallyFields.length;
  if (!Number.isInteger(cycles) || cycles < 0) {
    throw new RangeError(`a packed tally cannot have ${packed.length} values`);
  }
  const t = createTally(cycles);
  const [accounts, closingBalance, granted, spent, refunded, expired, forfeited] = packed.subarray(0, packedHead);
  t.accounts = accounts!;
  t.closingBalance = closingBalance!;
  t.ledger = { granted: granted!, spent: spent!, refunded: refunded!, expired: expired!, forfeited: forfeited! };
  tallyFields.forEach((f, i) => t.perCycle[f].set(packed.subarray(packedHead + i * cycles, packedHead + (i + 1) * cycles)));
  return t;
}
