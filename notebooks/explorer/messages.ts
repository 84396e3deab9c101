/** What the explorer page and its Web Worker say to each other. */
import type { ParamValues } from "../../scenarios/params.ts";

/**
 * Page → worker: compute the result of these validated values (null: nothing, only
 * stop); a newer id supersedes every older one.
 */
export interface ComputeRequest {
  readonly id: number;
  readonly values: ParamValues | null;
}

/** Worker → page. */
export type WorkerReply =
  /** Jobs done of the total (a job: up to `chunkAccounts` seats of one replication). */
  | { readonly id: number; readonly kind: "progress"; readonly done: number; readonly total: number }
  | { readonly id: number; readonly kind: "result"; readonly result: unknown }
  /** A combination the planner refuses (its InputError's one line), or a failure. */
  | { readonly id: number; readonly kind: "invalid" | "failed"; readonly message: string };
