/**
 * What the explorer has already simulated, kept so that nothing is simulated twice:
 * the tally of each account of each replication of each run it computed, by the run's
 * model and seed. An account's tally depends on the model, the seed, its replication
 * and its index only — never on how many accounts the run has (that is what lets the
 * pool cut runs into chunks) — so a run that keeps its model and seed (one more seat
 * on a per-seat plan, the other credit policy on the same team, the capacity curve's
 * one-seat runs) simulates only the accounts not seen before, and adds the rest from
 * here. Tallies are integer counts, so a replication's sum has the same bits whatever
 * the accounts were computed with (batch-plan.ts): the page shows the command line's
 * numbers to the last digit.
 *
 * `plan` turns a batch of runs into pieces of work for the Web Workers — a range of
 * replications × a range of accounts of one run, the largest first, each small enough
 * that the workers end together — and `Work` adds their answers up, one tally per
 * replication of each run. A run of more accounts than `defaults.maxAccountsKept` is
 * neither kept nor looked up: it is cut into the pool's own chunks (`chunkAccounts`).
 */
import type { AccountModel } from "../../../models/account-simulation.ts";
import { addTally, createTally, tallyFields, unpackTally, type Tally } from "../../../models/tally.ts";
import { chunkAccounts, type ModelRun } from "../../../runner/batch-plan.ts";
import { poolSlowdown, unitEvents } from "../../../runner/run-estimate.ts";

export const defaults = {
  /** Runs of more accounts than this are not kept (each account's tally is ~2 KB at 12 months). */
  maxAccountsKept: 200,
  /** Account tallies kept in all (the least recently used runs go first): ~17 MB at 12 months. */
  maxTalliesKept: 8_000,
  /** Pieces per worker a batch is cut into, at least, so that the workers end together. */
  piecesPerWorker: 6,
} as const;

/** Doubles in one packed tally of `cycles` cycles (tally.ts packTally). */
export const packedLength = (cycles: number) => 7 + tallyFields.length * cycles;

/**
 * Accounts [from, to) of replications [replicationFrom, replicationTo) of run `run`:
 * answered with one packed tally per account (`each`, replication-major) or one per
 * replication (the sum over the accounts), concatenated.
 */
export interface Piece {
  readonly run: number;
  readonly replicationFrom: number;
  readonly replicationTo: number;
  readonly from: number;
  readonly to: number;
  readonly each: boolean;
  /** Estimated work, in events (run-estimate.ts). */
  readonly cost: number;
}

/** A run's identity: the same key, the same account tallies. Non-finite numbers and −0 are spelled out (JSON would make them null or 0). */
export function runKey(model: AccountModel, seed: number | string): string {
  const json = JSON.stringify(model, (_k, v: unknown) => (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0)) ? `#number:${Object.is(v, -0) ? "-0" : String(v)}` : v));
  return `${typeof seed}:${String(seed)}:${json}`;
}

/** Kept tallies of one run: per replication, per account (undefined where not computed). */
type Kept = (Float64Array | undefined)[][];

export class AccountTallies {
  /** By run key, least recently used first. */
  readonly #kept = new Map<string, Kept>();
  readonly #limits: { readonly maxAccountsKept: number; readonly maxTalliesKept: number };
  #count = 0;

  constructor(limits: { readonly maxAccountsKept?: number; readonly maxTalliesKept?: number } = {}) {
    this.#limits = { maxAccountsKept: limits.maxAccountsKept ?? defaults.maxAccountsKept, maxTalliesKept: limits.maxTalliesKept ?? defaults.maxTalliesKept };
  }

  /** Account tallies kept now. */
  get size(): number {
    return this.#count;
  }

  /** The work of `runs` on `workers` workers: what is kept is added in, the rest cut into pieces. */
  plan(runs: readonly ModelRun[], workers: number): Work {
    // Runs of few accounts are kept, as many as fit in the limit.
    let room = this.#limits.maxTalliesKept;
    const kept = runs.map((run) => {
      const n = run.accounts * run.replications;
      if (run.accounts > this.#limits.maxAccountsKept || n > room) return null;
      room -= n;
      return this.#use(runKey(run.model, run.seed), run.replications);
    });
    return new Work(this, runs, kept, Math.max(1, workers));
  }

  /** The kept tallies of `key` (made empty when new), now the most recently used. */
  #use(key: string, replications: number): Kept {
    let kept = this.#kept.get(key);
    if (kept === undefined) kept = [];
    else this.#kept.delete(key);
    for (let r = kept.length; r < replications; r++) kept.push([]);
    this.#kept.set(key, kept);
    return kept;
  }

  /** Counts `n` more tallies kept, dropping the least recently used runs (never those of `keep`) past the limit. */
  added(n: number, keep: ReadonlySet<Kept>): void {
    this.#count += n;
    for (const [key, kept] of this.#kept) {
      if (this.#count <= this.#limits.maxTalliesKept) break;
      if (keep.has(kept)) continue;
      for (const row of kept) for (const t of row) if (t !== undefined) this.#count--;
      this.#kept.delete(key);
    }
  }
}

/** One batch: its pieces to run, and the tally of each replication of each run as their answers come back. */
export class Work {
  readonly runs: readonly ModelRun[];
  /** The pieces to run, the largest first. */
  readonly pieces: readonly Piece[];
  readonly #cache: AccountTallies;
  readonly #kept: readonly (Kept | null)[];
  readonly #keep: ReadonlySet<Kept>;
  /** Sums of the replications of runs not kept (chunks), by run. */
  readonly #sums: (Tally | undefined)[][];

  constructor(cache: AccountTallies, runs: readonly ModelRun[], kept: readonly (Kept | null)[], workers: number) {
    this.runs = runs;
    this.#cache = cache;
    this.#kept = kept;
    this.#keep = new Set(kept.filter((k): k is Kept => k !== null));
    this.#sums = runs.map((r) => new Array<Tally | undefined>(r.replications));
    // What each run still needs: the accounts not kept, of each replication.
    const blocks: Piece[] = [];
    runs.forEach((run, r) => {
      const unit = unitCost(run.model);
      const k = kept[r]!;
      if (k === null) {
        for (let from = 0; from < run.accounts; from += chunkAccounts) {
          const to = Math.min(run.accounts, from + chunkAccounts);
          blocks.push({ run: r, replicationFrom: 0, replicationTo: run.replications, from, to, each: false, cost: unit * (to - from) * run.replications });
        }
        return;
      }
      // Consecutive replications that lack the same accounts are one block.
      let rep = 0;
      while (rep < run.replications) {
        const ranges = missing(k[rep]!, run.accounts);
        const same = JSON.stringify(ranges);
        let end = rep + 1;
        while (end < run.replications && JSON.stringify(missing(k[end]!, run.accounts)) === same) end++;
        for (const g of ranges) blocks.push({ run: r, replicationFrom: rep, replicationTo: end, from: g.from, to: g.to, each: true, cost: unit * (g.to - g.from) * (end - rep) });
        rep = end;
      }
    });
    // Cut the blocks so that no piece is more than a share of the whole, nor more
    // accounts than one of the pool's jobs (a superseded piece ends soon); largest first
    // (a worker that frees takes the next: the last ones are the smallest).
    const total = blocks.reduce((s, b) => s + b.cost, 0);
    const share = Math.max(1, total / (workers * defaults.piecesPerWorker));
    this.pieces = blocks
      .flatMap((b) => cut(b, Math.min(share, chunkAccounts * unitCost(runs[b.run]!.model))))
      .sort((a, b) => b.cost - a.cost || a.run - b.run || a.replicationFrom - b.replicationFrom || a.from - b.from);
  }

  /** Takes the answer to `piece` (packed tallies, as the piece says). */
  accept(piece: Piece, packed: Float64Array): void {
    const cycles = this.runs[piece.run]!.model.cycles;
    const n = packedLength(cycles);
    let at = 0;
    const next = () => {
      const one = packed.subarray(at, at + n);
      at += n;
      return one;
    };
    const kept = this.#kept[piece.run];
    let added = 0;
    for (let rep = piece.replicationFrom; rep < piece.replicationTo; rep++) {
      if (piece.each && kept) {
        const row = kept[rep]!;
        for (let a = piece.from; a < piece.to; a++) {
          if (row[a] === undefined) added++;
          row[a] = next();
        }
      } else {
        const row = this.#sums[piece.run]!;
        const sum = (row[rep] ??= createTally(cycles));
        addTally(sum, unpackTally(next()));
      }
    }
    if (at !== packed.length) throw new RangeError(`a piece of ${piece.replicationTo - piece.replicationFrom} replications × ${piece.to - piece.from} accounts came back with ${packed.length} values`);
    if (added > 0) this.#cache.added(added, this.#keep);
  }

  /** For each run, one tally per replication: the sum of its accounts (call once every piece is accepted). */
  tallies(): Tally[][] {
    return this.runs.map((run, r) => {
      const kept = this.#kept[r];
      return Array.from({ length: run.replications }, (_, rep) => {
        if (!kept) return this.#sums[r]![rep] ?? createTally(run.model.cycles);
        // Added packed, value by value (a packed tally is its counts side by side, and
        // adding tallies adds each count): one tally made per replication, not one per account.
        const sum = new Float64Array(packedLength(run.model.cycles));
        const row = kept[rep]!;
        for (let a = 0; a < run.accounts; a++) {
          const t = row[a];
          if (t === undefined) throw new Error(`account ${a} of replication ${rep} of run ${r} was not computed`);
          for (let i = 0; i < sum.length; i++) sum[i]! += t[i]!;
        }
        return unpackTally(sum);
      });
    });
  }
}

/** The estimated work of one account of one replication of `model`: the command line's estimate of its events, a pooled contract's slower. */
const unitCost = (model: AccountModel) => Math.max(1, unitEvents(model) * poolSlowdown(model.seats ?? 1));

/** The ranges of accounts in [0, accounts) that `row` lacks. */
function missing(row: readonly (Float64Array | undefined)[], accounts: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let a = 0; a < accounts; a++) {
    if (row[a] !== undefined) continue;
    const last = out[out.length - 1];
    if (last && last.to === a) last.to = a + 1;
    else out.push({ from: a, to: a + 1 });
  }
  return out;
}

/** `block` cut into pieces of at most `most` cost (by replications, then by accounts), where it can be. */
function cut(block: Piece, most: number): Piece[] {
  const reps = block.replicationTo - block.replicationFrom;
  const accounts = block.to - block.from;
  const perReplication = block.cost / reps;
  const unit = perReplication / accounts;
  if (block.cost <= most) return [block];
  const out: Piece[] = [];
  if (perReplication <= most) {
    const step = Math.max(1, Math.floor(most / perReplication));
    for (let r = block.replicationFrom; r < block.replicationTo; r += step) {
      const to = Math.min(block.replicationTo, r + step);
      out.push({ ...block, replicationFrom: r, replicationTo: to, cost: perReplication * (to - r) });
    }
    return out;
  }
  // One replication is more than a piece: cut its accounts (a pooled contract is one account and stays whole).
  const step = Math.max(1, Math.floor(most / unit));
  for (let r = block.replicationFrom; r < block.replicationTo; r++) {
    for (let a = block.from; a < block.to; a += step) {
      const to = Math.min(block.to, a + step);
      out.push({ ...block, replicationFrom: r, replicationTo: r + 1, from: a, to, cost: unit * (to - a) });
    }
  }
  return out;
}
