/**
 * Brokerless shards, for batch schedulers that only launch N copies of a command
 * (Slurm arrays, Kubernetes Indexed Jobs): `--shard i/N --part FILE` simulates a
 * deterministic slice of the command's batch — the i-th of every N distinct jobs, in
 * job order — and writes a part: the command, its arguments, the code version, the
 * batch's digest and the slice's tallies by job identity. `scenarios/merge.ts` checks
 * the parts and runs the command again with `--from-part` for each: every tally comes
 * from the parts (nothing is simulated again) and the command summarises and writes
 * exactly what the full run writes.
 *
 * A part covers the command's first batch. A command whose later batches depend on the
 * first one's results (notebooks/recruiting-team.ts sizes its teams from single seats)
 * cannot be cut this way: merging its parts stops with a message saying so; run it with
 * `--queue` instead.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Tally } from "../models/index.ts";
import { InputError } from "../scenarios/params.ts";
import type { BatchOptions, Executor } from "./executor.ts";
import { jobIds } from "./job-identity.ts";
import { runJobs, defaultWorkers, type Job } from "./pool.ts";
import { decodeResult, encodeResult } from "./result-codec.ts";

export const partFormat = "inmail-sim-part/1";

export interface Part {
  readonly format: typeof partFormat;
  /** The command, as its file under the project, e.g. "scenarios/plan-comparison.ts". */
  readonly command: string;
  /** Its arguments, less the run options that change nothing (--shard, --part, --workers, --queue). */
  readonly args: readonly string[];
  readonly codeVersion: string;
  readonly shard: { readonly index: number; readonly count: number };
  /** The batch cut into shards: how many distinct jobs, and a hash of their identities in order. */
  readonly batch: { readonly jobs: number; readonly digest: string } | null;
  /** This slice's tallies (result-codec.ts) by job identity. */
  readonly results: Readonly<Record<string, string>>;
}

/** Thrown by the shard executor once its slice is simulated: the command stops there and the part is written. */
export class ShardDone {
  constructor(readonly part: Part) {}
}

function digestOf(ids: readonly string[]): string {
  return createHash("sha256").update(ids.join("\n")).digest("hex");
}

function distinct(ids: readonly string[], jobs: readonly Job[]): { ids: string[]; jobs: Job[] } {
  const seen = new Set<string>();
  const out = { ids: [] as string[], jobs: [] as Job[] };
  ids.forEach((id, i) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.ids.push(id);
    out.jobs.push(jobs[i]!);
  });
  return out;
}

export interface ShardSpec {
  readonly index: number;
  readonly count: number;
  readonly command: string;
  readonly args: readonly string[];
  readonly version: string;
}

/** Parses `i/N` (1 ≤ i ≤ N ≤ 10,000); else an InputError naming `option`. */
export function parseShard(option: string, text: string): { index: number; count: number } {
  const m = /^(\d{1,5})\/(\d{1,5})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || count > 10_000 || index > count) {
    throw new InputError(`${option}: ${JSON.stringify(text)} is not allowed; expected i/N with 1 ≤ i ≤ N ≤ 10000, e.g. 1/3`);
  }
  return { index, count };
}

/** Simulates slice `index` of `count` of the first batch on this machine, then stops the command (ShardDone). */
export function shardExecutor(spec: ShardSpec): Executor {
  return {
    name: `shard ${spec.index}/${spec.count}`,
    async run(jobs: readonly Job[], options: BatchOptions): Promise<Tally[]> {
      const all = distinct(jobIds(spec.version, jobs), jobs);
      const mine = all.ids.map((_, k) => k).filter((k) => k % spec.count === spec.index - 1);
      const tallies = await runJobs(
        mine.map((k) => all.jobs[k]!),
        { workers: options.workers ?? defaultWorkers(), progress: { label: `${options.label} (shard ${spec.index}/${spec.count})` } },
      );
      const results: Record<string, string> = {};
      mine.forEach((k, i) => (results[all.ids[k]!] = encodeResult(tallies[i]!)));
      throw new ShardDone({
        format: partFormat,
        command: spec.command,
        args: spec.args,
        codeVersion: spec.version,
        shard: { index: spec.index, count: spec.count },
        batch: { jobs: all.ids.length, digest: digestOf(all.ids) },
        results,
      });
    },
  };
}

/** A part with no batch: the command ran none (it wrote its output as a full run does). */
export function emptyPart(spec: ShardSpec): Part {
  return { format: partFormat, command: spec.command, args: spec.args, codeVersion: spec.version, shard: { index: spec.index, count: spec.count }, batch: null, results: {} };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads and checks one part file; InputError naming the file and what is wrong. */
export function readPart(file: string): Part {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new InputError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    throw new InputError(`${file}: not a part file (not JSON); expected what --shard i/N --part FILE writes`);
  }
  if (!isRecord(p) || p.format !== partFormat) throw new InputError(`${file}: not a part file; expected format ${partFormat}, as --shard i/N --part FILE writes`);
  const bad = (what: string) => new InputError(`${file}: a malformed part (${what})`);
  if (typeof p.command !== "string" || !/^(scenarios|notebooks)\/[a-z0-9-]+\.ts$/.test(p.command)) throw bad("command");
  if (!Array.isArray(p.args) || !p.args.every((a) => typeof a === "string")) throw bad("args");
  if (typeof p.codeVersion !== "string" || !/^[0-9a-f]{64}$/.test(p.codeVersion)) throw bad("codeVersion");
  const s = p.shard;
  if (!isRecord(s) || !Number.isInteger(s.index) || !Number.isInteger(s.count) || (s.index as number) < 1 || (s.index as number) > (s.count as number)) throw bad("shard");
  const b = p.batch;
  if (b !== null && (!isRecord(b) || !Number.isInteger(b.jobs) || typeof b.digest !== "string")) throw bad("batch");
  if (!isRecord(p.results) || !Object.entries(p.results).every(([k, v]) => /^[0-9a-f]{64}$/.test(k) && typeof v === "string")) throw bad("results");
  return p as unknown as Part;
}

/**
 * Checks that `parts` (read from `files`) are every shard of one experiment, each once:
 * the same command, arguments, code version, shard count and batch; InputError naming
 * the file and the difference, or the missing or duplicate shard.
 */
export function checkParts(files: readonly string[], parts: readonly Part[]): void {
  if (parts.length === 0) throw new InputError("expected the part files to merge (what --shard i/N --part FILE writes)");
  const first = parts[0]!;
  const same = (p: Part, what: string, a: unknown, b: unknown, file: string) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new InputError(`${file}: a part of another experiment (its ${what} differs from ${files[0]}'s: ${JSON.stringify(a)} vs ${JSON.stringify(b)})`);
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
    if (twin !== undefined) throw new InputError(`${file}: shard ${p.shard.index}/${p.shard.count} twice (also ${twin}); expected each shard once`);
    byIndex.set(p.shard.index, file);
  });
  const absent = Array.from({ length: first.shard.count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
  if (absent.length > 0) {
    throw new InputError(`shard ${absent.map((k) => `${k}/${first.shard.count}`).join(", ")} missing; expected all ${first.shard.count} parts of the experiment`);
  }
  const results = parts.reduce((n, p) => n + Object.keys(p.results).length, 0);
  if (first.batch !== null && results !== first.batch.jobs) {
    throw new InputError(`the parts hold ${results} results, but their batch has ${first.batch.jobs} jobs; make each part again`);
  }
}

/** Takes every tally of the command's first batch from checked `parts`; simulates nothing. */
export function partsExecutor(parts: readonly Part[], version: string): Executor {
  const first = parts[0]!;
  const stored = new Map<string, string>();
  for (const p of parts) for (const [id, text] of Object.entries(p.results)) stored.set(id, text);
  let batches = 0;
  return {
    name: "parts",
    async run(jobs: readonly Job[]): Promise<Tally[]> {
      if (first.codeVersion !== version) {
        throw new InputError(`the parts were made by code version ${first.codeVersion.slice(0, 12)}…, this checkout is ${version.slice(0, 12)}…; merge them with the code that made them`);
      }
      if (++batches > 1) {
        throw new InputError(
          `${first.command} runs another batch after its first, made from the first one's results; shards cover the first batch only: run it with --queue instead`,
        );
      }
      const ids = jobIds(version, jobs);
      const all = distinct(ids, jobs);
      if (first.batch === null || digestOf(all.ids) !== first.batch.digest) {
        throw new InputError(`the parts are of another experiment: ${first.command} with their arguments runs other jobs in this checkout`);
      }
      return ids.map((id, i) => decodeResult(stored.get(id)!, jobs[i]!));
    },
  };
}
