/**
 * A seats file (seats-file.ts) against the log it describes: which row is which seat of
 * the log, each seat's plan (the file's and the log's plan column, which must agree),
 * billing day and opening balance, in `log.accounts` order, with the command line's
 * values for what the file leaves out. A seat the file lists that the log lacks is
 * reported, not refused (a seats file may describe a whole team).
 */
import { planIds, type PlanId } from "../models/plans.ts";
import type { PolicyId } from "../models/policy.ts";
import { leastOpeningBalance, type OpeningBalanceNeed } from "./opening-balance.ts";
import type { PlanReplayOptions } from "./plan-replay.ts";
import type { SeatRow, SeatsFile } from "./seats-file.ts";
import { INMAIL, LogFormatError, NO_PLAN, type SendLog } from "./send-log.ts";

/** Each account's plan as its rows name it (undefined: none), with the file line that first names it. */
function logSeatPlans(log: SendLog): { plan: PlanId | undefined; line: number }[] {
  const out = log.accounts.map(() => ({ plan: undefined as PlanId | undefined, line: 0 }));
  for (let i = 0; i < log.rows; i++) {
    const p = log.plan[i]!;
    const seat = out[log.account[i]!]!;
    if (p === NO_PLAN || seat.plan !== undefined) continue;
    seat.plan = planIds[p];
    seat.line = log.line[i]!;
  }
  return out;
}

/**
 * Checks `seats` against `log`: a seat whose plan in the file is not the plan its log rows
 * name is refused (LogFormatError at the file's row, naming the seat and both plans).
 * Returns the rows of seats the log does not have, in file order.
 */
export function checkSeats(log: SendLog, seats: SeatsFile): SeatRow[] {
  const index = new Map(log.accounts.map((a, i) => [a, i]));
  const fromLog = log.columns.includes("plan") ? logSeatPlans(log) : undefined;
  const missing: SeatRow[] = [];
  for (const row of seats.seats) {
    const a = index.get(row.seat);
    if (a === undefined) {
      missing.push(row);
      continue;
    }
    const logged = fromLog?.[a];
    if (row.plan !== undefined && logged?.plan !== undefined && logged.plan !== row.plan) {
      throw new LogFormatError(seats.file, {
        line: row.line,
        column: "plan",
        value: row.plan,
        reason: `seat ${JSON.stringify(row.seat)} is on ${row.plan} here but on ${logged.plan} in the log (${log.file}:${logged.line}); a seat is on one plan: correct the one that is wrong`,
      });
    }
  }
  return missing;
}

/** A seat of the file the log does not have, as a warning line (with a near match by case, when there is one). */
export function seatNotInLogText(seats: SeatsFile, row: SeatRow, log: SendLog): string {
  const near = log.accounts.find((a) => a.toLowerCase() === row.seat.toLowerCase());
  return `${seats.file}:${row.line}: seat ${JSON.stringify(row.seat)} is not in the log${near === undefined ? "" : ` (it has ${JSON.stringify(near)}: seats are matched exactly)`}; ignored`;
}

/** Per account of `log` (in `log.accounts` order): its row of the seats file, if any. */
export function seatRows(log: SendLog, seats: SeatsFile | undefined): (SeatRow | undefined)[] {
  return log.accounts.map((a) => seats?.bySeat.get(a));
}

/** Per account: the plan its log rows name, else its seats-file plan; undefined: neither. */
export function seatPlans(log: SendLog, seats: SeatsFile | undefined): (PlanId | undefined)[] {
  const rows = seatRows(log, seats);
  const own = logSeatPlans(log);
  return log.accounts.map((_, a) => own[a]!.plan ?? rows[a]?.plan);
}

/** The one plan the seats are on (the log's plan column and the seats file together); undefined when none or several. */
export function seatsPlan(log: SendLog, seats: SeatsFile | undefined): PlanId | undefined {
  const named = new Set(seatPlans(log, seats).filter((p) => p !== undefined));
  return named.size === 1 ? [...named][0] : undefined;
}

/** Per account: the seats file's billing day, else undefined (the command line's). */
export function seatBillingDays(log: SendLog, seats: SeatsFile | undefined): (number | undefined)[] {
  return seatRows(log, seats).map((r) => r?.billingDay);
}

/** Per account: the seats file's opening balance, else `fallback` (the command line's). */
export function seatOpenings(log: SendLog, seats: SeatsFile | undefined, fallback: number | "auto"): (number | "auto")[] {
  return seatRows(log, seats).map((r) => r?.openingBalance ?? fallback);
}

/** Each seat's opening balance, resolved: `auto` seats get their own least value (`need`). */
export interface SeatOpenings {
  /** Credits per account, in `log.accounts` order. */
  readonly opening: readonly number[];
  /** Per account: whether its balance was found (auto) rather than given. */
  readonly auto: readonly boolean[];
  /** Per account: for an auto seat, whether its balance makes every one of its InMails sendable (false: none does; it gets as many credits as it sends InMails). */
  readonly covers: readonly (boolean | null)[];
  /** The least-balance search, when some seat is auto. */
  readonly need: OpeningBalanceNeed | undefined;
}

/**
 * The opening balance of every seat: the seats file's, else `fallback` (the command
 * line's); `auto` per seat: the least that makes that seat's InMails sendable on `plan`
 * (undefined plan with an auto seat: OpeningBalanceError).
 */
export function resolveSeatOpenings(log: SendLog, seats: SeatsFile | undefined, fallback: number | "auto", plan: PlanId | undefined, policy: PolicyId, options: PlanReplayOptions): SeatOpenings {
  const wanted = seatOpenings(log, seats, fallback);
  const auto = wanted.map((w) => w === "auto");
  if (!auto.some(Boolean)) return { opening: wanted as number[], auto, covers: auto.map(() => null), need: undefined };
  if (plan === undefined) throw new OpeningBalanceError(seats === undefined || fallback === "auto" ? undefined : seats.file);
  const need = leastOpeningBalance(log, plan, policy, options);
  const inmails = new Array<number>(log.accounts.length).fill(0);
  for (let i = 0; i < log.rows; i++) if (log.channel[i] === INMAIL) inmails[log.account[i]!]!++;
  return {
    opening: wanted.map((w, a) => (w === "auto" ? (need.perAccount[a] ?? inmails[a]!) : w)),
    auto,
    covers: auto.map((x, a) => (x ? need.perAccount[a] !== null : null)),
    need,
  };
}

/** An opening balance of `auto` without a plan to replay on (from --opening-balance, or from the seats file `file`). */
export class OpeningBalanceError extends Error {
  constructor(file?: string) {
    super(
      file === undefined
        ? "--opening-balance: auto needs the plan the log was sent on: pass --plan (or give the log a plan column)"
        : `--seats: ${JSON.stringify(file)}: an openingBalance of auto needs the plan the log was sent on: pass --plan, or give the seats file (or the log) a plan column`,
    );
    this.name = "OpeningBalanceError";
  }
}
