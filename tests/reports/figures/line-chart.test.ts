import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lineChart, type LineRow } from "../../../reports/figures/line-chart.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

/** Hand-checked rows: two series, a 95% band on one, a label on every point. */
const rows = JSON.parse(readFileSync(new URL("../fixtures/line-chart.json", import.meta.url), "utf8")) as LineRow[];
const options = {
  xLabel: "Response rate (%)",
  yLabel: "Conversations per seat per month",
  xPercent: true,
  xRule: { value: 0.13, label: "floor 13%" },
};

describe("lineChart", () => {
  it("matches its snapshot", () => {
    expectSnapshot("line-chart", lineChart(rows, options));
  });

  it("draws a line per series, a dot per row, a band only where rows carry lo and hi, the labels and the rule", () => {
    const doc = parseMarkup(lineChart(rows, options));
    expect(doc.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(doc.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(rows.length);
    expect(doc.querySelectorAll('g[aria-label="area"] path')).toHaveLength(1);
    expect(doc.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(1);
    const printed = texts(doc, 'g[aria-label="text"] text');
    expect(printed).toContain("60 seats");
    expect(printed).toContain("floor 13%");
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["Recruiter Lite", "Recruiter"]);
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Response rate (%)"]);
    expect(texts(doc, 'g[aria-label="y-axis label"] text')).toEqual(["Conversations per seat per month"]);
    expect(doc.querySelector("figcaption")?.textContent).toMatch(/95% confidence interval/);
  });

  it("puts the rule inside the x domain (in percent when x is a fraction), draws dashed series and facets", () => {
    const outside = parseMarkup(lineChart(rows, { ...options, xRule: { value: 0.5, label: "yours" } }));
    const ticks = texts(outside, 'g[aria-label="x-axis tick label"] text').map(Number);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(50);
    const dashed = parseMarkup(lineChart(rows, { ...options, dashed: ["Recruiter"] }));
    expect(dashed.querySelectorAll('g[aria-label="line"]')).toHaveLength(2);
    expect(dashed.querySelector('g[aria-label="line"][stroke-dasharray="6 4"] path')).not.toBeNull();
    const faceted = rows.map((r) => ({ ...r, facet: r.x < 0.2 ? "low" : "high" }));
    const doc = parseMarkup(lineChart(faceted, { ...options, facetLabel: (f) => `${f} rates` }));
    expect(texts(doc, 'g[aria-label="fx-axis tick label"] text')).toEqual(["low rates", "high rates"]);
  });

  it("names the row and column of bad input", () => {
    expect(() => lineChart([{ x: 1, y: Number.NaN, series: "a" }], options)).toThrow("lineChart: rows[0].y must be a finite number, got NaN");
    expect(() => lineChart([{ x: 1, y: 1, series: "a", lo: 0 }], options)).toThrow("rows[0] has only one of lo/hi");
    expect(() =>
      lineChart(
        [
          { x: 1, y: 1, series: "a", facet: "p" },
          { x: 2, y: 1, series: "a" },
        ],
        options,
      ),
    ).toThrow(/rows\[1\]\.facet/);
    expect(() => lineChart(rows, { ...options, width: 10 })).toThrow(/width/);
  });
});
