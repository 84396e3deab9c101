import { describe, expect, it } from "vitest";
import { grantTimes } from "../../models/grant-schedule.ts";

describe("grant schedules", () => {
  it("fixed: every cycleDays from the anchor", () => {
    expect([...grantTimes({ kind: "fixed", cycleDays: 30 }, "2026-01-01", 5, 3)]).toEqual([5, 35, 65, 95]);
  });

  it("calendar-month (Sales Navigator): the 1st of each month UTC, whatever the subscription date", () => {
    expect([...grantTimes({ kind: "calendar-month" }, "2026-01-01", 19, 3)]).toEqual([0, 31, 59, 90]);
    // Starting mid-month, the first grant is on the next 1st (Feb 1 = day 27 from Jan 5).
    expect([...grantTimes({ kind: "calendar-month" }, "2026-01-05", 0, 2)]).toEqual([27, 55, 86]);
  });

  it("billing-date: monthly on the anchor's day, clipped to short months", () => {
    // Anchor 2026-01-31 (day 30): Feb 28, Mar 31, Apr 30.
    expect([...grantTimes({ kind: "billing-date" }, "2026-01-01", 30, 3)]).toEqual([30, 58, 89, 119]);
    // Keeps the time of day of a fractional anchor.
    expect(grantTimes({ kind: "billing-date" }, "2026-01-01", 2.5, 1)[1]).toBeCloseTo(33.5, 9);
  });
});
