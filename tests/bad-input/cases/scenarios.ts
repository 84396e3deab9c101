/**
 * Bad inputs of the scenario and sweep commands (scenarios/*.ts but the log commands):
 * data loss, OS errors on output paths, runaway runs, wrong numbers, misleading
 * messages, bad options. Each runs tiny or exits before simulating.
 */
import type { BadInputCase } from "../case.ts";

const tiny = ["--set", "accounts=5", "--set", "replications=2", "--workers", "1"];
const manifest = JSON.stringify({ writtenBy: "inmail-sim", command: "scenarios/plan-comparison.ts", files: ["rows.csv"] });
const values = (n: number, from: number, step: number) => Array.from({ length: n }, (_, i) => +(from + i * step).toFixed(6)).join(",");

export const cases: BadInputCase[] = [
  // Data loss: a directory output never replaces what this project did not write.
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--out", "$DIR"], stderr: ["--out: $DIR: exists and was not written by this project", "--force"] },
  { kind: "data loss", command: "scenarios/guide-vs-linkedin.ts", args: [...tiny, "--out", "$DIR/project"], stderr: ["--out: $DIR/project: exists and was not written by this project"] },
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--out", "$DIR/keep.txt"], stderr: ["--out: $DIR/keep.txt: is a file, not a directory"] },
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--force", "--out", "$DIR/keep.txt"], stderr: ["--out: $DIR/keep.txt: is a file, not a directory"] },
  {
    kind: "data loss",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--out", "$DIR/old"],
    files: { "old/.inmail-sim-output.json": manifest, "old/rows.csv": "x\n", "old/notes.md": "mine\n" },
    stderr: ["--out: $DIR/old: holds a file this project did not write (notes.md)"],
  },
  {
    kind: "data loss",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--out", "$DIR/fake"],
    files: { "fake/.inmail-sim-output.json": "not json", "fake/a.csv": "1\n" },
    stderr: ["--out: $DIR/fake: exists and was not written by this project"],
  },
  { kind: "data loss", command: "scenarios/guide-vs-linkedin.ts", args: [...tiny, "--force"], stderr: ["--force: needs --out DIR"] },
  { kind: "data loss", command: "scenarios/recruiting.ts", args: [...tiny, "--trace", "$DIR"], stderr: ["--trace: $DIR: is a directory"] },
  { kind: "data loss", command: "scenarios/capacity.ts", args: [...tiny, "--trace", "$DIR/project"], stderr: ["--trace: $DIR/project: is a directory"] },
  { kind: "data loss", command: "scenarios/sales-prospecting.ts", args: [...tiny, "--trace", "$DIR/t/"], stderr: ["--trace: $DIR/t: names a folder; expected a file name"] },
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--out", "$DIR/new", "--set", "accounts=0"], stderr: ["accounts: 0 is not allowed"] },
  {
    kind: "data loss",
    command: "scenarios/guide-vs-linkedin.ts",
    args: [...tiny, "--out", "$DIR/new", "--trace", "$DIR/t.csv", "--trace-accounts", "6"],
    stderr: ["--trace-accounts: 6 is more than the 5 accounts simulated"],
  },

  // Operating-system errors on output paths: one line naming the option and the path.
  { kind: "OS error", command: "scenarios/recruiting.ts", args: [...tiny, "--trace", "/dev/full"], stderr: ["--trace: /dev/full: is a device"] },
  { kind: "OS error", command: "scenarios/capacity.ts", args: [...tiny, "--trace", "/dev/null"], stderr: ["--trace: /dev/null: is a device"] },
  { kind: "OS error", command: "scenarios/job-seeker.ts", args: [...tiny, "--trace", "/dev/full/t.csv"], stderr: ["--trace: /dev/full/t.csv: /dev/full is not a directory"] },
  { kind: "OS error", command: "scenarios/recruiting.ts", args: [...tiny, "--trace", "$DIR/keep.txt/t.csv"], stderr: ["--trace: $DIR/keep.txt/t.csv: $DIR/keep.txt is not a directory"] },
  { kind: "OS error", command: "scenarios/plan-comparison.ts", args: [...tiny, "--out", "$DIR/keep.txt/tables"], stderr: ["--out: $DIR/keep.txt/tables: $DIR/keep.txt is not a directory"] },
  { kind: "OS error", command: "scenarios/guide-vs-linkedin.ts", args: [...tiny, "--out", "/dev/full/tables"], stderr: ["--out: /dev/full/tables: /dev/full is not a directory"] },
  { kind: "OS error", command: "scenarios/plan-comparison.ts", args: [...tiny, "--out", "/proc/tables"], stderr: ["--out: /proc/tables: cannot write in /proc"] },
  { kind: "OS error", command: "scenarios/capacity.ts", args: [...tiny, "--trace", "/proc/trace.csv"], stderr: ["--trace: /proc/trace.csv: cannot write in /proc"] },
  { kind: "OS error", command: "scenarios/sales-prospecting.ts", args: [...tiny, "--trace", "/dev/full/deep/er/t.csv"], stderr: ["--trace: /dev/full/deep/er/t.csv: /dev/full is not a directory"] },
  { kind: "OS error", command: "scenarios/recruiting.ts", args: [...tiny, "--trace", ""], stderr: ["--trace: expected a file name after it"] },
  { kind: "OS error", command: "scenarios/plan-comparison.ts", args: [...tiny, "--out", ""], stderr: ['--out: "" is not allowed; expected a directory name'] },

  // Runaway work: refused up front with the estimate and what drives it.
  {
    kind: "runaway",
    command: "scenarios/recruiting.ts",
    args: ["--set", "accounts=10000000", "--set", "replications=100000", "--set", "cycles=1200"],
    stderr: ["run too large", "accounts=10,000,000 × replications=100,000 × cycles=1,200", "--big"],
  },
  { kind: "runaway", command: "scenarios/capacity.ts", args: ["--set", "accounts=10000000", "--set", "replications=100000"], stderr: ["run too large", "events", "minutes"] },
  { kind: "runaway", command: "scenarios/sales-prospecting.ts", args: ["--set", "accounts=10000000", "--set", "replications=1000"], stderr: ["run too large", "replications=1,000"] },
  { kind: "runaway", command: "scenarios/job-seeker.ts", args: ["--set", "accounts=10000000", "--set", "replications=10000", "--set", "cycles=1200"], stderr: ["run too large"] },
  { kind: "runaway", command: "scenarios/guide-vs-linkedin.ts", args: ["--set", "accounts=1000000", "--set", "replications=10000"], stderr: ["run too large", "2 model runs"] },
  {
    kind: "runaway",
    command: "scenarios/plan-comparison.ts",
    args: ["--set", "accounts=1000", "--grid", `audience.responseRate=${values(200, 0.001, 0.001)}`, "--grid", `sender.sendsPerDay=${values(200, 1, 1)}`, "--out", "$DIR/tables"],
    stderr: ["run too large", "40000 model runs"],
  },
  {
    kind: "runaway",
    command: "scenarios/recruiting.ts",
    args: [
      "--set",
      "contract.seats=1",
      "--set",
      "sender.sendsPerDay=1000000",
      "--set",
      "sender.maxSendsPerDay=unlimited",
      "--set",
      "sender.demandPerCycle=unlimited",
      "--set",
      "rules.credits=100000",
      "--set",
      "accounts=100000",
    ],
    stderr: ["run too large"],
  },
  {
    kind: "runaway",
    command: "scenarios/recruiting.ts",
    args: [...tiny, "--trace", "$DIR/t.csv", "--trace-accounts", "1000000"],
    stderr: ["--trace-accounts: 1000000 is more than the 5 accounts simulated"],
  },
  {
    kind: "runaway",
    command: "scenarios/capacity.ts",
    args: [...tiny, "--trace", "$DIR/t.csv", "--trace-accounts", "1000001"],
    stderr: ["--trace-accounts", "1000001", "an integer from 1 to 1000000"],
  },

  // Wrong numbers: decimal notation only, overflow as typed, repeated axes.
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: ["--set", "accounts=0x10"], stderr: ['accounts: "0x10" is not a number', "decimal notation"] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "replications=0b11"], stderr: ['replications: "0b11" is not a number'] },
  { kind: "wrong number", command: "scenarios/job-seeker.ts", args: ["--set", "seed=0o17"], stderr: ['seed: "0o17" is not a number'] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "accounts=1e400"], stderr: ["accounts: 1e400 is not allowed; expected an integer from 1 to 10000000"] },
  { kind: "wrong number", command: "scenarios/capacity.ts", args: ["--set", "replyRate=Infinity"], stderr: ['replyRate: "Infinity" is not a number'] },
  { kind: "wrong number", command: "scenarios/capacity.ts", args: ["--set", "sendsPerDay=-Infinity"], stderr: ['sendsPerDay: "-Infinity" is not a number'] },
  { kind: "wrong number", command: "scenarios/sales-prospecting.ts", args: ["--set", "audience.responseRate=NaN"], stderr: ['audience.responseRate: "NaN" is not a number'] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "cycles=1.5"], stderr: ["cycles: 1.5 is not allowed; expected an integer from 1 to 1200"] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "accounts="], stderr: ['accounts: "" is not a number'] },
  { kind: "wrong number", command: "scenarios/capacity.ts", args: ["--set", "credits=1e400"], stderr: ["credits: 1e400 is not allowed"] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "rules.credits=1e400"], stderr: ["rules.credits: 1e400 is not allowed; expected an integer from 0 to 100000, or plan"] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "sender.poolSize=0x100"], stderr: ['sender.poolSize: "0x100" is not a number'] },
  { kind: "wrong number", command: "scenarios/capacity.ts", args: ["--set", "cycleDays=1e-400"], stderr: ["cycleDays: 1e-400 is not allowed; expected a number greater than 0"] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--workers", "0x2"], stderr: ['--workers: "0x2" is not allowed; expected an integer from 1 to 256'] },
  { kind: "wrong number", command: "scenarios/capacity.ts", args: ["--workers", "1e400"], stderr: ['--workers: "1e400" is not allowed'] },
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: [...tiny, "--grid", "seed=1,2", "--grid", "seed=3"], stderr: ["--grid seed: given more than once"] },
  {
    kind: "wrong number",
    command: "scenarios/guide-vs-linkedin.ts",
    args: [...tiny, "--grid", "policy=guide", "--grid", "audience.responseRate=0.1", "--grid", "policy=linkedin"],
    stderr: ["--grid policy: given more than once"],
  },
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: [...tiny, "--grid", "audience.responseRate=0.1,abc"], stderr: ['audience.responseRate: "abc" is not a number'] },
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: [...tiny, "--grid", "accounts=0x10,5"], stderr: ['accounts: "0x10" is not a number'] },
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: [...tiny, "--grid", "audience.responseRate=1e400"], stderr: ["audience.responseRate: 1e400 is not allowed"] },
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: [...tiny, "--grid", "audience.blokedShare=0.1"], stderr: ["audience.blokedShare: unknown parameter"] },
  { kind: "wrong number", command: "scenarios/plan-comparison.ts", args: [...tiny, "--grid"], stderr: ["--grid: expected a value after it"] },
  { kind: "wrong number", command: "scenarios/recruiting.ts", args: ["--set", "audience.heterogeneity=-1"], stderr: ["audience.heterogeneity: -1 is not allowed; expected a number from 0 to 10000"] },

  // Messages that name what the user set.
  { kind: "message", command: "scenarios/recruiting.ts", args: ["--set", `message.body=${"b".repeat(2345)}`], stderr: ["message.body: 2,345 characters is not allowed; expected at most 2,000"] },
  { kind: "message", command: "scenarios/job-seeker.ts", args: ["--set", `message.subject=${"s".repeat(201)}`], stderr: ["message.subject: 201 characters is not allowed; expected at most 200"] },
  { kind: "message", command: "scenarios/sales-prospecting.ts", args: ["--set", "message.bodyChars=5000"], stderr: ["message.bodyChars: 5,000 characters is not allowed"] },
  { kind: "message", command: "scenarios/sales-prospecting.ts", args: ["--set", "rules.credits=0"], stderr: ["rules.credits: 0 is not allowed with connections.use=fallback", "G2"] },
  { kind: "message", command: "scenarios/recruiting.ts", args: ["--set", "plan=basic"], stderr: ['plan: "basic" cannot be used with connections.use=none'] },
  {
    kind: "message",
    command: "scenarios/recruiting.ts",
    args: ["--set", "connections.use=fallback", "--set", "connections.noteChars=301"],
    stderr: ["connections.noteChars: 301 characters is not allowed; expected at most 300"],
  },
  { kind: "message", command: "scenarios/sales-prospecting.ts", args: ["--set", "contract.seats=3"], stderr: ["contract.seats: 3 is not allowed with plan=sales-navigator"] },
  { kind: "message", command: "scenarios/recruiting.ts", args: ["--set", "startDate=2026-02-30"], stderr: ['startDate: "2026-02-30" is not allowed; expected a date YYYY-MM-DD'] },
  { kind: "message", command: "scenarios/recruiting.ts", args: ["--set", "sender.startHour=18", "--set", "sender.endHour=9"], stderr: ["sender.endHour: 9 is not allowed"] },
  {
    kind: "message",
    command: "scenarios/recruiting.ts",
    args: ["--set", "audience.acceptedShare=0.7", "--set", "audience.repliedShare=0.5"],
    stderr: ["audience.repliedShare: 0.5 is not allowed with audience.acceptedShare=0.7"],
  },

  // Options.
  { kind: "option", command: "scenarios/recruiting.ts", args: ["--frobnicate"], stderr: ["--frobnicate: unknown option; allowed:", "--big"] },
  { kind: "option", command: "scenarios/capacity.ts", args: ["--set", "replyrate=0.2"], stderr: ["replyrate: unknown parameter"] },
  { kind: "option", command: "scenarios/job-seeker.ts", args: ["--set", "accounts"], stderr: ['--set "accounts": expected name=value'] },
  { kind: "option", command: "scenarios/recruiting.ts", args: ["--set"], stderr: ["--set: expected name=value after it"] },
  { kind: "option", command: "scenarios/guide-vs-linkedin.ts", args: ["--out"], stderr: ["--out: expected a value after it"] },
  { kind: "option", command: "scenarios/recruiting.ts", args: ["--trace-accounts", "2"], stderr: ["--trace-accounts: needs --trace FILE"] },

  // Follow-ups and the credit-rule variants: a plan's rule refuses the combination.
  {
    kind: "message",
    command: "scenarios/job-seeker.ts",
    args: [...tiny, "--set", "followUps.count=1"],
    stderr: ["followUps.count: 1 is not allowed with plan=premium-career and followUps.premiumRule=refused", "followUps.premiumRule=allowed"],
  },
  {
    kind: "message",
    command: "scenarios/recruiting.ts",
    args: [...tiny, "--set", "followUps.count=1", "--set", "followUps.afterDays=30"],
    stderr: ["followUps.afterDays: 30 is not allowed with plan=recruiter-lite; expected an integer from 3 to 28"],
  },
  { kind: "wrong number", command: "scenarios/sales-prospecting.ts", args: [...tiny, "--set", "followUps.count=6"], stderr: ["followUps.count: 6 is not allowed; expected an integer from 0 to 5"] },
  {
    kind: "message",
    command: "scenarios/recruiting.ts",
    args: [...tiny, "--set", "rules.salesNavigatorCreditLife=never"],
    stderr: ['rules.salesNavigatorCreditLife: "never" is not allowed with plan=recruiter-lite; expected 90'],
  },
  {
    kind: "message",
    command: "scenarios/team.ts",
    args: ["--set", "plan=premium-career", "--set", "followUps.count=1", "--set", "replications=2", "--workers", "1"],
    stderr: ["followUps.count: 1 is not allowed with plan=premium-career"],
  },
];
