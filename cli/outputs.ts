/**
 * The output layer every command writes through. Outputs never destroy: nothing a
 * command writes replaces or deletes something it did not write.
 *
 * - A **file output** (a report's `--out FILE`, `--trace FILE`, a generated log)
 *   replaces only a regular file (a re-run overwriting its own report is normal),
 *   never a directory or a device; it is written to a temporary file beside the
 *   target and renamed over it, so readers see the old file or the whole new one.
 * - A **directory output** (a sweep's `--out DIR`) is built in a fresh temporary
 *   directory beside the target and moved into place only when the target does not
 *   exist or is a directory this project wrote: it carries the manifest file
 *   `.inmail-sim-output.json` listing the files written, and nothing else. Anything
 *   else is refused naming the path, unless `--force` is given: then the files are
 *   written into the existing directory one by one (each atomically, replacing only a
 *   regular file of the same name), nothing else in it is touched, and no manifest is
 *   left, so the directory is never taken for one of ours later.
 * - A **stream** (`--trace`) goes to a temporary file, renamed over the target when the
 *   run has succeeded, removed when it fails.
 *
 * Every output path is checked by `fileOutput` / `dirOutput` before any simulation
 * starts: the nearest existing ancestor must be a directory this process may write in,
 * and the target, when it exists, a kind the output may replace. Missing parent
 * folders are created when the output is written. Every failure — at the check or
 * later, e.g. a full disk — is an InputError `option: path: what is wrong` (exit 2).
 */
import { randomUUID } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, type Stats } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve as resolvePath } from "node:path";
import { writeFileAtomic } from "../files/write-atomic.ts";
import { osErrorWords, osInputError } from "./os-error.ts";
import { InputError } from "../experiments/inputs/params.ts";

/** The file a directory output leaves in the directory: it marks the directory as this project's. */
export const manifestName = ".inmail-sim-output.json";

/** A checked file output. */
export interface FileOutput {
  readonly kind: "file";
  /** The option that named it, e.g. "--out", for messages. */
  readonly option: string;
  /** Absolute path. */
  readonly path: string;
}

/** A checked directory output. */
export interface DirOutput {
  readonly kind: "dir";
  readonly option: string;
  /** Absolute path. */
  readonly path: string;
  /** `replace`: absent, or a directory of ours (swapped whole); `into`: an existing directory, with --force. */
  readonly mode: "replace" | "into";
}

const fail = (option: string, path: string, what: string) => new InputError(`${option}: ${path}: ${what}`);

function statOrUndefined(option: string, path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    // Absent, or under a part that is not a directory (checkParent names that part).
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw osInputError(option, path, err);
  }
}

/** What a path that exists is, in words, when it is not a regular file or a directory. */
function kindWords(s: Stats): string {
  if (s.isCharacterDevice() || s.isBlockDevice()) return "is a device";
  if (s.isFIFO()) return "is a named pipe";
  if (s.isSocket()) return "is a socket";
  return "is not a regular file";
}

/** Absolute path of `text`, refusing an empty one. */
function absolute(option: string, text: string, what: string): string {
  if (text.trim() === "") throw new InputError(`${option}: "" is not allowed; expected ${what}`);
  return resolvePath(text);
}

/**
 * Checks that this process can create a file in `dir` by creating (exclusively) and
 * removing an empty probe file: permission bits alone do not tell (root, read-only
 * mounts, /proc).
 */
function probeWritable(option: string, path: string, dir: string): void {
  const probe = join(dir, `.inmail-sim-probe-${randomUUID()}`);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (err) {
    throw fail(option, path, `cannot write in ${dir}: ${osErrorWords(err)}`);
  }
  rmSync(probe, { force: true });
}

/**
 * Checks that the output's folder can be written: every ancestor that exists must be a
 * directory, and this process must be able to create a file in the nearest one (missing ones are created
 * when the output is written).
 */
function checkParent(option: string, path: string): void {
  let dir = dirname(path);
  for (;;) {
    const s = statOrUndefined(option, dir);
    if (s !== undefined) {
      if (!s.isDirectory()) throw fail(option, path, `${dir} is not a directory`);
      probeWritable(option, path, dir);
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/** Checks a file output before the run (InputError when it cannot or may not be written). */
export function fileOutput(option: string, text: string): FileOutput {
  const path = absolute(option, text, "a file name");
  if (/[/\\]$/.test(text)) throw fail(option, path, "names a folder; expected a file name");
  const s = statOrUndefined(option, path);
  if (s !== undefined && s.isDirectory()) throw fail(option, path, "is a directory; expected a file name (a file output never replaces a directory)");
  if (s !== undefined && !s.isFile()) throw fail(option, path, `${kindWords(s)}; expected a regular file or a new file name (a file output replaces only a regular file)`);
  checkParent(option, path);
  return { kind: "file", option, path };
}

/** The file names a manifest lists, or undefined when `dir` has no readable manifest of ours. */
function manifestFiles(dir: string): string[] | undefined {
  const file = join(dir, manifestName);
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as { writtenBy?: unknown; files?: unknown };
    if (m.writtenBy !== "inmail-sim" || !Array.isArray(m.files) || !m.files.every((f) => typeof f === "string")) return undefined;
    return m.files as string[];
  } catch {
    return undefined;
  }
}

/** What `dir` holds beyond the files its manifest lists (and the manifest itself). */
function foreignEntries(option: string, dir: string, listed: readonly string[]): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw osInputError(option, dir, err);
  }
  const ours = new Set([...listed, manifestName]);
  return entries.filter((e) => !ours.has(e));
}

/**
 * Checks a directory output before the run: absent, or a directory of ours holding only
 * the files its manifest lists (replaced whole); with `force`, any existing directory
 * (written into). Anything else is an InputError naming the path.
 */
export function dirOutput(option: string, text: string, force: boolean): DirOutput {
  const path = absolute(option, text, "a directory name");
  const s = statOrUndefined(option, path);
  checkParent(option, path);
  if (s === undefined) return { kind: "dir", option, path, mode: "replace" };
  if (!s.isDirectory()) throw fail(option, path, `${s.isFile() ? "is a file" : kindWords(s)}, not a directory; expected a new directory or one this project wrote`);
  probeWritable(option, path, path);
  const listed = manifestFiles(path);
  if (listed !== undefined) {
    const foreign = foreignEntries(option, path, listed);
    if (foreign.length === 0) return { kind: "dir", option, path, mode: "replace" };
    if (force) return { kind: "dir", option, path, mode: "into" };
    throw fail(
      option,
      path,
      `holds ${foreign.length === 1 ? "a file" : `${foreign.length} files`} this project did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", …" : ""}); choose a new directory, or pass --force to write the tables into it (only files of the same names are replaced)`,
    );
  }
  if (force) return { kind: "dir", option, path, mode: "into" };
  throw fail(
    option,
    path,
    `exists and was not written by this project (no ${manifestName}); choose a new directory, or pass --force to write the tables into it (only files of the same names are replaced)`,
  );
}

/** Writes a checked file output atomically (temp + rename); OS errors → InputError. */
export async function writeFileOutput(output: FileOutput, content: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(output.path, content);
  } catch (err) {
    throw osInputError(output.option, output.path, err);
  }
}

/**
 * Writes `files` (name → content) as a checked directory output, all of them or none:
 * built in a fresh temporary directory beside the target with the manifest, then moved
 * into place (a directory of ours is swapped out and removed only once the new one is
 * in place); with `mode: "into"`, each file atomically into the existing directory.
 */
export async function writeDirOutput(output: DirOutput, files: Readonly<Record<string, string | Uint8Array>>, command: string): Promise<void> {
  const { option, path } = output;
  const names = Object.keys(files);
  try {
    if (output.mode === "into") {
      for (const name of names) {
        const target = join(path, name);
        if (existsSync(target) && !statSync(target).isFile()) throw fail(option, target, "is not a regular file; expected to replace only a file of that name");
        await writeFileAtomic(target, files[name]!);
      }
      return;
    }
    const parent = dirname(path);
    await mkdir(parent, { recursive: true });
    const temp = join(parent, `.${basename(path)}.${randomUUID()}.tmp`);
    await mkdir(temp);
    let old: string | undefined;
    try {
      for (const name of names) await writeFile(join(temp, name), files[name]!, { flag: "wx" });
      const manifest = { writtenBy: "inmail-sim", command, files: names };
      await writeFile(join(temp, manifestName), `${JSON.stringify(manifest, null, 2)}\n`, { flag: "wx" });
      if (existsSync(path)) {
        // Checked before the run: a directory of ours. Check again: it may have changed since.
        // The whole old directory is removed once replaced: it must still hold nothing but ours.
        const listed = manifestFiles(path);
        if (listed === undefined) throw fail(option, path, `is no longer a directory this project wrote (no ${manifestName}); nothing was written`);
        const foreign = foreignEntries(option, path, listed);
        if (foreign.length > 0) throw fail(option, path, `now holds files this project did not write (${foreign.slice(0, 3).join(", ")}); nothing was written`);
        old = join(parent, `.${basename(path)}.${randomUUID()}.old`);
        await rename(path, old);
      }
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { recursive: true, force: true });
      if (old !== undefined && !existsSync(path)) await rename(old, path);
      throw err;
    }
    if (old !== undefined) await rm(old, { recursive: true, force: true });
  } catch (err) {
    throw osInputError(option, path, err);
  }
}

/**
 * A stream output in progress: `fd` is open on a temporary file beside the target;
 * `commit` renames it over the target, `discard` removes it. Synchronous, for writers
 * that stream with `writeSync` (the trace).
 */
export interface StreamOutput {
  readonly fd: number;
  /** Ends the stream and moves it into place (InputError on an OS error; the temp file is removed). */
  commit(): void;
  /** Ends the stream and removes the temporary file (never throws). */
  discard(): void;
}

/** Opens a stream to a checked file output (its folder created when missing). */
export function openStreamOutput(output: FileOutput): StreamOutput {
  const temp = join(dirname(output.path), `.${basename(output.path)}.${randomUUID()}.tmp`);
  let fd: number;
  try {
    mkdirSync(dirname(output.path), { recursive: true });
    fd = openSync(temp, "wx");
  } catch (err) {
    throw osInputError(output.option, output.path, err);
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  const discard = () => {
    try {
      close();
    } catch {
      // The file is removed below whatever the close said.
    }
    rmSync(temp, { force: true });
  };
  return {
    fd,
    commit() {
      try {
        close();
        renameSync(temp, output.path);
      } catch (err) {
        discard();
        throw osInputError(output.option, output.path, err);
      }
    },
    discard,
  };
}
