/**
 * One run of the perf case (issue 5) in this process, for bench/run.ts: the capacity
 * scenario with 10,000 accounts × 12 cycles of 30 days, 50 credits, reply rate 0.25,
 * 20 sends a day, replies after 3 days on average, one replication (≈10 M events).
 * Prints one JSON line: events, wall seconds, events/s, CPU seconds and the peak
 * RSS of the process — which includes its worker threads, since they share it.
 *
 * With --allocation it measures memory allocated instead (on one thread, with V8's
 * sampling heap profiler, counting objects the garbage collector has already freed):
 * bytes per event over a first, cold run (JIT warm-up included: unoptimised code
 * boxes every float) and over a second, warm run of the same case, whose allocation is
 * per-account setup (seeding streams, a ledger) rather than per event. The profiler
 * slows the run, so this is never combined with timing.
 *
 *   npx tsx bench/perf-case.ts [--workers N] [--accounts N] [--replications N] [--allocation]
 */
import { Session } from "node:inspector/promises";
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec, ParsedOptions } from "../cli/options.ts";
import { defaults } from "../experiments/inputs/params.ts";
import { capacityParams, runCapacity, type CapacityParams } from "../experiments/capacity/capacity.ts";
import { defaultWorkers } from "../runner/pool.ts";

export const perfCase = {
  accounts: 10_000,
  credits: 50,
  replyRate: 0.25,
  sendsPerDay: 20,
  responseDelayDays: 3,
  refundWindowDays: 90,
  cycleDays: 30,
  cycles: 12,
  replications: 1,
} as const;

export interface PerfCaseRun {
  workers: number;
  accounts: number;
  replications: number;
  events: number;
  wallSeconds: number;
  eventsPerSecond: number;
  /** User + system CPU time of the whole process (all threads), start-up included. */
  cpuSeconds: number;
  /**
   * CPU time of the process (all threads: the simulating ones, the compiler's, the
   * collector's) while the case ran, and events per such second: on a loaded machine
   * this reads what the code costs, where wall time reads also what others took.
   */
  runCpuSeconds: number;
  eventsPerCpuSecond: number;
  /** Peak resident set size of the process, MiB. */
  peakRssMiB: number;
}

export interface AllocationRun {
  accounts: number;
  events: number;
  /** Bytes allocated per event over a cold run and over a second, warm run. */
  coldBytesPerEvent: number;
  warmBytesPerEvent: number;
  /** The warm run's allocation per account (its setup: streams, ledger). */
  warmBytesPerAccount: number;
}

/** Bytes allocated (freed ones included) while `work` runs, sampled every 1 KiB. */
async function allocated(session: Session, work: () => Promise<unknown>): Promise<number> {
  const sampling = { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  await session.post("HeapProfiler.startSampling", sampling);
  await work();
  const { profile } = await session.post("HeapProfiler.stopSampling");
  let bytes = 0;
  const walk = (n: (typeof profile)["head"]): void => {
    bytes += n.selfSize;
    n.children.forEach(walk);
  };
  walk(profile.head);
  return bytes;
}

async function allocation(p: CapacityParams): Promise<AllocationRun> {
  const session = new Session();
  session.connect();
  let events = 0;
  const run = async () => (events = (await runCapacity(p, { workers: 1 })).perf.events);
  const cold = await allocated(session, run);
  const warm = await allocated(session, run);
  session.disconnect();
  return {
    accounts: p.accounts,
    events,
    coldBytesPerEvent: cold / events,
    warmBytesPerEvent: warm / events,
    warmBytesPerAccount: warm / (p.accounts * p.replications),
  };
}

const spec: CommandSpec = {
  command: "bench/perf-case.ts",
  usage: "npx tsx bench/perf-case.ts [--workers N] [--accounts N] [--replications N] [--allocation]",
  description: "One run of the perf case (for bench/run.ts); prints one JSON line.",
  options: [
    { name: "accounts", kind: "integer", min: 1, max: 10_000_000, default: perfCase.accounts, description: "accounts simulated" },
    { name: "replications", kind: "integer", min: 1, max: 100_000, default: perfCase.replications, description: "replications" },
  ],
  switches: { allocation: "measure the bytes allocated per event instead (one thread)" },
  run: ["workers"],
};

async function main(o: ParsedOptions): Promise<void> {
  const workers = o.run.workers ?? defaultWorkers();
  const p: CapacityParams = {
    ...(defaults(capacityParams) as unknown as CapacityParams),
    ...perfCase,
    accounts: o.values.accounts as number,
    replications: o.values.replications as number,
  };
  if (o.switches.allocation) {
    process.stdout.write(`${JSON.stringify(await allocation(p))}\n`);
    return;
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const r = await runCapacity(p, { workers });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const runCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const usage = process.resourceUsage();
  const run: PerfCaseRun = {
    workers,
    accounts: p.accounts,
    replications: p.replications,
    events: r.perf.events,
    wallSeconds,
    eventsPerSecond: r.perf.events / wallSeconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    runCpuSeconds,
    eventsPerCpuSecond: r.perf.events / runCpuSeconds,
    peakRssMiB: usage.maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (isMain(import.meta.url)) runMain(spec.command, () => runCommandLine(spec, process.argv.slice(2), main));
