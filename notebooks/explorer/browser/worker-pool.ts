/**
 * The page's pool of Web Workers, made from the inlined worker script through a Blob
 * URL (browsers refuse workers from file: URLs). It runs a batch's pieces
 * (account-tallies.ts: what is not already known, the largest first) as the Node pool
 * runs its jobs: every worker gets the models once, then claims pieces as it frees
 * (`defaults.jobsInFlight` out at once, so a worker never waits for its next one); each
 * answer is taken into the batch's tallies as it comes back (integer counts, so the
 * result does not depend on the number of workers or who ran what). A newer `run` (or `cancel`) supersedes the running
 * one: its promise resolves null; a worker still on its jobs gets no new one until they
 * come back, and one that has not answered within `defaults.graceMs` is terminated and
 * replaced by a fresh one — a job may run for minutes, or never end, and must not keep
 * the pool from the next batch, while the usual short job ends in time and its worker,
 * warm (its code compiled), goes on to the next batch.
 */
import type { Tally } from "../../../models/tally.ts";
import type { AccountModel } from "../../../models/account-simulation.ts";
import type { FromWorker, ToWorker } from "../messages.ts";
import type { Work } from "./account-tallies.ts";

/** What runs on the pool: `total` jobs, each sent as `message(job)` and taken back by `accept`. */
interface Running {
  readonly batch: number;
  readonly models: readonly AccountModel[];
  readonly total: number;
  message(job: number): ToWorker;
  accept(job: number, packed: Float64Array): void;
  next: number;
  done: number;
  readonly onProgress: (done: number, total: number) => void;
  /** Resolves the caller's promise with what was accepted, or null when superseded. */
  readonly finish: (superseded: boolean) => void;
  readonly reject: (err: Error) => void;
}

export const defaults = {
  /** Jobs sent to a worker before its first answer: one running, one waiting. */
  jobsInFlight: 2,
  /** Ms a worker still on a superseded batch's jobs has before it is replaced. */
  graceMs: 250,
} as const;

export class WebWorkerPool {
  readonly #url: string;
  readonly #workers: Worker[];
  /** Jobs of the running batch out on each worker. */
  readonly #out: number[];
  /** Jobs of superseded batches still out on each worker: it gets no new job until they are back. */
  readonly #stale: number[];
  /** The batch each worker last got the models of. */
  readonly #hasModels: number[];
  #batches = 0;
  #running: Running | null = null;

  /** `size` workers of the classic script `source`. */
  constructor(source: string, size: number) {
    this.#url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    this.#workers = Array.from({ length: size }, (_, i) => this.#spawn(i));
    this.#out = this.#workers.map(() => 0);
    this.#stale = this.#workers.map(() => 0);
    this.#hasModels = this.#workers.map(() => -1);
  }

  #spawn(i: number): Worker {
    const worker = new Worker(this.#url);
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (this.#workers[i] === worker) this.#reply(i, event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (this.#workers[i] === worker) this.#fail(new Error(`a worker failed: ${event.message}`));
    };
    return worker;
  }

  /** Stops worker `i` wherever it is and puts a fresh one (no models yet) in its place. */
  #replace(i: number): void {
    this.#workers[i]!.terminate();
    this.#workers[i] = this.#spawn(i);
    this.#out[i] = 0;
    this.#stale[i] = 0;
    this.#hasModels[i] = -1;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Stops the running batch: its promise resolves null; the workers still on its jobs are replaced unless they answer within `defaults.graceMs`. */
  cancel(): void {
    const r = this.#running;
    if (r === null) return;
    this.#running = null;
    r.finish(true);
    this.#workers.forEach((worker, i) => {
      if (this.#out[i] === 0) return;
      this.#stale[i] = this.#stale[i]! + this.#out[i]!;
      this.#out[i] = 0;
      setTimeout(() => {
        if (this.#workers[i] !== worker || this.#stale[i] === 0) return;
        this.#replace(i);
        this.#dispatch(i);
      }, defaults.graceMs);
    });
  }

  /** For each run of `work`, one tally per replication; null when a newer run (or `cancel`) superseded this one. */
  run(work: Work, onProgress: (done: number, total: number) => void = () => {}): Promise<Tally[][] | null> {
    return new Promise((resolve, reject) => {
      const pieces = work.pieces;
      this.#start({
        models: work.runs.map((run) => run.model),
        total: pieces.length,
        message: (job) => {
          const p = pieces[job]!;
          const { run, replicationFrom, replicationTo, from, to, each } = p;
          return { kind: "piece", batch: this.#batches, job, model: run, seed: work.runs[run]!.seed, replicationFrom, replicationTo, from, to, each };
        },
        accept: (job, packed) => work.accept(pieces[job]!, packed),
        onProgress,
        finish: (superseded) => {
          if (superseded) return resolve(null);
          try {
            resolve(work.tallies());
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        },
        reject,
      });
    });
  }

  /**
   * Account `account` of replication `replication` of `model` traced on a worker (traceAccount):
   * its balance after every movement, as pairs (day, credits held); null when superseded.
   */
  trace(model: AccountModel, seed: number | string, replication: number, account: number): Promise<Float64Array | null> {
    return new Promise((resolve, reject) => {
      let points: Float64Array = new Float64Array(0);
      this.#start({
        models: [model],
        total: 1,
        message: (job) => ({ kind: "trace", batch: this.#batches, job, model: 0, seed, replication, account }),
        accept: (_job, packed) => (points = packed),
        onProgress: () => {},
        finish: (superseded) => resolve(superseded ? null : points),
        reject,
      });
    });
  }

  #start(work: Omit<Running, "batch" | "next" | "done">): void {
    this.cancel();
    this.#running = { ...work, batch: ++this.#batches, next: 0, done: 0 };
    if (work.total === 0) this.#finish();
    // One job to every worker before a second to any: a batch of few long jobs (a large
    // pooled contract's replications) is spread over the pool, not queued on one worker.
    else for (let depth = 1; depth <= defaults.jobsInFlight; depth++) this.#workers.forEach((_, i) => this.#dispatch(i, depth));
  }

  /** Sends worker `i` jobs until it has `depth` out (none while it is still on a superseded batch's). */
  #dispatch(i: number, depth: number = defaults.jobsInFlight): void {
    const r = this.#running;
    if (r === null || this.#stale[i]! > 0) return;
    const worker = this.#workers[i]!;
    while (this.#out[i]! < depth && r.next < r.total) {
      if (this.#hasModels[i] !== r.batch) {
        worker.postMessage({ kind: "models", batch: r.batch, models: r.models } satisfies ToWorker);
        this.#hasModels[i] = r.batch;
      }
      const job = r.next++;
      this.#out[i]!++;
      worker.postMessage(r.message(job));
    }
  }

  #reply(i: number, message: FromWorker): void {
    const r = this.#running;
    if (r !== null && message.batch === r.batch) {
      this.#out[i]!--;
      if (message.kind === "failed") return this.#fail(new Error(message.message));
      r.accept(message.job, message.packed);
      r.done++;
      r.onProgress(r.done, r.total);
      if (r.done === r.total) return this.#finish();
    } else this.#stale[i]!--;
    this.#dispatch(i);
  }

  #finish(): void {
    const r = this.#running!;
    this.#running = null;
    r.finish(false);
  }

  #fail(err: Error): void {
    const r = this.#running;
    this.#running = null;
    r?.reject(err);
    // The batch's other jobs are of no use now.
    this.#workers.forEach((_, i) => this.#out[i]! + this.#stale[i]! > 0 && this.#replace(i));
  }
}
