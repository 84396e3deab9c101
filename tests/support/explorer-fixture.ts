/**
 * The explorer page built once for a test file, in a temporary folder removed afterwards,
 * and one Chromium session on it, started on first use and closed afterwards. Call it at
 * the top of a `describe`: it registers its own beforeAll and afterAll.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { writeFileAtomic } from "../../files/write-atomic.ts";
import { buildExplorer } from "../../notebooks/explorer.ts";
import { explorerSession, type ExplorerSession } from "../../tools/explorer-page.ts";

export interface ExplorerFixture {
  /** The temporary folder (the page is `html` in it). */
  readonly dir: string;
  readonly html: string;
  /** The session, started on first call. */
  session(): Promise<ExplorerSession>;
  /** The session already started (a test that has opened a page). */
  readonly current: ExplorerSession;
}

export function explorerFixture(prefix: string): ExplorerFixture {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const html = join(dir, "explorer.html");
  let started: ExplorerSession | undefined;
  beforeAll(async () => {
    await writeFileAtomic(html, await buildExplorer("npx tsx notebooks/explorer.ts"));
  });
  afterAll(async () => {
    await started?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    html,
    session: async () => (started ??= await explorerSession(html)),
    get current() {
      if (started === undefined) throw new Error("no explorer session yet: open a page first");
      return started;
    },
  };
}
