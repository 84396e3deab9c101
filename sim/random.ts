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
export function streamKey(
  seed: number | string,
  replication: number,
  entity: number | string,
  purpose: string,
): string {
  return `${seed}/${replication}/${entity}/${purpose}`;
}

/**
 * Creates the uniform stream for (seed, replication, entity, purpose).
 * Creating a stream costs about a microsecond: make streams once per entity, not per event.
 */
export function createStream(
  seed: number | string,
  replication: number,
  entity: number | string,
  purpose: string,
): Uniform {
  const key = streamKey(seed, replication, entity, purpose);
  const material = `${cyrb53(key, 1).toString(36)}:${cyrb53(key, 2).toString(36)}`;
  const prng = seedrandom.tychei(material);
  return () => prng.double();
}
