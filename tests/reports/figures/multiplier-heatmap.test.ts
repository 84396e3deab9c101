import { describe, expect, it } from "vitest";
import { multiplierHeatmap } from "../../../reports/figures/multiplier-heatmap.ts";
import { multiplierRows } from "../../support/fixtures.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

describe("multiplierHeatmap", () => {
  it("matches its snapshot", () => {
    expectSnapshot("multiplier-heatmap", multiplierHeatmap(multiplierRows));
  });

  it("renders a quantize legend as SVG rects (no canvas image) under linkedom", () => {
    const doc = parseMarkup(multiplierHeatmap(multiplierRows, { classes: 5 }));
    const ramp = doc.querySelector('svg[class$="-ramp"]');
    expect(ramp).not.toBeNull();
    expect(ramp!.querySelectorAll("rect").length).toBeGreaterThanOrEqual(4); // Plot rounds the thresholds to nice values
    expect(ramp!.querySelector("image")).toBeNull();
    expect(ramp!.textContent).toContain("Capacity multiplier (×)");
  });

  it("draws one cell and one value label per row, dark cells labelled in white", () => {
    const doc = parseMarkup(multiplierHeatmap(multiplierRows));
    expect(doc.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(multiplierRows.length);
    const labels = texts(doc, 'g[aria-label="text"] text');
    expect(labels).toHaveLength(multiplierRows.length);
    expect(labels).toContain("1.66");
    const white = [...doc.querySelectorAll('g[aria-label="text"] text')].filter((t) => t.closest("[fill]")?.getAttribute("fill") === "white").map((t) => t.textContent);
    expect(white).toContain("1.66");
    expect(white).not.toContain("1.01");
  });

  it("facets by policy only when rows carry it, and then requires it on every row", () => {
    const unfaceted = multiplierRows.filter((r) => r.policy === "guide").map(({ policy: _, ...r }) => r);
    const doc = parseMarkup(multiplierHeatmap(unfaceted));
    expect(doc.querySelector('g[aria-label="fx-axis tick label"]')).toBeNull();
    expect(texts(doc, 'g[aria-label="y-axis label"] text')).toEqual(["Mean response delay (days)"]);
    expect(() => multiplierHeatmap([...unfaceted, multiplierRows[0]!])).toThrow(/rows\[0\]\.policy must be a non-empty string/);
  });

  it("rejects bad options", () => {
    expect(() => multiplierHeatmap(multiplierRows, { classes: 1 })).toThrow(/classes/);
    expect(() => multiplierHeatmap(multiplierRows, { cellHeight: 2 })).toThrow(/cellHeight/);
  });
});
