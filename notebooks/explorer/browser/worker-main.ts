/**
 * An explorer Web Worker (a classic script made from an inlined Blob): it keeps the
 * current batch's models and runs the jobs it is sent with the pool threads' own
 * JobRunner, posting each tally packed as the pool's threads do — so a batch added up
 * in the page gives the bits `runModels` gives. Jobs of an older batch are skipped.
 */
import type { AccountModel } from "../../../models/account-simulation.ts";
import { JobRunner } from "../../../runner/pool-worker.ts";
import type { FromWorker, ToWorker } from "../messages.ts";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

const runner = new JobRunner();
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
    const packed = runner.runPacked({ model: models[data.model]!, seed: data.seed, chunk: data.chunk });
    scope.postMessage({ kind: "done", batch: data.batch, job: data.job, packed }, [packed.buffer]);
  } catch (err) {
    scope.postMessage({ kind: "failed", batch: data.batch, job: data.job, message: err instanceof Error ? err.message : String(err) });
  }
};
