import { asTable } from "./as-table.ts";
import { csvDownloadLink, type CsvDownload } from "./csv-link.ts";
import { escapeHtml } from "./escape-html.ts";
import { tableToHtml, type TableSpec } from "./format-table.ts";
import { pageCss } from "./page-style.ts";
import type { Provenance } from "./provenance.ts";
import { provenanceToHtml } from "./provenance-footer.ts";

export const defaults = {
  lang: "en",
} as const;

/** One section of a report: a heading and any of text, figure, table, data download. */
export interface PageSection {
  readonly heading: string;
  /** Plain text; blank lines separate paragraphs. */
  readonly text?: string;
  /**
   * SVG or figure markup from `renderPlot` or a figure function, inserted
   * verbatim. Rejected if it contains scripts, event handlers or references
   * to anything outside the page. Requires `csv`.
   */
  readonly figure?: string;
  readonly table?: TableSpec;
  /** The data behind the figure (or table), embedded as a CSV download. */
  readonly csv?: CsvDownload;
}

/** A whole report page. Every string in it is plain text and will be escaped. */
export interface Page {
  readonly title: string;
  /** One paragraph telling the reader what the page shows and how to read it. */
  readonly guide: string;
  readonly sections: readonly PageSection[];
  readonly provenance: Provenance;
}

/**
 * Renders `page` as one self-contained HTML document (inline CSS, data
 * embedded, no script, no external URL) that opens from file://. The result
 * is a pure function of `page`: no clock, no randomness, so identical input
 * gives identical bytes.
 *
 * Throws an Error naming the field (e.g. `sections[1].csv.filename`) if the
 * page is malformed: empty title or heading, a figure without its CSV, a CSV
 * filename that is not a plain unique `*.csv` name or a CSV without columns
 * or rows, unsafe figure markup, or bad provenance (replications not a
 * positive integer, empty command, seed not a finite number or a string).
 */
export function renderPage(page: Page): string {
  checkPage(page);
  const sections = page.sections.map((section, i) => renderSection(section, i));
  return [
    `<!doctype html>`,
    `<html lang="${defaults.lang}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>\n${pageCss}\n</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    `<header>`,
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p class="guide">${escapeHtml(page.guide)}</p>`,
    `</header>`,
    ...sections,
    provenanceToHtml(page.provenance),
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}

function renderSection(section: PageSection, index: number): string {
  const parts = [`<section id="section-${index + 1}">`, `<h2>${escapeHtml(section.heading)}</h2>`];
  if (section.text !== undefined) {
    for (const paragraph of section.text.split(/\n\s*\n/)) {
      if (paragraph.trim() !== "") parts.push(`<p>${escapeHtml(paragraph.trim())}</p>`);
    }
  }
  if (section.figure !== undefined) parts.push(`<div class="figure">${section.figure}</div>`);
  if (section.table !== undefined) parts.push(`<div class="table-wrap">${tableToHtml(section.table)}</div>`);
  if (section.csv !== undefined) parts.push(`<p>${csvDownloadLink(section.csv)}</p>`);
  parts.push(`</section>`);
  return parts.join("\n");
}

const CSV_FILENAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/;

/** Markup patterns that could run code or fetch something when the page opens. */
const UNSAFE_MARKUP: readonly [RegExp, string][] = [
  [/<script\b/i, "a <script> element"],
  [/<(?:iframe|object|embed|link|img|image|foreignObject|meta|base)\b/i, "an element that loads or embeds content"],
  [/<[^>]*\son[a-z]+\s*=/i, "an event-handler attribute"],
  [/\b(?:https?|ftp|file):\/\//i, "an external URL"],
  [/\b(?:href|src)\s*=\s*["']?(?!#)/i, "a link that is not a same-page #fragment"],
  [/url\(\s*["']?(?!#)/i, "a url() that is not a same-page #fragment"],
  [/@import\b/i, "a CSS @import"],
];

function checkPage(page: Page): void {
  nonEmptyText(page.title, "title");
  if (typeof page.guide !== "string") fail("guide", "must be a string");
  if (!Array.isArray(page.sections)) fail("sections", "must be an array");
  const filenames = new Set<string>();
  page.sections.forEach((section, i) => {
    const at = `sections[${i}]`;
    nonEmptyText(section.heading, `${at}.heading`);
    if (section.text !== undefined && typeof section.text !== "string") fail(`${at}.text`, "must be a string");
    if (section.figure !== undefined) {
      if (typeof section.figure !== "string") fail(`${at}.figure`, "must be a markup string");
      for (const [pattern, what] of UNSAFE_MARKUP) {
        if (pattern.test(section.figure)) fail(`${at}.figure`, `must be self-contained and inert, but contains ${what}`);
      }
      if (section.csv === undefined) fail(`${at}.csv`, "is required: every figure ships the data behind it");
    }
    if (section.csv !== undefined) {
      const { filename } = section.csv;
      if (typeof filename !== "string" || !CSV_FILENAME.test(filename)) {
        fail(`${at}.csv.filename`, `must be a plain file name ending in .csv, got ${JSON.stringify(filename)}`);
      }
      if (filenames.has(filename)) fail(`${at}.csv.filename`, `"${filename}" is already used by another section`);
      filenames.add(filename);
      const table = asTable(section.csv.table);
      if (table.numCols() === 0 || table.numRows() === 0) fail(`${at}.csv.table`, "must have at least one column and one row");
    }
  });
  const p = page.provenance;
  if (p === null || typeof p !== "object") fail("provenance", "is required");
  nonEmptyText(p.scenario, "provenance.scenario");
  if (p.params === null || typeof p.params !== "object" || Array.isArray(p.params)) {
    fail("provenance.params", "must be an object of resolved parameters");
  }
  if (!(typeof p.seed === "string" || Number.isFinite(p.seed))) fail("provenance.seed", "must be a finite number or a string");
  if (!Number.isInteger(p.replications) || p.replications < 1) {
    fail("provenance.replications", `must be a positive integer, got ${String(p.replications)}`);
  }
  if (p.packageVersion !== undefined) nonEmptyText(p.packageVersion, "provenance.packageVersion");
  if (p.gitCommit !== undefined) nonEmptyText(p.gitCommit, "provenance.gitCommit");
  nonEmptyText(p.command, "provenance.command");
}

function nonEmptyText(value: unknown, at: string): void {
  if (typeof value !== "string" || value.trim() === "") fail(at, "must be a non-empty string");
}

function fail(at: string, message: string): never {
  throw new Error(`page ${at}: ${message}`);
}
