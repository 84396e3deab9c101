/**
 * A job's result as text, for the queue's result store and shard parts (there, the sum
 * of a replication's jobs in the part): the packed tally's bytes (packTally: every
 * value bit for bit, little-endian) in base64. A result read back is checked against
 * its job — the number of cycles of the model and of accounts (units × seats) in the
 * chunk — so a result stored under the wrong id is refused, never counted.
 */
import { packTally, unpackTally, type Tally } from "../models/index.ts";
import type { Job } from "./batch-plan.ts";

/** The text of a tally, or of one already packed. */
export function encodeResult(tally: Tally | Float64Array): string {
  const packed = tally instanceof Float64Array ? tally : packTally(tally);
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString("base64");
}

function unpack(text: string): Tally {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0 || bytes.length % Float64Array.BYTES_PER_ELEMENT !== 0) {
    throw new RangeError(`a stored result of ${bytes.length} bytes is not a packed tally`);
  }
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const values = new Float64Array(copy.buffer);
  // Every value of a tally is a count (durations in whole micro-days): a non-negative integer.
  const bad = values.findIndex((v) => !Number.isSafeInteger(v) || v < 0);
  if (bad >= 0) throw new RangeError(`a stored result holds ${values[bad]} where a count (a non-negative integer) belongs`);
  return unpackTally(values);
}

/** A tally of `cycles` cycles from `text` (a sum of jobs); throws a RangeError saying why when it cannot be one. */
export function decodeTally(text: string, cycles: number): Tally {
  const tally = unpack(text);
  if (tally.cycles !== cycles) throw new RangeError(`a stored result has ${tally.cycles} cycles, but its model has ${cycles}`);
  return tally;
}

/** The tally of `job` from `text`; throws a RangeError saying why when it cannot be that job's. */
export function decodeResult(text: string, job: Job): Tally {
  const tally = unpack(text);
  const accounts = (job.chunk.to - job.chunk.from) * (job.model.seats ?? 1);
  if (tally.cycles !== job.model.cycles || tally.accounts !== accounts) {
    throw new RangeError(`a stored result counts ${tally.accounts} accounts over ${tally.cycles} cycles, but its job has ${accounts} accounts over ${job.model.cycles} cycles`);
  }
  return tally;
}
