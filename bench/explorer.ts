/**
 * Benchmark of the explorer page in Debian's Chromium: how long the team's numbers take
 * to come back after a change, on this machine. It writes the page to a temporary file,
 * opens it from file:// (network blocked), lets the first result and its figures
 * finish, then moves the response-rate slider between 15% and 25% `--runs` times and
 * measures, in the page, from the slider's input event to the team's answer on screen
 * (each change after the previous one's figures are drawn). Target: under 300 ms for
 * the default team of 10 seats, 12 months, 20 replications (every paid plan, LinkedIn's
 * rules). A benchmark, never a test.
 *
 *   npx tsx bench/explorer.ts [--json] [--runs N] [--seats N]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildExplorer } from "../notebooks/explorer.ts";
import { writeFileAtomic } from "../files/write-atomic.ts";
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { explorerSession, settled } from "../tools/explorer-page.ts";

export const defaults = {
  /** The target for the default team, in ms. */
  targetMs: 300,
} as const;

const spec: CommandSpec = {
  command: "bench/explorer.ts",
  usage: "npx tsx bench/explorer.ts [--json] [--runs N] [--seats N]",
  description:
    "The explorer page in Chromium: ms from moving the response-rate slider (15% ↔ 25%) to the team's answer on screen,\n" +
    `for a team of --seats seats (12 months, 20 replications, every paid plan). Target: under ${defaults.targetMs} ms for 10 seats.`,
  options: [
    { name: "runs", kind: "integer", min: 1, max: 1000, default: 10, description: "slider moves measured" },
    { name: "seats", kind: "integer", min: 1, max: 10_000, default: 10, description: "seats in the team" },
  ],
  run: ["json"],
  runHelp: { json: "print the results as JSON on stdout" },
};

interface BenchResult {
  seats: number;
  workers: number;
  runs: number;
  /** ms from the slider's input event to the answer on screen, each run. */
  msEach: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  targetMs: number;
}

async function benchExplorer(runs: number, seats: number): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "explorer-bench-"));
  const session = await explorerSession(join(dir, "explorer.html")).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  try {
    await writeFileAtomic(join(dir, "explorer.html"), await buildExplorer("npx tsx notebooks/explorer.ts"));
    const page = await session.open(`seats=${seats}&responseRate=0.15`);
    await settled(page, { extras: true });
    const workers = await page.evaluate(() => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
    const msEach: number[] = [];
    for (let i = 0; i < runs; i++) {
      const ms = await page.evaluate(
        (rate) =>
          new Promise<number>((resolve) => {
            const before = Number(document.body.dataset.resultId ?? -1);
            const slider = document.querySelector<HTMLInputElement>('[data-slider-for="responseRate"]')!;
            const observer = new MutationObserver(() => {
              const b = document.body.dataset;
              if (b.state === "ready" && Number(b.resultId) > before) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(document.body, { attributes: true });
            const started = performance.now();
            slider.value = String(rate);
            slider.dispatchEvent(new Event("input", { bubbles: true }));
          }),
        i % 2 === 0 ? 0.25 : 0.15,
      );
      msEach.push(ms);
      await settled(page, { extras: true });
    }
    if (session.errors.length > 0 || session.blocked.length > 0) {
      throw new Error(`the page logged errors or attempted requests: ${[...session.errors, ...session.blocked].join("; ")}`);
    }
    const sorted = [...msEach].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    return { seats, workers, runs, msEach, medianMs: median, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]!, targetMs: defaults.targetMs };
  } finally {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  runMain(spec.command, () => runCommandLine(spec, process.argv.slice(2), async (o) => {
    const r = await benchExplorer(o.values.runs as number, o.values.seats as number);
    if (o.run.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else {
      const f = (ms: number) => `${Math.round(ms)} ms`;
      process.stdout.write(
        `explorer, ${r.seats} seats × 12 months × 20 replications, every paid plan, ${r.workers} Web Workers in Chromium:\n` +
          `  slider 15% ↔ 25% → answer on screen: median ${f(r.medianMs)} (min ${f(r.minMs)}, max ${f(r.maxMs)}) over ${r.runs} moves; target < ${f(r.targetMs)}\n`,
      );
    }
  }));
}
