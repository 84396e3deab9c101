/**
 * What the explorer page and its Web Workers say to each other: the page sends each
 * worker a batch's models once, then one job at a time (as the pool's threads claim
 * them); a worker answers each job with its packed tally. Every message carries its
 * batch number, so the answers of a superseded batch are told apart and dropped. A
 * "trace" job traces one account instead and answers with its balance after every
 * movement, packed as pairs (day, credits held).
 */
import type { AccountModel } from "../../models/account-simulation.ts";
import type { Chunk } from "../../models/simulate.ts";

export type ToWorker =
  | { readonly kind: "models"; readonly batch: number; readonly models: readonly AccountModel[] }
  | { readonly kind: "job"; readonly batch: number; readonly job: number; readonly model: number; readonly seed: number | string; readonly chunk: Chunk }
  | {
      readonly kind: "trace";
      readonly batch: number;
      readonly job: number;
      readonly model: number;
      readonly seed: number | string;
      readonly replication: number;
      readonly account: number;
    };

export type FromWorker =
  /** `packed`: the job's packed tally, or a trace's (day, credits held) pairs. */
  | { readonly kind: "done"; readonly batch: number; readonly job: number; readonly packed: Float64Array }
  | { readonly kind: "failed"; readonly batch: number; readonly job: number; readonly message: string };
