/**
 * Runs a command in this process, with its stdout and stderr captured, two ways:
 * - runInProcess: a command's code path (its main's body: `sweepCommand(s, argv)`,
 *   `calibrateCommand(argv)`, …); bad input is exit code 2 and its message on stderr, as
 *   runMain reports it.
 * - runFileInProcess: a command file as `tsx <command> <args>` runs it — process.argv set
 *   to the file and its arguments, the file imported afresh (a new query string, so its
 *   `isMain` block runs again while the modules it imports stay loaded), the result read
 *   once runMain has set the exit code.
 * Faster than spawning `tsx` (run-cli.ts): no process to start, no module to load twice.
 * One run at a time: a run owns process.argv, process.exitCode and both streams.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { userError } from "../../cli/command-line.ts";
import { InputError } from "../../experiments/inputs/params.ts";

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

type Write = typeof process.stdout.write;

/**
 * Captures both streams while `body` runs. A write's callback is called (code that waits
 * for its output to drain would wait forever otherwise); listeners `body` adds to stdout
 * (runMain's EPIPE handler, one per run) are removed afterwards.
 */
async function captured<T>(body: () => Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  const text = { stdout: "", stderr: "" };
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  const listeners = new Set(process.stdout.listeners("error"));
  for (const name of ["stdout", "stderr"] as const) {
    process[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      text[name] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      (rest.find((r) => typeof r === "function") as (() => void) | undefined)?.();
      return true;
    }) as Write;
  }
  try {
    const value = await body();
    return { value, ...text };
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
    for (const l of process.stdout.listeners("error")) {
      if (!listeners.has(l)) process.stdout.off("error", l as (...args: unknown[]) => void);
    }
  }
}

export async function runInProcess(body: () => Promise<number>): Promise<InProcessRun> {
  let stderr = "";
  const r = await captured(async () => {
    try {
      return await body();
    } catch (raw) {
      const e = userError(raw);
      if (!(e instanceof InputError)) throw raw;
      stderr += e.message;
      return e.exitCode;
    }
  });
  return { code: r.value, stdout: r.stdout, stderr: r.stderr + stderr };
}

/** What a command file run in this process ended with; `code` null when it had not ended within the time allowed. */
export interface FileRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let runs = 0;

/** A short wait between looks at the exit code (a setImmediate loop would spin a core). */
const turn = () => new Promise<void>((r) => setTimeout(r, 5));

/**
 * Runs `command` (a path from the repository root, as a user types it: "commands/replay.ts")
 * with `args`, from the working directory, as `tsx command args` would. An error thrown
 * while the file is imported is reported as Node reports it: its stack on stderr, exit code 1.
 */
export async function runFileInProcess(command: string, args: readonly string[], timeoutMs = 60_000): Promise<FileRun> {
  const file = resolve(command);
  const argv = process.argv;
  const exitCode = process.exitCode;
  process.argv = [argv[0]!, file, ...args];
  process.exitCode = undefined;
  try {
    const r = await captured(async () => {
      const started = Date.now();
      try {
        await import(`${pathToFileURL(file).href}?run=${++runs}`);
        while (process.exitCode === undefined && Date.now() - started < timeoutMs) await turn();
      } catch (err) {
        process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
        process.exitCode = 1;
      }
      return process.exitCode === undefined ? null : Number(process.exitCode);
    });
    return { code: r.value, stdout: r.stdout, stderr: r.stderr };
  } finally {
    process.argv = argv;
    process.exitCode = exitCode;
  }
}
