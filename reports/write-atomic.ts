import { randomUUID } from "node:crypto";
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
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, content, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
