import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { renderPlot } from "../../reports/render-plot.ts";

const data = [
  { x: 1, y: 2, k: "a" },
  { x: 2, y: 3, k: "b" },
];

describe("renderPlot", () => {
  it("renders a bare SVG at the default width of 640", () => {
    const svg = renderPlot({ marks: [Plot.dot(data, { x: "x", y: "y" })] });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 640 /);
    expect(svg).toContain('aria-label="dot"');
  });

  it("wraps the SVG in a figure when there is a legend", () => {
    const html = renderPlot({ color: { legend: true }, marks: [Plot.dot(data, { x: "x", y: "y", fill: "k" })] });
    expect(html).toMatch(/^<figure/);
    expect(html).toContain("-swatch");
  });

  it("renders continuous colour as a quantize legend without canvas", () => {
    const html = renderPlot({
      color: { type: "quantize", legend: true, scheme: "blues" },
      marks: [Plot.cell(data, { x: "x", y: "k", fill: "y" })],
    });
    expect(html).toMatch(/<svg [^>]*class="plot-d6a7b5-ramp"/);
    expect(html).not.toContain("<image");
  });

  it("gives identical output for identical specs despite Plot's global id counters", () => {
    const spec = () => ({ marks: [Plot.lineY(data, { x: "x", y: "y", clip: true, marker: "circle" })] });
    const first = renderPlot(spec());
    expect(first).toMatch(/clip-path="url\(#plot-[0-9a-f]{8}-\d\)"/);
    expect(first).not.toMatch(/plot-(clip|marker)-\d/);
    expect(renderPlot(spec())).toBe(first);
  });

  it("gives different figures different ids", () => {
    const a = renderPlot({ marks: [Plot.dot(data, { x: "x", y: "y", clip: true })] });
    const b = renderPlot({ marks: [Plot.dot(data, { x: "y", y: "x", clip: true })] });
    const id = (s: string) => /id="([^"]+)"/.exec(s)?.[1];
    expect(id(a)).toBeDefined();
    expect(id(a)).not.toBe(id(b));
  });

  it("never lets a user string appear as markup, in text or attributes", () => {
    const evil = `<script>alert(1)</script>`;
    const html = renderPlot({
      color: { legend: true, columns: 1 } as Plot.ScaleOptions,
      marks: [Plot.dot([{ x: 1, y: 1, k: evil }], { x: "x", y: "y", fill: "k", title: "k", ariaLabel: evil })],
    });
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
