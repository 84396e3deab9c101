/**
 * Event calendar: a binary min-heap of pending events on growable typed arrays,
 * ordered by (time, sequence number) so that simultaneous events fire in the order
 * they were scheduled. Each event carries a small integer `kind`, an integer
 * payload `a` and float payloads `b` and `c`; what they mean is the caller's business.
 *
 * Nothing is allocated per event: `pop()` copies the head into the public fields
 * `time`, `kind`, `a`, `b`, `c` instead of returning an object, and `insert` takes
 * the new event's floats from the fields `nextTime`, `nextB`, `nextC` (V8 boxes a
 * float passed as an argument to a call it does not inline, which would allocate).
 * Storage doubles when full (amortised, never shrinks) and is reused after `clear()`.
 *
 * A side slot: a caller whose model keeps (mostly) one pending event of some kind — an
 * entity's next step — may name that kind with `slotKind`. One such event is then held
 * in a slot beside the heap (the others of its kind go to the heap as usual), and
 * `pop` takes whichever of the slot and the heap's head is first by (time, sequence
 * number): the order is exactly the heap's alone, while the event that is scheduled
 * and taken most often skips the sifting. A calendar without a slot kind pays one
 * comparison per insert and per pop.
 */

/** Initial number of slots; grows by doubling. */
const defaultCapacity = 64;

export class Calendar {
  /** Fields of the event last returned by `pop()` (floats start as NaN, so V8 stores them unboxed from the first). */
  time = NaN;
  kind = 0;
  a = 0;
  b = NaN;
  c = NaN;

  /** Time and float payloads of the event the next `insert` adds. */
  nextTime = NaN;
  nextB = NaN;
  nextC = NaN;

  /** The kind held in the side slot (−1: none), and the slot's event when `#slotFull`. */
  #slotKind = -1;
  #slotFull = false;
  #slotTime = NaN;
  #slotSeq = 0;
  #slotA = 0;
  #slotB = NaN;
  #slotC = NaN;

  #size = 0;
  #nextSeq = 0;
  #times: Float64Array;
  #seqs: Float64Array;
  #kinds: Int32Array;
  #as: Int32Array;
  #bs: Float64Array;
  #cs: Float64Array;

  constructor(capacity = defaultCapacity) {
    const n = Math.max(1, capacity | 0);
    this.#times = new Float64Array(n);
    this.#seqs = new Float64Array(n);
    this.#kinds = new Int32Array(n);
    this.#as = new Int32Array(n);
    this.#bs = new Float64Array(n);
    this.#cs = new Float64Array(n);
  }

  get size(): number {
    return this.#size + (this.#slotFull ? 1 : 0);
  }

  /** The kind whose events may wait in the side slot (−1: none); set it while the calendar is empty. */
  get slotKind(): number {
    return this.#slotKind;
  }

  set slotKind(kind: number) {
    if (this.size > 0) throw new RangeError("the slot kind of a calendar is set while it is empty");
    this.#slotKind = kind;
  }

  /** Time of the next event, or +Infinity when the calendar is empty. */
  peekTime(): number {
    const head = this.#size > 0 ? this.#times[0]! : Infinity;
    return this.#slotFull && this.#slotTime < head ? this.#slotTime : head;
  }

  /**
   * Whether an event is pending before `timeDays` (`peekTime() < timeDays`) as a
   * boolean: a float returned from a call V8 does not inline is boxed, an allocation.
   */
  hasBefore(timeDays: number): boolean {
    if (this.#slotFull && this.#slotTime < timeDays) return true;
    return this.#size > 0 && this.#times[0]! < timeDays;
  }

  /** Drops every pending event; the sequence counter restarts so runs are repeatable. */
  clear(): void {
    this.#size = 0;
    this.#slotFull = false;
    this.#nextSeq = 0;
  }

  /** Schedules an event at absolute `time` (must not be NaN). */
  push(time: number, kind: number, a: number, b: number, c = 0): void {
    this.nextTime = time;
    this.nextB = b;
    this.nextC = c;
    this.insert(kind, a);
  }

  /** Schedules the event (`nextTime`, `kind`, `a`, `nextB`, `nextC`): `push` without float arguments. */
  insert(kind: number, a: number): void {
    const time = this.nextTime;
    const b = this.nextB;
    const c = this.nextC;
    if (kind === this.#slotKind && !this.#slotFull) {
      this.#slotFull = true;
      this.#slotTime = time;
      this.#slotSeq = this.#nextSeq++;
      this.#slotA = a;
      this.#slotB = b;
      this.#slotC = c;
      return;
    }
    if (this.#size === this.#times.length) this.#grow();
    const times = this.#times;
    const seqs = this.#seqs;
    const kinds = this.#kinds;
    const as = this.#as;
    const bs = this.#bs;
    const cs = this.#cs;
    const seq = this.#nextSeq++;
    let i = this.#size++;
    // Sift up: move parents down until the slot for the new event is found.
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      kinds[i] = kinds[p]!;
      as[i] = as[p]!;
      bs[i] = bs[p]!;
      cs[i] = cs[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    as[i] = a;
    bs[i] = b;
    cs[i] = c;
  }

  /** Removes the earliest event into `time`, `kind`, `a`, `b`, `c`; returns false when empty. */
  pop(): boolean {
    const n = this.#size;
    const times = this.#times;
    const seqs = this.#seqs;
    if (this.#slotFull) {
      const t = this.#slotTime;
      if (n === 0 || t < times[0]! || (t === times[0]! && this.#slotSeq < seqs[0]!)) {
        this.#slotFull = false;
        this.time = t;
        this.kind = this.#slotKind;
        this.a = this.#slotA;
        this.b = this.#slotB;
        this.c = this.#slotC;
        return true;
      }
    }
    if (n === 0) return false;
    const kinds = this.#kinds;
    const as = this.#as;
    const bs = this.#bs;
    const cs = this.#cs;
    this.time = times[0]!;
    this.kind = kinds[0]!;
    this.a = as[0]!;
    this.b = bs[0]!;
    this.c = cs[0]!;
    const last = n - 1;
    this.#size = last;
    if (last === 0) return true;
    const t = times[last]!;
    const s = seqs[last]!;
    const k = kinds[last]!;
    const av = as[last]!;
    const bv = bs[last]!;
    const cv = cs[last]!;
    // Sift down the former last element from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && seqs[r]! < seqs[c]!))) c = r;
      const ct = times[c]!;
      if (t < ct || (t === ct && s < seqs[c]!)) break;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      kinds[i] = kinds[c]!;
      as[i] = as[c]!;
      bs[i] = bs[c]!;
      cs[i] = cs[c]!;
      i = c;
    }
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    as[i] = av;
    bs[i] = bv;
    cs[i] = cv;
    return true;
  }

  #grow(): void {
    const n = this.#times.length * 2;
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.#times = grow(this.#times, (m) => new Float64Array(m));
    this.#seqs = grow(this.#seqs, (m) => new Float64Array(m));
    this.#kinds = grow(this.#kinds, (m) => new Int32Array(m));
    this.#as = grow(this.#as, (m) => new Int32Array(m));
    this.#bs = grow(this.#bs, (m) => new Float64Array(m));
    this.#cs = grow(this.#cs, (m) => new Float64Array(m));
  }
}
