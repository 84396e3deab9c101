/** What the notebook tests share: running a notebook in this process, the browser check's preconditions. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type TestContext } from "vitest";
import { notebookProvenance, resolveNotebookParams, type Notebook } from "../../notebooks/notebook-cli.ts";
import { renderPage } from "../../reports/index.ts";
import { CHROMIUM_PATH } from "../reports/browser-check.ts";

export const ARTIFACTS = fileURLToPath(new URL("../reports/__artifacts__/", import.meta.url));

/** Runs a notebook as its CLI would (without writing anything): the page's HTML. */
export async function renderNotebook(notebook: Notebook, sets: readonly string[], workers = 2): Promise<string> {
  const values = resolveNotebookParams(notebook, sets);
  const page = await notebook.run(values, { workers, provenance: notebookProvenance(notebook, values, undefined) });
  return renderPage(page);
}

/** Text a page must never show: a number that failed to compute. */
export function expectNoBrokenNumbers(html: string): void {
  const text = html.replace(/<[^>]*>/g, " ");
  expect(text).not.toMatch(/\bNaN\b|\bundefined\b|\bInfinity\b|\bnull\b/);
}

/** Skips locally without Chromium; under CI a missing Chromium is a failure, since CI installs it. */
export function requireChromium(ctx: TestContext): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.env.CI) expect.fail(`${CHROMIUM_PATH} not found; CI must install Chromium`);
  ctx.skip(`${CHROMIUM_PATH} not found: browser checks need Chromium; skipped locally`);
}
