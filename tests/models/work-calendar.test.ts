import { describe, expect, it } from "vitest";
import { compileCalendar, localHour, localWeekday, weekdayOf, WorkClock, type CompiledCalendar } from "../../models/work-calendar.ts";

// 2026-01-05 is a Monday.
const start = "2026-01-05";
const office = compileCalendar({ weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, utcOffsetHours: 0 }, start);
const h = (hours: number) => hours / 24;

/** Where a WorkClock set to `t` ends after `move`. */
function moved(cal: CompiledCalendar, t: number, move: (c: WorkClock) => void): number {
  const clock = new WorkClock(cal);
  clock.t = t;
  move(clock);
  return clock.t;
}
const nextWorkingTime = (t: number, cal: CompiledCalendar) => moved(cal, t, (c) => c.toWorkingTime());
const nextWorkingDayStart = (t: number, cal: CompiledCalendar) => moved(cal, t, (c) => c.toNextWorkingDay());
const addWorkingTime = (t: number, work: number, cal: CompiledCalendar) =>
  moved(cal, t, (c) => {
    c.work = work;
    c.addWork();
  });

describe("work calendar", () => {
  it("knows the weekday of a date and of a simulation time", () => {
    expect(weekdayOf(start)).toBe(1);
    expect(localWeekday(0, 0, 1)).toBe(1);
    expect(localWeekday(5.5, 0, 1)).toBe(6); // Saturday noon
    // New York (UTC−5): t = 0 (Monday 00:00 UTC) is still Sunday evening locally.
    expect(localWeekday(0, -5 / 24, 1)).toBe(0);
    expect(localHour(0, -5 / 24)).toBeCloseTo(19, 9);
    const clock = new WorkClock(compileCalendar({ weekdays: [1], startHour: 9, endHour: 17, utcOffsetHours: -5 }, start));
    clock.t = 0;
    expect(clock.weekday()).toBe(0);
    expect(clock.hourOutside(8, 18)).toBe(true); // 19:00 local
    expect(clock.hourOutside(8, 20)).toBe(false);
  });

  it("moves a time into working hours", () => {
    expect(nextWorkingTime(0, office)).toBeCloseTo(h(9), 12); // Monday 00:00 → 09:00
    expect(nextWorkingTime(h(10), office)).toBeCloseTo(h(10), 12); // already inside
    expect(nextWorkingTime(h(17), office)).toBeCloseTo(1 + h(9), 12); // 17:00 → Tuesday 09:00
    expect(nextWorkingTime(4 + h(18), office)).toBeCloseTo(7 + h(9), 12); // Friday evening → Monday
  });

  it("adds working time across evenings and weekends", () => {
    // 4 working hours from Monday 15:00: 2 today, 2 on Tuesday → Tuesday 11:00.
    expect(addWorkingTime(h(15), 0.5, office)).toBeCloseTo(1 + h(11), 12);
    // One full working day from Friday 09:00 ends Friday 17:00 exactly.
    expect(addWorkingTime(4 + h(9), 1, office)).toBeCloseTo(4 + h(17), 12);
    // … and a little more spills to Monday.
    expect(addWorkingTime(4 + h(9), 1.125, office)).toBeCloseTo(7 + h(10), 12);
    expect(nextWorkingDayStart(h(10), office)).toBeCloseTo(1 + h(9), 12);
  });

  it("respects the sender's UTC offset", () => {
    const ny = compileCalendar({ weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, utcOffsetHours: -5 }, start);
    // Monday 09:00 in New York is 14:00 UTC.
    expect(nextWorkingTime(0, ny)).toBeCloseTo(h(14), 12);
  });

  it("a calendar with no working day never sends", () => {
    const none = compileCalendar({ weekdays: [], startHour: 9, endHour: 17, utcOffsetHours: 0 }, start);
    expect(nextWorkingTime(0, none)).toBe(Infinity);
    expect(addWorkingTime(0, 1, none)).toBe(Infinity);
  });
});
