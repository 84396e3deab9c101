import { describe, expect, it } from "vitest";
import { createTally, packTally, tallyFields, unpackTally } from "../../models/index.ts";

describe("packTally / unpackTally", () => {
  it("round-trips every field bit for bit", () => {
    const t = createTally(3);
    t.accounts = 7;
    t.closingBalance = 12;
    t.ledger = { granted: 350, spent: 401, refunded: 90, expired: 25, forfeited: 2 };
    tallyFields.forEach((f, i) => t.perCycle[f].set([i, i + 0.5, -i * 1e15]));
    const back = unpackTally(packTally(t));
    expect(back).toEqual(t);
    expect(packTally(back)).toEqual(packTally(t));
  });

  it("packs into one buffer of 7 + fields × cycles values", () => {
    expect(packTally(createTally(12)).length).toBe(7 + tallyFields.length * 12);
    expect(unpackTally(packTally(createTally(0))).cycles).toBe(0);
  });

  it("refuses a length that fits no number of cycles", () => {
    expect(() => unpackTally(new Float64Array(8))).toThrow(RangeError);
    expect(() => unpackTally(new Float64Array(3))).toThrow(/cannot have 3 values/);
  });
});
