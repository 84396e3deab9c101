/**
 * Operating-system errors a user can cause (a read-only folder, a parent that is a
 * file, a full disk, a closed pipe…) in words, and as the InputError every command
 * reports them with: one line `option: path: what is wrong`, exit code 2. Anything
 * else is not recognised here and stays a bug of ours (a stack, exit code 1).
 */
import { InputError } from "../experiments/inputs/params.ts";

/** What each errno code means to a user, in words. */
const meanings: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "no such file or directory",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  EEXIST: "already exists",
  ENOTEMPTY: "is a directory that is not empty",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EPIPE: "the reader closed the pipe",
  EROFS: "read-only file system",
  EBUSY: "device or resource busy",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many levels of symbolic links",
  EXDEV: "on another file system",
  ENXIO: "no such device",
  ENODEV: "no such device",
  ETXTBSY: "text file busy",
  EINVAL: "invalid argument for this file",
};

/** The errno code of `err` when it is an operating-system error this module knows, else undefined. */
export function osErrorCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && code in meanings ? code : undefined;
}

/** The words for an operating-system error (its code), e.g. "permission denied (EACCES)". */
export function osErrorWords(err: unknown): string {
  const code = osErrorCode(err);
  return code === undefined ? String((err as Error)?.message ?? err) : `${meanings[code]} (${code})`;
}

/**
 * `err` as the InputError `option: path: what is wrong` when it is an operating-system
 * error; any other error is returned as it is (a bug: the caller rethrows it).
 */
export function osInputError(option: string, path: string, err: unknown): unknown {
  if (err instanceof InputError || osErrorCode(err) === undefined) return err;
  return new InputError(`${option}: ${path}: ${osErrorWords(err)}`);
}
