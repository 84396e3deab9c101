/**
 * `npm run bench`: the perf case of issue 5 (bench/perf-case.ts) with 1 worker and
 * with every core, each run in a fresh process so that start-up, JIT warm-up and the
 * peak RSS belong to that run alone. Runs alternate between the configurations and
 * the median run of each is reported: events, wall seconds, events/s, CPU seconds,
 * peak RSS, and the speedup of every core over one.
 *
 * The reference: each 1-worker run is followed by a run of the specialised loop
 * (bench/reference-loop.ts, the same case written for it alone), and the general
 * model's events/s are read against it as the median of those pairs' ratios — both
 * by wall time and by the CPU time of the run (which other processes skew less: on
 * a loaded machine wall time also counts the time others took). Neighbouring runs
 * see about the same load, so the ratio holds where the absolute rates wander.
 *
 * Memory: pool threads live in the process, so the peak RSS of a run on N workers is
 * that of the whole process (this thread, which simulates too, and N − 1 pool threads);
 * what each pool thread adds is estimated as (peak with N workers − peak with 1) / (N − 1).
 *
 *   npm run bench [-- --json] [-- --accounts N --replications N --runs N --workers N]
 *
 * Other processes on the machine skew a parallel run most (it needs every core), so
 * each run also measures how busy the cores were with anything else (from
 * `os.cpus()` times, minus the run's own CPU time); a run during which others used
 * more than 5% of the machine is set aside and repeated, up to 3 × `--runs` runs in
 * all, and the report says how many were set aside.
 *
 * The pool threads' bundle (runner/pool-entry.ts) is brought up to date before the
 * first run, so that no timed run includes building it.
 *
 * Allocation: one more child process measures the bytes allocated per event on one
 * thread (perf-case.ts --allocation), over a cold run and over a warm one; the hot
 * loop allocates nothing per event, so what remains is per-account setup.
 *
 * The machine's own ceiling for a parallel run: the reference loop (3 × the accounts, so
 * that the two overlap for almost all of their run despite their processes' start-up)
 * alone, then two copies at once in two processes, alternating, three times each; the
 * pair's events/s over the lone one's is what two cores give to work that shares
 * nothing at all (no thread start, no JIT warm-up of a second thread, no messages):
 * the most any 2-worker pool can reach here. A VM's two vCPUs may share a physical
 * core or its caches, or be lent to other guests.
 *
 * A benchmark, not a test: nothing here fails on a slow machine. The issues' targets
 * (≥ 3 M events/s on one worker, ≥ 0.5× the reference loop on one, ≥ 1.8× on two,
 * peak RSS < 300 MB) are printed beside the numbers, with the machine's load average.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { threadEntry } from "../runner/pool-entry.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { perfCase, type AllocationRun, type PerfCaseRun } from "./perf-case.ts";
import type { ReferenceRun } from "./reference-loop.ts";

const perfCaseFile = fileURLToPath(new URL("./perf-case.ts", import.meta.url));
const referenceFile = fileURLToPath(new URL("./reference-loop.ts", import.meta.url));

interface BenchArgs {
  accounts: number;
  replications: number;
  runs: number;
  workers: number;
}

const spec: CommandSpec = {
  command: "bench/run.ts",
  usage: "npm run bench [-- --json] [-- --accounts N --replications N --runs N --workers N]",
  description: "The perf case on 1 worker and on every core, each run in a fresh process; the median run of each.",
  options: [
    { name: "accounts", kind: "integer", min: 1, max: 10_000_000, default: perfCase.accounts, description: "accounts of the perf case" },
    { name: "replications", kind: "integer", min: 1, max: 100_000, default: perfCase.replications, description: "replications of the perf case" },
    { name: "runs", kind: "integer", min: 1, max: 1000, default: 5, description: "undisturbed runs per configuration (the median is reported)" },
  ],
  run: ["json", "workers"],
  runHelp: { workers: `threads of the parallel configuration (default ${defaultWorkers()}, every core)` },
};

/** Busy CPU time of the whole machine so far, seconds (every core, every process). */
function machineBusySeconds(): number {
  let ms = 0;
  for (const c of cpus()) ms += c.times.user + c.times.nice + c.times.sys + c.times.irq;
  return ms / 1000;
}

/** One run, and the share of the machine (0–1) other processes used meanwhile. */
type Measured = PerfCaseRun & { otherLoad: number };
type MeasuredReference = ReferenceRun & { otherLoad: number };

/** Runs `file` with `args` once in a child process (same node, same tsx loader); its JSON line and the others' load. */
function runChild<T extends { cpuSeconds: number }>(what: string, file: string, args: string[]): T & { otherLoad: number } {
  const busyBefore = machineBusySeconds();
  const started = performance.now();
  const r = spawnSync(process.execPath, [...process.execArgv, file, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  const elapsed = (performance.now() - started) / 1000;
  const busy = machineBusySeconds() - busyBefore;
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stderr}`);
  const run = JSON.parse(r.stdout) as T;
  return { ...run, otherLoad: Math.max(0, (busy - run.cpuSeconds) / (elapsed * cpus().length)) };
}

/** Runs the perf case once in a child process. */
function runOnce(workers: number, a: BenchArgs): Measured {
  const args = ["--workers", String(workers), "--accounts", String(a.accounts), "--replications", String(a.replications)];
  return runChild<PerfCaseRun>(`perf case with ${workers} workers`, perfCaseFile, args);
}

/** Runs the reference loop once in a child process (replication 0 of the same accounts). */
function runReferenceOnce(a: BenchArgs): MeasuredReference {
  return runChild<ReferenceRun>("reference loop", referenceFile, ["--accounts", String(a.accounts)]);
}

/** The reference loop on `accounts` accounts in a child process, without waiting for it. */
function referenceAsync(accounts: number): Promise<ReferenceRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, referenceFile, "--accounts", String(accounts)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as ReferenceRun) : reject(new Error(`reference loop failed (exit ${code}):\n${err}`))));
  });
}

/** Two copies of the reference loop at once against one alone (see the file comment). */
interface ParallelCeiling {
  accounts: number;
  /** Median events/s of one copy alone, and of both copies together (the sum of the two). */
  aloneEventsPerSecond: number;
  pairEventsPerSecond: number;
  /** pair ÷ alone: what two cores give to work that shares nothing. */
  ceiling: number;
}

async function parallelCeiling(a: BenchArgs, rounds = 3): Promise<ParallelCeiling> {
  const accounts = 3 * a.accounts;
  const alone: number[] = [];
  const pair: number[] = [];
  for (let k = 0; k < rounds; k++) {
    alone.push((await referenceAsync(accounts)).eventsPerSecond);
    const both = await Promise.all([referenceAsync(accounts), referenceAsync(accounts)]);
    pair.push(both[0].eventsPerSecond + both[1].eventsPerSecond);
  }
  const aloneEventsPerSecond = medianOf(alone);
  const pairEventsPerSecond = medianOf(pair);
  return { accounts, aloneEventsPerSecond, pairEventsPerSecond, ceiling: pairEventsPerSecond / aloneEventsPerSecond };
}

/** Allocation per event, measured in a child process of its own. */
function measureAllocation(a: BenchArgs): AllocationRun {
  const args = [perfCaseFile, "--allocation", "--accounts", String(a.accounts), "--replications", String(a.replications)];
  const r = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`allocation run failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as AllocationRun;
}

/** Other processes may use this share of the machine before a run is set aside. */
const maxOtherLoad = 0.05;

const median = (runs: Measured[]): Measured => {
  const sorted = [...runs].sort((x, y) => x.wallSeconds - y.wallSeconds);
  return sorted[(sorted.length - 1) >> 1]!;
};

const medianOf = (xs: number[]): number => {
  const sorted = [...xs].sort((x, y) => x - y);
  const n = sorted.length;
  return n % 2 === 1 ? sorted[n >> 1]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};

/** The general model on 1 worker against the reference loop, run pair by pair. */
interface ReferenceComparison {
  /** Median events/s of each, by wall time and by the CPU time of the run. */
  modelEventsPerSecond: number;
  referenceEventsPerSecond: number;
  modelEventsPerCpuSecond: number;
  referenceEventsPerCpuSecond: number;
  /** Median over the pairs of model ÷ reference events/s (wall, CPU), and each pair's (wall). */
  ratio: number;
  cpuRatio: number;
  ratios: number[];
  /** The reference's capacity (InMails per account per cycle), to set beside the model's by eye. */
  referenceCapacity: number;
}

interface BenchResult {
  case: { accounts: number; replications: number; cycles: number; runs: number; cores: number };
  configurations: (Measured & { wallSecondsAll: number[]; setAside: number })[];
  speedup: number;
  /** Peak RSS added by each pool thread, MiB (see the file comment). */
  perThreadRssMiB: number | null;
  reference: ReferenceComparison;
  /** With 2 or more workers: the machine's ceiling for two (see parallelCeiling). */
  parallel: ParallelCeiling | null;
  allocation: AllocationRun;
  /** The machine's 1-minute load average before and after the runs. */
  loadAverage: { before: number; after: number };
  targets: {
    eventsPerSecondOneWorker: boolean;
    halfTheReference: boolean;
    speedupTwoWorkers: boolean | null;
    peakRssUnder300MB: boolean;
  };
}

async function bench(a: BenchArgs): Promise<BenchResult> {
  const loadBefore = loadavg()[0]!;
  const configs = [...new Set([1, a.workers])];
  const clean = new Map<number, Measured[]>(configs.map((w) => [w, []]));
  const disturbed = new Map<number, Measured[]>(configs.map((w) => [w, []]));
  // Every 1-worker run with the reference run right after it.
  const pairs: { model: Measured; reference: MeasuredReference }[] = [];
  for (let k = 0; k < 3 * a.runs && configs.some((w) => clean.get(w)!.length < a.runs); k++) {
    for (const w of configs) {
      if (clean.get(w)!.length >= a.runs) continue;
      const run = runOnce(w, a);
      (run.otherLoad > maxOtherLoad ? disturbed : clean).get(w)!.push(run);
      if (w === 1) pairs.push({ model: run, reference: runReferenceOnce(a) });
    }
  }
  const reference: ReferenceComparison = {
    modelEventsPerSecond: medianOf(pairs.map((p) => p.model.eventsPerSecond)),
    referenceEventsPerSecond: medianOf(pairs.map((p) => p.reference.eventsPerSecond)),
    modelEventsPerCpuSecond: medianOf(pairs.map((p) => p.model.eventsPerCpuSecond)),
    referenceEventsPerCpuSecond: medianOf(pairs.map((p) => p.reference.eventsPerCpuSecond)),
    ratio: medianOf(pairs.map((p) => p.model.eventsPerSecond / p.reference.eventsPerSecond)),
    cpuRatio: medianOf(pairs.map((p) => p.model.eventsPerCpuSecond / p.reference.eventsPerCpuSecond)),
    ratios: pairs.map((p) => p.model.eventsPerSecond / p.reference.eventsPerSecond),
    referenceCapacity: pairs[0]!.reference.capacity,
  };
  const picked = configs.map((w) => {
    // With too few undisturbed runs, the disturbed ones count too (and say so).
    const runs = clean.get(w)!.length > 0 ? clean.get(w)! : disturbed.get(w)!;
    return {
      ...median(runs),
      wallSecondsAll: runs.map((r) => r.wallSeconds),
      setAside: clean.get(w)!.length > 0 ? disturbed.get(w)!.length : 0,
    };
  });
  const one = picked[0]!;
  const all = picked[picked.length - 1]!;
  const peakRss = Math.max(...picked.map((p) => p.peakRssMiB));
  const speedup = one.wallSeconds / all.wallSeconds;
  return {
    case: { accounts: a.accounts, replications: a.replications, cycles: perfCase.cycles, runs: a.runs, cores: defaultWorkers() },
    configurations: picked,
    speedup,
    perThreadRssMiB: all.workers > 1 ? (all.peakRssMiB - one.peakRssMiB) / (all.workers - 1) : null,
    reference,
    parallel: all.workers > 1 ? await parallelCeiling(a) : null,
    allocation: measureAllocation(a),
    loadAverage: { before: loadBefore, after: loadavg()[0]! },
    targets: {
      eventsPerSecondOneWorker: one.eventsPerSecond >= 3e6,
      halfTheReference: reference.ratio >= 0.5,
      speedupTwoWorkers: all.workers === 2 ? speedup >= 1.8 : null,
      peakRssUnder300MB: peakRss * 1024 * 1024 < 300e6,
    },
  };
}

const f = (x: number, d: number) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const mark = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "met" : "NOT met");

function text(r: BenchResult): string {
  const rows = r.configurations.map(
    (c) =>
      `  ${String(c.workers).padStart(7)}  ${c.events.toLocaleString("en-US").padStart(12)}  ${f(c.wallSeconds, 3).padStart(7)}  ` +
      `${f(c.eventsPerSecond / 1e6, 2).padStart(8)}  ${f(c.cpuSeconds, 2).padStart(7)}  ${f(c.peakRssMiB, 1).padStart(9)}` +
      `   (runs: ${c.wallSecondsAll.map((w) => f(w, 3)).join(", ")} s` +
      `${c.setAside > 0 ? `; ${c.setAside} set aside: other processes were busy` : ""})`,
  );
  const one = r.configurations[0]!;
  const ref = r.reference;
  return [
    `perf case: ${r.case.accounts.toLocaleString("en-US")} accounts × ${r.case.cycles} cycles × ${r.case.replications} replication(s); ` +
      `median of ${r.case.runs} runs undisturbed by other processes, each in a fresh process; ${r.case.cores} cores`,
    "",
    "  workers        events   wall s  M ev/s    CPU s  peak RSS MiB",
    ...rows,
    "",
    `  speedup ${f(r.speedup, 2)}×` + (r.perThreadRssMiB === null ? "" : `; each pool thread adds ≈ ${f(r.perThreadRssMiB, 1)} MiB of RSS`),
    ...(r.parallel === null
      ? []
      : [
          `  this machine's ceiling for two: two copies of the reference loop (${r.parallel.accounts.toLocaleString("en-US")} accounts each) at once in two processes ` +
            `give ${f(r.parallel.ceiling, 2)}× one alone (${f(r.parallel.pairEventsPerSecond / 1e6, 2)} against ${f(r.parallel.aloneEventsPerSecond / 1e6, 2)} M ev/s; median of 3 each)`,
        ]),
    `  reference loop (bench/reference-loop.ts), run after each 1-worker run: ` +
      `${f(ref.referenceEventsPerSecond / 1e6, 2)} M ev/s against the model's ${f(ref.modelEventsPerSecond / 1e6, 2)}; ` +
      `ratio ${f(ref.ratio, 2)} (median of ${ref.ratios.length} pairs: ${ref.ratios.map((x) => f(x, 2)).join(", ")})`,
    `    by CPU time of the run: ${f(ref.referenceEventsPerCpuSecond / 1e6, 2)} against ${f(ref.modelEventsPerCpuSecond / 1e6, 2)} ` +
      `M ev per CPU second, ratio ${f(ref.cpuRatio, 2)}; the reference's capacity ${f(ref.referenceCapacity, 2)} InMails per account per cycle`,
    `  allocated on 1 thread: ${f(r.allocation.coldBytesPerEvent, 1)} bytes/event over a cold run, ` +
      `${f(r.allocation.warmBytesPerEvent, 1)} over a warm one ` +
      `(≈ ${f(r.allocation.warmBytesPerAccount / 1024, 1)} KiB of setup per account; nothing per event)`,
    `  targets: ≥ 3 M events/s on 1 worker: ${mark(r.targets.eventsPerSecondOneWorker)} (${f(one.eventsPerSecond / 1e6, 2)}); ` +
      `≥ 0.5× the reference: ${mark(r.targets.halfTheReference)} (${f(ref.ratio, 2)}); ` +
      `≥ 1.8× on 2 workers: ${mark(r.targets.speedupTwoWorkers)}; peak RSS < 300 MB: ${mark(r.targets.peakRssUnder300MB)}`,
    `  load average (1 min, ${r.case.cores} cores): ${f(r.loadAverage.before, 2)} before, ${f(r.loadAverage.after, 2)} after`,
    "",
    "  event calendar alone: npx tsx bench/calendar.ts",
  ].join("\n");
}

if (isMain(import.meta.url)) {
  runMain(spec.command, () =>
    runCommandLine(spec, process.argv.slice(2), async (o) => {
      const v = o.values;
      const a: BenchArgs = { accounts: v.accounts as number, replications: v.replications as number, runs: v.runs as number, workers: o.run.workers ?? defaultWorkers() };
      // Pool threads start from a bundle built once per version of the sources: build it
      // now, so that no timed run includes building it.
      await threadEntry();
      const r = await bench(a);
      process.stdout.write(o.run.json ? `${JSON.stringify(r, null, 2)}\n` : `${text(r)}\n`);
    }),
  );
}
