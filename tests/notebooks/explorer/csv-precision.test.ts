import { describe, expect, it } from "vitest";
import { digits, rounded } from "../../../notebooks/explorer/csv-precision.ts";

describe("rounding a CSV figure to its precision", () => {
  it("drops float noise and keeps what the precision holds", () => {
    expect(rounded(76.99999999999999, digits.count)).toBe(77);
    expect(String(rounded(0.1 + 0.2, digits.share))).toBe("0.3");
    expect(rounded(12.3456, digits.usd)).toBe(12.35);
    expect(rounded(-0.001, digits.count)).toBe(0);
    expect(Object.is(rounded(-0.001, digits.count), -0)).toBe(false);
  });

  it("leaves what is no finite number as it is", () => {
    expect(rounded("", digits.count)).toBe("");
    expect(rounded(null, digits.count)).toBe(null);
    expect(rounded(Infinity, digits.count)).toBe(Infinity);
  });
});
