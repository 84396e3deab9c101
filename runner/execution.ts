/**
 * The run options that choose where a command's batches run, shared by every command
 * that runs models (cli/command-line.ts, cli/scenario-cli.ts, commands/sensitivity.ts,
 * cli/notebook-cli.ts, and the log commands that forecast: commands/calibrate.ts,
 * notebooks/replay.ts):
 *
 *   --queue URL        jobs go to workers through Redis (redis://[user:password@]host:port[/db], rediss:// for TLS)
 *   --queue-timeout S  with --queue: give up after S seconds without a job done (default 600: 10 minutes)
 *   --shard i/N        simulate slice i of N of the batch here and write it to --part FILE (nothing else is written)
 *   --part FILE        where --shard writes its part (replaces only a part file)
 *   --from-part FILE   take every tally from these parts (repeatable; what commands/merge.ts passes);
 *                      with --shard, the next round: the batches of these parts' rounds from them, the next one sliced
 *
 * `withExecution` takes them out of the arguments, checks them (and --part's path)
 * before anything runs, and runs the command's body with the chosen executor in force
 * (executor.ts). Bad input → RunnerInputError naming the option.
 */
import { randomUUID } from "node:crypto";
import { closeSync, openSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../files/write-atomic.ts";
import { outputOverInput, type NamedPath } from "../files/same-file.ts";
import { RunnerInputError } from "./runner-input-error.ts";
import { withExecutor } from "./executor.ts";
import { codeVersion } from "./pool-entry.ts";
import { checkRedisUrl } from "./redis-url.ts";
import { checkParts, emptyPart, nextRoundExecutor, parseShard, partsExecutor, partText, readPart, ShardDone, shardExecutor, type ShardSpec } from "./shard.ts";

export type Execution =
  | { readonly kind: "local" }
  | { readonly kind: "queue"; readonly url: string; readonly timeoutSeconds?: number }
  | { readonly kind: "shard"; readonly index: number; readonly count: number; readonly part: string; readonly from: readonly string[] }
  | { readonly kind: "parts"; readonly files: readonly string[] };

export interface SplitArgs {
  /** The arguments left for the command's own parser. */
  readonly rest: string[];
  readonly execution: Execution;
  /** The experiment's arguments as a part records them: all but --shard, --part, --from-part, --queue, --workers. */
  readonly recorded: string[];
}

const valueOptions = ["--queue", "--queue-timeout", "--shard", "--part", "--from-part"] as const;

/** Longest --queue-timeout (seconds): a week. */
const maxQueueTimeout = 7 * 86400;

/** Takes the execution options out of `argv`. */
export function splitExecutionArgs(argv: readonly string[]): SplitArgs {
  const rest: string[] = [];
  const recorded: string[] = [];
  const given: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const option = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if ((valueOptions as readonly string[]).includes(option)) {
      const value = option !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || value.startsWith("--")) throw new RunnerInputError(`${option}: expected a value after it`);
      (given[option] ??= []).push(value);
      continue;
    }
    rest.push(arg);
    if (option === "--workers") {
      // Left to the command's parser, never recorded: the number of threads changes nothing.
      if (option === arg && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    recorded.push(arg);
  }
  const once = (option: string) => {
    const v = given[option];
    if (v && v.length > 1) throw new RunnerInputError(`${option}: given ${v.length} times; expected it once`);
    return v?.[0];
  };
  const queue = once("--queue");
  const timeout = once("--queue-timeout");
  const shard = once("--shard");
  const part = once("--part");
  const fromParts = given["--from-part"] ?? [];
  // --shard with --from-part is the next round of a sharded command (shard.ts).
  const modes = [queue && "--queue", shard && "--shard", fromParts.length > 0 && shard === undefined && "--from-part"].filter(Boolean);
  if (queue !== undefined && fromParts.length > 0) modes.push("--from-part");
  if (modes.length > 1) throw new RunnerInputError(`${modes[1]}: not with ${modes[0]}; expected one of --queue, --shard (with --from-part for a later round), --from-part`);
  if (part !== undefined && shard === undefined) throw new RunnerInputError("--part: needs --shard i/N");
  if (timeout !== undefined && queue === undefined) throw new RunnerInputError("--queue-timeout: needs --queue URL");
  let execution: Execution = { kind: "local" };
  if (queue !== undefined) {
    const url = checkRedisUrl("--queue", queue);
    if (timeout === undefined) execution = { kind: "queue", url };
    else {
      const seconds = /^\s*\+?\d+\s*$/.test(timeout) ? Number(timeout) : NaN;
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > maxQueueTimeout) {
        throw new RunnerInputError(`--queue-timeout: ${JSON.stringify(timeout)} is not allowed; expected whole seconds from 1 to ${maxQueueTimeout} (a week)`);
      }
      execution = { kind: "queue", url, timeoutSeconds: seconds };
    }
  } else if (shard !== undefined) {
    const { index, count } = parseShard("--shard", shard);
    if (part === undefined) throw new RunnerInputError("--shard: needs --part FILE (where the slice's results go)");
    if (rest.some((a) => a === "--trace" || a.startsWith("--trace="))) throw new RunnerInputError("--trace: not with --shard; the full run or the merge writes the trace");
    execution = { kind: "shard", index, count, part, from: fromParts };
  } else if (fromParts.length > 0) execution = { kind: "parts", files: fromParts };
  return { rest, execution, recorded };
}

const root = fileURLToPath(new URL("..", import.meta.url));

/** The options that name what a command writes, and those that name what it reads. */
const outputOptions = ["--out", "--trace", "--part"];
const inputOptions = ["--from-part", "--log"];

/** Every value of the options `names` in `argv` (`--name VALUE` or `--name=VALUE`). */
function pathsOf(argv: readonly string[], names: readonly string[]): NamedPath[] {
  const out: NamedPath[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const option = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (!names.includes(option)) continue;
    const value = option !== arg ? arg.slice(eq + 1) : argv[i + 1];
    if (option === arg) i++;
    if (value !== undefined && value !== "" && !value.startsWith("--")) out.push({ option, path: value });
  }
  return out;
}

/**
 * Refuses a command line whose output (--out, --trace, --part) is also one of its inputs
 * (--from-part, --log), or holds one: checked before anything runs, so a run never
 * replaces what it reads (RunnerInputError naming both).
 */
export function refuseOutputOverInput(argv: readonly string[]): void {
  const clash = outputOverInput(pathsOf(argv, outputOptions), pathsOf(argv, inputOptions));
  if (clash !== undefined) throw new RunnerInputError(clash);
}

/**
 * Checks a --part path before anything runs, as a file output is checked: a new file in
 * a folder this process can write, or a part file (replaced); never a directory, a
 * device or a file that is not a part (outputs never destroy).
 */
function checkPartPath(file: string): void {
  const shown = JSON.stringify(file);
  if (/[/\\]$/.test(file)) throw new RunnerInputError(`--part: ${shown} names a folder; expected a file name`);
  let s;
  try {
    s = statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw new RunnerInputError(`--part: ${shown}: cannot use it (${code ?? (err as Error).message})`);
  }
  if (s !== undefined) {
    if (s.isDirectory()) throw new RunnerInputError(`--part: ${shown} is a directory; expected a file name`);
    if (!s.isFile()) throw new RunnerInputError(`--part: ${shown} is not a regular file (a device or a pipe); expected a file name`);
    try {
      readPart(file);
    } catch {
      throw new RunnerInputError(`--part: ${shown} exists and is not a part file; it is not replaced (remove it or choose another name)`);
    }
    probeFolder(file, dirname(resolvePath(file)));
    return;
  }
  // The nearest existing ancestor must be a folder this process can create a file in.
  let dir = dirname(resolvePath(file));
  for (;;) {
    let d;
    try {
      d = statSync(dir);
    } catch {
      const up = dirname(dir);
      if (up === dir) return;
      dir = up;
      continue;
    }
    if (!d.isDirectory()) throw new RunnerInputError(`--part: ${shown}: ${dir} is not a folder; expected a file name in a folder`);
    probeFolder(file, dir);
    return;
  }
}

/** Creates and removes a probe file in `dir`: permission bits alone do not tell (root, read-only mounts, /proc). */
function probeFolder(file: string, dir: string): void {
  const probe = join(dir, `.inmail-sim-probe-${randomUUID()}`);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (err) {
    throw new RunnerInputError(`--part: ${JSON.stringify(file)}: cannot write in ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  rmSync(probe, { force: true });
}

export interface ExecutionIo {
  readonly stderr: { write(text: string): unknown };
}

/**
 * Runs a command's `body` (given the arguments left) with the executor its execution
 * options choose. `command` is its file, e.g. "scenarios/plan-comparison.ts". With
 * --shard, the body stops once its slice is simulated and the part is written; the
 * exit code is then 0. `--help` always runs the body here, without connecting anywhere.
 */
export async function withExecution(command: string, argv: readonly string[], body: (rest: string[]) => Promise<number>, io: ExecutionIo = process): Promise<number> {
  const { rest, execution, recorded } = splitExecutionArgs(argv);
  const help = rest.includes("--help") || rest.includes("-h");
  if (!help) {
    refuseOutputOverInput(argv);
    if (execution.kind === "shard") checkPartPath(execution.part);
  }
  if (execution.kind === "local" || help) return body(rest);
  if (execution.kind === "queue") {
    // Loaded only when asked for: BullMQ and its Redis client slow a process that simulates.
    const { queueExecutor } = await import("./queue-executor.ts");
    const executor = queueExecutor(execution.url, "--queue", { timeoutSeconds: execution.timeoutSeconds });
    try {
      return await withExecutor(executor, () => body(rest));
    } finally {
      await executor.close();
    }
  }
  const version = await codeVersion();
  if (execution.kind === "parts") {
    const parts = execution.files.map(readPart);
    checkParts(execution.files, parts);
    return withExecutor(partsExecutor(parts, version, execution.files), () => body(rest));
  }
  const earlier = execution.from.map(readPart);
  const rounds = earlier.length > 0 ? checkParts(execution.from, earlier).length : 0;
  const spec: ShardSpec = {
    index: execution.index,
    count: execution.count,
    command: relative(root, resolvePath(root, command)),
    args: recorded,
    version,
    round: rounds + 1,
  };
  if (earlier.length > 0) {
    const p = earlier[0]!;
    if (p.command !== spec.command || JSON.stringify(p.args) !== JSON.stringify(spec.args)) {
      throw new RunnerInputError(
        `--from-part: ${execution.from[0]} is a part of another experiment (${p.command} ${p.args.join(" ")}); expected the earlier rounds of this command with these arguments`,
      );
    }
  }
  const executor = earlier.length > 0 ? nextRoundExecutor(earlier, version, shardExecutor(spec)) : shardExecutor(spec);
  let part;
  try {
    const code = await withExecutor(executor, () => body(rest));
    if (code !== 0) return code;
    part = emptyPart(spec);
  } catch (err) {
    if (!(err instanceof ShardDone)) throw err;
    part = err.part;
  }
  await writeFileAtomic(execution.part, partText(part));
  const jobs = part.batch?.jobs ?? 0;
  const n = jobs <= part.shard.index - 1 ? 0 : Math.ceil((jobs - (part.shard.index - 1)) / part.shard.count);
  const round = part.round > 1 ? ` of round ${part.round}` : "";
  io.stderr.write(`${command}: wrote shard ${part.shard.index}/${part.shard.count}${round} (${n} of ${jobs} jobs) to ${resolvePath(execution.part)}\n`);
  return 0;
}
