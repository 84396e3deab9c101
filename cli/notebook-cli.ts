/**
 * The command line shared by every notebook: `--out FILE` (default `out/<name>.html`),
 * `--set name=value` (repeatable), `--workers N`, `--big`, `--help` and the execution
 * options, parsed by the one parser (cli/options.ts). It checks the
 * output path (cli/outputs.ts: a new file or a regular file to replace, in a folder
 * it may write) and validates the parameters before anything runs, runs the notebook
 * (refused when its estimate is above the limit, unless `--big`), writes its page
 * atomically and prints the report's absolute path on stdout. Bad input → one line on stderr naming the
 * parameter, the value and what is allowed, exit code 2, nothing written. Progress
 * and timing go to stderr, and only when it is a terminal.
 *
 *   if (isMain(import.meta.url)) notebookMain(myNotebook);
 */
import { gitCommit, renderPage, type Page, type Provenance } from "../reports/index.ts";
import { runMain, userError } from "./command.ts";
import { helpText } from "./help.ts";
import { parseOptions, type CommandSpec, type ParsedOptions } from "./options.ts";
import { ineffectiveSettings } from "../experiments/general/ineffective-settings.ts";
import { fileOutput, writeFileOutput } from "./outputs.ts";
import { defaults, InputError, resolve, type ParamSpec, type ParamValues } from "../experiments/inputs/params.ts";
import { withExecution } from "../runner/execution.ts";
import { defaultWorkers } from "../runner/pool.ts";
import { shellQuote } from "./shell-quote.ts";

export interface NotebookContext {
  /** Threads that simulate (integer ≥ 1; 1: this thread alone). */
  readonly workers: number;
  /** Run even when the estimate is above the limit (`--big`); default: refused. */
  readonly big?: boolean;
  /** What produced the page; the notebook puts it on the page as is. */
  readonly provenance: Provenance;
  /** The `--set` arguments as typed: a value set to its default is still the user's, and held. */
  readonly sets?: readonly string[];
}

export interface Notebook {
  /** File name without extension: `notebooks/<name>.ts` writes `out/<name>.html`. */
  readonly name: string;
  /** What the report shows, for --help. */
  readonly description: string;
  /** Every parameter; `seed` and `replications`, when present, go into the provenance. */
  readonly params: readonly ParamSpec[];
  run(values: ParamValues, context: NotebookContext): Page | Promise<Page>;
}

export interface NotebookArgs {
  help: boolean;
  out: string | undefined;
  workers: number | undefined;
  sets: string[];
  big: boolean;
}

/** A notebook's command line: its parameters and the run options every notebook takes. */
export function notebookSpec(notebook: Pick<Notebook, "name" | "description" | "params">): CommandSpec {
  return {
    command: `notebooks/${notebook.name}.ts`,
    usage: `npx tsx notebooks/${notebook.name}.ts [--out FILE] [--set name=value]... [--workers N] [--big] [options]`,
    description: notebook.description,
    options: [],
    run: ["out", "workers", "big"],
    out: { kind: "file", default: `out/${notebook.name}.html`, help: "where to write the report" },
    runHelp: { workers: `threads that simulate (default ${defaultWorkers()}, every core); the report does not depend on it` },
    execution: true,
    params: notebook.params,
    paramsNote: "rates take 15% or 0.15; choices any case, or by their names",
  };
}

const bareNotebook = notebookSpec({ name: "notebook", description: "", params: [] });

export function parseNotebookArgs(argv: readonly string[]): NotebookArgs {
  return asNotebookArgs(parseOptions(bareNotebook, argv));
}

function asNotebookArgs(o: ParsedOptions): NotebookArgs {
  return { help: o.help, out: o.run.out, workers: o.run.workers, sets: [...o.sets], big: o.run.big };
}

/** Resolves `--set` overrides against the notebook's parameter table. */
export function resolveNotebookParams(notebook: Notebook, sets: readonly string[]): ParamValues {
  return resolve(notebook.params, sets);
}

export { shellQuote };

/**
 * The command that regenerates the page: `npx tsx notebooks/<name>.ts` with `--set` for
 * every value typed (`typed`, whatever it equals) or not at its default.
 */
export function reproduceCommand(notebook: Notebook, values: ParamValues, typed: readonly string[] = []): string {
  const base = defaults(notebook.params);
  const named = new Set(typed.map((s) => s.slice(0, Math.max(0, s.indexOf("="))).trim()));
  const sets = notebook.params
    .filter((spec) => values[spec.name] !== undefined && (values[spec.name] !== base[spec.name] || named.has(spec.name)))
    .map((spec) => `--set ${shellQuote(`${spec.name}=${String(values[spec.name])}`)}`);
  return [`npx tsx notebooks/${notebook.name}.ts`, ...sets].join(" ");
}

/**
 * Provenance of a notebook run: name, resolved parameters, seed, replications, package
 * version, git commit (the CLI passes `gitCommit()`; undefined leaves it out), command.
 */
export function notebookProvenance(notebook: Notebook, values: ParamValues, commit: string | undefined, typed: readonly string[] = []): Provenance {
  const seed = values.seed;
  const replications = values.replications;
  return {
    scenario: notebook.name,
    params: values,
    seed: typeof seed === "number" || typeof seed === "string" ? seed : "none",
    replications: typeof replications === "number" ? replications : 1,
    ...(commit === undefined ? {} : { gitCommit: commit }),
    command: reproduceCommand(notebook, values, typed),
  };
}

export function notebookHelp(notebook: Notebook): string {
  return helpText(notebookSpec(notebook));
}

export interface NotebookIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
}

/** Runs a notebook from the command line; resolves with the process exit code. */
export async function runNotebookCli(notebook: Notebook, argv: readonly string[], io: NotebookIo = process): Promise<number> {
  const command = `notebooks/${notebook.name}.ts`;
  try {
    const args = asNotebookArgs(parseOptions(notebookSpec(notebook), argv));
    if (args.help) {
      io.stdout.write(notebookHelp(notebook));
      return 0;
    }
    const out = fileOutput("--out", args.out ?? `out/${notebook.name}.html`);
    const values = resolveNotebookParams(notebook, args.sets);
    const started = performance.now();
    const page = await notebook.run(values, {
      workers: args.workers ?? defaultWorkers(),
      big: args.big,
      provenance: notebookProvenance(notebook, values, gitCommit(), args.sets),
      sets: args.sets,
    });
    await writeFileOutput(out, renderPage(page));
    // Valid but without effect: said once the page is written, so bad input stays one line.
    for (const w of ineffectiveSettings(args.sets, values)) io.stderr.write(`${command}: ${w}\n`);
    if (io.stderr.isTTY) io.stderr.write(`${command}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    io.stdout.write(`${out.path}\n`);
    return 0;
  } catch (raw) {
    const err = userError(raw);
    if (err instanceof InputError) {
      io.stderr.write(`${command}: ${err.message}\n`);
      return err.exitCode;
    }
    throw raw;
  }
}

/** `if (isMain(import.meta.url)) notebookMain(notebook)` at the bottom of a notebook file. */
export function notebookMain(notebook: Notebook, argv: readonly string[] = process.argv.slice(2)): void {
  const command = `notebooks/${notebook.name}.ts`;
  runMain(command, () => withExecution(command, argv, (rest) => runNotebookCli(notebook, rest)));
}
