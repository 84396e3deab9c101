/**
 * Drives the explorer page in Debian's Chromium for its tests and its benchmark: opens
 * it from file:// with every request but the page's own file and its Blob workers
 * blocked and recorded, collects console errors and page errors, and waits for the
 * computation of the inputs on screen to be shown.
 */
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_PATH, defaults as browserDefaults } from "./chromium.ts";

export interface ExplorerSession {
  readonly browser: Browser;
  /** Requests the page attempted beyond file: and blob: (all blocked). */
  readonly blocked: string[];
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
  /** Opens the page in a fresh context of `width` × `height` CSS px (default 1280 × 900), closing the previous pages' (and stopping their workers). */
  open(hash?: string, width?: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function explorerSession(htmlPath: string): Promise<ExplorerSession> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...browserDefaults.args] });
  const blocked: string[] = [];
  const errors: string[] = [];
  const url = pathToFileURL(htmlPath).href;
  const contexts: BrowserContext[] = [];
  return {
    browser,
    blocked,
    errors,
    async open(hash = "", width = 1280, height = 900) {
      for (const old of contexts.splice(0)) await old.close();
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, acceptDownloads: true });
      await context.route("**/*", (route) => {
        const target = route.request().url();
        if (target.startsWith("file:") || target.startsWith("blob:")) return route.continue();
        blocked.push(target);
        return route.abort();
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
      await page.goto(`${url}${hash === "" ? "" : `#${hash.replace(/^#/, "")}`}`);
      return page;
    },
    close: () => browser.close(),
  };
}

/** Waits until the page shows the result of its latest inputs (`extras`: the figures too); resolves with the state. */
export async function settled(page: Page, options: { extras?: boolean; timeoutMs?: number } = {}): Promise<string> {
  await page.waitForFunction(
    (extras) => {
      const b = document.body.dataset;
      if (b.state === "invalid" || b.state === "failed") return true;
      return b.state === "ready" && (!extras || b.extrasId === b.resultId);
    },
    options.extras ?? false,
    { timeout: options.timeoutMs ?? 60_000 },
  );
  return page.evaluate(() => document.body.dataset.state ?? "");
}

/** The generation of the result on screen (rises with every computation started). */
export const resultId = (page: Page) => page.evaluate(() => Number(document.body.dataset.resultId ?? -1));

/** Waits for a result newer than `after`. */
export async function newResult(page: Page, after: number, options: { extras?: boolean } = {}): Promise<void> {
  await page.waitForFunction((a) => Number(document.body.dataset.resultId ?? -1) > a, after, { timeout: 60_000 });
  await settled(page, options);
}
