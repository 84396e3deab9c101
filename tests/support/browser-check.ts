import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { expect, type TestContext } from "vitest";
import { CHROMIUM_PATH, defaults as chromiumLaunch } from "../../tools/chromium.ts";

export { CHROMIUM_PATH };

/** Where browser tests leave their screenshots (git-ignored). */
export const ARTIFACTS = fileURLToPath(new URL("../reports/__artifacts__/", import.meta.url));

/** Skips locally without Chromium; under CI a missing Chromium is a failure, since CI installs it. */
export function requireChromium(ctx: TestContext): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const missing = `${CHROMIUM_PATH} not found: browser checks need Chromium (apt-get install -y chromium)`;
  if (process.env.CI) expect.fail(`${missing}; CI must install it`);
  ctx.skip(`${missing}; skipped locally`);
}

export const defaults = {
  /** A laptop screen: the width the reports are laid out for. */
  viewport: { width: 1280, height: 900 },
  /** Sub-pixel slack when comparing text boxes with their SVG's box, or elements with the page's column. */
  tolerancePx: 0.5,
  /** Smallest legible text, CSS px as rendered (an SVG scaled down shrinks its text). */
  minTextPx: 12,
  /** Narrowest viewport, CSS px, on which text size is checked by default. */
  textCheckFromPx: 768,
  /** Points sampled along a path when looking for a visible stretch of a legend's series. */
  pathSamples: 48,
  /** Chromium's launch flags (tools/chromium.ts). */
  args: chromiumLaunch.args,
} as const;

export interface BrowserCheckOptions {
  /** CSS px. Default 1280 × 900; use e.g. 390 × 844 for a phone. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * Smallest text size allowed, px as rendered; 0 turns the check off. Default
   * 12 on a viewport at least `textCheckFromPx` wide, else 0 (on a phone,
   * figures scale down with the column and pinch-zoom restores them).
   */
  readonly minTextPx?: number;
}

/** What the check looked at, for tests to assert that it looked at anything. */
export interface BrowserCheckSummary {
  readonly figures: number;
  readonly drawnMarks: number;
  readonly texts: number;
  readonly csvLinks: number;
  /** Legend entries (swatches) whose series was found drawn and visible. */
  readonly legendEntries: number;
  /** The page's height, CSS px, at the viewport's width. */
  readonly heightPx: number;
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
 *   header row and at least one data row;
 * - anything wider than the page: the document scrolls sideways, or an element
 *   pokes out of the page's column (`main`) other than inside a frame that
 *   scrolls on its own (`overflow-x: auto`, as wide tables are framed);
 * - a legend entry (a colour swatch) whose series is nowhere visible in its
 *   figure: no mark of that colour, or every sampled point of every such mark
 *   covered by a mark of another colour (a series drawn exactly under another);
 * - visible text smaller than `minTextPx` as rendered (page text and SVG text,
 *   legends, facet labels and ticks included; text folded in a closed
 *   `<details>` is not rendered, so not checked).
 * Needs Chromium at CHROMIUM_PATH; the launch error says so if it is missing.
 */
export async function checkReportInBrowser(htmlPath: string, screenshotPath: string, options: BrowserCheckOptions = {}): Promise<BrowserCheckSummary> {
  const { viewport = defaults.viewport } = options;
  const minTextPx = options.minTextPx ?? (viewport.width >= defaults.textCheckFromPx ? defaults.minTextPx : 0);
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
    const found = await page.evaluate(inspectPage, { tolerancePx: defaults.tolerancePx, minTextPx, pathSamples: defaults.pathSamples });
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
async function inspectPage(limits: { tolerancePx: number; minTextPx: number; pathSamples: number }): Promise<{ problems: string[]; summary: BrowserCheckSummary }> {
  const { tolerancePx, minTextPx, pathSamples } = limits;
  const problems: string[] = [];
  const sectionName = (el: Element) => el.closest("section")?.querySelector("h2")?.textContent ?? "(no section)";
  const isLegend = (svg: Element) => /-ramp\b/.test(svg.getAttribute("class") ?? "") || svg.closest('[class*="-swatch"]') !== null;
  const svgs = [...document.querySelectorAll(".figure svg")].filter((svg) => svg.parentElement?.closest("svg") === null && !isLegend(svg)) as SVGSVGElement[];
  const ramps = [...document.querySelectorAll(".figure svg")].filter((svg) => /-ramp\b/.test(svg.getAttribute("class") ?? "")) as SVGSVGElement[];

  let drawnMarks = 0;
  for (const svg of svgs) {
    const groups = [...svg.querySelectorAll("g[aria-label]")].filter((g) => !/axis|grid|frame/.test(g.getAttribute("aria-label") ?? ""));
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
      const out = box.left < frame.left - tolerancePx || box.right > frame.right + tolerancePx || box.top < frame.top - tolerancePx || box.bottom > frame.bottom + tolerancePx;
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

  // Nothing wider than the page: elements outside a scrolling frame stay inside main's content box.
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + tolerancePx) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px of content in a ${root.clientWidth} px window`);
  }
  const main = document.querySelector("main") ?? document.body;
  const column = main.getBoundingClientRect();
  const padding = getComputedStyle(main);
  const [left, right] = [column.left + parseFloat(padding.paddingLeft), column.right - parseFloat(padding.paddingRight)];
  const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.classList.length > 0 ? `.${[...el.classList].join(".")}` : ""} in "${sectionName(el)}"`;
  let wide = 0;
  const walk = (el: Element): void => {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.left < left - tolerancePx || box.right > right + tolerancePx)) {
      wide += 1;
      if (wide <= 5) problems.push(`${describe(el)} is wider than the page (${box.left.toFixed(0)}–${box.right.toFixed(0)} px, column ${left.toFixed(0)}–${right.toFixed(0)} px)`);
      return; // its children would only repeat the finding
    }
    if (scrolls(el) || el instanceof SVGElement) return; // a frame clips what it holds; an SVG's inside is checked above
    for (const child of el.children) walk(child);
  };
  for (const child of main.children) walk(child);
  if (wide > 5) problems.push(`… and ${wide - 5} more elements wider than the page`);

  // Every legend entry has a visible mark: a point of a mark of its colour that no other colour covers.
  const colourOf = (el: Element) => {
    const style = getComputedStyle(el);
    return [style.fill, style.stroke].filter((c) => c !== "none" && !/rgba\(.*,\s*0\)$/.test(c));
  };
  const samplePoints = (el: SVGGraphicsElement): DOMPoint[] => {
    const ctm = el.getScreenCTM();
    if (ctm === null) return [];
    const local: DOMPoint[] = [];
    if (el instanceof SVGGeometryElement && !(el instanceof SVGRectElement) && !(el instanceof SVGCircleElement)) {
      const length = el.getTotalLength();
      for (let i = 0; i <= pathSamples; ++i) local.push(el.getPointAtLength((length * i) / pathSamples));
    } else {
      const b = el.getBBox();
      local.push(new DOMPoint(b.x + b.width / 2, b.y + b.height / 2));
    }
    return local.map((p) => p.matrixTransform(ctm));
  };
  let legendEntries = 0;
  for (const swatch of document.querySelectorAll('.figure [class*="-swatch"]:not([class*="-swatches"])')) {
    const icon = swatch.querySelector("svg");
    const label = (swatch.textContent ?? "").trim();
    if (icon === null) continue;
    const shape = icon.firstElementChild ?? icon;
    const colours = colourOf(shape);
    const figure = swatch.closest("figure") ?? swatch.closest(".figure");
    const charts = [...(figure?.querySelectorAll("svg") ?? [])].filter((svg) => svg.parentElement?.closest("svg") === null && !isLegend(svg));
    const marks = charts.flatMap((svg) =>
      [...svg.querySelectorAll("g[aria-label] path, g[aria-label] rect, g[aria-label] circle, g[aria-label] line, g[aria-label] polygon, g[aria-label] polyline")].filter(
        (el) => !/axis|grid|frame/.test(el.closest("g[aria-label]")?.getAttribute("aria-label") ?? "") && colourOf(el).some((c) => colours.includes(c)),
      ),
    ) as SVGGraphicsElement[];
    if (marks.length === 0) {
      problems.push(`legend entry "${label}" in "${sectionName(swatch)}" has no mark of its colour (${colours.join(", ")}) in its figure`);
      continue;
    }
    const visible = marks.some((mark) => {
      mark.scrollIntoView({ block: "center", inline: "nearest" });
      return samplePoints(mark).some((point) => {
        const top = document.elementFromPoint(point.x, point.y);
        return top !== null && (top === mark || colourOf(top).some((c) => colours.includes(c)));
      });
    });
    if (visible) legendEntries += 1;
    else problems.push(`legend entry "${label}" in "${sectionName(swatch)}": every mark of its colour is hidden under marks of other colours`);
  }
  window.scrollTo(0, 0);

  // Legible text: every visible text, at its rendered size.
  const small = new Map<string, { n: number; example: string }>();
  if (minTextPx > 0) {
    for (const el of main.querySelectorAll("*")) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "");
      if (!own || el.getClientRects().length === 0) continue;
      const svg = el.closest("svg");
      const scale = svg === null ? 1 : Math.hypot(svg.getScreenCTM()?.a ?? 1, svg.getScreenCTM()?.b ?? 0);
      const px = parseFloat(getComputedStyle(el).fontSize) * scale;
      if (px < minTextPx - 0.05) {
        const key = `${el.tagName.toLowerCase()} at ${px.toFixed(1)} px in "${sectionName(el)}"`;
        const seen = small.get(key);
        small.set(key, { n: (seen?.n ?? 0) + 1, example: seen?.example ?? (el.textContent ?? "").trim().slice(0, 40) });
      }
    }
  }
  for (const [what, { n, example }] of small) problems.push(`text smaller than ${minTextPx} px: ${n} × ${what} (e.g. "${example}")`);

  return {
    problems,
    summary: { figures: svgs.length, drawnMarks, texts, csvLinks: links.length, legendEntries, heightPx: root.scrollHeight },
  };
}
