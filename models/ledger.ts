/**
 * One account's (or one pooled contract's) credits, kept as lots that each have an
 * expiry time. Spending takes the lot that expires first (oldest first); a grant may
 * be clipped to a cap, forfeiting the oldest excess. Totals are cumulative so that
 * callers tally a period as the difference of two readings.
 *
 * Conservation, exact at every instant (integers only):
 *   balance = granted + refunded − spent − expired − forfeited ≥ 0
 *
 * The ledger does no expiry on its own: credits whose expiry is at or before `t`
 * leave the balance when `expireUntil(t)` is called. `spend` calls it first so an
 * expired credit is never spent. Storage grows by doubling and is never released,
 * so steady-state operation allocates nothing.
 */
export class CreditLedger {
  granted = 0;
  spent = 0;
  refunded = 0;
  expired = 0;
  forfeited = 0;

  #balance = 0;
  #count = 0;
  /** Expiry of lot 0 (Infinity when there is none), kept by every change of the lots. */
  #first = Infinity;
  #expiry = new Float64Array(4);
  #amount = new Int32Array(4);
  /** Expiry of the lot `#insert` adds (a field, so no float crosses that call). */
  #insertAt = NaN;

  /** When and with what expiry `refundNext` gives a credit back (fields: see `refundNext`). */
  refundNow = NaN;
  refundExpiry = NaN;

  get balance(): number {
    return this.#balance;
  }

  /** Number of distinct lots held (for tests and diagnostics). */
  get lots(): number {
    return this.#count;
  }

  /** Expiry time of the lot that would be spent next, or Infinity when empty. */
  get nextExpiry(): number {
    return this.#first; // a field read: small enough for V8 to inline at any call
  }

  /** Lots as [expiresAt, credits] pairs, oldest first (allocates; for tests and traces). */
  snapshot(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.#count; i++) out.push([this.#expiry[i]!, this.#amount[i]!]);
    return out;
  }

  /** Removes every lot that expires at or before `timeDays`; returns the credits expired. */
  expireUntil(timeDays: number): number {
    let k = 0;
    let lost = 0;
    while (k < this.#count && this.#expiry[k]! <= timeDays) lost += this.#amount[k++]!;
    if (k > 0) this.#dropFront(k);
    this.#balance -= lost;
    this.expired += lost;
    return lost;
  }

  /** Guide G7: the whole balance lapses (counted as expired). Returns the credits lost. */
  lapseAll(): number {
    const lost = this.#balance;
    this.#count = 0;
    this.#first = Infinity;
    this.#balance = 0;
    this.expired += lost;
    return lost;
  }

  /**
   * Adds `credits` expiring at `expiresAt`, then clips the balance to `capCredits` by
   * forfeiting the oldest credits first. Returns the credits forfeited.
   */
  grant(credits: number, expiresAt: number, capCredits = Infinity): number {
    if (credits > 0) {
      this.#insertAt = expiresAt;
      this.#insert(credits);
      this.granted += credits;
      this.#balance += credits;
    }
    let excess = this.#balance - capCredits;
    if (!(excess > 0)) return 0;
    const forfeited = excess;
    let k = 0;
    while (excess > 0) {
      const a = this.#amount[k]!;
      if (a <= excess) {
        excess -= a;
        k++;
      } else {
        this.#amount[k] = a - excess;
        excess = 0;
      }
    }
    if (k > 0) this.#dropFront(k);
    this.#balance -= forfeited;
    this.forfeited += forfeited;
    return forfeited;
  }

  /**
   * Spends one credit at `nowDays` (after expiring what is due). Returns the expiry of
   * the credit spent, or NaN when there was none to spend.
   */
  spend(nowDays: number): number {
    if (this.#count > 0 && this.#expiry[0]! <= nowDays) this.expireUntil(nowDays);
    if (this.#count === 0) return NaN;
    const expiresAt = this.#first;
    this.spendFirst();
    return expiresAt;
  }

  /**
   * Spends one credit of the lot that expires first (`nextExpiry`), expiring nothing:
   * for callers that have expired what is due. Does nothing when the balance is 0.
   * No float crosses the call, so a hot loop can call it without allocating.
   */
  spendFirst(): void {
    if (this.#count === 0) return;
    const left = this.#amount[0]! - 1;
    if (left === 0) this.#dropFront(1);
    else this.#amount[0] = left;
    this.#balance--;
    this.spent++;
  }

  /**
   * Gives one credit back at `nowDays`, expiring at `expiresAt`. A credit whose expiry
   * has already passed is refunded and expires at once (both totals count it).
   */
  refund(nowDays: number, expiresAt: number): void {
    this.refundNow = nowDays;
    this.refundExpiry = expiresAt;
    this.refundNext();
  }

  /**
   * `refund(refundNow, refundExpiry)` for a hot loop: V8 boxes a float passed to a call
   * it does not inline (an allocation per refund), while one set in a field is not.
   */
  refundNext(): void {
    const expiresAt = this.refundExpiry;
    this.refunded++;
    if (expiresAt <= this.refundNow) {
      this.expired++;
      return;
    }
    this.#insertAt = expiresAt;
    this.#insert(1);
    this.#balance++;
  }

  /** Inserts (or merges into) the lot expiring at `#insertAt`, keeping expiry order. */
  #insert(credits: number): void {
    const expiresAt = this.#insertAt;
    let i = this.#count;
    // Most credits are the newest: search from the back.
    while (i > 0 && this.#expiry[i - 1]! > expiresAt) i--;
    if (i > 0 && this.#expiry[i - 1] === expiresAt) {
      this.#amount[i - 1] = this.#amount[i - 1]! + credits;
      return;
    }
    if (this.#count === this.#expiry.length) this.#grow();
    if (i < this.#count) {
      this.#expiry.copyWithin(i + 1, i, this.#count);
      this.#amount.copyWithin(i + 1, i, this.#count);
    }
    this.#expiry[i] = expiresAt;
    this.#amount[i] = credits;
    this.#count++;
    if (i === 0) this.#first = expiresAt;
  }

  #dropFront(k: number): void {
    if (k < this.#count) {
      this.#expiry.copyWithin(0, k, this.#count);
      this.#amount.copyWithin(0, k, this.#count);
    }
    this.#count -= k;
    this.#first = this.#count > 0 ? this.#expiry[0]! : Infinity;
  }

  #grow(): void {
    const n = this.#expiry.length * 2;
    const e = new Float64Array(n);
    e.set(this.#expiry);
    const a = new Int32Array(n);
    a.set(this.#amount);
    this.#expiry = e;
    this.#amount = a;
  }
}
