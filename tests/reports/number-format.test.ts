import { describe, expect, it } from "vitest";
import { f0, f1, fixed, formatInterval, numberFormatter, pct, pct1, usd } from "../../reports/number-format.ts";

describe("numberFormatter", () => {
  it("uses thousands separators and fixed decimals", () => {
    expect(numberFormatter()(1234567.8)).toBe("1,234,568");
    expect(numberFormatter({ digits: 2 })(1234.5)).toBe("1,234.50");
    expect(numberFormatter({ digits: 1 })(-0.04)).toBe("-0.0");
  });

  it("formats percentages and currencies", () => {
    expect(numberFormatter({ percent: true })(0.305)).toBe("31%");
    expect(numberFormatter({ percent: true, digits: 1 })(0.305)).toBe("30.5%");
    expect(numberFormatter({ currency: "USD" })(1234.5)).toBe("$1,234.50");
    expect(numberFormatter({ currency: "EUR", digits: 0 })(99.6)).toBe("€100");
  });

  it("shows missing as empty, NaN as n/a, and passes other values through", () => {
    const f = numberFormatter();
    expect(f(null)).toBe("");
    expect(f(undefined)).toBe("");
    expect(f(Number.NaN)).toBe("n/a");
    expect(f(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(f("abc")).toBe("abc");
  });

  it("rejects bad formats", () => {
    expect(() => numberFormatter({ digits: 1.5 })).toThrow(RangeError);
    expect(() => numberFormatter({ digits: 21 })).toThrow(RangeError);
    expect(() => numberFormatter({ currency: "usd" })).toThrow(RangeError);
    expect(() => numberFormatter({ currency: "USD", percent: true })).toThrow(RangeError);
  });
});

describe("formatInterval", () => {
  it("joins the bounds with a spaced en dash", () => {
    expect(formatInterval(1234.5, 2345.25, numberFormatter({ digits: 1 }))).toBe("1,234.5 – 2,345.3");
  });
});

describe("text formats (sentences and command text)", () => {
  it("writes USD with cents, separators and a true minus; nothing for null", () => {
    expect([usd(1234.5), usd(-3.2), usd(0), usd(null), usd(Number.NaN)]).toEqual(["$1,234.50", "−$3.20", "$0.00", "", "n/a"]);
  });

  it("rounds to the shown digits with a true minus, −0 shown as 0", () => {
    expect([f1(2), fixed(1)(-0.04), fixed(2)(-1.234), f0(12345.6)]).toEqual(["2.0", "0.0", "−1.23", "12,346"]);
  });

  it("writes shares as percentages", () => {
    expect([pct(0.18), pct(0.125), pct1(0.1206)]).toEqual(["18%", "12.5%", "12.1%"]);
  });
});
