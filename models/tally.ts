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
