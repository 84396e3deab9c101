/**
 * The page's pool of Web Workers, made from the inlined worker script through a Blob
 * URL (browsers refuse workers from file: URLs). It runs a batch (batch-plan.ts) as
 * the Node pool does: every worker gets the models once, then claims one job at a time
 * (each made from its index as it is sent, batch-plan.ts `jobAt`); each tally is added
 * into its replication's as it comes back (`BatchTotals`), so the result does not depend
 * on the number of workers or who ran what. A newer `run` (or `cancel`) supersedes the running
 * one: its promise resolves null, and every worker with one of its jobs still out is
 * terminated and replaced by a fresh one — a job may run for minutes, or never end, and
 * must not keep the pool from the next batch.
 */
import { unpackTally, type Tally } from "../../../models/tally.ts";
import { BatchTotals, jobAt, jobCount, runOfJob, type BatchPlan } from "../../../runner/batch-plan.ts";
import type { FromWorker, ToWorker } from "../messages.ts";

interface Running {
  readonly batch: number;
  readonly plan: BatchPlan;
  readonly total: number;
  readonly totals: BatchTotals;
  next: number;
  done: number;
  readonly onProgress: (done: number, total: number) => void;
  readonly resolve: (tallies: Tally[][] | null) => void;
  readonly reject: (err: Error) => void;
}

export class WebWorkerPool {
  readonly #url: string;
  readonly #workers: Worker[];
  /** Whether each worker has a job out. */
  readonly #busy: boolean[];
  /** The batch each worker last got the models of. */
  readonly #hasModels: number[];
  #batches = 0;
  #running: Running | null = null;
  #replaced = 0;

  /** `size` workers of the classic script `source`. */
  constructor(source: string, size: number) {
    this.#url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    this.#workers = Array.from({ length: size }, (_, i) => this.#spawn(i));
    this.#busy = this.#workers.map(() => false);
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
    this.#busy[i] = false;
    this.#hasModels[i] = -1;
  }

  /** Workers replaced so far because a superseded job was still running on them. */
  get replaced(): number {
    return this.#replaced;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Stops the running batch: its promise resolves null, and the workers still on its jobs are replaced. */
  cancel(): void {
    const r = this.#running;
    if (r === null) return;
    this.#running = null;
    r.resolve(null);
    this.#busy.forEach((busy, i) => {
      if (!busy) return;
      this.#replace(i);
      this.#replaced++;
    });
  }

  /** For each run of `plan`, one tally per replication; null when a newer run (or `cancel`) superseded this one. */
  run(plan: BatchPlan, onProgress: (done: number, total: number) => void = () => {}): Promise<Tally[][] | null> {
    this.cancel();
    return new Promise((resolve, reject) => {
      this.#running = { batch: ++this.#batches, plan, total: jobCount(plan), totals: new BatchTotals(plan), next: 0, done: 0, onProgress, resolve, reject };
      if (this.#running.total === 0) this.#finish();
      else this.#workers.forEach((_, i) => this.#dispatch(i));
    });
  }

  #dispatch(i: number): void {
    const r = this.#running;
    if (r === null || this.#busy[i] || r.next >= r.total) return;
    const worker = this.#workers[i]!;
    if (this.#hasModels[i] !== r.batch) {
      worker.postMessage({ kind: "models", batch: r.batch, models: r.plan.runs.map((run) => run.model) } satisfies ToWorker);
      this.#hasModels[i] = r.batch;
    }
    const job = r.next++;
    const { seed, chunk } = jobAt(r.plan, job);
    this.#busy[i] = true;
    worker.postMessage({ kind: "job", batch: r.batch, job, model: runOfJob(r.plan, job), seed, chunk } satisfies ToWorker);
  }

  #reply(i: number, message: FromWorker): void {
    this.#busy[i] = false;
    const r = this.#running;
    if (r !== null && message.batch === r.batch) {
      if (message.kind === "failed") return this.#fail(new Error(message.message));
      r.totals.add(message.job, unpackTally(message.packed));
      r.done++;
      r.onProgress(r.done, r.total);
      if (r.done === r.total) return this.#finish();
    }
    this.#dispatch(i);
  }

  #finish(): void {
    const r = this.#running!;
    this.#running = null;
    r.resolve(r.totals.tallies());
  }

  #fail(err: Error): void {
    const r = this.#running;
    this.#running = null;
    r?.reject(err);
    // The batch's other jobs are of no use now.
    this.#busy.forEach((busy, i) => busy && this.#replace(i));
  }
}
