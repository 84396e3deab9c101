/**
 * The run options, declared once for every command, scenario, notebook and benchmark:
 * how a command runs and where it writes, never what it computes (but `--set`). A
 * command names the ones it takes (cli/options.ts `CommandSpec.run`); each is spelled,
 * checked and described the same everywhere. The execution options (--queue, --shard,
 * --part, --from-part) of the commands that run models are taken out of the arguments by
 * runner/execution.ts before the parser sees them; they are declared here for --help.
 * Only params.ts, so a benchmark that parses its flags loads nothing else.
 */
import { InputError } from "../experiments/inputs/params.ts";

/** Most threads `--workers` accepts (a guard against typos, not a tuning limit). */
export const maxWorkers = 256;
/** Most accounts `--trace-accounts` accepts. */
export const maxTraceAccounts = 1_000_000;

/** What an option's value is, in words: "expected … after it" when missing. */
export interface RunOption {
  /** The flag and its value's placeholder as --help and the allowed list show them. */
  readonly flag: string;
  readonly metavar?: string;
  /** A value option's value, in words, for "expected … after it". */
  readonly what?: string;
  readonly multiple?: boolean;
  /** The meaning in --help, unless the command gives its own. */
  readonly help: string;
  /** Listed under "run options" (where and on how many threads it runs) rather than "options". */
  readonly execution?: boolean;
}

export type OutKind = "file" | "dir" | "path";

/** `--out`'s placeholder and missing-value words, by what it names. */
export const outKinds: Readonly<Record<OutKind, { readonly metavar: string; readonly what: string }>> = {
  file: { metavar: "FILE", what: "a file name" },
  dir: { metavar: "DIR", what: "a value" },
  path: { metavar: "PATH", what: "a value" },
};

/**
 * Every run option, in the order --help and the allowed list give them. `--workers`' and
 * `--big`'s help are completed by the command line with the machine's figures.
 */
export const runOptionTable = {
  json: { flag: "--json", help: "print the result as JSON on stdout" },
  out: { flag: "--out", metavar: "FILE", what: "a file name", help: "where to write the output" },
  set: { flag: "--set", metavar: "name=value", what: "name=value", multiple: true, help: "override a parameter (repeatable)" },
  workers: { flag: "--workers", metavar: "N", what: "threads that simulate", help: "threads that simulate (default: every core); results do not depend on it" },
  trace: {
    flag: "--trace",
    metavar: "FILE",
    what: "a file name",
    help: "stream every event of account 0 of replication 0 to FILE (CSV: ledger movements with the balance after " + "each, sends with outcome and response time, the closing balance)",
  },
  "trace-accounts": { flag: "--trace-accounts", metavar: "N", what: "accounts traced", help: "trace accounts 0 … N − 1 instead (default 1)" },
  big: { flag: "--big", help: "run even when the estimate is above the limit (15 minutes, or the machine's memory)" },
  queue: {
    flag: "--queue",
    metavar: "URL",
    what: "a value",
    execution: true,
    help: "run the jobs on queue workers (commands/worker.ts) through Redis at URL: redis://[user:password@]host:port[/db], or rediss://… for TLS; same results",
  },
  "queue-timeout": {
    flag: "--queue-timeout",
    metavar: "S",
    what: "a value",
    execution: true,
    help: "with --queue: stop (exit 2) after S seconds in which no job was done (default 600)",
  },
  shard: {
    flag: "--shard",
    metavar: "i/N",
    what: "a value",
    execution: true,
    help: "simulate only slice i of N of the batch and write it to --part FILE; merge the N parts with commands/merge.ts (the same bytes as the full run)",
  },
  part: { flag: "--part", metavar: "FILE", what: "a value", execution: true, help: "where --shard writes its part" },
  "from-part": {
    flag: "--from-part",
    metavar: "FILE",
    what: "a value",
    multiple: true,
    execution: true,
    help: "take every result from this part (repeatable; commands/merge.ts passes them); with --shard, run the next round " + "of a command whose later batches need earlier results",
  },
  help: { flag: "--help", help: "this text" },
} as const satisfies Record<string, RunOption>;

export type RunOptionName = keyof typeof runOptionTable;

/** The run options of every command that runs models through the batch runner (runner/execution.ts takes them out). */
export const executionOptions = ["queue", "queue-timeout", "shard", "part", "from-part"] as const satisfies readonly RunOptionName[];

/** What a command line's run options hold once parsed; absent: not given. */
export interface RunValues {
  json: boolean;
  big: boolean;
  out?: string;
  workers?: number;
  trace?: string;
  traceAccounts?: number;
  queue?: string;
  queueTimeout?: string;
  shard?: string;
  part?: string;
  fromPart: string[];
}

/** The integer value of `option`, from 1 to `max`; else an InputError naming the option, the text and the range. */
export function integerOption(option: string, text: string | undefined, max: number, what: string): number {
  if (text === undefined) throw new InputError(`${option}: expected ${what} after it`);
  // Decimal digits only: Number() would also read 0x10, 0b11 and 1e3.
  const n = /^\s*\+?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError(`${option}: ${JSON.stringify(text)} is not allowed; expected an integer from 1 to ${max} (${what})`);
  }
  return n;
}

/** Stores the value `text` of run option `name` into `run` (checked as every command checks it). */
export function setRunValue(run: RunValues, name: RunOptionName, text: string): void {
  switch (name) {
    case "workers":
      run.workers = integerOption("--workers", text, maxWorkers, "threads that simulate");
      return;
    case "trace-accounts":
      run.traceAccounts = integerOption("--trace-accounts", text, maxTraceAccounts, "accounts traced");
      return;
    case "trace":
      if (text === "") throw new InputError("--trace: expected a file name after it");
      run.trace = text;
      return;
    case "from-part":
      run.fromPart.push(text);
      return;
    case "queue-timeout":
      run.queueTimeout = text;
      return;
    case "out":
    case "queue":
    case "shard":
    case "part":
      run[name] = text;
      return;
    default:
      return;
  }
}

/** `argv` without the value option `flag` (given as `flag value` or `flag=value`). */
export function withoutOption(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) i++;
    else if (!argv[i]!.startsWith(`${flag}=`)) out.push(argv[i]!);
  }
  return out;
}
