import { describe, expect, it } from "vitest";
import { Environment, type EventHandler } from "../../sim/index.ts";

/** A tiny process model: entity `a` does `kind` and may schedule a follow-up. */
function recorder(env: Environment, follow: (kind: number, a: number) => void = () => {}) {
  const timeline: [number, number, number][] = [];
  const handler: EventHandler = {
    handle(kind, a) {
      timeline.push([env.now, a, kind]);
      follow(kind, a);
    },
  };
  return { timeline, handler };
}

describe("Environment", () => {
  it("reads as a timeline of (when, who, what), ties in scheduling order", () => {
    const env = new Environment({ seed: 1, replication: 0 });
    const { timeline, handler } = recorder(env, (kind, a) => {
      if (kind === 1) env.schedule(2, 2, a); // each arrival leaves 2 days later
    });
    env.scheduleAt(1, 1, 10);
    env.scheduleAt(1, 1, 11);
    env.scheduleAt(3, 1, 12);
    env.run(100, handler);
    expect(timeline).toEqual([
      [1, 10, 1],
      [1, 11, 1],
      [3, 12, 1], // scheduled at the start, before the departures planned at t=1
      [3, 10, 2],
      [3, 11, 2],
      [5, 12, 2],
    ]);
    expect(env.processed).toBe(6);
    expect(env.now).toBe(100);
  });

  it("run(until) stops before events at `until` and can be resumed", () => {
    const env = new Environment({ seed: 1, replication: 0 });
    const { timeline, handler } = recorder(env);
    env.scheduleAt(1, 1);
    env.scheduleAt(2, 2);
    env.scheduleAt(3, 3);
    env.run(2, handler);
    expect(timeline.map((e) => e[2])).toEqual([1]);
    expect(env.now).toBe(2);
    env.run(10, handler);
    expect(timeline.map((e) => e[0])).toEqual([1, 2, 3]);
  });

  it("post schedules from the fields postAt, postB, postC exactly as scheduleAt does", () => {
    const seen = (usePost: boolean) => {
      const env = new Environment({ seed: 1, replication: 0 });
      const out: number[][] = [];
      const handler: EventHandler = { handle: (kind, a, b, c) => void out.push([env.now, kind, a, b, c]) };
      for (const [t, kind, a, b, c] of [
        [2.5, 1, 7, 0.25, 3],
        [1.5, 2, 8, NaN, 0],
        [2.5, 3, 9, -1, 1e-9],
      ] as const) {
        if (usePost) {
          env.postAt = t;
          env.postB = b;
          env.postC = c;
          env.post(kind, a);
        } else env.scheduleAt(t, kind, a, b, c);
      }
      env.run(10, handler);
      return out;
    };
    expect(seen(true)).toEqual(seen(false));
    expect(seen(true).map((e) => e[2])).toEqual([8, 7, 9]);
    const env = new Environment({ seed: 1, replication: 0 });
    env.run(5, { handle() {} });
    env.postAt = 4;
    expect(() => env.post(0, 0)).toThrow(/cannot schedule at 4: the clock is already at 5/);
  });

  it("refuses to schedule in the past", () => {
    const env = new Environment({ seed: 1, replication: 0 });
    env.run(5, { handle() {} });
    expect(() => env.scheduleAt(4, 0)).toThrow(/already at 5/);
  });

  it("reset empties the calendar and sets the clock to 0", () => {
    const env = new Environment({ seed: 1, replication: 0 });
    env.scheduleAt(3, 1);
    env.run(2, { handle() {} });
    env.reset();
    expect(env.now).toBe(0);
    expect(env.calendar.size).toBe(0);
  });

  it("two environments run side by side without sharing state", () => {
    const a = new Environment({ seed: 1, replication: 0 });
    const b = new Environment({ seed: 1, replication: 0 });
    const ra = recorder(a);
    const rb = recorder(b);
    a.scheduleAt(1, 1);
    b.scheduleAt(2, 2);
    a.run(10, ra.handler);
    expect(b.calendar.size).toBe(1);
    b.run(10, rb.handler);
    expect(ra.timeline).toEqual([[1, 0, 1]]);
    expect(rb.timeline).toEqual([[2, 0, 2]]);
    expect(a.stream(3, "x")()).toBe(b.stream(3, "x")());
  });
});
