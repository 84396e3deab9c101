import { describe, expect, it } from "vitest";
import { indexBars } from "../../../reports/figures/index-bars.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";

const rows = [
  { input: "response rate", first: 0.62, firstLo: 0.5, firstHi: 0.75, total: 0.7, totalLo: 0.6, totalHi: 0.8 },
  { input: "positive share", first: 0.2, firstLo: 0.1, firstHi: 0.3, total: 0.25, totalLo: 0.2, totalHi: 0.3 },
  { input: "delay", first: -0.01, firstLo: -0.4, firstHi: 0.02, total: 0.001, totalLo: 0, totalHi: 0.003 },
];

describe("indexBars", () => {
  it("one row per input in the order given, two bars each (a negative estimate draws none), both legends", () => {
    const doc = parseMarkup(indexBars(rows, { xLabel: "Share of the variance of the cost" }));
    expect(texts(doc, 'g[aria-label="y-axis tick label"] text')).toEqual(["response rate", "positive share", "delay"]);
    const widths = [...doc.querySelectorAll('g[aria-label="bar"] rect')].map((r) => Number(r.getAttribute("width")));
    expect(widths).toHaveLength(6);
    expect(widths.filter((w) => w === 0)).toHaveLength(1);
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["S1 (alone)", "ST (with interactions)"]);
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Share of the variance of the cost (%)"]);
    // Six whiskers, and the axis reaches down to the lowest interval end, no further than −25%.
    expect([...doc.querySelectorAll('g[aria-label="link"] path')].filter((p) => p.closest("marker") === null)).toHaveLength(6);
    expect(texts(doc, 'g[aria-label="x-axis tick label"] text')[0]).toBe("−20");
  });

  it("refuses rows without an interval, or a width under 200 px", () => {
    expect(() => indexBars([{ ...rows[0]!, firstHi: Number.NaN }])).toThrow(/rows\[0\]\.firstHi must be a finite number/);
    expect(() => indexBars(rows, { width: 100 })).toThrow(/width must be a number ≥ 200/);
  });
});
