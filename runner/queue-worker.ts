/**
 * A queue worker (commands/worker.ts is its command): takes jobs from the BullMQ
 * queue, checks each (job-identity.ts `readJob`: a job of other code, malformed or
 * foreign, is refused — reported here and to the command that queued it — and never
 * run), simulates it on one of its threads (job-threads.ts: never on this event loop),
 * and stores the tally under the job's identity.
 *
 * Locks and stalls. BullMQ gives a job's lock to the worker running it for
 * `lockDuration` and renews it every half of that from this event loop, which stays
 * free because threads simulate. A worker that dies (SIGKILL, a lost machine) stops
 * renewing: once the lock has expired, the stalled check that every live worker runs
 * every `stalledInterval` puts the job back in the queue and another worker runs it —
 * so a dead worker's job restarts within lockDuration + stalledInterval. Defaults:
 * 30 s and 15 s (`--lock-seconds`; the interval is half the lock), long enough that
 * a worker on a loaded machine keeps its locks, short enough that a lost job waits
 * less than a minute. A job found stalled more than `maxStalledCount` = 2 times (it
 * kills every worker that takes it) fails, and the command stops with that reason.
 * A job run twice stores the same bytes under the same key: counted once.
 */
import { UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { JobRefused, readJob } from "./job-identity.ts";
import { JobThreads } from "./job-threads.ts";
import { codeVersion } from "./pool-entry.ts";
import { identityOf, queueName, resultKey, resultTtlSeconds } from "./queue-names.ts";
import { closeWithin, connectRedis, lastingOptions, redactUrl } from "./redis-connection.ts";
import { encodeResult } from "./result-codec.ts";

/** Default lock of a running job (seconds). */
export const defaultLockSeconds = 30;
/** Times a job may be found stalled and put back before it fails. */
export const maxStalledCount = 2;

export interface QueueWorkerOptions {
  /** Threads that simulate (integer ≥ 1). */
  readonly threads: number;
  /** Lock of a running job, seconds (the stalled check runs every half of it). */
  readonly lockSeconds?: number;
  /** Where the worker reports (a line each: started, refused, failed, connection lost). */
  readonly log: (line: string) => void;
}

export interface QueueWorker {
  readonly version: string;
  /** Jobs simulated and stored so far. */
  readonly done: () => number;
  /** Stops taking jobs, waits for the running ones, closes everything. */
  close(): Promise<void>;
}

/** Starts a worker on the queue at `url`; RunnerInputError (exit code 2) when Redis cannot be reached. */
export async function startQueueWorker(url: string, options: QueueWorkerOptions): Promise<QueueWorker> {
  const shown = redactUrl(url);
  const lockMs = (options.lockSeconds ?? defaultLockSeconds) * 1000;
  const store: Redis = await connectRedis("--queue", url);
  const version = await codeVersion();
  const threads = await JobThreads.start(options.threads);
  let done = 0;
  let connectionLost = false;

  const workerConnection = store.duplicate(lastingOptions());
  workerConnection.on("error", () => {});
  const worker = new Worker(
    queueName,
    async (job) => {
      let parsed;
      try {
        parsed = readJob(job.data, identityOf(job.id), version);
        if (identityOf(job.id) === undefined) throw new JobRefused(`the job id ${JSON.stringify(job.id)} is not a job identity`);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        options.log(`refused job ${job.id ?? "(no id)"}: ${reason}`);
        // Unrecoverable: not retried, the command that queued it stops with this reason.
        throw new UnrecoverableError(`refused: ${reason}`);
      }
      const packed = await threads.run(parsed);
      await store.set(resultKey(identityOf(job.id)!), encodeResult(packed), "EX", resultTtlSeconds);
      done++;
      return null;
    },
    {
      connection: workerConnection,
      concurrency: options.threads,
      lockDuration: lockMs,
      stalledInterval: lockMs / 2,
      maxStalledCount,
      autorun: false,
    },
  );
  worker.on("failed", (job, err) => {
    if (job && !(err instanceof UnrecoverableError) && !err.message.startsWith("refused:")) options.log(`job ${job.id} failed: ${err.message}`);
  });
  worker.on("error", (err: Error) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === undefined) {
      // e.g. a lock that could not be renewed after Redis restarted: that job runs again elsewhere.
      options.log(`BullMQ: ${err.message}`);
      return;
    }
    // A lost connection is reported once; it reconnects by itself.
    if (!connectionLost) options.log(`lost Redis at ${shown} (${code}); reconnecting`);
    connectionLost = true;
  });
  store.on("error", () => {});
  store.on("ready", () => {
    if (connectionLost) options.log(`reconnected to Redis at ${shown}`);
    connectionLost = false;
  });
  void worker.run();
  await worker.waitUntilReady();
  options.log(`working for ${shown} on ${threads.size} threads, code version ${version.slice(0, 12)}…, lock ${lockMs / 1000} s`);
  return {
    version,
    done: () => done,
    async close() {
      // Running jobs get one lock's time to finish; a job cut short is retried elsewhere.
      await closeWithin(lockMs, [worker], []);
      await worker.close(true).catch(() => {});
      await threads.close();
      // BullMQ does not close a connection it is given.
      await closeWithin(2000, [], [workerConnection, store]);
    },
  };
}
