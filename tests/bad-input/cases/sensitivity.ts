/** Bad input to the sensitivity analysis and its report. */
import type { BadInputCase } from "../case.ts";

export const cases: readonly BadInputCase[] = [
  { kind: "wrong name", command: "commands/sensitivity.ts", args: ["--model", "isigami"], stderr: ["--model", '"isigami"', "team, ishigami"] },
  { kind: "wrong number", command: "commands/sensitivity.ts", args: ["--set", "n=4"], stderr: ["n: 4 is not allowed", "from 8 to 65536"] },
  { kind: "wrong number", command: "notebooks/sensitivity.ts", args: ["--set", "levels=3", "--out", "$DIR/report.html"], stderr: ["levels: 3 is not allowed", "even"] },
  { kind: "runaway", command: "commands/sensitivity.ts", args: ["--set", "n=65536", "--set", "seats=1000"], stderr: ["run too large", "lower n"] },
  { kind: "wrong combination", command: "commands/sensitivity.ts", args: ["--set", "plan=all"], stderr: ['plan: "all" is not allowed here', "one plan"] },
  // The bootstrap is part of the run: its time counts against the limit too.
  {
    kind: "runaway",
    command: "commands/sensitivity.ts",
    args: ["--model", "ishigami", "--set", "n=65536", "--set", "resamples=100000"],
    stderr: ["run too large: the bootstrap's 95% CIs take", "resamples=100,000 × n=65,536", "lower resamples or n"],
  },
  {
    kind: "runaway",
    command: "notebooks/sensitivity.ts",
    args: ["--set", "n=16384", "--set", "resamples=100000", "--set", "maxReplications=2", "--set", "pilotReplications=2", "--out", "$DIR/s.html"],
    stderr: ["run too large: the bootstrap's 95% CIs take"],
  },
  {
    kind: "runaway",
    command: "commands/sensitivity.ts",
    args: ["--set", "n=16384", "--set", "resamples=100000", "--set", "maxReplications=2", "--set", "pilotReplications=2"],
    stderr: ["run too large", "bootstrap"],
  },
];
