/**
 * A pool thread's entry (see pool.ts): simulates one job and hands back its tally
 * packed in one Float64Array. The array is copied, not transferred: at ~1.5 KB a job
 * a copy costs about a microsecond, while `Piscina.move` would make every thread
 * load piscina's main module (~30 ms more start-up, measured). For the same reason
 * this file imports only what simulating needs.
 */
import { simulateChunk } from "../models/simulate.ts";
import { packTally } from "../models/tally.ts";
import type { Job } from "./pool.ts";

export default function simulateJob(job: Job): Float64Array {
  return packTally(simulateChunk(job.model, job.seed, job.chunk));
}
