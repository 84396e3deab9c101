/**
 * Threads that stay, for a queue worker (commands/worker.ts): `run(job)` simulates one
 * job on a free thread and resolves with its packed tally, so the process's event loop
 * — BullMQ's, which renews job locks and talks to Redis — never simulates and a
 * CPU-bound job never loses its lock. The threads are the pool's (pool-thread.ts,
 * started from the cached bundle, pool-entry.ts): each job is sent alone, with its own
 * claim counter.
 */
import { Worker } from "node:worker_threads";
import { threadEntry } from "./pool-entry.ts";
import { claimSlots, type ThreadMessage, type ThreadStart } from "./pool-thread.ts";
import type { Job } from "./batch-plan.ts";

interface Pending {
  readonly job: Job;
  resolve(packed: Float64Array): void;
  reject(err: Error): void;
}

export class JobThreads {
  readonly #idle: Worker[] = [];
  readonly #waiting: Pending[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #all: Worker[];
  #closed = false;

  private constructor(threads: Worker[]) {
    this.#all = threads;
    for (const t of threads) this.#watch(t);
    this.#idle.push(...threads);
  }

  /** Starts `count` threads (integer ≥ 1). */
  static async start(count: number): Promise<JobThreads> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`threads must be an integer ≥ 1, not ${count}`);
    const entry = await threadEntry();
    const threads = Array.from({ length: count }, () => (entry.kind === "bundle" ? new Worker(entry.file, { execArgv: [] }) : new Worker(entry.code, { eval: true })));
    return new JobThreads(threads);
  }

  get size(): number {
    return this.#all.length;
  }

  /** Simulates `job` on the next free thread; its tally packed (see packTally). */
  run(job: Job): Promise<Float64Array> {
    if (this.#closed) return Promise.reject(new Error("the worker's threads are stopped"));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      this.#next();
    });
  }

  /** Stops every thread; jobs still running are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#waiting.splice(0)) p.reject(new Error("the worker is stopping"));
    for (const p of this.#busy.values()) p.reject(new Error("the worker is stopping"));
    this.#busy.clear();
    await Promise.all(this.#all.map((t) => t.terminate()));
  }

  #next(): void {
    while (this.#idle.length > 0 && this.#waiting.length > 0) {
      const thread = this.#idle.pop()!;
      const pending = this.#waiting.shift()!;
      this.#busy.set(thread, pending);
      const claim = new Int32Array(new SharedArrayBuffer(claimSlots * Int32Array.BYTES_PER_ELEMENT));
      const start: ThreadStart = { job: pending.job, claim };
      thread.postMessage(start);
    }
  }

  #watch(thread: Worker): void {
    let result: { packed: Float64Array } | { error: string } | undefined;
    thread.on("message", (m: ThreadMessage) => {
      if ("packed" in m) result = { packed: m.packed };
      else if ("error" in m) result = { error: m.error };
      else {
        // "stopped": the one job is done; the thread is free again.
        const pending = this.#busy.get(thread);
        this.#busy.delete(thread);
        const r = result;
        result = undefined;
        if (pending) {
          if (r && "packed" in r) pending.resolve(r.packed);
          else pending.reject(new Error(r?.error ?? "the thread stopped without a result"));
        }
        if (!this.#closed) {
          this.#idle.push(thread);
          this.#next();
        }
      }
    });
    thread.on("error", (err) => {
      const pending = this.#busy.get(thread);
      this.#busy.delete(thread);
      pending?.reject(err);
    });
  }
}
