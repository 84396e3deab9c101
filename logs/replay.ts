/**
 * Trace-driven replay: a real send log run through one plan's credit rules, with the
 * project's CreditLedger. The sends and responses are the log's; only the credits are
 * simulated. Each account has its own ledger (pooled Recruiter seats are not modelled
 * here), starting empty at its first grant; accounts may have grant times of their own
 * (`seatGrantTimesMs`: seats billed on different days).
 *
 * Time is in days since `originMs` (a UTC midnight). Events of one account, in time
 * order; at one instant: grants first, then responses to InMails already sent, then
 * sends in file order. That is the simulator's order whenever two events coincide,
 * so a log written by the simulator replays to exactly its ledger.
 * - grant: expire what is due, reset (guide) or clip to the cap (linkedin), grant.
 * - send (channel inmail): spend one credit; with none left the InMail could not have
 *   been sent on this plan ("unsendable"): it costs nothing and its response is moot.
 *   Open-profile messages and connection requests use no credit and are skipped.
 * - response (before the end): refunds when the policy's rules say so for its outcome
 *   and delay; the credit keeps its original expiry or gets a fresh life (refundAging).
 * - end: expire what is due by then; a response still pending refunds nothing.
 * - opening balance (`openingBalance`): the credits a seat held when the log starts,
 *   carried over from before it. They are added right after the seat's first grant
 *   (before it when the first grant comes after the log's first day and its first
 *   send), unclipped by the cap, expiring one credit lifetime later (a reset policy
 *   lapses them at its next reset), and counted apart from the grants (`opening`).
 */
import { CreditLedger } from "../models/ledger.ts";
import type { CreditRules } from "../models/policy.ts";
import type { LedgerTotals } from "../models/summary.ts";
import { DAY_MS, utcMidnightMs } from "../models/iso-time.ts";
import { OUTCOME_CODE } from "../models/outcome.ts";
import { INMAIL, type SendLog } from "./send-log.ts";

export interface ReplayOptions {
  readonly rules: CreditRules;
  /** Grant instants, epoch ms, ascending; those at or after `endMs` are ignored. */
  readonly grantTimesMs: readonly number[];
  /** Per account (in `log.accounts` order), its own grant instants in place of `grantTimesMs`; an undefined entry takes `grantTimesMs`. */
  readonly seatGrantTimesMs?: readonly (readonly number[] | undefined)[];
  /** End of the log (exclusive), epoch ms; after every sentAt. */
  readonly endMs: number;
  /** How many unsendable rows to list (all are counted). Default 1000. */
  readonly listLimit?: number;
  /** Credits each seat held when the log starts: one number for every seat, or one per account. Default 0. */
  readonly openingBalance?: number | readonly number[];
}

export interface ReplayTotals extends LedgerTotals {
  /** Credits the seats held when the log started (`openingBalance`), apart from `granted`. */
  opening: number;
  /** Credit-using InMails in the log (sent or not). */
  inmails: number;
  /** InMails that could not have been sent on this plan (no credit at that moment). */
  unsendable: number;
  /** Responses (before the end) to InMails that were sent. */
  responses: number;
  /** Conversations: accepted or replied responses (before the end) to InMails that were sent. */
  conversations: number;
  /** Time spent with a zero balance after the first grant, in account-days. */
  zeroBalanceDays: number;
}

export interface AccountReplay extends ReplayTotals {
  readonly account: string;
  /** Epoch ms of the first unsendable InMail; NaN when none. */
  firstUnsendableMs: number;
}

/** Per UTC day since the origin, summed over accounts. */
export interface DailyReplay {
  readonly days: number;
  /** Balance at the end of the day. */
  readonly balance: Float64Array;
  readonly granted: Float64Array;
  readonly spent: Float64Array;
  readonly refunded: Float64Array;
  readonly expired: Float64Array;
  readonly forfeited: Float64Array;
  readonly unsendable: Float64Array;
  /** Account-days at zero balance within the day. */
  readonly zeroBalanceDays: Float64Array;
}

export interface ReplayResult {
  readonly originMs: number;
  readonly endMs: number;
  /** Every grant instant of any account, ascending (the shared schedule when every seat has it). */
  readonly grantTimesMs: readonly number[];
  /** Per account, its grant instants before the end (one shared array for the seats on the shared schedule). */
  readonly seatGrantTimesMs: readonly (readonly number[])[];
  readonly totals: ReplayTotals;
  readonly accounts: readonly AccountReplay[];
  readonly daily: DailyReplay;
  /** The first `listLimit` unsendable rows, in time order. */
  readonly unsendableRows: Uint32Array;
  /** Epoch ms of the first unsendable InMail; NaN when none. */
  readonly firstUnsendableMs: number;
}

export const defaults = { listLimit: 1000 } as const;

const NONE = 0;
const SENT = 1;
const UNSENDABLE = 2;

export function replay(log: SendLog, options: ReplayOptions): ReplayResult {
  const endMs = options.endMs;
  const shared = options.grantTimesMs.filter((t) => t < endMs);
  const own = options.seatGrantTimesMs;
  const seatGrants = log.accounts.map((_, a) => {
    const g = own?.[a];
    return g === undefined ? shared : g.filter((t) => t < endMs);
  });
  const grantsMs = own === undefined || own.every((g) => g === undefined) ? shared : [...new Set(seatGrants.flat())].sort((x, y) => x - y);
  const originMs = utcMidnightMs(Math.min(grantsMs[0] ?? Infinity, log.firstSentAtMs));
  const days = Math.max(1, Math.ceil((endMs - originMs) / DAY_MS));
  const daily: DailyReplay = {
    days,
    balance: new Float64Array(days),
    granted: new Float64Array(days),
    spent: new Float64Array(days),
    refunded: new Float64Array(days),
    expired: new Float64Array(days),
    forfeited: new Float64Array(days),
    unsendable: new Float64Array(days),
    zeroBalanceDays: new Float64Array(days),
  };
  const work = new Replayer(log, options.rules, originMs, endMs, daily);
  // Grant times in days since the origin, made once per distinct schedule.
  const inDays = new Map<readonly number[], Float64Array>();
  const daysOf = (g: readonly number[]) => {
    let d = inDays.get(g);
    if (d === undefined) inDays.set(g, (d = Float64Array.from(g, (t) => (t - originMs) / DAY_MS)));
    return d;
  };
  const opening = options.openingBalance ?? 0;
  const accounts: AccountReplay[] = [];
  let si = 0;
  let ri = 0;
  for (let a = 0; a < log.accounts.length; a++) {
    let se = si;
    while (se < log.bySent.length && log.account[log.bySent[se]!] === a) se++;
    let re = ri;
    while (re < log.byResponse.length && log.account[log.byResponse[re]!] === a) re++;
    accounts.push(work.account(log.accounts[a]!, daysOf(seatGrants[a]!), si, se, ri, re, typeof opening === "number" ? opening : (opening[a] ?? 0)));
    si = se;
    ri = re;
  }
  const totals = emptyTotals();
  for (const acc of accounts) addTotals(totals, acc);
  const limit = options.listLimit ?? defaults.listLimit;
  let unsendable = work.unsendableRows();
  if (limit > 0) unsendable = unsendable.sort((x, y) => log.sentAtMs[x]! - log.sentAtMs[y]! || x - y).slice(0, limit);
  let firstUnsendableMs = NaN;
  for (const acc of accounts) {
    const t = acc.firstUnsendableMs;
    if (t === t && !(t >= firstUnsendableMs)) firstUnsendableMs = t; // the earliest, NaN = none
  }
  return {
    originMs,
    endMs,
    grantTimesMs: grantsMs,
    seatGrantTimesMs: seatGrants,
    totals,
    accounts,
    daily,
    unsendableRows: limit > 0 ? unsendable : new Uint32Array(0),
    firstUnsendableMs,
  };
}

function emptyTotals(): ReplayTotals {
  return {
    opening: 0,
    granted: 0,
    spent: 0,
    refunded: 0,
    expired: 0,
    forfeited: 0,
    closingBalance: 0,
    inmails: 0,
    unsendable: 0,
    responses: 0,
    conversations: 0,
    zeroBalanceDays: 0,
  };
}

function addTotals(into: ReplayTotals, from: ReplayTotals): void {
  into.opening += from.opening;
  into.granted += from.granted;
  into.spent += from.spent;
  into.refunded += from.refunded;
  into.expired += from.expired;
  into.forfeited += from.forfeited;
  into.closingBalance += from.closingBalance;
  into.inmails += from.inmails;
  into.unsendable += from.unsendable;
  into.responses += from.responses;
  into.conversations += from.conversations;
  into.zeroBalanceDays += from.zeroBalanceDays;
}

/** Replays accounts one after another; per-row state lives in typed arrays made once. */
class Replayer {
  readonly #log: SendLog;
  readonly #rules: CreditRules;
  readonly #originMs: number;
  readonly #end: number;
  #grants: Float64Array<ArrayBufferLike> = new Float64Array(0);
  readonly #daily: DailyReplay;
  readonly #state: Uint8Array;
  readonly #spentExpiry: Float64Array;
  #unsendable = new Uint32Array(64);
  #unsendableCount = 0;

  // The account being replayed.
  #ledger = new CreditLedger();
  #cursor = 0;
  #acc!: AccountReplay;

  constructor(log: SendLog, rules: CreditRules, originMs: number, endMs: number, daily: DailyReplay) {
    this.#log = log;
    this.#rules = rules;
    this.#originMs = originMs;
    this.#end = (endMs - originMs) / DAY_MS;
    this.#daily = daily;
    this.#state = new Uint8Array(log.rows);
    this.#spentExpiry = new Float64Array(log.rows);
  }

  unsendableRows(): Uint32Array {
    return this.#unsendable.slice(0, this.#unsendableCount);
  }

  #days(ms: number): number {
    return (ms - this.#originMs) / DAY_MS;
  }

  /**
   * Replays one account: granted at `grants` (days since the origin), its sends are
   * bySent[s0, s1), its responses byResponse[r0, r1); it starts with `opening` credits.
   */
  account(name: string, grants: Float64Array, s0: number, s1: number, r0: number, r1: number, opening = 0): AccountReplay {
    const log = this.#log;
    const bySent = log.bySent;
    const byResponse = log.byResponse;
    this.#grants = grants;
    const endMs = this.#originMs + this.#end * DAY_MS;
    this.#ledger = new CreditLedger();
    this.#cursor = grants.length > 0 ? grants[0]! : this.#end;
    this.#acc = { account: name, ...emptyTotals(), firstUnsendableMs: NaN };
    this.#acc.opening = opening;
    // Held from the log's start: right after the seat's first grant when that comes on the
    // first day or before the log's first send (its cycle had begun), else at once.
    const started = grants.length > 0 && (grants[0]! < 1 || grants[0]! <= this.#days(log.firstSentAtMs));
    let openAt = opening > 0 ? (started ? grants[0]! : 0) : Infinity;
    if (openAt === 0 && !(grants.length > 0 && grants[0]! === 0)) {
      this.#open(opening, 0);
      openAt = Infinity;
    }
    let g = 0;
    let s = s0;
    let r = r0;
    for (;;) {
      while (s < s1 && log.channel[bySent[s]!] !== INMAIL) s++;
      while (r < r1 && (log.channel[byResponse[r]!] !== INMAIL || !(log.respondedAtMs[byResponse[r]!]! < endMs))) r++;
      const tg = g < grants.length ? grants[g]! : Infinity;
      const ts = s < s1 ? this.#days(log.sentAtMs[bySent[s]!]!) : Infinity;
      const tr = r < r1 ? this.#days(log.respondedAtMs[byResponse[r]!]!) : Infinity;
      if (tg === Infinity && ts === Infinity && tr === Infinity) break;
      if (tg <= ts && tg <= tr) {
        this.#grant(grants[g++]!);
        if (g === 1 && openAt === tg) {
          this.#open(opening, tg);
          openAt = Infinity;
        }
      } else if (tr < ts || (tr === ts && this.#state[byResponse[r]!] !== NONE)) this.#respond(byResponse[r++]!, tr);
      else this.#send(bySent[s++]!, ts);
    }
    this.#close();
    return this.#acc;
  }

  #day(t: number): number {
    const d = Math.floor(t);
    return d < 0 ? 0 : d >= this.#daily.days ? this.#daily.days - 1 : d;
  }

  /** The balance held from the cursor until `t`: end-of-day balances and time at zero. */
  #hold(t: number): void {
    const from = this.#cursor;
    if (!(t > from)) return;
    const daily = this.#daily;
    const b = this.#ledger.balance;
    for (let m = Math.floor(from) + 1; m <= t && m <= daily.days; m++) daily.balance[m - 1]! += b;
    if (b === 0) {
      this.#acc.zeroBalanceDays += t - from;
      for (let x = from; x < t;) {
        const d = Math.floor(x);
        const y = Math.min(t, d + 1);
        daily.zeroBalanceDays[this.#day(x)]! += y - x;
        x = y;
      }
    }
    this.#cursor = t;
  }

  #expireDue(t: number): void {
    const ledger = this.#ledger;
    while (ledger.nextExpiry <= t) {
      const at = ledger.nextExpiry;
      this.#hold(at);
      this.#daily.expired[this.#day(at)]! += ledger.expireUntil(at);
    }
    this.#hold(t);
  }

  #grant(t: number): void {
    const rules = this.#rules;
    const ledger = this.#ledger;
    const d = this.#day(t);
    this.#expireDue(t);
    if (rules.resetEachCycle) this.#daily.expired[d]! += ledger.lapseAll();
    this.#daily.forfeited[d]! += ledger.grant(rules.creditsPerCycle, t + rules.creditLifetimeDays, rules.capCredits);
    this.#daily.granted[d]! += rules.creditsPerCycle;
  }

  /** The opening balance, at `t` (days). */
  #open(credits: number, t: number): void {
    this.#ledger.grant(credits, t + this.#rules.creditLifetimeDays);
  }

  #send(row: number, t: number): void {
    const d = this.#day(t);
    this.#expireDue(t);
    this.#acc.inmails++;
    const ledger = this.#ledger;
    if (ledger.balance === 0) {
      this.#state[row] = UNSENDABLE;
      this.#acc.unsendable++;
      if (this.#acc.firstUnsendableMs !== this.#acc.firstUnsendableMs) this.#acc.firstUnsendableMs = this.#log.sentAtMs[row]!;
      this.#daily.unsendable[d]! += 1;
      if (this.#unsendableCount === this.#unsendable.length) {
        const grown = new Uint32Array(this.#unsendable.length * 2);
        grown.set(this.#unsendable);
        this.#unsendable = grown;
      }
      this.#unsendable[this.#unsendableCount++] = row;
      return;
    }
    // Due lots are expired above, so the credit spent is the first lot's.
    this.#state[row] = SENT;
    this.#spentExpiry[row] = ledger.nextExpiry;
    ledger.spendFirst();
    this.#daily.spent[d]! += 1;
  }

  #respond(row: number, t: number): void {
    if (this.#state[row] !== SENT) return;
    const log = this.#log;
    const rules = this.#rules;
    this.#acc.responses++;
    if (log.outcome[row]! <= OUTCOME_CODE.replied) this.#acc.conversations++;
    const delayDays = (log.respondedAtMs[row]! - log.sentAtMs[row]!) / DAY_MS;
    if (!rules.refundOn[log.outcome[row]!] || !(delayDays <= rules.refundWindowDays)) return;
    const ledger = this.#ledger;
    const d = this.#day(t);
    this.#expireDue(t);
    const expiresAt = rules.refundAging === "fresh" ? t + rules.creditLifetimeDays : this.#spentExpiry[row]!;
    const expiredBefore = ledger.expired;
    ledger.refund(t, expiresAt);
    this.#daily.refunded[d]! += 1;
    this.#daily.expired[d]! += ledger.expired - expiredBefore;
  }

  #close(): void {
    const ledger = this.#ledger;
    const end = this.#end;
    this.#expireDue(end);
    // A last partial day ends at the end of the log.
    const last = Math.ceil(end);
    if (last > end && last <= this.#daily.days) this.#daily.balance[last - 1]! += ledger.balance;
    const acc = this.#acc;
    acc.granted = ledger.granted - acc.opening;
    acc.spent = ledger.spent;
    acc.refunded = ledger.refunded;
    acc.expired = ledger.expired;
    acc.forfeited = ledger.forfeited;
    acc.closingBalance = ledger.balance;
  }
}

/**
 * A replay's send rate while the accounts held credits: InMails sent ÷ seat-days with a
 * positive balance (from the first grant to the end), per seat per day; 0 when no
 * seat-day had credits. On the plan the log was sent on, it is the senders' demand
 * while credits did not hold them back.
 */
export function sendsPerDayWithCredits(r: ReplayResult): number {
  const seatDays = replaySeatDays(r) - r.totals.zeroBalanceDays;
  const sent = r.totals.inmails - r.totals.unsendable;
  return seatDays > 0 ? sent / seatDays : 0;
}

/** Seat-days a replay covers: from each account's first grant to the end, summed over the accounts. */
export function replaySeatDays(r: ReplayResult): number {
  // Seats sharing a schedule counted together: days × seats, as one product.
  const seats = new Map<number, number>();
  for (const g of r.seatGrantTimesMs) {
    const first = g[0] ?? r.endMs;
    seats.set(first, (seats.get(first) ?? 0) + 1);
  }
  let total = 0;
  for (const [first, n] of seats) total += ((r.endMs - first) / DAY_MS) * n;
  return total;
}

/** Seat-months billed in a replay: each account's grants (one a billing cycle), summed. */
export function replaySeatMonths(r: ReplayResult): number {
  let n = 0;
  for (const g of r.seatGrantTimesMs) n += g.length;
  return n;
}
