/**
 * The opening balance a log needs: the least credits a seat must have held when the log
 * starts for every InMail it logs to be sendable on a plan (`--opening-balance auto`).
 * Found per seat by bisection on its replay (a larger opening balance never leaves a
 * seat fewer credits at any moment, so its unsendable count never grows), then one
 * value for every seat: the largest of theirs. A seat may need more than any opening
 * balance gives — opening credits expire one credit lifetime after the start, and a
 * reset policy lapses them — and then no value suffices (`least` null, with the seats).
 */
import type { PolicyId } from "../models/policy.ts";
import type { PlanId } from "../models/plans.ts";
import { replayPlan, type PlanReplayOptions } from "./plan-replay.ts";
import { INMAIL, type SendLog } from "./send-log.ts";

export interface OpeningBalanceNeed {
  /** The least opening balance, credits a seat, that makes every InMail sendable; null when none does. */
  readonly least: number | null;
  /** Per account (in `log.accounts` order): its own least value, null when none suffices. */
  readonly perAccount: readonly (number | null)[];
  /** Accounts no opening balance makes sendable throughout. */
  readonly unreachable: readonly string[];
}

/** The least opening balance for `log` on `plan` under `policy` (options as for the replay, the opening balance aside). */
export function leastOpeningBalance(log: SendLog, plan: PlanId, policy: PolicyId, options: PlanReplayOptions = {}): OpeningBalanceNeed {
  const n = log.accounts.length;
  const inmails = new Array<number>(n).fill(0);
  for (let i = 0; i < log.rows; i++) if (log.channel[i] === INMAIL) inmails[log.account[i]!]!++;
  const unsendable = (opening: readonly number[]) => replayPlan(log, plan, policy, { ...options, listLimit: 0, openingBalance: opening }).accounts.map((a) => a.unsendable);
  // Bisection on every account at once: lo fails (or is 0), hi succeeds (or is unreachable).
  const lo = new Array<number>(n).fill(-1);
  const hi = inmails.slice();
  const atZero = unsendable(new Array<number>(n).fill(0));
  for (let a = 0; a < n; a++) if (atZero[a] === 0) hi[a] = 0;
  const atMost = unsendable(hi);
  const reachable = atMost.map((u) => u === 0);
  for (;;) {
    const mid = hi.map((h, a) => (reachable[a] && h - lo[a]! > 1 ? Math.floor((lo[a]! + h) / 2) : h));
    if (mid.every((m, a) => m === hi[a])) break;
    const u = unsendable(mid);
    for (let a = 0; a < n; a++) {
      if (mid[a] === hi[a]) continue;
      if (u[a] === 0) hi[a] = mid[a]!;
      else lo[a] = mid[a]!;
    }
  }
  const perAccount = hi.map((h, a) => (reachable[a] ? h : null));
  const unreachable = log.accounts.filter((_, a) => !reachable[a]);
  return { least: unreachable.length > 0 ? null : Math.max(0, ...(perAccount as number[])), perAccount, unreachable };
}
