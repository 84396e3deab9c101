/**
 * A traced sample account as the balance-timeline figure's rows: the balance after
 * every ledger movement, and the movements of each kind summed per day. Times are
 * rounded to a thousandth of a day (about 90 s), the balance rows keeping the last
 * movement at each rounded time, so an event row's `day` finds the balance right
 * after that kind's last movement of the day. Credits lost at a grant instant (a
 * reset, a forfeit, an expiry due then) are drawn a thousandth of a day before it,
 * so their mark is not hidden under the grant's.
 */
import { traceAccount, type AccountModel, type TraceKind, type TraceSink } from "../../models/index.ts";
import { EVENT_KINDS, type BalanceEventKind, type BalanceEventRow, type BalanceRow } from "../../reports/index.ts";

export interface BalanceTrace {
  readonly balances: BalanceRow[];
  readonly events: BalanceEventRow[];
  /** Credits moved by each kind of event within the window. */
  readonly totals: Readonly<Record<BalanceEventKind, number>>;
}

const roundDay = (t: number) => Math.round(t * 1000) / 1000;
const isLedgerKind = (kind: TraceKind): kind is BalanceEventKind => (EVENT_KINDS as readonly string[]).includes(kind);

/**
 * Traces account 0 of replication 0 (the same draws as in the simulated grid) over
 * the first `windowDays` days, labelling its rows `label`.
 */
export function traceBalance(model: AccountModel, seed: number, label: string, windowDays: number): BalanceTrace {
  const balances: BalanceRow[] = [];
  // Per (day, kind): the credits moved and the time of the last movement.
  const daily = new Map<string, { day: number; kind: BalanceEventKind; credits: number; at: number }>();
  const totals = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<BalanceEventKind, number>;
  const sink: TraceSink = {
    record(timeDays, kind, credits, balance) {
      if (!isLedgerKind(kind) || timeDays >= windowDays) return;
      const last = balances[balances.length - 1];
      const lost = kind === "expire" || kind === "forfeit";
      const at = lost ? Math.max(roundDay(timeDays) - 0.001, last?.day ?? 0) : roundDay(timeDays);
      if (last !== undefined && last.day === at) balances[balances.length - 1] = { plan: label, day: at, balance };
      else balances.push({ plan: label, day: at, balance });
      const key = `${Math.floor(timeDays)}|${kind}`;
      const bucket = daily.get(key);
      if (bucket === undefined) daily.set(key, { day: Math.floor(timeDays), kind, credits, at });
      else {
        bucket.credits += credits;
        bucket.at = at;
      }
      totals[kind] += credits;
    },
  };
  traceAccount(model, seed, 0, 0, sink);
  const end = balances[balances.length - 1];
  if (end !== undefined && end.day < windowDays) balances.push({ plan: label, day: windowDays, balance: end.balance });
  const events = [...daily.values()].map((e) => ({ plan: label, day: e.at, kind: e.kind, credits: e.credits }));
  return { balances, events, totals };
}
