/**
 * What every command's main does, in one place: parse its command line (cli/options.ts),
 * print --help, choose where its batches run (the execution options, for a command that
 * runs models), run its body, and turn the user's errors into one line on stderr with
 * exit code 2 (`runMain`).
 *
 *   if (isMain(import.meta.url)) commandMain(spec, async (o) => { … });
 */
import { pathToFileURL } from "node:url";
import { InputError } from "../experiments/inputs/params.ts";
import { RunnerInputError } from "../runner/runner-input-error.ts";
import { RunTooLargeError } from "../runner/run-estimate.ts";
import { helpText } from "./help.ts";
import { parseOptions, type CommandSpec, type ParsedOptions } from "./options.ts";
import { osErrorCode, osErrorWords } from "./os-error.ts";

export interface CommandIo {
  readonly stdout: { write(text: string): unknown };
}

/** A command's body: given its parsed command line, resolves with the exit code (default 0). */
export type CommandBody = (o: ParsedOptions) => Promise<number | void> | number | void;

/**
 * Runs `spec`'s command on `argv`: its --help, or its body with the parsed options; with
 * `spec.execution`, inside the executor its execution options choose (runner/execution.ts,
 * loaded only then). Bad input throws (InputError or RunnerInputError).
 */
export async function runCommandLine(spec: CommandSpec, argv: readonly string[], body: CommandBody, io: CommandIo = process): Promise<number> {
  const run = async (rest: readonly string[]): Promise<number> => {
    const o = parseOptions(spec, rest);
    if (o.help) {
      io.stdout.write(helpText(spec));
      return 0;
    }
    return (await body(o)) ?? 0;
  };
  if (!spec.execution) return run(argv);
  const { withExecution } = await import("../runner/execution.ts");
  return withExecution(spec.command, argv, run);
}

/** `runCommandLine` on the process's arguments, as the process's command (`runMain`). */
export function commandMain(spec: CommandSpec, body: CommandBody, asInput?: (err: unknown) => unknown): void {
  runMain(spec.command, () => runCommandLine(spec, process.argv.slice(2), body), asInput);
}

/**
 * True when `moduleUrl` is the file node was asked to run. A query string on the URL is
 * ignored: the bad-input corpus's case runner imports a command again with a new one to
 * run it once more in the same process.
 */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl.replace(/\?.*$/, "") === pathToFileURL(entry).href;
}

/**
 * Runs `body` as the process's command (every command file ends with it): the exit code
 * is what `body` resolves with (default 0); an InputError — or what `asInput` turns into
 * one, a run refused as too large, an operating-system error (a path the user gave that
 * cannot be read or written: `path: what is wrong`) — is one line on stderr naming
 * `command`, exit code 2; any other error is a bug of ours: its stack, exit code 1. A
 * closed stdout pipe (`| head`) ends the output quietly.
 */
export function runMain(command: string, body: () => Promise<number | void>, asInput: (err: unknown) => unknown = (err) => err): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  body().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (raw: unknown) => {
      const err = userError(asInput(raw));
      if (err instanceof InputError) {
        process.stderr.write(`${command}: ${err.message}\n`);
        process.exitCode = err.exitCode;
        return;
      }
      process.stderr.write(`${command}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The user's errors that are not InputErrors already — a refused run, an OS error — as InputErrors; others as they are. */
export function userError(err: unknown): unknown {
  if (err instanceof RunTooLargeError || err instanceof RunnerInputError) return new InputError(err.message);
  if (!(err instanceof InputError) && osErrorCode(err) !== undefined) {
    const e = err as NodeJS.ErrnoException;
    return new InputError(`${e.path ?? e.syscall ?? "output"}: ${osErrorWords(e)}`);
  }
  return err;
}
