/**
 * Runs replications of a population of independent accounts. The unit of work is a
 * chunk: (replication, range of accounts). A chunk's tally depends only on the seed,
 * the replication and the account indices, so chunks can run anywhere, in any order,
 * and add up to the same result.
 */
import { Environment } from "../sim/environment.ts";
import { AccountSimulation, type AccountModel, type TraceSink } from "./account-simulation.ts";
import type { CreditLedger } from "./ledger.ts";
import { addTally, clearTally, createTally, type Tally } from "./tally.ts";

export interface Chunk {
  readonly replication: number;
  /** First account index (inclusive). */
  readonly from: number;
  /** Last account index (exclusive). */
  readonly to: number;
}

/**
 * Simulates chunks of one model and seed, one after another in this thread. It keeps
 * its environment, simulation object and working tally from chunk to chunk (new ones
 * only when the replication changes), so the hot loop always sees the same objects:
 * fresh ones for every chunk make V8 widen the field types its optimised code relies
 * on, throw that code away and compile it again (~0.1 s of a thread early in a run).
 * A chunk's tally does not depend on what ran before it.
 */
export class ChunkSimulator {
  readonly model: AccountModel;
  readonly seed: number | string;
  readonly #work: Tally;
  #replication = -1;
  #sim: AccountSimulation | undefined;

  constructor(model: AccountModel, seed: number | string) {
    this.model = model;
    this.seed = seed;
    this.#work = createTally(model.cycles);
  }

  /** Simulates accounts [from, to) of the chunk's replication; returns a new tally. */
  run(chunk: Chunk): Tally {
    if (this.#sim === undefined || chunk.replication !== this.#replication) {
      const env = new Environment({ seed: this.seed, replication: chunk.replication });
      this.#sim = new AccountSimulation(env, this.model, this.#work);
      this.#replication = chunk.replication;
    }
    clearTally(this.#work);
    for (let i = chunk.from; i < chunk.to; i++) this.#sim.simulate(i);
    const out = createTally(this.model.cycles);
    addTally(out, this.#work);
    return out;
  }
}

/** Simulates accounts [from, to) of one replication. */
export function simulateChunk(model: AccountModel, seed: number | string, chunk: Chunk): Tally {
  return new ChunkSimulator(model, seed).run(chunk);
}

/**
 * Simulates one account of one replication with a trace of its ledger movements (the
 * same draws as in `simulateChunk`); returns its ledger and its horizon, in days.
 */
export function traceAccount(model: AccountModel, seed: number | string, replication: number, account: number, sink: TraceSink): { ledger: CreditLedger; horizonDays: number } {
  const env = new Environment({ seed, replication });
  const ledger = new AccountSimulation(env, model, createTally(model.cycles)).simulate(account, sink);
  // The run leaves the clock at the account's horizon.
  return { ledger, horizonDays: env.now };
}

/** Splits `accounts` × `replications` into chunks of at most `chunkAccounts` accounts. */
export function planChunks(accounts: number, replications: number, chunkAccounts: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let r = 0; r < replications; r++) {
    for (let from = 0; from < accounts; from += chunkAccounts) {
      chunks.push({ replication: r, from, to: Math.min(accounts, from + chunkAccounts) });
    }
  }
  return chunks;
}

/** Adds chunk tallies into one tally per replication. */
export function tallyByReplication(cycles: number, replications: number, chunks: readonly Chunk[], tallies: readonly Tally[]): Tally[] {
  const out = Array.from({ length: replications }, () => createTally(cycles));
  chunks.forEach((c, i) => addTally(out[c.replication]!, tallies[i]!));
  return out;
}

/** Runs every replication in this thread. */
export function simulateAll(model: AccountModel, seed: number | string, accounts: number, replications: number): Tally[] {
  const chunks = planChunks(accounts, replications, accounts);
  return tallyByReplication(
    model.cycles,
    replications,
    chunks,
    chunks.map((c) => simulateChunk(model, seed, c)),
  );
}
