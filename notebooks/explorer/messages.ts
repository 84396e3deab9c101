/**
 * What the explorer page and its Web Workers say to each other: the page sends each
 * worker a batch's models once, then one job at a time (as the pool's threads claim
 * them); a worker answers each job with its packed tally. Every message carries its
 * batch number, so the answers of a superseded batch are told apart and dropped.
 */
import type { AccountModel } from "../../models/account-simulation.ts";
import type { Chunk } from "../../models/simulate.ts";

export type ToWorker =
  | { readonly kind: "models"; readonly batch: number; readonly models: readonly AccountModel[] }
  | { readonly kind: "job"; readonly batch: number; readonly job: number; readonly model: number; readonly seed: number | string; readonly chunk: Chunk };

export type FromWorker =
  | { readonly kind: "done"; readonly batch: number; readonly job: number; readonly packed: Float64Array }
  | { readonly kind: "failed"; readonly batch: number; readonly job: number; readonly message: string };
