/**
 * The page's pool of Web Workers, made from the inlined worker script through a Blob
 * URL (browsers refuse workers from file: URLs). It runs a batch (batch-plan.ts) as
 * the Node pool does: every worker gets the models once, then claims one job at a time
 * (each made from its index as it is sent, batch-plan.ts `jobAt`); each tally is added
 * into its replication's as it comes back (`BatchTotals`), so the result does not depend
 * on the number of workers or who ran what. A newer `run` supersedes the running one: its promise
 * resolves null, and the jobs still out are dropped when they come back.
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
  readonly #workers: Worker[];
  /** Whether each worker has a job out (of any batch). */
  readonly #busy: boolean[];
  /** The batch each worker last got the models of. */
  readonly #hasModels: number[];
  #batches = 0;
  #running: Running | null = null;

  /** `size` workers of the classic script `source`. */
  constructor(source: string, size: number) {
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    this.#workers = Array.from({ length: size }, (_, i) => {
      const worker = new Worker(url);
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.#reply(i, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.#fail(new Error(`a worker failed: ${event.message}`));
      };
      return worker;
    });
    this.#busy = this.#workers.map(() => false);
    this.#hasModels = this.#workers.map(() => -1);
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Stops the running batch (its promise resolves null); jobs still out are dropped when they come back. */
  cancel(): void {
    this.#running?.resolve(null);
    this.#running = null;
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
    // Workers freed by a superseded batch's late answers pick up the next batch's jobs.
  }

  #fail(err: Error): void {
    const r = this.#running;
    this.#running = null;
    r?.reject(err);
  }
}
