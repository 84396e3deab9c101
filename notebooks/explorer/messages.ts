/**
 * What the explorer page and its Web Workers say to each other: the page sends each
 * worker a batch's models once, then one job at a time (as the pool's threads claim
 * them): a "piece", a range of replications × a range of accounts of one model
 * (account-tallies.ts), answered with the packed tally of each account, or of each
 * replication, concatenated. Every message carries its
 * batch number, so the answers of a superseded batch are told apart and dropped. A
 * "trace" job traces one account instead and answers with its balance after every
 * movement, packed as pairs (day, credits held).
 */
import type { AccountModel } from "../../models/account-simulation.ts";

export type ToWorker =
  | { readonly kind: "models"; readonly batch: number; readonly models: readonly AccountModel[] }
  | {
      readonly kind: "piece";
      readonly batch: number;
      readonly job: number;
      readonly model: number;
      readonly seed: number | string;
      readonly replicationFrom: number;
      readonly replicationTo: number;
      readonly from: number;
      readonly to: number;
      /** One tally per account (replication-major), else one per replication. */
      readonly each: boolean;
    }
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
  /** `packed`: the job's packed tally (a piece's, concatenated), or a trace's (day, credits held) pairs. */
  | { readonly kind: "done"; readonly batch: number; readonly job: number; readonly packed: Float64Array }
  | { readonly kind: "failed"; readonly batch: number; readonly job: number; readonly message: string };
