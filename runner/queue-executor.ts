/**
 * The `queue` executor: a batch's jobs go to a BullMQ queue on Redis, workers on any
 * number of machines (scenarios/worker.ts) simulate them, and each result is stored
 * under its job identity (job-identity.ts, queue-names.ts). This process simulates
 * nothing: it adds the jobs whose results are not stored yet, waits for them, and
 * returns every tally in job order — the same tallies as the local pool, whoever ran
 * which job, in whatever order, however often.
 *
 * - Re-running a command reuses every result already stored (after a crash of this
 *   process, only what is missing runs); a job already queued is not queued twice
 *   (its BullMQ id is its identity).
 * - A job a worker refuses (other code, malformed) or fails stops the command with the
 *   worker's reason (exit code 2); nothing is written.
 * - Redis restarted (its run_id changes): results are kept here as they arrive, the
 *   jobs not done are queued again, and the run goes on. Redis gone for longer than
 *   `lostSeconds` (30 s): the command stops with a message (exit code 2); re-run it once
 *   Redis is back.
 * - Every result read is checked against its job (result-codec.ts): never a wrong count.
 */
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import type { Tally } from "../models/index.ts";
import { InputError } from "../scenarios/params.ts";
import type { BatchOptions, Executor } from "./executor.ts";
import { jobIds, jobPayload } from "./job-identity.ts";
import { codeVersion } from "./pool-entry.ts";
import type { Job } from "./pool.ts";
import { identityOf, queueJobId, queueName, resultKey, resultTtlSeconds } from "./queue-names.ts";
import { queueProgress } from "./queue-progress.ts";
import { connectRedis, lastingOptions, redactUrl } from "./redis-connection.ts";
import { decodeResult } from "./result-codec.ts";

/** How long Redis may be unreachable in the middle of a run before the command gives up (seconds). */
export const lostSeconds = 30;
/** How often the store is read for results whose completion event was missed, and Redis's identity checked (ms). */
const sweepMs = 1000;
/** Jobs added per round trip. */
const addBatch = 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function serverRunId(redis: Redis): Promise<string> {
  const info = await redis.info("server");
  return /run_id:(\w+)/.exec(info)?.[1] ?? "";
}

export interface QueueExecutor extends Executor {
  /** Closes every connection (idempotent). */
  close(): Promise<void>;
}

/** An executor on the queue at `url` (the `--queue` value); connects at its first batch. */
export function queueExecutor(url: string, option = "--queue"): QueueExecutor {
  const shown = redactUrl(url);
  const open: { close(): Promise<unknown> }[] = [];
  let redis: Redis | undefined;

  const run = async (jobs: readonly Job[], options: BatchOptions): Promise<Tally[]> => {
    if (jobs.length === 0) return [];
    redis ??= await connectRedis(option, url, lastingOptions());
    if (open.length === 0) open.push({ close: () => redis!.quit().catch(() => redis!.disconnect()) });
    const store = redis;
    const version = await codeVersion();
    const ids = jobIds(version, jobs);
    const jobOf = new Map<string, Job>();
    ids.forEach((id, i) => jobOf.has(id) || jobOf.set(id, jobs[i]!));
    const results = new Map<string, Tally>();
    const take = (id: string, text: string | null) => {
      if (text === null || results.has(id)) return;
      try {
        results.set(id, decodeResult(text, jobOf.get(id)!));
      } catch (err) {
        throw new InputError(`${option}: the result stored in ${shown} under ${resultKey(id)} is not its job's (${(err as Error).message}); delete that key and run again`);
      }
    };
    const readStored = async (wanted: readonly string[]) => {
      for (let i = 0; i < wanted.length; i += 1000) {
        const slice = wanted.slice(i, i + 1000);
        const texts = await store.mget(slice.map(resultKey));
        slice.forEach((id, k) => take(id, texts[k] ?? null));
      }
    };
    const missing = () => [...jobOf.keys()].filter((id) => !results.has(id));

    await readStored([...jobOf.keys()]);
    if (results.size === jobOf.size) return ids.map((id) => results.get(id)!);

    // BullMQ does not close connections it is given: they are closed with the executor.
    const queueConnection = store.duplicate(lastingOptions());
    const eventsConnection = store.duplicate(lastingOptions());
    const quit = (c: Redis) => ({ close: () => c.quit().catch(() => c.disconnect()) });
    const queue = new Queue(queueName, { connection: queueConnection });
    const events = new QueueEvents(queueName, { connection: eventsConnection });
    open.push(quit(queueConnection), quit(eventsConnection), events, queue);
    let failure: string | undefined;
    const finished = new Set<string>();
    events.on("completed", ({ jobId }) => {
      const id = identityOf(jobId);
      if (id !== undefined && jobOf.has(id)) finished.add(id);
    });
    events.on("failed", ({ jobId, failedReason }) => {
      const id = identityOf(jobId);
      if (id !== undefined && jobOf.has(id)) failure ??= `job ${id.slice(0, 12)}… failed on a worker: ${failedReason}`;
    });
    queue.on("error", () => {});
    events.on("error", () => {});
    await events.waitUntilReady();

    const enqueue = async (wanted: readonly string[]) => {
      for (let i = 0; i < wanted.length; i += addBatch) {
        await queue.addBulk(
          wanted.slice(i, i + addBatch).map((id) => ({
            name: "simulate",
            data: jobPayload(version, jobOf.get(id)!).payload,
            // Results live in the store: BullMQ keeps no finished job, so a re-run can queue it again.
            opts: { jobId: queueJobId(id), removeOnComplete: true, removeOnFail: true, attempts: 1 },
          })),
        );
      }
    };
    let runId = await serverRunId(store);
    await enqueue(missing());

    const bar = queueProgress(options.label, jobOf.size);
    let lastOk = performance.now();
    let lastSweep = 0;
    let workers = 0;
    try {
      while (results.size < jobOf.size) {
        if (failure !== undefined) throw new InputError(`${option}: ${failure}`);
        try {
          if (finished.size > 0) {
            const done = [...finished];
            finished.clear();
            await readStored(done);
          }
          if (performance.now() - lastSweep >= sweepMs) {
            lastSweep = performance.now();
            const now = await serverRunId(store);
            if (now !== runId) {
              // Redis restarted: its queue (and perhaps its store) is gone; what we hold stays.
              runId = now;
              await readStored(missing());
              const again = missing();
              process.stderr.write(`${options.label}: Redis at ${shown} restarted; queued the ${again.length} jobs not done again\n`);
              await enqueue(again);
            } else await readStored(missing());
            workers = await queue.getWorkersCount();
          }
          lastOk = performance.now();
        } catch (err) {
          if (err instanceof InputError) throw err;
          if (performance.now() - lastOk > lostSeconds * 1000) {
            throw new InputError(
              `${option}: lost Redis at ${shown} for over ${lostSeconds} s with ${jobOf.size - results.size} of ${jobOf.size} jobs not done; ` +
                "results stored so far are kept there: run the same command again once it is back",
            );
          }
        }
        bar.update(results.size, workers);
        if (results.size < jobOf.size) await sleep(finished.size > 0 ? 0 : 50);
      }
    } finally {
      bar.stop();
    }
    // Keep what this run used for another week from now.
    await Promise.all([...jobOf.keys()].map((id) => store.expire(resultKey(id), resultTtlSeconds))).catch(() => {});
    return ids.map((id) => results.get(id)!);
  };

  return {
    name: `queue ${shown}`,
    run,
    async close() {
      for (const c of open.splice(0).reverse()) await c.close().catch(() => {});
    },
  };
}
