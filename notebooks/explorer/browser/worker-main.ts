/**
 * An explorer Web Worker (a classic script made from an inlined Blob): it keeps the
 * current batch's models and runs the pieces it is sent (replications × accounts of one
 * model) with the pool threads' own JobRunner, posting the tallies packed as the pool's
 * threads do — so a batch added up in the page gives the bits `runModels` gives; or
 * traces one account (the sample seat's balance), so no simulation runs on the page's
 * thread. Jobs of an older batch are skipped.
 */
import type { AccountModel } from "../../../models/account-simulation.ts";
import { traceAccount } from "../../../models/simulate.ts";
import { JobRunner } from "../../../runner/pool-worker.ts";
import type { FromWorker, ToWorker } from "../messages.ts";
import { runPiece } from "./run-piece.ts";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

const runner = new JobRunner();

/** The account's balance after every movement, as pairs (day, credits held). */
function trace(model: AccountModel, seed: number | string, replication: number, account: number): Float64Array {
  const points: number[] = [];
  traceAccount(model, seed, replication, account, {
    record(timeDays, _kind, _credits, balance) {
      points.push(timeDays, balance);
    },
  });
  return Float64Array.from(points);
}
let batch = -1;
let models: readonly AccountModel[] = [];

scope.onmessage = ({ data }) => {
  if (data.kind === "models") {
    batch = data.batch;
    models = data.models;
    return;
  }
  if (data.batch !== batch) return;
  try {
    const packed = data.kind === "trace" ? trace(models[data.model]!, data.seed, data.replication, data.account) : runPiece(runner, models[data.model]!, data.seed, data);
    scope.postMessage({ kind: "done", batch: data.batch, job: data.job, packed }, [packed.buffer]);
  } catch (err) {
    scope.postMessage({ kind: "failed", batch: data.batch, job: data.job, message: err instanceof Error ? err.message : String(err) });
  }
};
