import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderPage } from "../../reports/page.ts";
import { writeFileAtomic } from "../../reports/write-atomic.ts";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "./browser-check.ts";
import { fixturePage } from "./fixture-page.ts";

describe("report in a real browser", () => {
  const dir = mkdtempSync(join(tmpdir(), "report-browser-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders every figure type cleanly on a desktop and a phone", async (ctx) => {
    requireChromium(ctx);
    const path = join(dir, "all-figures.html");
    await writeFileAtomic(path, renderPage(fixturePage()));
    for (const [name, viewport] of [
      ["desktop", { width: 1000, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      const summary = await checkReportInBrowser(path, join(ARTIFACTS, `all-figures-${name}.png`), { viewport });
      expect(summary.figures).toBe(6);
      expect(summary.csvLinks).toBe(7);
      expect(summary.drawnMarks).toBeGreaterThan(100);
      expect(summary.texts).toBeGreaterThan(100);
      expect(existsSync(join(ARTIFACTS, `all-figures-${name}.png`))).toBe(true);
    }
  });

  it("catches empty figures, overflowing text, bad downloads and external requests", async (ctx) => {
    requireChromium(ctx);
    const path = join(dir, "broken.html");
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>broken</title></head><body>
<section><h2>Empty</h2><div class="figure"><svg width="200" height="100" viewBox="0 0 200 100"><g aria-label="x-axis tick"><path d="M0,0L0,6"/></g></svg></div>
<a download="empty.csv" href="data:text/csv;charset=utf-8,">x</a></section>
<section><h2>Overflow</h2><div class="figure"><svg width="200" height="100" viewBox="0 0 200 100"><g aria-label="text"><text x="190" y="50">far too long a label</text></g></svg></div></section>
<img src="http://example.invalid/pixel.png" alt="">
</body></html>`;
    await writeFileAtomic(path, html);
    const check = checkReportInBrowser(path, join(ARTIFACTS, "broken.png"));
    await expect(check).rejects.toThrow(/figure in "Empty" has no drawn marks/);
    await expect(check).rejects.toThrow(/text "far too long a label" in "Overflow" overflows its figure/);
    await expect(check).rejects.toThrow(/download "empty.csv" does not decode to CSV/);
    await expect(check).rejects.toThrow(/section "Overflow" has a figure but no data download/);
    await expect(check).rejects.toThrow(/external request: http:\/\/example.invalid/);
  });
});
