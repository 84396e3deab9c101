import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { expect, type TestContext } from "vitest";

/** Where the system Chromium lives (Debian's `chromium` package). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Where browser tests leave their screenshots (git-ignored). */
export const ARTIFACTS = fileURLToPath(new URL("./__artifacts__/", import.meta.url));

/** Skips locally without Chromium; under CI a missing Chromium is a failure, since CI installs it. */
export function requireChromium(ctx: TestContext): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const missing = `${CHROMIUM_PATH} not found: browser checks need Chromium (apt-get install -y chromium)`;
  if (process.env.CI) expect.fail(`${missing}; CI must install it`);
  ctx.skip(`${missing}; skipped locally`);
}

export const defaults = {
  viewport: { width: 1000, height: 800 },
  /** Sub-pixel slack when comparing text boxes with their SVG's box. */
  tolerancePx: 0.5,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
} as const;

export interface BrowserCheckOptions {
  /** CSS px. Default 1000 × 800; use e.g. 390 × 844 for a phone. */
  readonly viewport?: { readonly width: number; readonly height: number };
}

/** What the check looked at, for tests to assert that it looked at anything. */
export interface BrowserCheckSummary {
  readonly figures: number;
  readonly drawnMarks: number;
  readonly texts: number;
  readonly csvLinks: number;
}

/**
 * Opens a report from file:// in headless Chromium, saves a full-page PNG
 * screenshot to `screenshotPath` (parent created), and throws one Error
 * listing every problem found:
 * - a console error, an uncaught page error, or any request leaving the page
 *   (anything but file: and data: URLs is blocked and reported);
 * - a chart SVG inside `.figure` without a drawn mark: no path, rect, circle,
 *   line, polygon, polyline or text of non-zero size in a mark group (axes,
 *   grids and frames do not count);
 * - a non-empty SVG text (charts and legend ramps) whose box pokes out of its SVG;
 * - a section with a figure but no download link, or an `a[download]` whose
 *   data does not decode (as the browser does, via fetch) to CSV with a
 *   header row and at least one data row.
 * Needs Chromium at CHROMIUM_PATH; the launch error says so if it is missing.
 */
export async function checkReportInBrowser(
  htmlPath: string,
  screenshotPath: string,
  options: BrowserCheckOptions = {},
): Promise<BrowserCheckSummary> {
  const { viewport = defaults.viewport } = options;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...defaults.args] });
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      problems.push(`external request: ${url}`);
      return route.abort();
    });
    // tsx and vitest compile with esbuild's keepNames, which wraps functions in
    // `__name(fn, "name")`; the in-page copy of inspectPage needs that helper too.
    await page.addInitScript({ content: "globalThis.__name ??= (fn) => fn;" });
    await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: "load" });
    const found = await page.evaluate(inspectPage, defaults.tolerancePx);
    problems.push(...found.problems);
    await mkdir(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: true });
    if (problems.length > 0) {
      throw new Error(`report ${htmlPath} failed the browser check:\n- ${problems.join("\n- ")}`);
    }
    return found.summary;
  } finally {
    await browser.close();
  }
}

/** Runs inside the page; must be self-contained (serialised by Playwright). */
async function inspectPage(tolerancePx: number): Promise<{ problems: string[]; summary: BrowserCheckSummary }> {
  const problems: string[] = [];
  const sectionName = (el: Element) => el.closest("section")?.querySelector("h2")?.textContent ?? "(no section)";
  const isLegend = (svg: Element) =>
    /-ramp\b/.test(svg.getAttribute("class") ?? "") || svg.closest('[class*="-swatch"]') !== null;
  const svgs = [...document.querySelectorAll(".figure svg")].filter(
    (svg) => svg.parentElement?.closest("svg") === null && !isLegend(svg),
  ) as SVGSVGElement[];
  const ramps = [...document.querySelectorAll(".figure svg")].filter(
    (svg) => /-ramp\b/.test(svg.getAttribute("class") ?? ""),
  ) as SVGSVGElement[];

  let drawnMarks = 0;
  for (const svg of svgs) {
    const groups = [...svg.querySelectorAll("g[aria-label]")].filter(
      (g) => !/axis|grid|frame/.test(g.getAttribute("aria-label") ?? ""),
    );
    const drawn = groups.flatMap((g) =>
      [...g.querySelectorAll("path, rect, circle, line, polygon, polyline, text")].filter((el) => {
        const box = (el as SVGGraphicsElement).getBoundingClientRect();
        return box.width > 0 || box.height > 0;
      }),
    );
    if (drawn.length === 0) problems.push(`figure in "${sectionName(svg)}" has no drawn marks`);
    drawnMarks += drawn.length;
  }

  let texts = 0;
  for (const svg of [...svgs, ...ramps]) {
    const frame = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll("text")) {
      if ((text.textContent ?? "").trim() === "") continue;
      texts += 1;
      const box = text.getBoundingClientRect();
      const out =
        box.left < frame.left - tolerancePx ||
        box.right > frame.right + tolerancePx ||
        box.top < frame.top - tolerancePx ||
        box.bottom > frame.bottom + tolerancePx;
      if (out) {
        const f = (n: number) => n.toFixed(1);
        problems.push(
          `text "${text.textContent}" in "${sectionName(svg)}" overflows its figure ` +
            `(text ${f(box.left)}–${f(box.right)} × ${f(box.top)}–${f(box.bottom)}, ` +
            `svg ${f(frame.left)}–${f(frame.right)} × ${f(frame.top)}–${f(frame.bottom)})`,
        );
      }
    }
  }

  for (const section of document.querySelectorAll("section")) {
    if (section.querySelector(".figure") !== null && section.querySelector("a[download]") === null) {
      problems.push(`section "${sectionName(section)}" has a figure but no data download`);
    }
  }
  const links = [...document.querySelectorAll("a[download]")] as HTMLAnchorElement[];
  for (const link of links) {
    const name = link.getAttribute("download") ?? "";
    const href = link.getAttribute("href") ?? "";
    if (!href.startsWith("data:text/csv")) {
      problems.push(`download "${name}" is not an embedded CSV (href starts "${href.slice(0, 30)}")`);
      continue;
    }
    const csv = await (await fetch(href)).text();
    const lines = csv.split(/\r?\n/).filter((line) => line !== "");
    if (lines.length < 2 || (lines[0] ?? "").split(",").some((h) => h.trim() === "")) {
      problems.push(`download "${name}" does not decode to CSV with a header row and data (got ${JSON.stringify(csv.slice(0, 80))})`);
    }
  }
  return { problems, summary: { figures: svgs.length, drawnMarks, texts, csvLinks: links.length } };
}
