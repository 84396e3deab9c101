import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../reports/csv.ts";

describe("toCsv", () => {
  it("writes a header and one line per row", () => {
    expect(
      toCsv([
        { plan: "A", credits: 5 },
        { plan: "B", credits: 15 },
      ]),
    ).toBe("plan,credits\nA,5\nB,15\n");
  });

  it("quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    const csv = toCsv([{ name: 'Sales "Nav", Core', note: "two\nlines", cr: "a\rb", plain: "x" }]);
    expect(csv).toBe('name,note,cr,plain\n"Sales ""Nav"", Core","two\nlines","a\rb",x\n');
  });

  it("writes missing values as empty fields and numbers in full precision", () => {
    expect(toCsv([{ a: null, b: undefined, c: 0.1 + 0.2 }])).toBe("a,b,c\n,,0.30000000000000004\n");
  });

  it("accepts arquero tables", () => {
    expect(toCsv(aq.table({ x: [1, 2], y: ["p", "q"] }))).toBe("x,y\n1,p\n2,q\n");
  });
});
