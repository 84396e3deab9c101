/**
 * Summaries of replication tallies: capacity with its 95% CI across replications,
 * per-cycle means per account, ledger totals. Pure functions of the tallies.
 */
import { RunningStats } from "../sim/index.ts";
import { MICRODAYS_PER_DAY, type Tally } from "./tally.ts";

export interface CycleRow {
  cycle: number;
  sends: number;
  positives: number;
  refunds: number;
  expired: number;
  forfeited: number;
  granted: number;
  blocked: number;
  daysOutOfCredits: number;
}

export interface LedgerTotals {
  granted: number;
  spent: number;
  refunded: number;
  expired: number;
  forfeited: number;
  closingBalance: number;
}

export interface Summary {
  capacity: { mean: number; ci95: [number, number] };
  positivesPerCycle: { mean: number; ci95: [number, number] };
  perCycle: CycleRow[];
  ledger: LedgerTotals;
  /** Logical events: 1 per send, 1 per positive response, 1 per account per cycle start. */
  events: number;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/** Per-replication values of a per-account-per-cycle mean. */
function perAccountCycle(tallies: readonly Tally[], pick: (t: Tally) => Float64Array): RunningStats {
  const stats = new RunningStats();
  for (const t of tallies) stats.push(sum(pick(t)) / (t.accounts * t.cycles));
  return stats;
}

export function summarize(tallies: readonly Tally[]): Summary {
  const first = tallies[0];
  if (!first) throw new RangeError("summarize needs at least one replication");
  const cycles = first.cycles;
  const capacity = perAccountCycle(tallies, (t) => t.perCycle.sends);
  const positives = perAccountCycle(tallies, (t) => t.perCycle.positives);
  const n = tallies.reduce((s, t) => s + t.accounts, 0);
  const perCycle: CycleRow[] = [];
  for (let c = 0; c < cycles; c++) {
    const mean = (f: keyof Tally["perCycle"]) => tallies.reduce((s, t) => s + t.perCycle[f][c]!, 0) / n;
    perCycle.push({
      cycle: c + 1,
      sends: mean("sends"),
      positives: mean("positives"),
      refunds: mean("refunds"),
      expired: mean("expired"),
      forfeited: mean("forfeited"),
      granted: mean("granted"),
      blocked: mean("blocked"),
      daysOutOfCredits: mean("outOfCreditMicrodays") / MICRODAYS_PER_DAY,
    });
  }
  const ledger: LedgerTotals = { granted: 0, spent: 0, refunded: 0, expired: 0, forfeited: 0, closingBalance: 0 };
  let events = 0;
  for (const t of tallies) {
    ledger.granted += t.ledger.granted;
    ledger.spent += t.ledger.spent;
    ledger.refunded += t.ledger.refunded;
    ledger.expired += t.ledger.expired;
    ledger.forfeited += t.ledger.forfeited;
    ledger.closingBalance += t.closingBalance;
    events += sum(t.perCycle.sends) + sum(t.perCycle.positives) + t.accounts * t.cycles;
  }
  return {
    capacity: { mean: capacity.mean, ci95: capacity.ci(0.95) },
    positivesPerCycle: { mean: positives.mean, ci95: positives.ci(0.95) },
    perCycle,
    ledger,
    events,
  };
}
