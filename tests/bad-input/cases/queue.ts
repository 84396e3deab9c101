/**
 * Bad inputs of the execution options (--queue, --shard, --part, --from-part), also on
 * the log commands that forecast, the queue worker and merge.ts. Each exits before simulating: a malformed or unreachable
 * queue (port 1 refuses at once), a shard without its part, a part path that is not a
 * part, files that are not parts.
 */
import type { BadInputCase } from "../case.ts";
import { partText, type Part } from "../../../runner/shard.ts";

const tiny = ["--set", "accounts=5", "--set", "replications=2", "--workers", "1"];
/** A well-formed part of round 1 of another command. */
const foreign: Part = {
  format: "inmail-sim-part/3",
  command: "notebooks/job-seeker.ts",
  args: [],
  codeVersion: "0".repeat(64),
  round: 1,
  shard: { index: 1, count: 1 },
  batch: null,
  results: [],
};
const otherPart = partText(foreign);
/** The first of two shards. */
const halfPart = partText({ ...foreign, shard: { index: 1, count: 2 } });
/** A part with its shard count edited by hand: the digest no longer matches. */
const editedPart = otherPart.replace('"count":1', '"count":2');
/** Cut short (a copy that stopped), and the part before the digest (format 2). */
const truncatedPart = otherPart.slice(0, 80);
const oldPart = JSON.stringify({ ...foreign, format: "inmail-sim-part/2" });

export const cases: BadInputCase[] = [
  {
    kind: "option",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--queue", "http://h:1"],
    stderr: ['--queue: "http://h:1" is not allowed; expected redis://[user:password@]host:port[/db]'],
  },
  {
    kind: "option",
    command: "scenarios/recruiting.ts",
    args: [...tiny, "--queue", "redis://u:hunter2@127.0.0.1:1"],
    stderr: ["--queue: cannot reach Redis at redis://u:***@127.0.0.1:1 (ECONNREFUSED)"],
  },
  { kind: "option", command: "notebooks/job-seeker.ts", args: ["--queue", "redis://127.0.0.1:1", "--shard", "1/2", "--part", "$DIR/p.json"], stderr: ["--shard: not with --queue"] },
  {
    kind: "option",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--shard", "0/3", "--part", "$DIR/p.json"],
    stderr: ['--shard: "0/3" is not allowed; expected i/N with 1 ≤ i ≤ N ≤ 10000'],
  },
  { kind: "option", command: "scenarios/plan-comparison.ts", args: [...tiny, "--shard", "1/3"], stderr: ["--shard: needs --part FILE"] },
  { kind: "option", command: "scenarios/capacity.ts", args: [...tiny, "--part", "$DIR/p.json"], stderr: ["--part: needs --shard i/N"] },
  {
    kind: "data loss",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--shard", "1/3", "--part", "$DIR/keep.txt"],
    stderr: ['--part: "$DIR/keep.txt" exists and is not a part file; it is not replaced'],
  },
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--shard", "1/3", "--part", "$DIR"], stderr: ['--part: "$DIR" is a directory; expected a file name'] },
  { kind: "option", command: "scenarios/plan-comparison.ts", args: [...tiny, "--from-part", "$DIR/keep.txt"], stderr: ["$DIR/keep.txt: not a part file (not JSON)"] },
  { kind: "option", command: "scenarios/plan-comparison.ts", args: [...tiny, "--queue", "redis://127.0.0.1:1", "--from-part", "$DIR/p.json"], stderr: ["--from-part: not with --queue"] },
  {
    kind: "option",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--shard", "1/2", "--part", "$DIR/q.json", "--from-part", "$DIR/other.json"],
    files: { "other.json": otherPart },
    stderr: ["--from-part: $DIR/other.json is a part of another experiment (notebooks/job-seeker.ts )"],
  },
  // The log commands that forecast take them too.
  { kind: "option", command: "commands/calibrate.ts", args: ["--log", "data/sample-send-log.csv", "--queue", "http://h:1"], stderr: ['--queue: "http://h:1" is not allowed; expected redis://'] },
  {
    kind: "option",
    command: "notebooks/replay.ts",
    args: ["--log", "data/sample-send-log.csv", "--queue", "redis://u:hunter2@127.0.0.1:1", "--out", "$DIR/r.html"],
    stderr: ["--queue: cannot reach Redis at redis://u:***@127.0.0.1:1 (ECONNREFUSED)"],
  },
  { kind: "option", command: "notebooks/replay.ts", args: ["--log", "data/sample-send-log.csv", "--shard", "1/2", "--out", "$DIR/r.html"], stderr: ["--shard: needs --part FILE"] },
  {
    kind: "wrong number",
    command: "commands/calibrate.ts",
    args: ["--log", "data/sample-send-log.csv", "--workers", "0x2"],
    stderr: ['--workers: "0x2" is not allowed; expected an integer from 1 to 256'],
  },
  // The run-size limit counts this machine's threads and the whole batch: the refusal says what that means here.
  {
    kind: "runaway",
    command: "scenarios/recruiting.ts",
    args: ["--set", "accounts=10000000", "--set", "replications=100000", "--set", "cycles=1200", "--queue", "redis://127.0.0.1:1"],
    stderr: ["run too large:", "with --queue the estimate counts this machine's threads, not the workers': if they have many more, pass --big"],
  },
  {
    kind: "runaway",
    command: "scenarios/plan-comparison.ts",
    args: ["--set", "accounts=1000000", "--set", "replications=1000", "--shard", "1/4", "--part", "$DIR/p.json"],
    stderr: ["run too large:", "with --shard i/4 this machine runs about 1/4 of it: if that fits, pass --big"],
  },
  { kind: "option", command: "commands/merge.ts", args: [], stderr: ["expected the part files to merge"] },
  { kind: "option", command: "commands/merge.ts", args: ["$DIR/keep.txt"], stderr: ["$DIR/keep.txt: not a part file (not JSON)"] },
  { kind: "OS error", command: "commands/merge.ts", args: ["$DIR/none.json"], stderr: ["$DIR/none.json: cannot read it (ENOENT)"] },
  { kind: "option", command: "commands/worker.ts", args: [], stderr: ["--queue: missing; expected redis://"] },
  { kind: "option", command: "commands/worker.ts", args: ["--queue", "redis://127.0.0.1:1", "--lock-seconds", "1"], stderr: ["--lock-seconds: 1 is not allowed"] },
];

/** Passwords with reserved characters, percent-encoded or in malformed URLs: never shown, whole or in part. */
const secrets: { url: string; absent: string[] }[] = [
  { url: "redis://:ab/cd@127.0.0.1:1", absent: ["ab/cd", "ab", "cd@"] },
  { url: "redis://u:p@ss/x@127.0.0.1:1", absent: ["p@ss", "ss/x", "@ss"] },
  { url: "redis://u:p%40ss%2Fx@127.0.0.1:1", absent: ["p%40ss", "ss%2Fx", "p@ss"] },
  { url: "redis://u:s3cr#t@127.0.0.1:1", absent: ["s3cr", "#t"] },
  { url: "redis://u:s3cr?t=1@127.0.0.1:1", absent: ["s3cr", "t=1"] },
  { url: "redis://u:s3[cr]t@127.0.0.1:1", absent: ["s3[", "cr]"] },
  { url: "redis://hunter2secret@127.0.0.1:1", absent: ["hunter2secret"] },
  { url: "redis//u:hunter2secret@127.0.0.1:1", absent: ["hunter2secret"] },
  { url: "redis://u:hunter2:secret@", absent: ["hunter2", "secret"] },
  { url: "redis://u:%E0%A4%A@127.0.0.1:1", absent: ["%E0%A4%A"] },
];
for (const { url, absent } of secrets) {
  cases.push({ kind: "secret", command: "scenarios/recruiting.ts", args: [...tiny, "--queue", url], stderr: ["--queue:"], absent });
  cases.push({ kind: "secret", command: "commands/worker.ts", args: ["--queue", url], stderr: ["--queue:"], absent });
}
cases.push(
  // A database the Redis does not have: refused at connect, by the command and by the worker (not run on database 0).
  { kind: "option", command: "scenarios/recruiting.ts", args: [...tiny, "--queue", "redis://$REDIS/99"], stderr: ["--queue: Redis at redis://$REDIS/99 has no database 99", "0 to 15"] },
  { kind: "option", command: "commands/worker.ts", args: ["--queue", "redis://$REDIS/99"], stderr: ["--queue: Redis at redis://$REDIS/99 has no database 99"] },
  { kind: "option", command: "scenarios/recruiting.ts", args: [...tiny, "--queue", "redis://$REDIS/100000"], stderr: ['--queue: "redis://$REDIS/100000" is not allowed'] },
);

// Parts that are missing, duplicated, truncated, endless, hand-edited or foreign; outputs that are inputs or devices.
cases.push(
  {
    kind: "wrong number",
    command: "commands/merge.ts",
    args: ["$DIR/edited.json"],
    files: { "edited.json": editedPart },
    stderr: ["$DIR/edited.json: its content does not match its digest", "edited or damaged"],
  },
  {
    kind: "wrong number",
    command: "commands/merge.ts",
    args: ["$DIR/p.json", "$DIR/edited.json"],
    files: { "p.json": otherPart, "edited.json": editedPart },
    stderr: ["$DIR/edited.json: its content does not match its digest"],
  },
  { kind: "option", command: "commands/merge.ts", args: ["$DIR/cut.json"], files: { "cut.json": truncatedPart }, stderr: ["$DIR/cut.json: not a part file (not JSON)"] },
  { kind: "option", command: "commands/merge.ts", args: ["$DIR/old.json"], files: { "old.json": oldPart }, stderr: ["$DIR/old.json: a part of format inmail-sim-part/2, made by other code"] },
  { kind: "option", command: "commands/merge.ts", args: ["$DIR/p.json"], files: { "p.json": halfPart }, stderr: ["shard 2/2 missing"] },
  { kind: "option", command: "commands/merge.ts", args: ["$DIR/p.json", "$DIR/p.json"], files: { "p.json": halfPart }, stderr: ["$DIR/p.json: shard 1/2 twice"] },
  { kind: "runaway", command: "commands/merge.ts", args: ["$DIR/p.json", "/dev/zero"], files: { "p.json": otherPart }, stderr: ["/dev/zero: is a device; expected a regular file"] },
  { kind: "runaway", command: "commands/merge.ts", args: ["/dev/stdin"], stderr: ["/dev/stdin: is a device; expected a regular file"] },
  { kind: "option", command: "commands/merge.ts", args: ["$DIR"], stderr: ["$DIR: is a directory; expected a regular file"] },
  { kind: "runaway", command: "scenarios/plan-comparison.ts", args: [...tiny, "--from-part", "/dev/zero"], stderr: ["/dev/zero: is a device; expected a regular file"] },
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--shard", "1/2", "--part", "/dev/zero"], stderr: ['--part: "/dev/zero" is not a regular file'] },
  { kind: "OS error", command: "scenarios/plan-comparison.ts", args: [...tiny, "--shard", "1/2", "--part", "/proc/self/p.json"], stderr: ['--part: "/proc/self/p.json": cannot write in /proc/self'] },
  {
    kind: "data loss",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--shard", "1/2", "--part", "$DIR/keep.txt/p.json"],
    stderr: ['--part: "$DIR/keep.txt/p.json": $DIR/keep.txt is not a folder'],
  },
  { kind: "data loss", command: "scenarios/plan-comparison.ts", args: [...tiny, "--shard", "1/2", "--part", "$DIR/sub/"], stderr: ['--part: "$DIR/sub/" names a folder'] },
  // An output that is also an input: refused before anything runs, on every command.
  {
    kind: "data loss",
    command: "commands/sensitivity.ts",
    args: ["--model", "ishigami", "--set", "n=64", "--shard", "1/3", "--part", "$DIR/ra1.json", "--from-part", "$DIR/ra1.json", "--from-part", "$DIR/ra2.json"],
    files: { "ra1.json": otherPart, "ra2.json": otherPart },
    stderr: ['--part: "$DIR/ra1.json" is also the --from-part input'],
  },
  {
    kind: "data loss",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--from-part", "$DIR/p.json", "--out", "$DIR/p.json"],
    files: { "p.json": otherPart },
    stderr: ['--out: "$DIR/p.json" is also the --from-part input'],
  },
  {
    kind: "data loss",
    command: "scenarios/plan-comparison.ts",
    args: [...tiny, "--from-part", "$DIR/t/p.json", "--out", "$DIR/t"],
    files: { "t/p.json": otherPart },
    stderr: ['--out: "$DIR/t" holds the --from-part input "$DIR/t/p.json"'],
  },
  {
    kind: "data loss",
    command: "scenarios/recruiting.ts",
    args: [...tiny, "--from-part", "$DIR/p.json", "--trace", "$DIR/p.json"],
    files: { "p.json": otherPart },
    stderr: ['--trace: "$DIR/p.json" is also the --from-part input'],
  },
  {
    kind: "data loss",
    command: "notebooks/team.ts",
    args: ["--set", "seats=1", "--from-part", "$DIR/p.json", "--out", "$DIR/./p.json"],
    files: { "p.json": otherPart },
    stderr: ["is also the --from-part input"],
  },
  {
    kind: "data loss",
    command: "notebooks/replay.ts",
    args: ["--log", "$DIR/log.csv", "--out", "$DIR/log.csv"],
    files: { "log.csv": "sentAt,outcome\n2024-01-01,accepted\n" },
    stderr: ['--out: "$DIR/log.csv" is also the --log input'],
  },
  { kind: "data loss", command: "commands/merge.ts", args: ["$DIR/p.json", "--out", "$DIR/p.json"], files: { "p.json": otherPart }, stderr: ['--out: "$DIR/p.json" is also the part input'] },
);
