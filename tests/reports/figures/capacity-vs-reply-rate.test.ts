import { describe, expect, it } from "vitest";
import { capacityVsReplyRate, type CapacityRow } from "../../../reports/figures/capacity-vs-reply-rate.ts";
import { capacityRows } from "../fixtures.ts";
import { parseMarkup, texts } from "../parse-markup.ts";
import { expectSnapshot } from "../snapshot.ts";

describe("capacityVsReplyRate", () => {
  it("matches its snapshot", () => {
    expectSnapshot("capacity-vs-reply-rate", capacityVsReplyRate(capacityRows));
  });

  it("draws per plan and policy a band, a dashed closed form and a solid mean, with a plan legend", () => {
    const doc = parseMarkup(capacityVsReplyRate(capacityRows));
    const panels = 2;
    const plans = 3;
    expect(doc.querySelectorAll('g[aria-label="area"] path')).toHaveLength(panels * plans);
    const lines = [...doc.querySelectorAll('g[aria-label="line"]')];
    expect(lines).toHaveLength(2);
    expect(lines[0]!.querySelector("[stroke-dasharray]")?.getAttribute("stroke-dasharray")).toBe("5 3");
    expect(lines[1]!.querySelector("[stroke-dasharray]")).toBeNull();
    expect(lines[0]!.querySelectorAll("path")).toHaveLength(panels * plans);
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["Premium Career", "Premium Business", "Sales Navigator Core"]);
    expect(texts(doc, 'g[aria-label="fx-axis tick label"] text')).toEqual(["guide policy", "linkedin policy"]);
    expect(doc.querySelector("figcaption")?.textContent).toMatch(/95% confidence interval/);
  });

  it("labels both axes with units", () => {
    const doc = parseMarkup(capacityVsReplyRate(capacityRows));
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Reply rate (%)"]);
    expect(texts(doc, 'g[aria-label="y-axis label"] text')).toEqual(["InMails delivered per account per month"]);
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
