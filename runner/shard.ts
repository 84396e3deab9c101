/**
 * Brokerless shards, for batch schedulers that only launch N copies of a command
 * (Slurm arrays, Kubernetes Indexed Jobs): `--shard i/N --part FILE` simulates a
 * deterministic slice of the command's batch — job i − 1 and every N-th after it, in
 * the plan's order — and writes a part: the command, its arguments, the code version,
 * the round (which of the command's batches), the batch's digest (job-identity.ts
 * `batchDigest`) and the slice's tallies added up by replication of each run (one
 * tally per replication, whatever the number of jobs: tallies are integer counts, so
 * sums of sums give the full run's bits). `commands/merge.ts` checks the parts and
 * runs the command again with `--from-part` for each: every tally comes from the parts
 * (nothing is simulated again), each replication is checked to count every account
 * once, and the command summarises and writes exactly what the full run writes.
 *
 * Rounds. A command whose later batches are made from the first one's results
 * (notebooks/recruiting-team.ts sizes its teams from single seats; the sensitivity
 * analysis screens, then refines) is sharded one batch at a time: round 1 as above;
 * merging its parts stops at the second batch and says how to run round 2 — every
 * shard again with `--from-part` and the round-1 parts: batch 1 is taken from them and
 * batch 2 is sliced — and so on; merging all the parts of every round gives the full
 * run's bytes. A round is a pure function of the command, its arguments, the code and
 * the rounds before it, so its shards may run anywhere, on any number of machines.
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { BatchTotals, jobCount, type BatchPlan } from "./batch-plan.ts";
import { RunnerInputError } from "./runner-input-error.ts";
import type { BatchOptions, Executor } from "./executor.ts";
import { batchDigest } from "./job-identity.ts";
import { runJobs, defaultWorkers } from "./pool.ts";
import { decodeTally, encodeResult } from "./result-codec.ts";

export const partFormat = "inmail-sim-part/3";

/** The largest part file read (bytes): a part holds one tally per replication of each run, far less than this. */
export const maxPartBytes = 256 * 2 ** 20;

export interface Part {
  readonly format: typeof partFormat;
  /** The command, as its file under the project, e.g. "scenarios/plan-comparison.ts". */
  readonly command: string;
  /** Its arguments, less the run options that change nothing (--shard, --part, --workers, --queue). */
  readonly args: readonly string[];
  readonly codeVersion: string;
  /** Which of the command's batches this part slices (1: the first); the batches before come from earlier rounds' parts. */
  readonly round: number;
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
  /** Which of the command's batches to slice (default 1); the batches before it are served from earlier parts. */
  readonly round?: number;
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

/** Simulates slice `index` of `count` of the batch it is given on this machine, then stops the command (ShardDone). */
export function shardExecutor(spec: ShardSpec): Executor {
  return {
    name: `shard ${spec.index}/${spec.count}`,
    sizeNote: `with --shard i/${spec.count} this machine runs about 1/${spec.count} of it: if that fits, pass --big`,
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
        ...emptyPart(spec),
        batch: { jobs: jobCount(plan), digest: batchDigest(spec.version, plan) },
        results: mine.partial().map((row) => Array.from(row, (t) => (t === undefined ? null : encodeResult(t)))),
      });
    },
  };
}

/** A part with no batch: the command ran none in its round (it wrote its output as a full run does). */
export function emptyPart(spec: ShardSpec): Part {
  return {
    format: partFormat,
    command: spec.command,
    args: spec.args,
    codeVersion: spec.version,
    round: spec.round ?? 1,
    shard: { index: spec.index, count: spec.count },
    batch: null,
    results: [],
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The digest a part file carries: SHA-256 over its content without the digest (the JSON of the part as written). */
function partDigest(part: object): string {
  return createHash("sha256").update(JSON.stringify(part)).digest("hex");
}

/** A part's file content: its JSON with the digest over the rest, so an edited or damaged part is refused at merge. */
export function partText(part: Part): string {
  return `${JSON.stringify({ ...part, digest: partDigest(part) })}\n`;
}

/**
 * The text of `file`, read only when it is a regular file of at most `maxBytes` (a
 * device, a pipe or /dev/zero would be read until memory is gone); RunnerInputError
 * naming the file otherwise, or the OS error's code.
 */
export function readBoundedFile(file: string, maxBytes: number, what: string): string {
  const osError = (err: unknown) => new RunnerInputError(`${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  const refuse = (kind: string) => new RunnerInputError(`${file}: ${kind}; expected a regular file (${what})`);
  let size: number;
  try {
    // Checked before opening: opening a named pipe waits for a writer.
    const s = statSync(file);
    if (s.isDirectory()) throw refuse("is a directory");
    if (!s.isFile()) throw refuse(s.isCharacterDevice() || s.isBlockDevice() ? "is a device" : s.isFIFO() ? "is a named pipe" : "is not a regular file");
    size = s.size;
  } catch (err) {
    throw err instanceof RunnerInputError ? err : osError(err);
  }
  const tooBig = (n: number) => new RunnerInputError(`${file}: ${n > maxBytes ? "larger than" : "of"} ${Math.round(maxBytes / 2 ** 20)} MiB; expected at most that (${what})`);
  if (size > maxBytes) throw tooBig(size);
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    if (!fstatSync(fd).isFile()) throw refuse("is not a regular file");
    // Read up to one byte past the bound: a file that grows while read is still refused.
    let buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(size + 1, 65536)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooBig(length);
        // Longer than it said (it grew, or its size is not known): read on, up to the bound.
        const more = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(more);
        buffer = more;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw tooBig(length);
    return buffer.subarray(0, length).toString("utf8");
  } catch (err) {
    throw err instanceof RunnerInputError ? err : osError(err);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads and checks one part file; RunnerInputError naming the file and what is wrong. */
export function readPart(file: string): Part {
  const text = readBoundedFile(file, maxPartBytes, "a part file that --shard i/N --part FILE writes");
  let p: unknown;
  try {
    p = JSON.parse(text);
  } catch {
    throw new RunnerInputError(`${file}: not a part file (not JSON); expected what --shard i/N --part FILE writes`);
  }
  if (isRecord(p) && typeof p.format === "string" && /^inmail-sim-part\/\d+$/.test(p.format) && p.format !== partFormat) {
    throw new RunnerInputError(`${file}: a part of format ${p.format}, made by other code; expected ${partFormat}: make the parts again with this checkout`);
  }
  if (!isRecord(p) || p.format !== partFormat) throw new RunnerInputError(`${file}: not a part file; expected format ${partFormat}, as --shard i/N --part FILE writes`);
  const { digest, ...content } = p;
  if (typeof digest !== "string" || digest !== partDigest(content)) {
    throw new RunnerInputError(
      `${file}: its content does not match its digest: the part was edited or damaged after it was written; make it again (--shard ${isRecord(p.shard) ? `${p.shard.index}/${p.shard.count}` : "i/N"})`,
    );
  }
  const bad = (what: string) => new RunnerInputError(`${file}: a malformed part (${what})`);
  if (typeof p.command !== "string" || !/^(scenarios|commands|notebooks)\/[a-z0-9-]+\.ts$/.test(p.command)) throw bad("command");
  if (!Array.isArray(p.args) || !p.args.every((a) => typeof a === "string")) throw bad("args");
  if (typeof p.codeVersion !== "string" || !/^[0-9a-f]{64}$/.test(p.codeVersion)) throw bad("codeVersion");
  if (!Number.isInteger(p.round) || (p.round as number) < 1 || (p.round as number) > 1000) throw bad("round");
  const s = p.shard;
  if (!isRecord(s) || !Number.isInteger(s.index) || !Number.isInteger(s.count) || (s.index as number) < 1 || (s.index as number) > (s.count as number)) throw bad("shard");
  const b = p.batch;
  if (b !== null && (!isRecord(b) || !Number.isInteger(b.jobs) || typeof b.digest !== "string")) throw bad("batch");
  if (!Array.isArray(p.results) || !p.results.every((row) => Array.isArray(row) && row.every((v) => v === null || typeof v === "string"))) throw bad("results");
  return content as unknown as Part;
}

/**
 * Checks that `parts` (read from `files`) are, for each round from 1 to the last, every
 * shard of one experiment, each once: the same command, arguments and code version
 * throughout, and within a round the same shard count and batch; RunnerInputError
 * naming the file and the difference, or the missing round or the missing or
 * duplicate shard. Returns the parts of each round, in round order.
 */
export function checkParts(files: readonly string[], parts: readonly Part[]): Part[][] {
  if (parts.length === 0) throw new RunnerInputError("expected the part files to merge (what --shard i/N --part FILE writes)");
  const first = parts[0]!;
  const differs = (file: string, what: string, a: unknown, b: unknown, against: string) =>
    new RunnerInputError(`${file}: a part of another experiment (its ${what} differs from ${against}'s: ${JSON.stringify(a)} vs ${JSON.stringify(b)})`);
  const rounds = new Map<number, { parts: Part[]; files: string[] }>();
  parts.forEach((p, i) => {
    const file = files[i]!;
    if (p.command !== first.command) throw differs(file, "command", p.command, first.command, files[0]!);
    if (JSON.stringify(p.args) !== JSON.stringify(first.args)) throw differs(file, "arguments", p.args, first.args, files[0]!);
    if (p.codeVersion !== first.codeVersion) throw differs(file, "code version", p.codeVersion, first.codeVersion, files[0]!);
    let round = rounds.get(p.round);
    if (round === undefined) rounds.set(p.round, (round = { parts: [], files: [] }));
    round.parts.push(p);
    round.files.push(file);
  });
  const last = Math.max(...rounds.keys());
  const out: Part[][] = [];
  for (let r = 1; r <= last; r++) {
    const round = rounds.get(r);
    if (round === undefined) throw new RunnerInputError(`no part of round ${r} (of the ${last}); expected every shard of every round from 1 to ${last}`);
    const lead = round.parts[0]!;
    const leadFile = round.files[0]!;
    const byIndex = new Map<number, string>();
    const shape = (p: Part) => p.results.map((row) => row.length).join(",");
    round.parts.forEach((p, i) => {
      const file = round.files[i]!;
      if (p.shard.count !== lead.shard.count) throw differs(file, "shard count", p.shard.count, lead.shard.count, leadFile);
      if (JSON.stringify(p.batch) !== JSON.stringify(lead.batch)) throw differs(file, "batch", p.batch, lead.batch, leadFile);
      if (shape(p) !== shape(lead)) throw new RunnerInputError(`${file}: a malformed part (its results are not shaped as ${leadFile}'s); make it again`);
      const twin = byIndex.get(p.shard.index);
      if (twin !== undefined) throw new RunnerInputError(`${file}: shard ${p.shard.index}/${p.shard.count} twice (also ${twin}); expected each shard once`);
      byIndex.set(p.shard.index, file);
    });
    const absent = Array.from({ length: lead.shard.count }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
    if (absent.length > 0) {
      const which = absent.map((k) => `${k}/${lead.shard.count}`).join(", ");
      throw new RunnerInputError(`shard ${which}${last > 1 ? ` of round ${r}` : ""} missing; expected all ${lead.shard.count} parts of the ${last > 1 ? "round" : "experiment"}`);
    }
    out.push(round.parts);
  }
  return out;
}

/**
 * Takes every tally of the command's first batches from checked `parts` (`checkParts`:
 * the parts of round r serve batch r), simulates nothing; refuses parts of another
 * batch, and a replication whose parts do not count each of its accounts once. A batch
 * beyond the last round stops the command with how to run the next round of shards
 * (`files`: the part files, to name in that message).
 */
export function partsExecutor(parts: readonly Part[], version: string, files: readonly string[] = []): Executor {
  const rounds = byRound(parts);
  const first = parts[0]!;
  let batches = 0;
  return {
    name: "parts",
    async run(plan: BatchPlan, _options: BatchOptions, totals: BatchTotals): Promise<void> {
      if (first.codeVersion !== version) {
        throw new RunnerInputError(`the parts were made by code version ${first.codeVersion.slice(0, 12)}…, this checkout is ${version.slice(0, 12)}…; merge them with the code that made them`);
      }
      const round = ++batches;
      const mine = rounds[round - 1];
      if (mine === undefined || mine.length === 0) {
        const from = files.length > 0 ? files.map((f) => `--from-part ${f}`).join(" ") : "--from-part PART… (every part so far)";
        const again = ["npx tsx", first.command, ...first.args, "--shard i/N --part NEW-PART", from].join(" ");
        throw new RunnerInputError(
          `its batch ${round} is made from the results of batch ${round - 1}, which the parts hold: shard it as round ${round} — run every shard again as ` +
            `${again} (${round > 2 ? `batches 1–${round - 1} are` : "batch 1 is"} taken from the parts, batch ${round} is sliced), then merge the parts of every round`,
        );
      }
      const lead = mine[0]!;
      const shaped = lead.results.length === plan.runs.length && plan.runs.every((run, r) => lead.results[r]!.length === run.replications);
      if (lead.batch === null || lead.batch.jobs !== jobCount(plan) || batchDigest(version, plan) !== lead.batch.digest || !shaped) {
        throw new RunnerInputError(`the parts are of another experiment: ${first.command} with their arguments runs other jobs in this checkout`);
      }
      const accounts = plan.runs.map(() => [] as number[]);
      for (const p of mine) {
        p.results.forEach((row, r) =>
          row.forEach((text, rep) => {
            if (text === null) return;
            let tally;
            try {
              tally = decodeTally(text, plan.runs[r]!.model.cycles);
            } catch (err) {
              const file = files[parts.indexOf(p)];
              throw new RunnerInputError(
                `${file ?? "a part"}: a malformed part (shard ${p.shard.index}/${p.shard.count}, run ${r + 1}, replication ${rep + 1}: ${(err as Error).message}); make it again`,
              );
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

/**
 * The next round of a sharded command: its first batches from the earlier
 * rounds' parts, the next one sliced by `shard` (which stops the command).
 */
export function nextRoundExecutor(parts: readonly Part[], version: string, shard: Executor): Executor {
  const served = partsExecutor(parts, version);
  const rounds = byRound(parts).length;
  let batches = 0;
  return {
    name: `${shard.name} (round ${rounds + 1})`,
    sizeNote: shard.sizeNote,
    run: (plan, options, totals) => (++batches <= rounds ? served.run(plan, options, totals) : shard.run(plan, options, totals)),
  };
}

/** The parts of each round, from 1 to the last (a round without parts: empty). */
function byRound(parts: readonly Part[]): Part[][] {
  const last = Math.max(0, ...parts.map((p) => p.round));
  return Array.from({ length: last }, (_, r) => parts.filter((p) => p.round === r + 1));
}
