/**
 * The open follow-up sequences of one unit, as struct-of-arrays slots with a free
 * list, so the hot loop starts and ends sequences without allocating. A slot is held
 * while events of its sequence are pending (`pending`), then freed; storage grows by
 * doubling and is kept from unit to unit. Times are in days.
 */
export class SequenceStore {
  /** Follow-ups a sequence can hold (the model's count). */
  readonly followUps: number;
  seat: Int32Array;
  /** Channel of the first message (a follow-up goes the same way). */
  channel: Uint8Array;
  /** Earliest response time of the messages sent so far (Infinity: none yet), and which message (0 = first) gives it. */
  answerAt: Float64Array;
  answerMessage: Int8Array;
  /** Index (1-based) of the next follow-up to send, and how many are planned. */
  next: Uint8Array;
  planned: Uint8Array;
  /** Whether the planned follow-ups' credits were taken when they were scheduled. */
  held: Uint8Array;
  /** No more follow-ups: the recipient answered, or a follow-up could not be sent (a later answer to a sent message still counts). */
  ended: Uint8Array;
  /** Events of the sequence still on the calendar. */
  pending: Int32Array;
  /** Per slot × follow-up: the outcome uniform, the response delay, the delivery uniform, the expiry of a held credit. */
  uniform: Float64Array;
  delay: Float64Array;
  delivery: Float64Array;
  expiry: Float64Array;

  #free: Int32Array;
  #freeCount = 0;
  #used = 0;

  constructor(followUps: number, capacity = 16) {
    this.followUps = followUps;
    const n = Math.max(1, capacity | 0);
    this.seat = new Int32Array(n);
    this.channel = new Uint8Array(n);
    this.answerAt = new Float64Array(n);
    this.answerMessage = new Int8Array(n);
    this.next = new Uint8Array(n);
    this.planned = new Uint8Array(n);
    this.held = new Uint8Array(n);
    this.ended = new Uint8Array(n);
    this.pending = new Int32Array(n);
    this.uniform = new Float64Array(n * followUps);
    this.delay = new Float64Array(n * followUps);
    this.delivery = new Float64Array(n * followUps);
    this.expiry = new Float64Array(n * followUps);
    this.#free = new Int32Array(n);
  }

  /** Slots in use. */
  get open(): number {
    return this.#used - this.#freeCount;
  }

  /** Frees every slot (a new unit starts). */
  clear(): void {
    this.#used = 0;
    this.#freeCount = 0;
  }

  /** A free slot, its fields reset (answerAt = Infinity, nothing pending). */
  take(): number {
    let i: number;
    if (this.#freeCount > 0) i = this.#free[--this.#freeCount]!;
    else {
      if (this.#used === this.seat.length) this.#grow();
      i = this.#used++;
    }
    this.answerAt[i] = Infinity;
    this.answerMessage[i] = -1;
    this.next[i] = 1;
    this.planned[i] = 0;
    this.held[i] = 0;
    this.ended[i] = 0;
    this.pending[i] = 0;
    return i;
  }

  /** Returns slot `i` to the free list. */
  release(i: number): void {
    this.#free[this.#freeCount++] = i;
  }

  #grow(): void {
    const n = this.seat.length * 2;
    const k = this.followUps;
    const grow = <T extends Int32Array | Uint8Array | Int8Array | Float64Array>(old: T, make: (m: number) => T, per = 1): T => {
      const next = make(n * per);
      next.set(old);
      return next;
    };
    this.seat = grow(this.seat, (m) => new Int32Array(m));
    this.channel = grow(this.channel, (m) => new Uint8Array(m));
    this.answerAt = grow(this.answerAt, (m) => new Float64Array(m));
    this.answerMessage = grow(this.answerMessage, (m) => new Int8Array(m));
    this.next = grow(this.next, (m) => new Uint8Array(m));
    this.planned = grow(this.planned, (m) => new Uint8Array(m));
    this.held = grow(this.held, (m) => new Uint8Array(m));
    this.ended = grow(this.ended, (m) => new Uint8Array(m));
    this.pending = grow(this.pending, (m) => new Int32Array(m));
    this.uniform = grow(this.uniform, (m) => new Float64Array(m), k);
    this.delay = grow(this.delay, (m) => new Float64Array(m), k);
    this.delivery = grow(this.delivery, (m) => new Float64Array(m), k);
    this.expiry = grow(this.expiry, (m) => new Float64Array(m), k);
    this.#free = grow(this.#free, (m) => new Int32Array(m));
  }
}
