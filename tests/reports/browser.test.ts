import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderPage } from "../../reports/page.ts";
import { writeFileAtomic } from "../../files/write-atomic.ts";
import { ARTIFACTS, checkReportInBrowser, requireChromium } from "../support/browser-check.ts";
import { fixturePage } from "../support/fixture-page.ts";

/** A legend entry as Plot draws one: a colour square, then the label. */
const swatch = (colour: string, label: string) => `<span class="x-swatch"><svg fill="${colour}" width="15" height="15"><rect width="100%" height="100%"/></svg>${label}</span>`;

describe("report in a real browser", () => {
  const dir = mkdtempSync(join(tmpdir(), "report-browser-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders every figure type cleanly on a desktop and a phone", async (ctx) => {
    requireChromium(ctx);
    const path = join(dir, "all-figures.html");
    await writeFileAtomic(path, renderPage(fixturePage()));
    for (const [name, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }], // text size unchecked: figures scale down with the column there
    ] as const) {
      const summary = await checkReportInBrowser(path, join(ARTIFACTS, `all-figures-${name}.png`), { viewport });
      expect(summary.figures).toBe(6);
      expect(summary.csvLinks).toBe(7);
      expect(summary.drawnMarks).toBeGreaterThan(100);
      expect(summary.texts).toBeGreaterThan(100);
      expect(summary.legendEntries).toBe(3 + 4 + 2 + 2); // plans of the capacity curve; grant, spend, refund, expire; the tornado's low and high; the grouped bars' policies
      expect(existsSync(join(ARTIFACTS, `all-figures-${name}.png`))).toBe(true);
    }
  });

  it("catches empty figures, overflowing text, bad downloads, external requests, wide elements, hidden legend series and small text", async (ctx) => {
    requireChromium(ctx);
    const path = join(dir, "broken.html");
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>broken</title></head><body>
<section><h2>Empty</h2><div class="figure"><svg width="200" height="100" viewBox="0 0 200 100"><g aria-label="x-axis tick"><path d="M0,0L0,6"/></g></svg></div>
<a download="empty.csv" href="data:text/csv;charset=utf-8,">x</a></section>
<section><h2>Overflow</h2><div class="figure"><svg width="200" height="100" viewBox="0 0 200 100"><g aria-label="text"><text x="190" y="50">far too long a label</text></g></svg></div></section>
<img src="http://example.invalid/pixel.png" alt="">
<main>
<section><h2>Hidden</h2><div class="figure"><figure><div class="x-swatches">${swatch("#ff0000", "Red")}${swatch("#0000ff", "Blue")}${swatch("#00aa00", "Green")}</div>
<svg width="200" height="100" viewBox="0 0 200 100"><g aria-label="bar"><rect x="10" y="10" width="50" height="50" fill="#ff0000"/><rect x="10" y="10" width="50" height="50" fill="#0000ff"/></g></svg></figure></div>
<a download="hidden.csv" href="data:text/csv;charset=utf-8,a%0A1">data</a></section>
<section><h2>Wide</h2><div class="poster" style="width:3000px">a poster</div>
<div class="table-wrap" style="overflow-x:auto"><table><tr><td class="framed" style="min-width:3000px">framed, so it may scroll</td></tr></table></div>
<p style="font-size:10px">tiny print</p><p style="font-size:12px">small print, still legible</p></section>
</main>
</body></html>`;
    await writeFileAtomic(path, html);
    const error = await checkReportInBrowser(path, join(ARTIFACTS, "broken.png")).then(
      () => expect.fail("the check passed a broken page"),
      (e: Error) => e.message,
    );
    expect(error).toMatch(/figure in "Empty" has no drawn marks/);
    expect(error).toMatch(/text "far too long a label" in "Overflow" overflows its figure/);
    expect(error).toMatch(/download "empty.csv" does not decode to CSV/);
    expect(error).toMatch(/section "Overflow" has a figure but no data download/);
    expect(error).toMatch(/external request: http:\/\/example.invalid/);
    expect(error).toMatch(/the page scrolls sideways/);
    expect(error).toMatch(/div\.poster in "Wide" is wider than the page/);
    expect(error).not.toMatch(/framed|table-wrap in "Wide"/);
    expect(error).toMatch(/legend entry "Red" in "Hidden": every mark of its colour is hidden under marks of other colours/);
    expect(error).not.toMatch(/legend entry "Blue"/);
    expect(error).toMatch(/legend entry "Green" in "Hidden" has no mark of its colour/);
    expect(error).toMatch(/text smaller than 12 px: 1 × p at 10\.0 px in "Wide" \(e\.g\. "tiny print"\)/);
    expect(error).not.toMatch(/small print/);
  });
});
