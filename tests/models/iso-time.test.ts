import { describe, expect, it } from "vitest";
import { EARLIEST_MS, LATEST_MS, parseIsoMs, timeProblem, WallClockZone } from "../../models/iso-time.ts";

const iso = (ms: number) => new Date(ms).toISOString();

describe("ISO 8601 timestamps: years and the plausible range", () => {
  it("reads four-digit years as written (0001 is the year 1, not 1901)", () => {
    expect(iso(parseIsoMs("0001-01-01T00:00:00Z"))).toBe("0001-01-01T00:00:00.000Z");
    expect(iso(parseIsoMs("0099-12-31"))).toBe("0099-12-31T00:00:00.000Z");
    expect(new Date(parseIsoMs("0050-06-01T12:00:00Z")).getUTCFullYear()).toBe(50);
  });

  it("refuses instants before 2003-01-01 or from 2100-01-01 on, saying why", () => {
    expect(timeProblem("0001-01-01T00:00:00Z", parseIsoMs("0001-01-01T00:00:00Z"))).toMatch(/before 2003-01-01 \(LinkedIn did not exist\)/);
    expect(timeProblem("2002-12-31T23:59:59Z", parseIsoMs("2002-12-31T23:59:59Z"))).toMatch(/before 2003-01-01/);
    expect(timeProblem("9999-12-31", parseIsoMs("9999-12-31"))).toMatch(/after 2100-01-01/);
    expect(timeProblem("2100-01-01", parseIsoMs("2100-01-01"))).toMatch(/after 2100-01-01/);
    expect(timeProblem("2003-01-01", parseIsoMs("2003-01-01"))).toBeUndefined();
    expect(parseIsoMs("2003-01-01")).toBe(EARLIEST_MS);
    expect(parseIsoMs("2099-12-31T23:59:59.999Z")).toBe(LATEST_MS - 1);
  });

  it("a naive time without a zone is refused with a hint naming --timezone; a bad date says it is not real", () => {
    expect(parseIsoMs("2026-01-05 09:30")).toBeNaN();
    expect(timeProblem("2026-01-05 09:30", NaN)).toMatch(/has no time zone; .*--timezone Area\/City/);
    expect(timeProblem("2026-02-30", NaN)).toMatch(/not a real date/);
    expect(timeProblem("05/01/2026", NaN)).toMatch(/expected an ISO 8601 date-time/);
  });
});

describe("naive times in an IANA zone (Intl)", () => {
  const paris = new WallClockZone("Europe/Paris");

  it("reads wall-clock times with the zone's offset of the day, winter and summer", () => {
    expect(iso(parseIsoMs("2026-01-05 09:30", paris))).toBe("2026-01-05T08:30:00.000Z");
    expect(iso(parseIsoMs("2026-07-01T09:30", paris))).toBe("2026-07-01T07:30:00.000Z");
    // A bare date is the zone's midnight; an explicit offset still wins.
    expect(iso(parseIsoMs("2026-07-01", paris))).toBe("2026-06-30T22:00:00.000Z");
    expect(iso(parseIsoMs("2026-07-01T09:30:00Z", paris))).toBe("2026-07-01T09:30:00.000Z");
  });

  it("around daylight-saving changes: a skipped time takes the offset before the change, a repeated one its first occurrence", () => {
    // Paris springs forward at 01:00 UTC on 2026-03-29 (02:00 → 03:00) and falls back at 01:00 UTC on 2026-10-25 (03:00 → 02:00).
    expect(iso(parseIsoMs("2026-03-29 01:30", paris))).toBe("2026-03-29T00:30:00.000Z");
    expect(iso(parseIsoMs("2026-03-29 02:30", paris))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(parseIsoMs("2026-03-29 03:30", paris))).toBe("2026-03-29T01:30:00.000Z");
    expect(iso(parseIsoMs("2026-10-25 02:30", paris))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(parseIsoMs("2026-10-25 03:30", paris))).toBe("2026-10-25T02:30:00.000Z");
  });

  it("takes any case of a zone name and refuses an unknown one", () => {
    expect(new WallClockZone("america/new_york").name).toBe("America/New_York");
    expect(iso(parseIsoMs("2026-01-05 09:30", new WallClockZone("America/New_York")))).toBe("2026-01-05T14:30:00.000Z");
    expect(() => new WallClockZone("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
