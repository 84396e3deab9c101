/**
 * Micro-benchmark of the event calendar (sim/calendar.ts) on seeded data, in the
 * manner of tinyqueue's bench: N pushes then N pops of random times, then a "hold"
 * workload — pop one, push one later — at a steady queue size, which is what a
 * simulation does. Prints million operations per second for each; `--json` for
 * machine-readable output. Same seed, same data: runs compare across commits.
 *
 *   npx tsx bench/calendar.ts [--json] [--n N]
 */
import { fileURLToPath } from "node:url";
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

export function benchCalendar(n: number): Result[] {
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--n");
  const n = i >= 0 ? Number(argv[i + 1]) : 1_000_000;
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench/calendar.ts: --n: expected an integer ≥ 1, got ${argv[i + 1]}\n`);
    process.exit(2);
  }
  benchCalendar(Math.min(n, 1000)); // warm up the JIT
  const results = benchCalendar(n);
  if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) {
      process.stdout.write(`  ${r.workload.padEnd(36)} ${r.millionOpsPerSecond.toFixed(1).padStart(7)} M ops/s\n`);
    }
  }
}
