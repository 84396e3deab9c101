/**
 * One run of the perf case (issue 5) in this process, for bench/run.ts: the capacity
 * scenario with 10,000 accounts × 12 cycles of 30 days, 50 credits, reply rate 0.25,
 * 20 sends a day, replies after 3 days on average, one replication (≈10 M events).
 * Prints one JSON line: events, wall seconds, events/s, CPU seconds and the peak
 * RSS of the process — which includes its worker threads, since they share it.
 *
 *   npx tsx bench/perf-case.ts [--workers N] [--accounts N] [--replications N]
 */
import { isMain } from "../scenarios/cli.ts";
import { defaults } from "../scenarios/params.ts";
import { capacityParams, runCapacity, type CapacityParams } from "../scenarios/capacity.ts";
import { defaultWorkers } from "../scenarios/pool.ts";

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
  /** Peak resident set size of the process, MiB. */
  peakRssMiB: number;
}

function option(argv: readonly string[], name: string): number | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name}: expected an integer ≥ 1, got ${argv[i + 1]}`);
  return n;
}

async function main(argv: readonly string[]): Promise<void> {
  const workers = option(argv, "--workers") ?? defaultWorkers();
  const p: CapacityParams = {
    ...(defaults(capacityParams) as unknown as CapacityParams),
    ...perfCase,
    accounts: option(argv, "--accounts") ?? perfCase.accounts,
    replications: option(argv, "--replications") ?? perfCase.replications,
  };
  const r = await runCapacity(p, { workers });
  const usage = process.resourceUsage();
  const run: PerfCaseRun = {
    workers: r.perf.workers,
    accounts: p.accounts,
    replications: p.replications,
    events: r.perf.events,
    wallSeconds: r.perf.wallSeconds,
    eventsPerSecond: r.perf.eventsPerSecond,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakRssMiB: usage.maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (isMain(import.meta.url)) await main(process.argv.slice(2));
