/**
 * Bad inputs of the notebooks (notebooks/*.ts) and of the other commands' file outputs
 * (the replay report's --out, make-sample-log's --out): a file output never replaces a
 * directory or a device, bad paths fail before anything runs, runaway grids are refused
 * with their estimate, numbers are strict, titles not blank.
 */
import type { BadInputCase } from "../case.ts";

const log = ["--log", "data/sample-send-log.csv"];

export const cases: BadInputCase[] = [
  // Data loss: a file output replaces only a regular file.
  { kind: "data loss", command: "notebooks/capacity-by-plan.ts", args: ["--out", "$DIR"], stderr: ["--out: $DIR: is a directory; expected a file name"] },
  { kind: "data loss", command: "notebooks/recruiting-team.ts", args: ["--out", "$DIR/project"], stderr: ["--out: $DIR/project: is a directory"] },
  { kind: "data loss", command: "notebooks/message-levers.ts", args: ["--out", "$DIR/report/"], stderr: ["--out: $DIR/report: names a folder; expected a file name"] },
  { kind: "data loss", command: "notebooks/replay.ts", args: [...log, "--out", "$DIR"], stderr: ["--out: $DIR: is a directory"] },
  { kind: "data loss", command: "commands/make-sample-log.ts", args: ["--out", "$DIR/project"], stderr: ["--out: $DIR/project: is a directory"] },

  // Operating-system errors, found before the run.
  { kind: "OS error", command: "notebooks/capacity-by-plan.ts", args: ["--out", "/dev/full/r.html"], stderr: ["--out: /dev/full/r.html: /dev/full is not a directory"] },
  { kind: "OS error", command: "notebooks/job-seeker.ts", args: ["--out", "/dev/full"], stderr: ["--out: /dev/full: is a device"] },
  { kind: "OS error", command: "notebooks/message-levers.ts", args: ["--out", "$DIR/keep.txt/r.html"], stderr: ["--out: $DIR/keep.txt/r.html: $DIR/keep.txt is not a directory"] },
  { kind: "OS error", command: "notebooks/recruiting-team.ts", args: ["--out", "/proc/r.html"], stderr: ["--out: /proc/r.html: cannot write in /proc"] },
  { kind: "OS error", command: "notebooks/replay.ts", args: [...log, "--out", "/dev/full/r.html"], stderr: ["--out: /dev/full/r.html: /dev/full is not a directory"] },
  { kind: "OS error", command: "notebooks/replay.ts", args: [...log, "--out", "/dev/null"], stderr: ["--out: /dev/null: is a device"] },
  { kind: "OS error", command: "commands/make-sample-log.ts", args: ["--out", "/dev/full"], stderr: ["--out: /dev/full: is a device"] },
  { kind: "OS error", command: "commands/make-sample-log.ts", args: ["--out", "$DIR/keep.txt/log.csv"], stderr: ["--out: $DIR/keep.txt/log.csv: $DIR/keep.txt is not a directory"] },
  { kind: "OS error", command: "notebooks/capacity-by-plan.ts", args: ["--out", ""], stderr: ['--out: "" is not allowed; expected a file name'] },
  { kind: "OS error", command: "notebooks/job-seeker.ts", args: ["--set", "title="], stderr: ['title: "" is not allowed; expected non-blank text of at most 200 characters'] },
  { kind: "OS error", command: "notebooks/message-levers.ts", args: ["--set", "title=   "], stderr: ['title: "   " is not allowed; expected non-blank text'] },

  // Runaway work.
  { kind: "runaway", command: "notebooks/capacity-by-plan.ts", args: ["--set", "accounts=1000000", "--set", "replications=10000"], stderr: ["run too large", "replications=10,000", "--big"] },
  // A low rate needs teams of thousands of seats: refused before the first run, with the search's estimate.
  {
    kind: "runaway",
    command: "notebooks/recruiting-team.ts",
    args: ["--set", "responseRate=0.001", "--set", "target=1000"],
    stderr: ["run too large: at least", "seats=10,000", "give a higher responseRate", "--big"],
  },
  { kind: "runaway", command: "notebooks/message-levers.ts", args: ["--set", "accounts=100000", "--set", "replications=10000"], stderr: ["run too large"] },
  { kind: "runaway", command: "notebooks/job-seeker.ts", args: ["--set", "accounts=100000", "--set", "replications=10000"], stderr: ["run too large"] },

  // Wrong numbers.
  { kind: "wrong number", command: "notebooks/capacity-by-plan.ts", args: ["--set", "accounts=0x10"], stderr: ['accounts: "0x10" is not a number', "decimal notation"] },
  { kind: "wrong number", command: "notebooks/capacity-by-plan.ts", args: ["--set", "responseRate=1e400"], stderr: ["responseRate: 1e400 is not allowed"] },
  { kind: "wrong number", command: "notebooks/recruiting-team.ts", args: ["--set", "replications=0b11"], stderr: ['replications: "0b11" is not a number'] },
  { kind: "wrong number", command: "notebooks/job-seeker.ts", args: ["--workers", "0b1"], stderr: ['--workers: "0b1" is not allowed'] },
  { kind: "wrong number", command: "commands/make-sample-log.ts", args: ["--accounts", "0x10"], stderr: ['--accounts: "0x10" is not a number'] },
  { kind: "wrong number", command: "commands/make-sample-log.ts", args: ["--cycles", "1e400"], stderr: ["--cycles: 1e400 is not allowed"] },

  // Options.
  { kind: "option", command: "notebooks/capacity-by-plan.ts", args: ["--json"], stderr: ["--json: unknown option; allowed: --out FILE"] },
  { kind: "option", command: "notebooks/message-levers.ts", args: ["--set", "levers=all"], stderr: ["levers: unknown parameter"] },
];
