/**
 * What a Web Worker does with a piece of a batch (account-tallies.ts): simulates its
 * replications × accounts with the pool threads' own JobRunner and packs the tallies —
 * one per account, or one per replication — into one Float64Array, in the order
 * `Work.accept` reads them (replication-major).
 */
import type { AccountModel } from "../../../models/account-simulation.ts";
import { packTally } from "../../../models/tally.ts";
import type { JobRunner } from "../../../runner/pool-worker.ts";
import { packedLength, type Piece } from "./account-tallies.ts";

export function runPiece(runner: JobRunner, model: AccountModel, seed: number | string, piece: Omit<Piece, "run" | "cost">): Float64Array {
  const n = packedLength(model.cycles);
  const per = piece.each ? piece.to - piece.from : 1;
  const out = new Float64Array((piece.replicationTo - piece.replicationFrom) * per * n);
  let at = 0;
  for (let replication = piece.replicationFrom; replication < piece.replicationTo; replication++) {
    if (!piece.each) {
      out.set(packTally(runner.run({ model, seed, chunk: { replication, from: piece.from, to: piece.to } })), at);
      at += n;
      continue;
    }
    for (let a = piece.from; a < piece.to; a++) {
      out.set(packTally(runner.run({ model, seed, chunk: { replication, from: a, to: a + 1 } })), at);
      at += n;
    }
  }
  return out;
}
