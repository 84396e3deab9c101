import { randomUUID } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `content` (UTF-8) to `path` so readers see the old file or the whole
 * new one, never a partial write: the parent directory is created if needed,
 * the content goes to a temporary `.<name>.<uuid>.tmp` in the same directory
 * (same file system, so rename is atomic), then is renamed over `path`.
 * On failure the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await replaceAtomically(path, (temp) => writeFile(temp, content, { flag: "wx" }));
}

/**
 * The same for content too large to hold in memory: `write` writes it to the stream
 * and ends it; the file replaces `path` once the stream has finished.
 */
export async function writeStreamAtomic(path: string, write: (file: WriteStream) => Promise<void>): Promise<void> {
  await replaceAtomically(path, async (temp) => {
    const file = createWriteStream(temp, { flags: "wx" });
    const finished = new Promise<void>((resolve, reject) => {
      file.on("finish", resolve);
      file.on("error", reject);
    });
    await Promise.all([write(file), finished]).catch((error: unknown) => {
      file.destroy();
      throw error;
    });
  });
}

/** Writes a temporary file beside `path` with `writeTemp`, then renames it over `path`. */
async function replaceAtomically(path: string, writeTemp: (temp: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeTemp(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
