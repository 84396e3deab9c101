/**
 * A traced sample account as the balance-timeline figure's rows: the balance after
 * every ledger movement, and the movements of each kind summed per day. Times are
 * rounded to a thousandth of a day (about 90 s), the balance rows keeping the last
 * movement at each rounded time, so an event row's `day` finds the balance right
 * after that kind's last movement of the day. Credits lost at a grant instant (a
 * reset, a forfeit, an expiry due then) are drawn a thousandth of a day before it,
 * so their mark is not hidden under the grant's; a forfeit, which the ledger records
 * with the balance after the grant, is drawn at the balance before the grant. An account whose subscription
 * starts after day 0 holds 0 credits until then, so every trace starts at day 0.
 */
import { traceAccount, type AccountModel, type TraceKind, type TraceSink } from "../../models/index.ts";
import { EVENT_KINDS, type BalanceEventKind, type BalanceEventRow, type BalanceRow } from "../../reports/index.ts";

export interface BalanceTrace {
  readonly balances: BalanceRow[];
  readonly events: BalanceEventRow[];
  /** Credits moved by each kind of event within the window. */
  readonly totals: Readonly<Record<BalanceEventKind, number>>;
  /** Day of the account's first grant (its subscription, or the first 1st of a month). */
  readonly firstGrantDay: number;
}

const roundDay = (t: number) => Math.round(t * 1000) / 1000;
const isLedgerKind = (kind: TraceKind): kind is BalanceEventKind => (EVENT_KINDS as readonly string[]).includes(kind);

/**
 * Traces account 0 of replication 0 (the same draws as in the simulated grid) over
 * its first `windowDays` days (default: up to its horizon; a movement at the horizon
 * itself is left out, like the balance left there), labelling its rows `label`.
 */
export function traceBalance(model: AccountModel, seed: number, label: string, windowDays = Infinity): BalanceTrace {
  const records: { timeDays: number; kind: BalanceEventKind; credits: number; balance: number }[] = [];
  const sink: TraceSink = {
    record(timeDays, kind, credits, balance) {
      if (isLedgerKind(kind)) records.push({ timeDays, kind, credits, balance });
    },
  };
  const { horizonDays } = traceAccount(model, seed, 0, 0, sink);
  const until = Math.min(windowDays, horizonDays);

  const balances: BalanceRow[] = [];
  // Per (day, kind): the credits moved and the time of the last movement.
  const daily = new Map<string, { day: number; kind: BalanceEventKind; credits: number; at: number }>();
  const totals = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<BalanceEventKind, number>;
  let firstGrantDay = NaN;
  for (let i = 0; i < records.length; i++) {
    const { timeDays, kind, credits } = records[i]!;
    if (timeDays >= until) continue;
    const next = records[i + 1];
    const balance = kind === "forfeit" && next !== undefined && next.kind === "grant" && next.timeDays === timeDays ? next.balance - next.credits : records[i]!.balance;
    if (kind === "grant" && Number.isNaN(firstGrantDay)) firstGrantDay = timeDays;
    if (balances.length === 0 && roundDay(timeDays) > 0) balances.push({ plan: label, day: 0, balance: 0 });
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
  }
  const end = balances[balances.length - 1];
  if (end !== undefined && end.day < until) balances.push({ plan: label, day: until, balance: end.balance });
  const events = [...daily.values()].map((e) => ({ plan: label, day: e.at, kind: e.kind, credits: e.credits }));
  return { balances, events, totals, firstGrantDay };
}
