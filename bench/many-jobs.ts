/**
 * `npx tsx bench/many-jobs.ts`: memory against the number of jobs of a batch. Batches of
 * 1,000, 4,000 and 16,000 jobs (500 accounts each, one replication, one cycle of one
 * credit: little work per job; ~2 minutes in all on one thread) run through
 * `runModels`, each in a fresh process, and the peak RSS of each is reported. A plan is
 * O(runs) and each job's tally is added into its replication's as it arrives
 * (runner/batch-plan.ts), so the peak should not grow with the number of jobs; a kept
 * job (its chunk and its tally) would cost a few KiB each.
 *
 *   npx tsx bench/many-jobs.ts [--json] [--workers N]
 *
 * A benchmark, not a test: nothing here fails.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isMain, runMain } from "../cli/command-line.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../experiments/capacity/capacity.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { defaults } from "../experiments/inputs/params.ts";
import { runModels } from "../runner/run-models.ts";

const file = fileURLToPath(import.meta.url);
const sizes = [1_000, 4_000, 16_000];

const spec: CommandSpec = {
  command: "bench/many-jobs.ts",
  usage: "npx tsx bench/many-jobs.ts [--json] [--workers N]",
  description: "Peak memory of batches of 1,000, 4,000 and 16,000 small jobs, each in a fresh process.",
  options: [],
  run: ["json", "workers"],
  runHelp: { workers: "threads that simulate (default 1)" },
};

interface Measured {
  readonly jobs: number;
  readonly accounts: number;
  readonly wallSeconds: number;
  readonly peakRssMiB: number;
}

/** One batch of `jobs` jobs in this process. */
async function child(jobs: number, workers: number): Promise<Measured> {
  const model = capacityModel({ ...(defaults(capacityParams) as unknown as CapacityParams), credits: 1, cycles: 1 });
  const accounts = jobs * 500;
  const started = performance.now();
  const [tallies] = await runModels([{ model, seed: 1, accounts, replications: 1 }], { workers, label: "many jobs" });
  if (tallies![0]!.accounts !== accounts) throw new Error(`counted ${tallies![0]!.accounts} accounts, not ${accounts}`);
  return { jobs, accounts, wallSeconds: (performance.now() - started) / 1000, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

async function bench(argv: readonly string[]): Promise<number> {
  return runCommandLine(spec, argv, (parsed) => measure(parsed.run.workers ?? 1, parsed.run.json));
}

function measure(workers: number, json: boolean): number {
  const rows = sizes.map((jobs) => {
    const r = spawnSync(process.execPath, [...process.execArgv, file, "--child", String(jobs), String(workers)], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`the run of ${jobs} jobs failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Measured;
  });
  if (json) process.stdout.write(`${JSON.stringify({ workers, rows }, null, 2)}\n`);
  else {
    process.stdout.write(`peak memory by jobs in the batch (500 accounts a job, ${workers} ${workers === 1 ? "thread" : "threads"}; each in a fresh process)\n\n`);
    process.stdout.write("     jobs    accounts   wall s  peak RSS MiB\n");
    for (const r of rows) {
      process.stdout.write(
        `${r.jobs.toLocaleString("en-US").padStart(9)}  ${r.accounts.toLocaleString("en-US").padStart(10)}  ${r.wallSeconds.toFixed(1).padStart(7)}  ${r.peakRssMiB.toFixed(1).padStart(12)}\n`,
      );
    }
  }
  return 0;
}

if (isMain(import.meta.url)) {
  if (process.argv[2] === "--child") {
    const m = await child(Number(process.argv[3]), Number(process.argv[4]));
    process.stdout.write(JSON.stringify(m));
  } else runMain(spec.command, () => bench(process.argv.slice(2)));
}
