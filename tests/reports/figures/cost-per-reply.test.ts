import { describe, expect, it } from "vitest";
import { costPerReply } from "../../../reports/figures/cost-per-reply.ts";
import { costRows } from "../../support/fixtures.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

describe("costPerReply", () => {
  it("matches its snapshot", () => {
    expectSnapshot("cost-per-reply", costPerReply(costRows));
  });

  it("draws a bar, a CI whisker with end ticks and a value per row, one panel per policy", () => {
    const doc = parseMarkup(costPerReply(costRows));
    expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(costRows.length);
    expect(doc.querySelectorAll('g[aria-label="rule"] line').length).toBeGreaterThanOrEqual(costRows.length);
    expect(doc.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(2 * costRows.length);
    expect(texts(doc, 'g[aria-label="text"] text')).toContain("$60.59");
    expect(texts(doc, 'g[aria-label="fy-axis tick label"] text')).toEqual(["guide policy", "linkedin policy"]);
  });

  it("names the currency on the axis and in the values", () => {
    const doc = parseMarkup(costPerReply(costRows, { currency: "EUR" }));
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Cost per conversation (EUR)"]);
    expect(texts(doc, 'g[aria-label="text"] text')).toContain("€60.59");
    expect(() => costPerReply(costRows, { currency: "euro" })).toThrow(RangeError);
  });
});
