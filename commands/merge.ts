/**
 * Merges the parts of a sharded run (`--shard i/N --part FILE` on any command that runs
 * models) into exactly the output of the full run: it checks that the parts are every
 * shard of one experiment, each once (same command, arguments, code version and batch),
 * then runs the command again with every tally taken from the parts (`--from-part`),
 * so nothing is simulated again. `--out PATH` replaces the command's own --out (or adds
 * it); otherwise the command writes where the full run would. The command's stdout,
 * stderr and exit code are the merge's. A command whose later batches need earlier
 * results is sharded in rounds (runner/shard.ts): the merge of the rounds so far stops
 * at the next batch and says how to run its round.
 *
 *   npx tsx commands/merge.ts PART... [--out PATH]
 */
import { spawn } from "node:child_process";
import { constants as osConstants } from "node:os";
import { outputOverInput } from "../files/same-file.ts";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { codeVersion } from "../runner/pool-entry.ts";
import { checkParts, readPart } from "../runner/shard.ts";
import { commandMain, isMain } from "../cli/command.ts";
import { InputError } from "../experiments/inputs/params.ts";
import type { CommandSpec, ParsedOptions } from "../cli/options.ts";
import { withoutOption } from "../cli/run-options.ts";

const command = "commands/merge.ts";

export const mergeSpec: CommandSpec = {
  command,
  usage: `npx tsx ${command} PART... [--out PATH]`,
  description:
    "Combines the parts written by --shard i/N --part FILE into exactly what the full run writes,\n" +
    "simulating nothing again. Refuses parts of different experiments, a missing or a duplicate shard.\n" +
    "A command whose later batches are made from earlier results is sharded in rounds: when the parts\n" +
    "end before its next batch, merge says how to run that round (--shard with --from-part PART...).",
  options: [],
  positionals: { name: "PART...", description: "the part files, every shard of one experiment once" },
  run: ["out"],
  out: { kind: "path", help: "where the command writes (replaces its own --out; default: where the full run writes)" },
};

const root = fileURLToPath(new URL("..", import.meta.url));

/** The command's arguments with `--out` set to `out` (replaced where given, else added). */
export function withOut(args: readonly string[], out: string | undefined): string[] {
  return out === undefined ? [...args] : [...withoutOption(args, "--out"), "--out", out];
}

async function main(parsed: ParsedOptions): Promise<number> {
  const files = parsed.positionals;
  const out = parsed.run.out;
  const clash =
    out === undefined
      ? undefined
      : outputOverInput(
          [{ option: "--out", path: out }],
          files.map((path) => ({ option: "part", path })),
        );
  if (clash !== undefined) throw new InputError(clash);
  const parts = files.map(readPart);
  checkParts(files, parts);
  const first = parts[0]!;
  const version = await codeVersion();
  if (first.codeVersion !== version) {
    throw new InputError(`${files[0]}: made by code version ${first.codeVersion.slice(0, 12)}…, this checkout is ${version.slice(0, 12)}…; merge with the code that made the parts`);
  }
  const args = [...withOut(first.args, parsed.run.out), ...files.flatMap((f) => ["--from-part", f])];
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(root, first.command), ...args], { stdio: ["ignore", "inherit", "inherit"] });
  // A signal to the merge ends the command it started first (it writes nothing after it:
  // its outputs appear only once complete), then the merge, as the signal's exit code.
  let signalled: NodeJS.Signals | undefined;
  let hard: NodeJS.Timeout | undefined;
  const forward = (signal: NodeJS.Signals) => {
    signalled ??= signal;
    child.kill(signal);
    // A command that does not end within 5 s of the signal is killed.
    hard ??= setTimeout(() => child.kill("SIGKILL"), 5000);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) process.on(s, forward);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => {
        const by = signalled ?? signal;
        resolve(by ? 128 + osConstants.signals[by] : (code ?? 0));
      });
    });
  } finally {
    clearTimeout(hard);
    for (const s of signals) process.off(s, forward);
  }
}

if (isMain(import.meta.url)) commandMain(mergeSpec, main);
