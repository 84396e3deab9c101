/**
 * What a thread of the pool does with its jobs (see pool.ts, pool-thread.ts). This
 * file imports only what simulating needs, so a pool thread starts fast.
 */
import { ChunkSimulator } from "../models/simulate.ts";
import { packTally, type Tally } from "../models/tally.ts";
import type { Job } from "./batch-plan.ts";

/**
 * Runs jobs in this thread, reusing one simulator while consecutive jobs share their
 * model (the same object) and seed — as the chunks of a run do — so that the hot loop
 * keeps its optimised code (see ChunkSimulator).
 */
export class JobRunner {
  #last: ChunkSimulator | undefined;

  run(job: Job): Tally {
    let sim = this.#last;
    if (sim === undefined || sim.model !== job.model || sim.seed !== job.seed) {
      sim = new ChunkSimulator(job.model, job.seed);
      this.#last = sim;
    }
    return sim.run(job.chunk);
  }

  /** The job's tally packed in one Float64Array, to post to another thread. */
  runPacked(job: Job): Float64Array {
    return packTally(this.run(job));
  }
}
