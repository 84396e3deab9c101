/** What the notebook tests share: running a notebook in this process, checking its text. */
import { expect } from "vitest";
import { notebookProvenance, resolveNotebookParams, type Notebook } from "../../cli/notebook-cli.ts";
import { renderPage } from "../../reports/index.ts";

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
