/**
 * Brokerless shards, for batch schedulers that only launch N copies of a command
 * (Slurm arrays, Kubernetes Indexed Jobs): `--shard i/N --part FILE` simulates a
 * deterministic slice of the command's batch — job i − 1 and every N-th after it, in
 * the plan's order — and writes a part: the command, its arguments, the code version,
 * the batch's digest (job-identity.ts `batchDigest`) and the slice's tallies added up
 * by replication of each run (one tally per replication, whatever the number of jobs:
 * tallies are integer counts, so sums of sums give the full run's bits).
 * `scenarios/merge.ts` checks the parts and runs the command again with `--from-part`
 * for each: every tally comes from the parts (nothing is simulated again), each
 * replication is checked to count every account once, and the command summarises and
 * writes exactly what the full run writes.
 *
 * A part covers the command's first batch. A command whose later batches depend on the
 * first one's results (notebooks/recruiting-team.ts sizes its teams from single seats)
 * cannot be cut this way: merging its parts stops with a message saying so; run it with
 * `--queue` instead.
 */
import { readFileSync } from "node:fs";
import { BatchTotals, jobCount, type BatchPlan } from "./batch-plan.ts";
import { RunnerInputError } from "./runner-input-error.ts";
import type { BatchOptions, Executor } from "./executor.ts";
import { batchDigest } from "./job-identity.ts";
import { runJobs, defaultWorkers } from "./pool.ts";
import { decodeTally, encodeResult } from "./result-codec.ts";

export const partFormat = "inmail-sim-part/2";

export interface Part {
  readonly format: typeof partFormat;
  /** The command, as its file under the project, e.g. "scenarios/plan-comparison.ts". */
  readonly command: string;
  /** Its arguments, less the run options that change nothing (--shard, --part, --workers, --queue). */
  readonly args: readonly string[];
  readonly codeVersion: string;
  readonly shard: { readonly index: number; readonly count: number };
  /** The batch cut into shards: how many jobs, and its digest (job-identity.ts `batchDigest`). */
  readonly batch: { readonly jobs: number; readonly digest: string } | null;
  /** This slice's tallies (result-codec.ts) summed by replication of each run; null for a replication none of whose jobs is in the slice. */
  readonly results: readonly (readonly (string | null)[])[];
}

/** Thrown by the shard executor once its slice is simulated: the command stops there and the part is written. */
export class ShardDone {
  constructor(readonly part: Part) {}
}

export interface ShardSpec {
  readonly index: number;
  readonly count: number;
  readonly command: string;
  readonly args: readonly string[];
  readonly version: string;
}

/** Parses `i/N` (1 ≤ i ≤ N ≤ 10,000); else an RunnerInputError naming `option`. */
export function parseShard(option: string, text: string): { index: number; count: number } {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || count > 10_000 || index > count) {
    throw new RunnerInputError(`${option}: ${JSON.stringify(text)} is not allowed; expected i/N with 1 ≤ i ≤ N ≤ 10000, e.g. 1/3`);
  }
  return { index, count };
}

/** Simulates slice `index` of `count` of the first batch on this machine, then stops the command (ShardDone). */
export function shardExecutor(spec: ShardSpec): Executor {
  return {
    name: `shard ${spec.index}/${spec.count}`,
    async run(plan: BatchPlan, options: BatchOptions): Promise<void> {
      const mine = new BatchTotals(plan);
      await runJobs(
        plan,
        {
          workers: options.workers ?? defaultWorkers(),
          progress: { label: `${options.label} (shard ${spec.index}/${spec.count})` },
          slice: { first: spec.index - 1, step: spec.count },
        },
        (i, tally) => mine.add(i, tally),
      );
      throw new ShardDone({
        format: partFormat,
        command: spec.command,
        args: spec.args,
        codeVersion: spec.version,
        shard: { index: spec.index, count: spec.count },
        batch: { jobs: jobCount(plan), digest: batchDigest(spec.version, plan) },
        results: mine.partial().map((row) => Array.from(row, (t) => (t === undefined ? null : encodeResult(t)))),
      });
    },
  };
}

/** A part with no batch: the command ran none (it wrote its output as a full run does). */
export function emptyPart(spec: ShardSpec): Part {
  return { format: partFormat, command: spec.command, args: spec.args, codeVersion: spec.version, shard: { index: spec.index, count: spec.count }, batch: null, results: [] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads and checks one part file; RunnerInputError naming the file and what is wrong. */
export function readPart(file: string): Part {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new RunnerInputError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    throw new RunnerInputError(`${file}: not a part file (not JSON); expected what --shard i/N --part FILE writes`);
  }
  if (!isRecord(p) || p.format !== partFormat) throw new RunnerInputError(`${file}: not a part file; expected format ${partFormat}, as --shard i/N --part FILE writes`);
  const bad = (what: string) => new RunnerInputError(`${file}: a malformed part (${what})`);
  if (typeof p.command !== "string" || !/^(scenarios|notebooks)\/[a-z0-9-]+\.ts$/.test(p.command)) throw bad("command");
  if (!Array.isArray(p.args) || !p.args.every((a) => typeof a === "string")) throw bad("args");
  if (typeof p.codeVersion !== "string" || !/^[0-9a-f]{64}$/.test(p.codeVersion)) throw bad("codeVersion");
  const s = p.shard;
  if (!isRecord(s) || !Number.isInteger(s.index) || !Number.isInteger(s.count) || (s.index as number) < 1 || (s.index as number) > (s.count as number)) throw bad("shard");
  const b = p.batch;
  if (b !== null && (!isRecord(b) || !Number.isInteger(b.jobs) || typeof b.digest !== "string")) throw bad("batch");
  if (!Array.isArray(p.results) || !p.results.every((row) => Array.isArray(row) && row.every((v) => v === null || typeof v === "string"))) throw bad("results");
  return p as unknown as Part;
}

/**
 * Checks that `parts` (read from `files`) are every shard of one experiment, each once:
 * the same command, arguments, code version, shard count and batch; RunnerInputError naming
 * the file and the difference, or the missing or duplicate shard.
 */
export function checkParts(files: readonly string[], parts: readonly Part[]): void {
  if (parts.length === 0) throw new RunnerInputError("expected the part files to merge (what --shard i/N --part FILE writes)");
  const first = parts[0]!;
  const same = (p: Part, what: string, a: unknown, b: unknown, file: string) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new RunnerInputError(`${file}: a part of another experiment (its ${what} differs from ${files[0]}'s: ${JSON.stringify(a)} vs ${JSON.stringify(b)})`);
    }
  };
  const byIndex = new Map<number, string>();
  parts.forEach((p, i) => {
    const file = files[i]!;
    same(p, "command", p.command, first.command, file);
    same(p, "arguments", p.args, first.args, file);
    same(p, "code version", p.codeVersion, first.codeVersion, file);
    same(p, "shard count", p.shard.count, first.shard.count, file);
    same(p, "batch", p.batch, first.batch, file);
    const twin = byIndex.get(p.shard.index);
    if (twin !== undefined) throw new RunnerInputError(`${file}: shard ${p.shard.index}/${p.shard.count} twice (also ${twin}); expected each shard once`);
    byIndex.set(p.shard.index, file);
  });
  const absent = Array.from({ length: first.shard.count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (absent.length > 0) {
    throw new RunnerInputError(`shard ${absent.map((k) => `${k}/${first.shard.count}`).join(", ")} missing; expected all ${first.shard.count} parts of the experiment`);
  }
  const shape = (p: Part) => p.results.map((row) => row.length).join(",");
  parts.forEach((p, i) => {
    if (shape(p) !== shape(first)) throw new RunnerInputError(`${files[i]}: a malformed part (its results are not shaped as ${files[0]}'s); make it again`);
  });
}

/**
 * Takes every tally of the command's first batch from checked `parts`, simulates
 * nothing; refuses parts of another batch, and a replication whose parts do not count
 * each of its accounts once.
 */
export function partsExecutor(parts: readonly Part[], version: string): Executor {
  const first = parts[0]!;
  let batches = 0;
  return {
    name: "parts",
    async run(plan: BatchPlan, _options: BatchOptions, totals: BatchTotals): Promise<void> {
      if (first.codeVersion !== version) {
        throw new RunnerInputError(`the parts were made by code version ${first.codeVersion.slice(0, 12)}…, this checkout is ${version.slice(0, 12)}…; merge them with the code that made them`);
      }
      if (++batches > 1) {
        throw new RunnerInputError(
          `${first.command} runs another batch after its first, made from the first one's results; shards cover the first batch only: run it with --queue instead`,
        );
      }
      const shaped = first.results.length === plan.runs.length && plan.runs.every((run, r) => first.results[r]!.length === run.replications);
      if (first.batch === null || first.batch.jobs !== jobCount(plan) || batchDigest(version, plan) !== first.batch.digest || !shaped) {
        throw new RunnerInputError(`the parts are of another experiment: ${first.command} with their arguments runs other jobs in this checkout`);
      }
      const accounts = plan.runs.map(() => [] as number[]);
      for (const p of parts) {
        p.results.forEach((row, r) =>
          row.forEach((text, rep) => {
            if (text === null) return;
            let tally;
            try {
              tally = decodeTally(text, plan.runs[r]!.model.cycles);
            } catch (err) {
              throw new RunnerInputError(`a malformed part (shard ${p.shard.index}/${p.shard.count}, run ${r + 1}, replication ${rep + 1}: ${(err as Error).message}); make it again`);
            }
            accounts[r]![rep] = (accounts[r]![rep] ?? 0) + tally.accounts;
            totals.addToReplication(r, rep, tally);
          }),
        );
      }
      plan.runs.forEach((run, r) => {
        const want = run.accounts * (run.model.seats ?? 1);
        for (let rep = 0; rep < run.replications; rep++) {
          const got = accounts[r]![rep] ?? 0;
          if (got !== want) {
            throw new RunnerInputError(`the parts count ${got} accounts in replication ${rep + 1} of run ${r + 1}, not its ${want}: a part is altered or of another experiment; make the parts again`);
          }
        }
      });
    },
  };
}
