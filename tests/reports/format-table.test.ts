import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { tableToHtml } from "../../reports/format-table.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";

const rows = [
  { plan: "Premium Career", credits: 5, mean: 6.2549, lo: 5.9, hi: 6.61, replyRate: 0.3 },
  { plan: "Sales Navigator Core", credits: 1500, mean: 63.4, lo: 60.1, hi: 66.6, replyRate: 0.3 },
];

describe("tableToHtml", () => {
  it("infers formats by default: integers with separators, other numbers with 2 decimals", () => {
    const doc = parseMarkup(tableToHtml({ data: rows }));
    expect(texts(doc, "th")).toEqual(["plan", "credits", "mean", "lo", "hi", "replyRate"]);
    expect(texts(doc, "tbody tr:nth-child(2) td")).toEqual(["Sales Navigator Core", "1,500", "63.40", "60.10", "66.60", "0.30"]);
    expect(doc.querySelector("td.num")?.textContent).toBe("5");
    expect(doc.querySelector("td")?.className).toBe("");
  });

  it("shows the chosen columns in order, with labels, formats and CIs as lo – hi", () => {
    const html = tableToHtml({
      data: aq.from(rows),
      columns: {
        plan: { label: "Plan" },
        replyRate: { label: "Reply rate", percent: true },
        mean: { label: "Mean", digits: 1 },
        ci: { label: "95% CI", interval: ["lo", "hi"], digits: 1 },
      },
    });
    const doc = parseMarkup(html);
    expect(texts(doc, "th")).toEqual(["Plan", "Reply rate", "Mean", "95% CI"]);
    expect(texts(doc, "tbody tr:first-child td")).toEqual(["Premium Career", "30%", "6.3", "5.9 – 6.6"]);
  });

  it("escapes headers and cells", () => {
    const evil = "<script>alert(1)</script>";
    const html = tableToHtml({ data: [{ [evil]: evil }], columns: { [evil]: { label: `${evil}"&` } } });
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;");
  });

  it("names a missing column", () => {
    expect(() => tableToHtml({ data: rows, columns: { cost: {} } })).toThrow('table column "cost": no column "cost" in data');
    expect(() => tableToHtml({ data: rows, columns: { ci: { interval: ["lo", "upper"] } } })).toThrow('no column "upper"');
  });
});
