/**
 * One bad input of the table-driven corpus (tests/bad-input/cases/*.ts, each exporting
 * `cases: BadInputCase[]`): a command a user might type, what it must end with, and the
 * text its one stderr line must contain. The checking test runs every case with the
 * repository root as its working directory and asserts: the exit code, no stack trace,
 * nothing on stdout, exactly one line on stderr containing every `stderr` string, and
 * nothing changed under the case's scratch directory `$DIR` (a snapshot before and after,
 * including the files the case put there).
 */
export interface BadInputCase {
  /** The class of mistake, as docs/bad-input.md names it (e.g. "data loss", "OS error", "runaway", "wrong number", "log"). */
  readonly kind: string;
  /** The command file as a user types it, run with `npx tsx` from the repository root, e.g. "commands/replay.ts". */
  readonly command: string;
  /**
   * Its arguments; every "$DIR" is replaced by the case's fresh scratch directory (absolute
   * path), every "$REDIS" by host:port of a redis-server the corpus starts on 127.0.0.1
   * (no worker on it: a case that would wait for one must end otherwise).
   */
  readonly args: readonly string[];
  /** Files to create under $DIR before the run: relative path → content (bytes for invalid UTF-8 and the like). */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  /** Expected exit code (default 2). */
  readonly exit?: number;
  /** Substrings the one stderr line must contain ("$DIR" replaced as in args). */
  readonly stderr: readonly string[];
  /** Substrings that must appear nowhere in its output (a password, say). */
  readonly absent?: readonly string[];
}
