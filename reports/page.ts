import { answerToHtml, type Answer } from "./answer-block.ts";
import { asTable } from "./as-table.ts";
import { csvDownloadLink, type CsvDownload } from "./csv-link.ts";
import { escapeHtml } from "./escape-html.ts";
import { tableToHtml, type TableSpec } from "./format-table.ts";
import { pageCss } from "./page-style.ts";
import type { Provenance } from "./provenance.ts";
import { provenanceToHtml } from "./provenance-footer.ts";

export const defaults = {
  lang: "en",
  /** Summary line of a section's folded `details`. */
  detailsSummary: "Method and detail",
  /** Summary line of the folded guide when the page opens with an answer. */
  guideSummary: "What was simulated, and how to read this page",
} as const;

/**
 * One section of a report: a heading and any of text, folded detail, figure(s),
 * table, data download, in that order (with `layout: "beside"`, the text, detail
 * and download sit beside the figure or table on a wide screen).
 */
export interface PageSection {
  readonly heading: string;
  /** Plain text, the section's short reading of its figure or table; blank lines separate paragraphs. */
  readonly text?: string;
  /** Longer plain text (method, derivations, caveats), folded behind `<details>`; blank lines separate paragraphs. */
  readonly details?: string;
  /** The `<summary>` line of `details`. Default "Method and detail". */
  readonly detailsSummary?: string;
  /**
   * SVG or figure markup from `renderPlot` or a figure function, inserted
   * verbatim; several (small multiples) sit side by side at their own width,
   * as many to a row as fit. Rejected if any contains scripts, event handlers or references
   * to anything outside the page. Requires `csv`.
   */
  readonly figure?: string | readonly string[];
  /** Shown inside a frame that scrolls sideways on its own (with a shadow at the hidden edge) when wider than the page. */
  readonly table?: TableSpec;
  /** The data behind the figure (or table), embedded as a CSV download. */
  readonly csv?: CsvDownload;
  /**
   * `"stacked"` (default): text above the figure or table. `"beside"`: the text
   * in a column left of the figure (or of the table when there is no figure; a
   * table under a figure then spans the page), at most 40rem wide, on a screen at
   * least 62rem wide, stacked below that.
   */
  readonly layout?: "stacked" | "beside";
}

/** A whole report page. Every string in it is plain text and will be escaped. */
export interface Page {
  readonly title: string;
  /**
   * The page's answer in a few numbers, shown first, under the title. With an
   * answer, `guide` is folded behind `<details>` under it. Default none (the
   * guide is shown open).
   */
  readonly answer?: Answer;
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
 * page is malformed: empty title or heading, a bad answer (see `answerToHtml`),
 * an unknown layout, a figure without its CSV, a CSV
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
    ...(page.answer === undefined ? [`<p class="guide">${escapeHtml(page.guide)}</p>`] : [answerToHtml(page.answer), folded(defaults.guideSummary, `<p class="guide">${escapeHtml(page.guide)}</p>`)]),
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
  const beside = section.layout === "beside";
  const prose = paragraphs(section.text);
  if (section.details !== undefined && section.details.trim() !== "") {
    prose.push(folded(section.detailsSummary ?? defaults.detailsSummary, paragraphs(section.details).join("\n")));
  }
  const download = section.csv === undefined ? [] : [`<p>${csvDownloadLink(section.csv)}</p>`];
  const shown: string[] = [];
  if (section.figure !== undefined) {
    shown.push(
      typeof section.figure === "string" ? `<div class="figure">${section.figure}</div>` : `<div class="figures">${section.figure.map((f) => `<div class="figure">${f}</div>`).join("\n")}</div>`,
    );
  }
  if (section.table !== undefined) {
    shown.push(`<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(section.heading)} (table)">${tableToHtml(section.table)}</div>`);
  }
  const body = beside ? [`<div class="beside">`, `<div class="prose">`, ...prose, ...download, `</div>`, ...shown, `</div>`] : [...prose, ...shown, ...download];
  return [`<section id="section-${index + 1}">`, `<h2>${escapeHtml(section.heading)}</h2>`, ...body, `</section>`].join("\n");
}

/** Plain text → escaped `<p>`s; blank lines separate paragraphs. */
function paragraphs(text: string | undefined): string[] {
  if (text === undefined) return [];
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`);
}

/** `markup` folded behind a `<details>` whose summary is `summary` (escaped). */
function folded(summary: string, markup: string): string {
  return `<details>\n<summary>${escapeHtml(summary)}</summary>\n${markup}\n</details>`;
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
    for (const key of ["text", "details", "detailsSummary"] as const) {
      if (section[key] !== undefined && typeof section[key] !== "string") fail(`${at}.${key}`, "must be a string");
    }
    if (section.layout !== undefined && section.layout !== "stacked" && section.layout !== "beside") {
      fail(`${at}.layout`, `must be "stacked" or "beside", got ${JSON.stringify(section.layout)}`);
    }
    if (section.figure !== undefined) {
      const figures = typeof section.figure === "string" ? [section.figure] : section.figure;
      if (!Array.isArray(figures) || figures.length === 0) fail(`${at}.figure`, "must be a markup string or a non-empty array of them");
      figures.forEach((figure, j) => {
        const where = typeof section.figure === "string" ? `${at}.figure` : `${at}.figure[${j}]`;
        if (typeof figure !== "string") fail(where, "must be a markup string");
        for (const [pattern, what] of UNSAFE_MARKUP) {
          if (pattern.test(figure)) fail(where, `must be self-contained and inert, but contains ${what}`);
        }
      });
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
