import { describe, expect, it } from "vitest";
import { capacityVsReplyRate, type CapacityRow } from "../../../reports/figures/capacity-vs-reply-rate.ts";
import { capacityRows } from "../../support/fixtures.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

describe("capacityVsReplyRate", () => {
  it("matches its snapshot", () => {
    expectSnapshot("capacity-vs-reply-rate", capacityVsReplyRate(capacityRows));
  });

  it("matches its snapshot on a log scale, with a marked reply rate", () => {
    expectSnapshot("capacity-vs-reply-rate-log", capacityVsReplyRate(capacityRows, { yScale: "log", markReplyRate: 0.18 }));
  });

  it("draws per plan and policy a band, a solid mean and, on top, a thin dark dashed closed form, with a plan legend", () => {
    const doc = parseMarkup(capacityVsReplyRate(capacityRows));
    const panels = 2;
    const plans = 3;
    expect(doc.querySelectorAll('g[aria-label="area"] path')).toHaveLength(panels * plans);
    const lines = [...doc.querySelectorAll('g[aria-label="line"]')];
    expect(lines).toHaveLength(2);
    // Marks are drawn in document order: the closed form comes last, so it shows where it coincides with the mean.
    const [mean, closedForm] = lines as [Element, Element];
    const style = (line: Element, attribute: string) => line.querySelector(`[${attribute}]`)?.getAttribute(attribute);
    expect(style(mean, "stroke-dasharray")).toBeUndefined();
    expect(style(closedForm, "stroke-dasharray")).toBe("3 3");
    expect(style(closedForm, "stroke")).toBe("#222");
    expect(Number(style(closedForm, "stroke-width") ?? 1)).toBeLessThan(Number(style(mean, "stroke-width")));
    expect(mean.querySelectorAll("path")).toHaveLength(panels * plans);
    expect(closedForm.querySelectorAll("path")).toHaveLength(panels * plans);
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["Premium Career", "Premium Business", "Sales Navigator Core"]);
    expect(texts(doc, 'g[aria-label="fx-axis tick label"] text')).toEqual(["guide policy", "linkedin policy"]);
    expect(doc.querySelector("figcaption")?.textContent).toMatch(/95% confidence interval/);
  });

  it("labels both axes with units", () => {
    const doc = parseMarkup(capacityVsReplyRate(capacityRows));
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Reply rate (%)"]);
    expect(texts(doc, 'g[aria-label="y-axis label"] text')).toEqual(["InMails delivered per account per month"]);
  });

  it("on a log scale ticks 1, 2, 5 × 10^k within the data, says so in the caption, and marks a reply rate in every panel", () => {
    const doc = parseMarkup(capacityVsReplyRate(capacityRows, { yScale: "log", markReplyRate: 0.18 }));
    // The fixture spans 4.8 to 100 (padded by 10% each way).
    expect(texts(doc, 'g[aria-label="y-axis tick label"] text')).toEqual(["5", "10", "20", "50", "100"]);
    expect(doc.querySelector("figcaption")?.textContent).toMatch(/Logarithmic vertical scale/);
    expect(doc.querySelector("figcaption")?.textContent).toMatch(/reply rate 18%/);
    expect(doc.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(2);
    // Linear by default, from zero, with no rule.
    const linear = parseMarkup(capacityVsReplyRate(capacityRows));
    expect(texts(linear, 'g[aria-label="y-axis tick label"] text')[0]).toBe("0");
    expect(linear.querySelector('g[aria-label="rule"]')).toBeNull();
  });

  it("rejects a log scale with a value ≤ 0 and bad options", () => {
    const zero = capacityRows.map((r, i) => (i === 0 ? { ...r, lo: 0 } : r));
    expect(() => capacityVsReplyRate(zero, { yScale: "log" })).toThrow("capacityVsReplyRate: the log scale needs every mean, lo, hi and analytic > 0");
    expect(() => capacityVsReplyRate(zero)).not.toThrow();
    expect(() => capacityVsReplyRate(capacityRows, { yScale: "sqrt" as "log" })).toThrow(/yScale must be "linear" or "log"/);
    expect(() => capacityVsReplyRate(capacityRows, { markReplyRate: 1.5 })).toThrow(/markReplyRate must be a number from 0 to 1, got 1.5/);
  });

  it("follows the plans option for legend order", () => {
    const doc = parseMarkup(capacityVsReplyRate(capacityRows, { plans: ["Sales Navigator Core", "Premium Business", "Premium Career"] }));
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["Sales Navigator Core", "Premium Business", "Premium Career"]);
  });

  it("names the row and column of bad input", () => {
    const bad = capacityRows.map((r, i) => (i === 4 ? { ...r, mean: Number.NaN } : r));
    expect(() => capacityVsReplyRate(bad)).toThrow("capacityVsReplyRate: rows[4].mean must be a finite number, got NaN");
    const badPolicy = [{ ...capacityRows[0]!, policy: "other" }] as unknown as CapacityRow[];
    expect(() => capacityVsReplyRate(badPolicy)).toThrow(/rows\[0\]\.policy must be one of "guide", "linkedin"/);
    expect(() => capacityVsReplyRate([])).toThrow("rows must not be empty");
    expect(() => capacityVsReplyRate(capacityRows, { width: 10 })).toThrow(/width/);
  });
});
