/**
 * The run options that choose where a command's batches run, shared by every command
 * that runs models (cli/command-line.ts, cli/scenario-cli.ts, commands/sensitivity.ts,
 * cli/notebook-cli.ts, and the log commands that forecast: commands/calibrate.ts,
 * notebooks/replay.ts):
 *
 *   --queue URL        jobs go to workers through Redis (redis://[user:password@]host:port[/db], rediss:// for TLS)
 *   --shard i/N        simulate slice i of N of the batch here and write it to --part FILE (nothing else is written)
 *   --part FILE        where --shard writes its part (replaces only a part file)
 *   --from-part FILE   take every tally from these parts (repeatable; what commands/merge.ts passes);
 *                      with --shard, the next round: the batches of these parts' rounds from them, the next one sliced
 *
 * `withExecution` takes them out of the arguments, checks them (and --part's path)
 * before anything runs, and runs the command's body with the chosen executor in force
 * (executor.ts). Bad input → RunnerInputError naming the option.
 */
import { existsSync, statSync } from "node:fs";
import { relative, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../files/write-atomic.ts";
import { RunnerInputError } from "./runner-input-error.ts";
import { withExecutor } from "./executor.ts";
import { codeVersion } from "./pool-entry.ts";
import { checkRedisUrl } from "./redis-url.ts";
import { checkParts, emptyPart, nextRoundExecutor, parseShard, partsExecutor, readPart, ShardDone, shardExecutor, type ShardSpec } from "./shard.ts";

export type Execution =
  | { readonly kind: "local" }
  | { readonly kind: "queue"; readonly url: string }
  | { readonly kind: "shard"; readonly index: number; readonly count: number; readonly part: string; readonly from: readonly string[] }
  | { readonly kind: "parts"; readonly files: readonly string[] };

export interface SplitArgs {
  /** The arguments left for the command's own parser. */
  readonly rest: string[];
  readonly execution: Execution;
  /** The experiment's arguments as a part records them: all but --shard, --part, --from-part, --queue, --workers. */
  readonly recorded: string[];
}

const valueOptions = ["--queue", "--shard", "--part", "--from-part"] as const;

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
  const shard = once("--shard");
  const part = once("--part");
  const fromParts = given["--from-part"] ?? [];
  // --shard with --from-part is the next round of a sharded command (shard.ts).
  const modes = [queue && "--queue", shard && "--shard", fromParts.length > 0 && shard === undefined && "--from-part"].filter(Boolean);
  if (queue !== undefined && fromParts.length > 0) modes.push("--from-part");
  if (modes.length > 1) throw new RunnerInputError(`${modes[1]}: not with ${modes[0]}; expected one of --queue, --shard (with --from-part for a later round), --from-part`);
  if (part !== undefined && shard === undefined) throw new RunnerInputError("--part: needs --shard i/N");
  let execution: Execution = { kind: "local" };
  if (queue !== undefined) execution = { kind: "queue", url: checkRedisUrl("--queue", queue) };
  else if (shard !== undefined) {
    const { index, count } = parseShard("--shard", shard);
    if (part === undefined) throw new RunnerInputError("--shard: needs --part FILE (where the slice's results go)");
    if (rest.some((a) => a === "--trace" || a.startsWith("--trace="))) throw new RunnerInputError("--trace: not with --shard; the full run or the merge writes the trace");
    execution = { kind: "shard", index, count, part, from: fromParts };
  } else if (fromParts.length > 0) execution = { kind: "parts", files: fromParts };
  return { rest, execution, recorded };
}

const root = fileURLToPath(new URL("..", import.meta.url));

/** Refuses a --part path that is a directory or a file that is not a part (outputs never destroy). */
function checkPartPath(file: string): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) throw new RunnerInputError(`--part: ${JSON.stringify(file)} is a directory; expected a file name`);
  try {
    readPart(file);
  } catch {
    throw new RunnerInputError(`--part: ${JSON.stringify(file)} exists and is not a part file; it is not replaced (remove it or choose another name)`);
  }
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
export async function withExecution(
  command: string,
  argv: readonly string[],
  body: (rest: string[]) => Promise<number>,
  io: ExecutionIo = process,
): Promise<number> {
  const { rest, execution, recorded } = splitExecutionArgs(argv);
  if (execution.kind === "local" || rest.includes("--help") || rest.includes("-h")) return body(rest);
  if (execution.kind === "queue") {
    // Loaded only when asked for: BullMQ and its Redis client slow a process that simulates.
    const { queueExecutor } = await import("./queue-executor.ts");
    const executor = queueExecutor(execution.url);
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
  checkPartPath(execution.part);
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
      throw new RunnerInputError(`--from-part: ${execution.from[0]} is a part of another experiment (${p.command} ${p.args.join(" ")}); expected the earlier rounds of this command with these arguments`);
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
  await writeFileAtomic(execution.part, `${JSON.stringify(part)}\n`);
  const jobs = part.batch?.jobs ?? 0;
  const n = jobs <= part.shard.index - 1 ? 0 : Math.ceil((jobs - (part.shard.index - 1)) / part.shard.count);
  const round = part.round > 1 ? ` of round ${part.round}` : "";
  io.stderr.write(`${command}: wrote shard ${part.shard.index}/${part.shard.count}${round} (${n} of ${jobs} jobs) to ${resolvePath(execution.part)}\n`);
  return 0;
}
