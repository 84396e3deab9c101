/**
 * The `queue` executor: a batch's jobs go to a BullMQ queue on Redis, workers on any
 * number of machines (commands/worker.ts) simulate them, and each result is stored
 * under its job identity (job-identity.ts, queue-names.ts). This process simulates
 * nothing: it adds the jobs whose results are not stored yet, waits for them, and
 * adds every tally into its replication's total — the same totals as the local pool,
 * whoever ran which job, in whatever order, however often.
 *
 * - The batch's jobs are made from its plan as they are queued, at most `window` of
 *   them outstanding at a time (each one's result is added, and forgotten, as it
 *   comes): memory here and in Redis stays bounded whatever the size of the batch.
 * - Re-running a command reuses every result already stored (after a crash of this
 *   process, only what is missing runs); a job already queued is not queued twice
 *   (its BullMQ id is its identity).
 * - A job a worker refuses (other code, malformed) or fails stops the command with the
 *   worker's reason (exit code 2); nothing is written.
 * - Redis restarted (its run_id changes): results are kept here as they arrive, the
 *   jobs not done are queued again, and the run goes on. Redis gone for longer than
 *   `lostSeconds` (30 s) — in any phase: while the first results are read, the queue
 *   set up, the jobs added, run or collected — the command stops with one line (exit
 *   code 2); re-run it once Redis is back. (Reaching Redis at all is bounded by
 *   `connectSeconds`, redis-connection.ts.)
 * - No worker on the queue: said once on stderr (the queue and the jobs outstanding);
 *   no job done for `timeoutSeconds` (`--queue-timeout`, default 10 minutes) stops the
 *   command (exit code 2); the jobs stay queued for workers that come later.
 * - Every result read is checked against its job (result-codec.ts): never a wrong count.
 */
import { Queue, QueueEvents } from "bullmq";
import type { Redis } from "ioredis";
import { jobAt, jobCount, type BatchPlan, type BatchTotals, type Job } from "./batch-plan.ts";
import { RunnerInputError } from "./runner-input-error.ts";
import type { BatchOptions, Executor } from "./executor.ts";
import { JobIdentities } from "./job-identity.ts";
import { codeVersion } from "./pool-entry.ts";
import { identityOf, queueJobId, queueName, resultKey, resultTtlSeconds } from "./queue-names.ts";
import { queueProgress } from "./queue-progress.ts";
import { closeWithin, connectRedis, lastingOptions, redactUrl } from "./redis-connection.ts";
import { decodeResult } from "./result-codec.ts";

/** How long Redis may be unreachable in the middle of a run before the command gives up (seconds). */
export const lostSeconds = 30;
/** How often the store is read for results whose completion event was missed, and Redis's identity checked (ms). */
const sweepMs = 1000;
/** Longest wait for one connection to close (ms): Redis may be gone. */
const closeMs = 2000;
/** Jobs added per round trip. */
const addBatch = 500;
/** Most jobs outstanding (queued or running, result not yet here) at a time, by default. */
export const defaultWindow = 20_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Longest a round of reads may wait for Redis before it counts as lost (ms). */
const roundMs = 5000;

/** `work`, or a rejection once it has taken `roundMs` (it may still finish later: every read is idempotent). */
function bounded<T>(work: Promise<T>): Promise<T> {
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${roundMs} ms`)), roundMs)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `work()` until it succeeds, each try bounded (`bounded`); a RunnerInputError is
 * final; Redis failing every try for over `lostSeconds` is `lost()`. For the steps
 * before the run's loop, each of which may be tried again (reads, adds by job id).
 */
async function persist<T>(work: () => Promise<T>, lost: () => RunnerInputError): Promise<T> {
  const started = performance.now();
  for (;;) {
    try {
      return await bounded(work());
    } catch (err) {
      if (err instanceof RunnerInputError) throw err;
      if (performance.now() - started > lostSeconds * 1000) throw lost();
      await sleep(500);
    }
  }
}

async function serverRunId(redis: Redis): Promise<string> {
  const info = await redis.info("server");
  return /run_id:(\w+)/.exec(info)?.[1] ?? "";
}

export interface QueueExecutor extends Executor {
  /** Closes every connection (idempotent). */
  close(): Promise<void>;
}

/** How long the command waits without a job done before it gives up, by default (seconds): 10 minutes. */
export const defaultTimeoutSeconds = 600;

export interface QueueTuning {
  /** Most jobs outstanding at a time (default `defaultWindow`). */
  readonly window?: number;
  /** Seconds without a job done before the command gives up (default `defaultTimeoutSeconds`). */
  readonly timeoutSeconds?: number;
}

/** An executor on the queue at `url` (the `--queue` value); connects at its first batch. */
export function queueExecutor(url: string, option = "--queue", tuning: QueueTuning = {}): QueueExecutor {
  const shown = redactUrl(url);
  const window = tuning.window ?? defaultWindow;
  const timeoutSeconds = tuning.timeoutSeconds ?? defaultTimeoutSeconds;
  const bull: { close(): Promise<unknown> }[] = [];
  const connections: Redis[] = [];
  let redis: Redis | undefined;

  const run = async (plan: BatchPlan, options: BatchOptions, totals: BatchTotals): Promise<void> => {
    const total = jobCount(plan);
    if (total === 0) return;
    if (redis === undefined) {
      redis = await connectRedis(option, url);
      connections.push(redis);
    }
    const store = redis;
    const identities = new JobIdentities(await codeVersion());
    const lost = (phase: string) => () =>
      new RunnerInputError(
        `${option}: lost Redis at ${shown} for over ${lostSeconds} s ${phase} with ${total - done} of ${total} jobs not done; ` +
          "results stored so far are kept there: run the same command again once it is back",
      );
    // The outstanding jobs: by identity, the job and the indices in the plan that are it.
    const outstanding = new Map<string, { job: Job; indices: number[] }>();
    let next = 0;
    let done = 0;
    const touched: string[] = [];
    const take = (id: string, text: string | null) => {
      const o = outstanding.get(id);
      if (text === null || o === undefined) return;
      let tally;
      try {
        tally = decodeResult(text, o.job);
      } catch (err) {
        throw new RunnerInputError(`${option}: the result stored in ${shown} under ${resultKey(id)} is not its job's (${(err as Error).message}); delete that key and run again`);
      }
      for (const i of o.indices) totals.add(i, tally);
      done += o.indices.length;
      outstanding.delete(id);
      touched.push(id);
    };
    const readStored = async (wanted: readonly string[]) => {
      for (let i = 0; i < wanted.length; i += 1000) {
        const slice = wanted.slice(i, i + 1000);
        const texts = await store.mget(slice.map(resultKey));
        slice.forEach((id, k) => take(id, texts[k] ?? null));
      }
    };
    // Keep what this run used for another week from now.
    const keep = async () => {
      if (touched.length === 0) return;
      const pipeline = store.pipeline();
      for (const id of touched.splice(0)) pipeline.expire(resultKey(id), resultTtlSeconds);
      await pipeline.exec();
    };
    /** Takes the plan's next jobs into the window; the identities of those not outstanding before. */
    const widen = (): string[] => {
      const fresh: string[] = [];
      while (next < total && outstanding.size < window) {
        const job = jobAt(plan, next);
        const id = identities.id(job);
        const o = outstanding.get(id);
        if (o) o.indices.push(next);
        else {
          outstanding.set(id, { job, indices: [next] });
          fresh.push(id);
        }
        next++;
      }
      return fresh;
    };

    // Everything already stored is taken without a queue (a re-run of a finished command).
    let fresh: string[] = [];
    for (;;) {
      fresh = widen();
      const wanted = fresh;
      await persist(() => readStored(wanted), lost("while reading the results stored"));
      fresh = fresh.filter((id) => outstanding.has(id));
      if (fresh.length > 0 || next >= total) break;
    }
    if (done === total) {
      await bounded(keep()).catch(() => {});
      return;
    }

    // BullMQ does not close connections it is given: they are closed with the executor.
    const queueConnection = store.duplicate(lastingOptions());
    const eventsConnection = store.duplicate(lastingOptions());
    // BullMQ's listeners go when it closes; a connection retrying a lost Redis then must not report unhandled errors.
    for (const c of [queueConnection, eventsConnection]) c.on("error", () => {});
    connections.unshift(queueConnection, eventsConnection);
    const queue = new Queue(queueName, { connection: queueConnection });
    const events = new QueueEvents(queueName, { connection: eventsConnection });
    bull.unshift(events, queue);
    let failure: string | undefined;
    const finished = new Set<string>();
    events.on("completed", ({ jobId }) => {
      const id = identityOf(jobId);
      if (id !== undefined && outstanding.has(id)) finished.add(id);
    });
    events.on("failed", ({ jobId, failedReason }) => {
      const id = identityOf(jobId);
      if (id !== undefined && outstanding.has(id)) failure ??= `job ${id.slice(0, 12)}… failed on a worker: ${failedReason}`;
    });
    queue.on("error", () => {});
    events.on("error", () => {});
    await persist(() => events.waitUntilReady(), lost("while setting up the queue"));

    const enqueue = async (wanted: readonly string[]) => {
      for (let i = 0; i < wanted.length; i += addBatch) {
        await queue.addBulk(
          wanted.slice(i, i + addBatch).flatMap((id) => {
            const o = outstanding.get(id);
            if (o === undefined) return [];
            // Results live in the store: BullMQ keeps no finished job, so a re-run can queue it again.
            return [{ name: "simulate", data: identities.payload(o.job), opts: { jobId: queueJobId(id), removeOnComplete: true, removeOnFail: true, attempts: 1 } }];
          }),
        );
      }
    };
    let runId = await persist(() => serverRunId(store), lost("while setting up the queue"));
    // Adding a job again is harmless (its BullMQ id is its identity); one that Redis lost in a restart meanwhile is queued again by the loop.
    await persist(() => enqueue(fresh), lost("while adding the jobs"));

    const bar = queueProgress(options.label, total);
    let lastOk = performance.now();
    let lastSweep = 0;
    let workers = -1;
    let saidNoWorker = false;
    let lastDone = done;
    let lastProgress = performance.now();
    try {
      while (done < total) {
        if (failure !== undefined) throw new RunnerInputError(`${option}: ${failure}`);
        if (done > lastDone) {
          lastDone = done;
          lastProgress = performance.now();
        }
        if (performance.now() - lastProgress > timeoutSeconds * 1000) {
          throw new RunnerInputError(
            `--queue-timeout: no job done for ${timeoutSeconds} s, ${total - done} of ${total} jobs outstanding on the queue at ${shown} ` +
              `(${Math.max(0, workers)} ${workers === 1 ? "worker" : "workers"} on it); start workers (npx tsx commands/worker.ts --queue URL) and run the same command again, or raise --queue-timeout`,
          );
        }
        if (workers === 0 && !saidNoWorker) {
          saidNoWorker = true;
          process.stderr.write(
            `${options.label}: no worker on the queue at ${shown}: waiting for one (npx tsx commands/worker.ts --queue URL) with ${total - done} of ${total} jobs outstanding; ` +
              `stops after ${timeoutSeconds} s without a job done (--queue-timeout)\n`,
          );
        }
        try {
          // A lasting connection waits for Redis rather than failing: each round is bounded here.
          await bounded(
            (async () => {
              if (finished.size > 0) {
                const ids = [...finished];
                finished.clear();
                await readStored(ids);
              }
              if (performance.now() - lastSweep >= sweepMs) {
                lastSweep = performance.now();
                const now = await serverRunId(store);
                if (now !== runId) {
                  // Redis restarted: its queue (and perhaps its store) is gone; what we have added stays.
                  runId = now;
                  await readStored([...outstanding.keys()]);
                  const again = [...outstanding.keys()];
                  process.stderr.write(`${options.label}: Redis at ${shown} restarted; queued the ${again.length} outstanding jobs again\n`);
                  await enqueue(again);
                } else await readStored([...outstanding.keys()]);
                workers = await queue.getWorkersCount();
              }
              // Room in the window: the plan's next jobs (those already stored are taken, the rest queued).
              if (outstanding.size <= window / 2 && next < total) {
                const more = widen();
                await readStored(more);
                await enqueue(more);
              }
              if (touched.length >= 1000) await keep();
            })(),
          );
          lastOk = performance.now();
        } catch (err) {
          if (err instanceof RunnerInputError) throw err;
          if (performance.now() - lastOk > lostSeconds * 1000) throw lost("while the jobs ran")();
        }
        bar.update(done, Math.max(0, workers));
        if (done < total) await sleep(finished.size > 0 ? 0 : 50);
      }
    } finally {
      bar.stop();
    }
    await bounded(keep()).catch(() => {});
  };

  return {
    name: `queue ${shown}`,
    sizeNote: "with --queue the estimate counts this machine's threads, not the workers': if they have many more, pass --big",
    run,
    async close() {
      await closeWithin(closeMs, bull.splice(0), connections.splice(0));
    },
  };
}
