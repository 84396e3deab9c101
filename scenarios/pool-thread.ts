/**
 * A worker thread of the pool (see pool.ts): simulates each job it is sent and posts
 * back its tally packed in one Float64Array, or the error's message.
 */
import { parentPort } from "node:worker_threads";
import { simulateJob } from "./pool-worker.ts";
import type { Job } from "./pool.ts";

parentPort!.on("message", (m: { id: number; job: Job }) => {
  try {
    parentPort!.postMessage({ id: m.id, packed: simulateJob(m.job) });
  } catch (err) {
    parentPort!.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
