/**
 * What a pool thread does with a job (see pool.ts, pool-thread.ts): simulate it and
 * pack its tally in one Float64Array. The array is copied back, not transferred: at
 * ~1.5 KB a job a copy costs about a microsecond. This file imports only what
 * simulating needs, so a thread starts fast.
 */
import { simulateChunk } from "../models/simulate.ts";
import { packTally } from "../models/tally.ts";
import type { Job } from "./pool.ts";

export function simulateJob(job: Job): Float64Array {
  return packTally(simulateChunk(job.model, job.seed, job.chunk));
}
