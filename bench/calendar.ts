/**
 * Micro-benchmark of the event calendar (sim/calendar.ts) on seeded data, in the
 * manner of tinyqueue's bench: N pushes then N pops of random times, then a "hold"
 * workload — pop one, push one later — at a steady queue size, which is what a
 * simulation does. Prints million operations per second for each; `--json` for
 * machine-readable output. Same seed, same data: runs compare across commits.
 *
 *   npx tsx bench/calendar.ts [--json] [--n N]
 */
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { Calendar, createStream } from "../sim/index.ts";

interface Result {
  workload: string;
  operations: number;
  seconds: number;
  millionOpsPerSecond: number;
}

function time(workload: string, operations: number, body: () => void): Result {
  const started = performance.now();
  body();
  const seconds = (performance.now() - started) / 1000;
  return { workload, operations, seconds, millionOpsPerSecond: operations / seconds / 1e6 };
}

function benchCalendar(n: number): Result[] {
  const uniform = createStream(1, 0, "bench", "calendar-times");
  const times = Float64Array.from({ length: n }, () => uniform() * 1000);
  const gaps = Float64Array.from({ length: n }, () => -Math.log(1 - uniform()));
  const out: Result[] = [];
  let checksum = 0;

  const cal = new Calendar();
  out.push(
    time(`push ${n.toLocaleString("en-US")} random times`, n, () => {
      for (let i = 0; i < n; i++) cal.push(times[i]!, i & 3, i, 0);
    }),
  );
  out.push(
    time(`pop ${n.toLocaleString("en-US")}`, n, () => {
      while (cal.pop()) checksum += cal.a;
    }),
  );

  for (const size of [16, 1024, 65_536]) {
    cal.clear();
    for (let i = 0; i < size; i++) cal.push(times[i % n]!, 0, i, 0);
    out.push(
      time(`hold at size ${size.toLocaleString("en-US")} (pop + push)`, n, () => {
        for (let i = 0; i < n; i++) {
          cal.pop();
          cal.push(cal.time + gaps[i]!, cal.kind, cal.a, 0);
        }
      }),
    );
  }
  if (checksum !== (n * (n - 1)) / 2) throw new Error("calendar lost events");
  return out;
}

const spec: CommandSpec = {
  command: "bench/calendar.ts",
  usage: "npx tsx bench/calendar.ts [--json] [--n N]",
  description: "Micro-benchmark of the event calendar on seeded data: pushes, pops, and pop + push at steady sizes.",
  options: [{ name: "n", kind: "integer", min: 1, max: 100_000_000, default: 1_000_000, description: "operations per workload" }],
  run: ["json"],
  runHelp: { json: "print the results as JSON on stdout" },
};

if (isMain(import.meta.url)) {
  runMain(spec.command, () =>
    runCommandLine(spec, process.argv.slice(2), (o) => {
      const n = o.values.n as number;
      benchCalendar(Math.min(n, 1000)); // warm up the JIT
      const results = benchCalendar(n);
      if (o.run.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      else {
        for (const r of results) {
          process.stdout.write(`  ${r.workload.padEnd(36)} ${r.millionOpsPerSecond.toFixed(1).padStart(7)} M ops/s\n`);
        }
      }
    }),
  );
}
