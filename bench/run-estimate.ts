/**
 * The run-size estimate (runner/run-estimate.ts) against measured runs: team plans of
 * individual seats and of pooled Recruiter contracts of growing size, with follow-ups,
 * each run on one thread in this process; prints, per case, the estimated and the
 * measured events and seconds and their ratio. The estimate should stay within a
 * factor of about 2 of the measured time, above rather than below. A benchmark, not a
 * test: nothing here fails on a slow machine.
 *
 *   npx tsx bench/run-estimate.ts [--json]
 */
import { resolve } from "../experiments/inputs/params.ts";
import { planTeam } from "../experiments/team/team-plan.ts";
import { teamParams } from "../experiments/team/team-params.ts";
import { runModels } from "../runner/run-models.ts";
import { estimateRuns } from "../runner/run-estimate.ts";
import { tallyFields } from "../models/tally.ts";
import { isMain, runMain } from "../cli/command-line.ts";
import { runCommandLine } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";

const cases: { name: string; sets: string[] }[] = [
  { name: "sales-navigator, 6 seats", sets: ["plan=sales-navigator", "seats=6", "months=12", "replications=20"] },
  { name: "sales-navigator, 200 seats", sets: ["plan=sales-navigator", "seats=200", "months=12", "replications=10"] },
  { name: "recruiter-lite, 50 seats, 2 follow-ups", sets: ["plan=recruiter-lite", "seats=50", "months=12", "replications=10", "followUps.count=2"] },
  { name: "recruiter, 10 seats", sets: ["plan=recruiter", "seats=10", "months=12", "replications=20"] },
  { name: "recruiter, 100 seats", sets: ["plan=recruiter", "seats=100", "months=12", "replications=4"] },
  { name: "recruiter, 400 seats", sets: ["plan=recruiter", "seats=400", "months=6", "replications=2"] },
  { name: "recruiter, 1000 seats", sets: ["plan=recruiter", "seats=1000", "months=3", "replications=2"] },
  { name: "recruiter, 50 seats, 2 follow-ups", sets: ["plan=recruiter", "seats=50", "months=12", "replications=4", "followUps.count=2"] },
  { name: "all plans, 20 seats", sets: ["plan=all", "seats=20", "months=12", "replications=4"] },
];

const spec: CommandSpec = {
  command: "bench/run-estimate.ts",
  usage: "npx tsx bench/run-estimate.ts [--json]",
  description: "The run-size estimate against measured runs of team plans, one thread each: estimated and measured events and seconds.",
  options: [],
  run: ["json"],
  runHelp: { json: "print the rows as JSON on stdout" },
};

async function bench(json: boolean): Promise<void> {
  const rows = [];
  for (const c of cases) {
    const plan = planTeam(resolve(teamParams, c.sets));
    const estimate = estimateRuns(plan.runs, 1);
    const started = performance.now();
    const tallies = await runModels(plan.runs, { workers: 1, big: true, label: c.name });
    const seconds = (performance.now() - started) / 1000;
    // Events as perf.events counts them: sends, positive responses, cycle starts.
    let events = 0;
    plan.runs.forEach((run, r) => {
      for (const t of tallies[r]!) {
        for (let k = 0; k < t.cycles; k++) events += t.perCycle.sends[k]! + t.perCycle.followUpsSent[k]! + t.perCycle.positives[k]!;
        events += t.cycles * t.accounts;
      }
    });
    void tallyFields;
    rows.push({ case: c.name, estimatedEvents: estimate.events, events, estimatedSeconds: estimate.seconds, seconds, ratio: estimate.seconds / seconds });
  }
  if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else {
    for (const r of rows) {
      process.stdout.write(
        `${r.case.padEnd(40)} events est ${r.estimatedEvents.toExponential(2)} ran ${r.events.toExponential(2)}  seconds est ${r.estimatedSeconds.toFixed(2).padStart(7)} ran ${r.seconds.toFixed(2).padStart(7)}  ×${r.ratio.toFixed(2)}\n`,
      );
    }
  }
}

if (isMain(import.meta.url)) runMain(spec.command, () => runCommandLine(spec, process.argv.slice(2), (o) => bench(o.run.json)));
