/**
 * The speed reference for the perf case (bench/perf-case.ts): the same model written for
 * that one scenario alone, with nothing general — per account a scalar next-send time,
 * a balance and one binary heap of pending refunds; no event calendar, no ledger lots,
 * no features. `npm run bench` runs it beside the general model and prints the ratio of
 * their events per second, so the general model's cost is read against what this
 * machine can do at all, whatever its load.
 *
 * The model (the canonical capacity scenario, guide policy, as docs/model.md states it):
 * each account is granted `credits` at t = 0 and every `cycleDays` days for `cycles`
 * cycles, the balance reset to zero first; while its balance is above zero it sends with
 * exponential gaps of mean 1/`sendsPerDay` days; at zero it waits for a refund or the next
 * grant, then resumes with a fresh gap. Each InMail gets a refund-eligible reply with
 * probability `replyRate` after an exponential delay of mean `responseDelayDays` days; the
 * credit returns at the reply time when the delay is within `refundWindowDays`.
 * Simultaneous events: grant, then reply, then send (the general model's order).
 * Events are counted as the general model counts them: one per send, one per positive
 * reply before the horizon and one per account per cycle start.
 *
 * Draws come from the project's seeded streams (sim/random.ts, the same generator), one
 * stream per account and purpose, so the reference does the same random work a draw.
 * It is not the general model draw for draw (it need not be): its capacity agrees with
 * the general model's within the CI, which the JSON reports for a check by eye.
 *
 *   npx tsx bench/reference-loop.ts [--accounts N]
 */
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { createStream } from "../sim/index.ts";
import { perfCase } from "./perf-case.ts";

export interface ReferenceRun {
  accounts: number;
  events: number;
  wallSeconds: number;
  eventsPerSecond: number;
  /** User + system CPU time of the whole process, start-up included (see PerfCaseRun). */
  cpuSeconds: number;
  /** CPU time of the process while the loop ran, and events per such second (see PerfCaseRun). */
  runCpuSeconds: number;
  eventsPerCpuSecond: number;
  /** InMails delivered per account per cycle (mean over accounts). */
  capacity: number;
}

/** A binary min-heap of times (days) in a growable Float64Array: no allocation per push. */
class TimeHeap {
  times = new Float64Array(1024);
  size = 0;

  push(t: number): void {
    if (this.size === this.times.length) {
      const grown = new Float64Array(this.times.length * 2);
      grown.set(this.times);
      this.times = grown;
    }
    const a = this.times;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= t) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = t;
  }

  /** Removes the smallest time (the heap must not be empty). */
  pop(): void {
    const a = this.times;
    const last = a[--this.size]!;
    let i = 0;
    const n = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && a[child + 1]! < a[child]!) child++;
      if (a[child]! >= last) break;
      a[i] = a[child]!;
      i = child;
    }
    if (n > 0) a[i] = last;
  }

  top(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }
}

/** Simulates the perf case's `accounts` accounts of replication 0 with `seed`. */
export function runReference(accounts: number, seed = 1): ReferenceRun {
  const { credits, cycleDays, cycles, sendsPerDay, replyRate, responseDelayDays, refundWindowDays } = perfCase;
  const horizon = cycleDays * cycles;
  const meanGap = 1 / sendsPerDay;
  const heap = new TimeHeap();
  let events = 0;
  let sends = 0;
  const start = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let account = 0; account < accounts; account++) {
    const gapU = createStream(seed, 0, account, "reference-gap");
    const replyU = createStream(seed, 0, account, "reference-reply");
    const delayU = createStream(seed, 0, account, "reference-delay");
    heap.size = 0;
    let balance = 0;
    let nextGrant = 0;
    let nextSend = Infinity;
    for (;;) {
      const nextReply = heap.top();
      if (nextGrant <= nextReply && nextGrant <= nextSend) {
        if (nextGrant >= horizon) break;
        events++;
        balance = credits; // guide: reset to zero, then the allotment
        if (nextSend === Infinity) nextSend = nextGrant - Math.log(1 - gapU()) * meanGap;
        nextGrant += cycleDays;
      } else if (nextReply <= nextSend) {
        if (nextReply >= horizon) break;
        heap.pop();
        events++;
        balance++;
        if (nextSend === Infinity) nextSend = nextReply - Math.log(1 - gapU()) * meanGap;
      } else {
        if (nextSend >= horizon) break;
        events++;
        sends++;
        balance--;
        if (replyU() < replyRate) {
          const delay = -Math.log(1 - delayU()) * responseDelayDays;
          // A reply outside the refund window refunds nothing; the perf case has none to speak of.
          if (delay <= refundWindowDays) heap.push(nextSend + delay);
        }
        nextSend = balance > 0 ? nextSend - Math.log(1 - gapU()) * meanGap : Infinity;
      }
    }
  }
  const wallSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const runCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const usage = process.resourceUsage();
  return {
    accounts,
    events,
    wallSeconds,
    eventsPerSecond: events / wallSeconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    runCpuSeconds,
    eventsPerCpuSecond: events / runCpuSeconds,
    capacity: sends / accounts / cycles,
  };
}

const spec: CommandSpec = {
  command: "bench/reference-loop.ts",
  usage: "npx tsx bench/reference-loop.ts [--accounts N]",
  description: "The perf case written for that one scenario alone, the speed reference of npm run bench; prints one JSON line.",
  options: [{ name: "accounts", kind: "integer", min: 1, max: 10_000_000, default: perfCase.accounts, description: "accounts simulated" }],
};

if (isMain(import.meta.url)) {
  runMain(spec.command, () =>
    runCommandLine(spec, process.argv.slice(2), (o) => {
      process.stdout.write(`${JSON.stringify(runReference(o.values.accounts as number))}\n`);
    }),
  );
}
