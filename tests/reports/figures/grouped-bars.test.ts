import { describe, expect, it } from "vitest";
import { groupedBars } from "../../../reports/figures/grouped-bars.ts";
import { groupedRows } from "../../support/fixtures.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

describe("groupedBars", () => {
  const options = { yLabel: "Positive replies per account per month", xLabel: "Plan" };

  it("matches its snapshot", () => {
    expectSnapshot("grouped-bars", groupedBars(groupedRows, options));
  });

  it("draws a bar per row, error bars only where lo and hi are given, groups in input order", () => {
    const doc = parseMarkup(groupedBars(groupedRows, options));
    expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(groupedRows.length);
    const withInterval = groupedRows.filter((r) => r.lo != null).length;
    expect(doc.querySelectorAll('g[aria-label="link"] path[marker-start]')).toHaveLength(withInterval);
    expect(texts(doc, 'g[aria-label="fx-axis tick label"] text')).toEqual(["Premium Career", "Premium Business", "Sales Navigator Core", "Recruiter Lite"]);
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["guide", "linkedin"]);
  });

  it("renders identical bytes twice although Plot numbers its error-bar markers globally", () => {
    const first = groupedBars(groupedRows, options);
    expect(first).toMatch(/id="plot-[0-9a-f]{8}-0"/);
    expect(groupedBars(groupedRows, options)).toBe(first);
  });

  it("rejects a row with only one bound", () => {
    expect(() => groupedBars([{ group: "a", series: "b", value: 1, lo: 0 }])).toThrow("rows[0] has only one of lo/hi");
  });
});
