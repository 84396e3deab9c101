/**
 * Whether an output path would write over an input of the same command: the same file
 * (by its real path, through symbolic links, or the same inode: a hard link), or a file
 * inside a directory output. Commands check every output against every input before
 * anything runs (outputs never destroy: a run must not replace what it reads).
 */
import { realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

/** A path named by an option, e.g. `{ option: "--out", path: "r.html" }`. */
export interface NamedPath {
  readonly option: string;
  readonly path: string;
}

/** The real path of `path`: its nearest existing ancestor's real path, with the rest appended. */
function canonical(path: string): string {
  let dir = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(dir), ...rest.reverse());
    } catch {
      const up = dirname(dir);
      if (up === dir) return join(dir, ...rest.reverse());
      rest.push(basename(dir));
      dir = up;
    }
  }
}

function inode(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

/** True when writing `output` would replace or remove `input` (the same file, or `input` inside the directory `output`). */
export function writesOver(output: string, input: string): boolean {
  const o = canonical(output);
  const i = canonical(input);
  if (o === i || i.startsWith(o.endsWith(sep) ? o : o + sep)) return true;
  const a = inode(output);
  return a !== undefined && a === inode(input);
}

/** The first output that would write over an input, as a message `--out: PATH is also the --log input; …`; undefined when none. */
export function outputOverInput(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): string | undefined {
  for (const out of outputs) {
    for (const input of inputs) {
      if (!writesOver(out.path, input.path)) continue;
      const node = inode(out.path);
      const inside = canonical(out.path) !== canonical(input.path) && (node === undefined || node !== inode(input.path));
      return (
        `${out.option}: ${JSON.stringify(out.path)} ${inside ? `holds the ${input.option} input ${JSON.stringify(input.path)}` : `is also the ${input.option} input`}; ` +
        "an output never replaces what the command reads: choose another path"
      );
    }
  }
  return undefined;
}
