/**
 * Seeded random streams. Every draw in a simulation comes from a stream named by
 * (seed, replication, entity, purpose): adding a stream, or drawing more from one,
 * never shifts the draws of another, and a stream's values do not depend on which
 * worker or in which order entities are simulated.
 *
 * The generator is seedrandom's Tyche-i (period 2^127, a few ns a draw), read
 * through `.double()` so every uniform has 53 random bits (tails of exponential and
 * lognormal draws stay exact). The stream key is hashed first (cyrb53, twice with
 * different seeds) because Tyche-i mixes string seeds too weakly to separate keys
 * that differ in one character.
 */
import seedrandom from "seedrandom";

/** A uniform source on [0, 1), as d3-random's `.source()` expects. */
export type Uniform = () => number;

/** 53-bit string hash (cyrb53, public domain): fast, well mixed, not cryptographic. */
export function cyrb53(key: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The canonical key of a stream; exported for tests and traces. */
export function streamKey(seed: number | string, replication: number, entity: number | string, purpose: string): string {
  return `${seed}/${replication}/${entity}/${purpose}`;
}

/**
 * Creates the uniform stream for (seed, replication, entity, purpose).
 * Creating a stream costs about a microsecond: make streams once per entity, not per event.
 */
export function createStream(seed: number | string, replication: number, entity: number | string, purpose: string): Uniform {
  const prng = seedrandom.tychei(streamSeed(seed, replication, entity, purpose));
  return () => prng.double();
}

/** The string a stream's generator is seeded with: the key, hashed. */
function streamSeed(seed: number | string, replication: number, entity: number | string, purpose: string): string {
  const key = streamKey(seed, replication, entity, purpose);
  return `${cyrb53(key, 1).toString(36)}:${cyrb53(key, 2).toString(36)}`;
}

/** Values a StreamBank stream draws ahead. */
const BLOCK = 32;

/** 2^-32 and 2^-21, as seedrandom's `double()` scales its two words. */
const twoTo32 = 0x100000000;
const twoTo21 = 1 << 21;

/** What a StreamBank stream draws: uniforms, or d3-random's transform of them. */
export type Distribution =
  | { readonly kind: "uniform" }
  /** d3-random's randomExponential(rate). */
  | { readonly kind: "exponential"; readonly rate: number }
  /** d3-random's randomLogNormal(mu, sigma). */
  | { readonly kind: "lognormal"; readonly mu: number; readonly sigma: number };

const UNIFORM = 0;
const EXPONENTIAL = 1;
const LOGNORMAL = 2;

const uniform: Distribution = { kind: "uniform" };

/**
 * Streams for a hot loop: many Tyche-i generators held in typed arrays and drawn by
 * index, without allocating. A stream made of closures (as seedrandom and d3-random
 * make them) hands back a boxed number from every call that V8 does not inline, an
 * allocation per draw; here each stream fills a block of values at a time (a call that
 * returns nothing), and `draw(i)` puts the next one in the field `value`.
 *
 * Stream `i` starts from the same key as `createStream`, and is seeded and stepped as
 * seedrandom's Tyche-i seeds and steps (without its objects and closures, ~1 KiB a
 * stream); its uniforms are built as seedrandom's `prng.double()` builds them, and its
 * exponential and lognormal values with d3-random's formulas, operation for
 * operation. So a stream here gives the same values, bit for bit, as d3-random on
 * `createStream` with the same key (tested against both): a model may use either form.
 */
export class StreamBank {
  /** Four generator words (a, b, c, d) per stream. */
  #words: Int32Array;
  /** BLOCK values per stream, and how many of them are used. */
  #ahead: Float64Array;
  #used: Int32Array;
  /** The distribution of each stream (UNIFORM, …) and its two parameters. */
  #kind: Int8Array;
  #p1: Float64Array;
  #p2: Float64Array;
  /** The normal deviate a lognormal stream holds back (the polar method makes two), or NaN. */
  #spare: Float64Array;
  /** The r² the spare was made with. */
  #spareR: Float64Array;
  /** Two uniforms for the polar method. */
  readonly #pair = new Float64Array(2);

  constructor(streams = 8) {
    const n = Math.max(1, streams | 0);
    this.#words = new Int32Array(4 * n);
    this.#ahead = new Float64Array(BLOCK * n);
    this.#used = new Int32Array(n).fill(BLOCK);
    this.#kind = new Int8Array(n);
    this.#p1 = new Float64Array(n);
    this.#p2 = new Float64Array(n);
    this.#spare = new Float64Array(n).fill(NaN);
    this.#spareR = new Float64Array(n);
  }

  /** Streams the bank holds (it grows in `seed`). */
  get size(): number {
    return this.#used.length;
  }

  /**
   * (Re)starts stream `i` as `createStream(seed, replication, entity, purpose)` starts,
   * drawing values of `distribution` (default: uniforms on (0, 1)).
   */
  seed(i: number, seed: number | string, replication: number, entity: number | string, purpose: string, distribution: Distribution = uniform): void {
    if (i >= this.size) this.#grow(i + 1);
    seedWords(streamSeed(seed, replication, entity, purpose), this.#words, 4 * i);
    this.#used[i] = BLOCK;
    this.#spare[i] = NaN;
    if (distribution.kind === "exponential") {
      this.#kind[i] = EXPONENTIAL;
      this.#p1[i] = distribution.rate;
    } else if (distribution.kind === "lognormal") {
      this.#kind[i] = LOGNORMAL;
      this.#p1[i] = distribution.mu;
      this.#p2[i] = distribution.sigma;
    } else this.#kind[i] = UNIFORM;
  }

  /** The value `draw` drew last (a field: see `draw`). */
  value = NaN;

  /**
   * Draws the next value of stream `i` into `value`, rather than returning it: V8
   * boxes a float returned from a call it does not inline (an allocation per draw), and
   * decides what to inline run by run; a float stored in a field is not boxed.
   */
  draw(i: number): void {
    let k = this.#used[i]!;
    if (k === BLOCK) {
      this.#fill(i);
      k = 0;
    }
    this.#used[i] = k + 1;
    this.value = this.#ahead[i * BLOCK + k]!;
  }

  /** Draws the next BLOCK values of stream `i`. */
  #fill(i: number): void {
    const kind = this.#kind[i]!;
    if (kind === LOGNORMAL) return this.#fillLogNormal(i);
    const out = this.#ahead;
    const first = i * BLOCK;
    uniformsInto(this.#words, 4 * i, out, first, BLOCK);
    if (kind === EXPONENTIAL) {
      const rate = this.#p1[i]!;
      for (let j = first; j < first + BLOCK; j++) out[j] = -Math.log1p(-out[j]!) / rate;
    }
  }

  /** d3-random's randomNormal (Marsaglia's polar method, keeping the second deviate), exponentiated. */
  #fillLogNormal(i: number): void {
    const out = this.#ahead;
    const w = this.#words;
    const o = 4 * i;
    const mu = this.#p1[i]!;
    const sigma = this.#p2[i]!;
    const first = i * BLOCK;
    for (let j = first; j < first + BLOCK; j++) {
      let y = this.#spare[i]!;
      let r: number;
      if (y === y) {
        this.#spare[i] = NaN;
        r = this.#spareR[i]!;
      } else {
        let x: number;
        const u = this.#pair;
        do {
          uniformsInto(w, o, u, 0, 2);
          x = u[0]! * 2 - 1;
          y = u[1]! * 2 - 1;
          r = x * x + y * y;
        } while (!r || r > 1);
        this.#spare[i] = x;
        this.#spareR[i] = r;
      }
      out[j] = Math.exp(mu + sigma * y * Math.sqrt((-2 * Math.log(r)) / r));
    }
  }

  #grow(n: number): void {
    const size = Math.max(n, 2 * this.size);
    const grown = <T extends Int32Array | Int8Array | Float64Array>(old: T, make: (n: number) => T, fill?: number): T => {
      const next = make(size);
      if (fill !== undefined) next.fill(fill);
      next.set(old);
      return next;
    };
    this.#words = grown(this.#words, (m) => new Int32Array(4 * m));
    this.#ahead = grown(this.#ahead, (m) => new Float64Array(BLOCK * m));
    this.#used = grown(this.#used, (m) => new Int32Array(m), BLOCK);
    this.#kind = grown(this.#kind, (m) => new Int8Array(m));
    this.#p1 = grown(this.#p1, (m) => new Float64Array(m));
    this.#p2 = grown(this.#p2, (m) => new Float64Array(m));
    this.#spare = grown(this.#spare, (m) => new Float64Array(m), NaN);
    this.#spareR = grown(this.#spareR, (m) => new Float64Array(m));
  }
}

/**
 * Writes the next `count` uniforms of the Tyche-i generator whose words (a, b, c, d)
 * start at `o` in `w` into `out` from `at`: each is two steps of seedrandom's
 * XorGen.next (the first gives the high 21 bits, the second the low 32), combined as
 * seedrandom's `prng.double()` does, never 0. It returns nothing, so no float is
 * boxed even where V8 does not inline it.
 */
function uniformsInto(w: Int32Array, o: number, out: Float64Array, at: number, count: number): void {
  let a = w[o]!;
  let b = w[o + 1]!;
  let c = w[o + 2]!;
  let d = w[o + 3]!;
  for (let j = at; j < at + count; j++) {
    let result = 0;
    do {
      let top = 0;
      for (let step = 0; step < 2; step++) {
        b = (b << 25) ^ (b >>> 7) ^ c;
        c = (c - d) | 0;
        d = (d << 24) ^ (d >>> 8) ^ a;
        a = (a - b) | 0;
        b = (b << 20) ^ (b >>> 12) ^ c;
        c = (c - d) | 0;
        d = (d << 16) ^ (c >>> 16) ^ a;
        a = (a - b) | 0;
        if (step === 0) top = a >>> 11;
      }
      result = (top + (a >>> 0) / twoTo32) / twoTo21;
    } while (result === 0);
    out[j] = result;
  }
  w[o] = a;
  w[o + 1] = b;
  w[o + 2] = c;
  w[o + 3] = d;
}

/**
 * Seeds the Tyche-i generator at `o` in `w` from the string `key` exactly as
 * seedrandom's tychei does (its XorGen constructor): fixed initial words, then one
 * step per character of the key and 20 more, each after xoring the character's code
 * (0 past the end) into b. The step is XorGen.next, as in `uniformsInto`; it is written
 * out in both loops so that the words stay in local variables.
 */
function seedWords(key: string, w: Int32Array, o: number): void {
  let a = 0;
  let b = 0;
  let c = 2654435769 | 0;
  let d = 1367130551;
  for (let k = 0; k < key.length + 20; k++) {
    b ^= k < key.length ? key.charCodeAt(k) : 0;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
  }
  w[o] = a;
  w[o + 1] = b;
  w[o + 2] = c;
  w[o + 3] = d;
}
