import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Calendar } from "../../sim/calendar.ts";

function drain(cal: Calendar): [number, number, number, number, number][] {
  const out: [number, number, number, number, number][] = [];
  while (cal.pop()) out.push([cal.time, cal.kind, cal.a, cal.b, cal.c]);
  return out;
}

describe("Calendar", () => {
  it("pops events in time order, simultaneous ones in scheduling order", () => {
    const cal = new Calendar(2);
    cal.push(5, 1, 0, 0);
    cal.push(1, 2, 0, 0);
    cal.push(5, 3, 0, 0);
    cal.push(1, 4, 0, 0);
    cal.push(0.5, 5, 7, 2.5, -3.25);
    expect(drain(cal)).toEqual([
      [0.5, 5, 7, 2.5, -3.25],
      [1, 2, 0, 0, 0],
      [1, 4, 0, 0, 0],
      [5, 1, 0, 0, 0],
      [5, 3, 0, 0, 0],
    ]);
  });

  it("agrees with a stable sort for any sequence of pushes and pops", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 })), { maxLength: 300 }), (ops) => {
        const cal = new Calendar(1);
        const ref: { t: number; seq: number }[] = [];
        let seq = 0;
        for (const op of ops) {
          if (op === null) {
            ref.sort((x, y) => x.t - y.t || x.seq - y.seq);
            const head = ref.shift();
            expect(cal.pop()).toBe(head !== undefined);
            if (head) expect([cal.time, cal.a]).toEqual([head.t, head.seq]);
          } else {
            cal.push(op, 0, seq, 0);
            ref.push({ t: op, seq: seq++ });
          }
          expect(cal.size).toBe(ref.length);
        }
      }),
    );
  });

  it("clear empties the calendar and restarts the tie-breaking sequence", () => {
    const cal = new Calendar();
    cal.push(1, 1, 0, 0);
    cal.clear();
    expect(cal.size).toBe(0);
    expect(cal.peekTime()).toBe(Infinity);
    expect(cal.pop()).toBe(false);
    cal.push(2, 9, 0, 0);
    cal.push(2, 8, 0, 0);
    expect(drain(cal).map((e) => e[1])).toEqual([9, 8]);
  });

  it("with a slot kind, pops exactly what it pops without one, in any sequence of pushes and pops", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null), fc.record({ t: fc.integer({ min: 0, max: 20 }), kind: fc.integer({ min: 0, max: 2 }) })), {
          maxLength: 300,
        }),
        (ops) => {
          const plain = new Calendar(1);
          const slotted = new Calendar(1);
          slotted.slotKind = 1;
          let seq = 0;
          for (const op of ops) {
            if (op === null) {
              expect(slotted.pop()).toBe(plain.pop());
              expect([slotted.time, slotted.kind, slotted.a, slotted.b, slotted.c]).toEqual([plain.time, plain.kind, plain.a, plain.b, plain.c]);
            } else {
              plain.push(op.t, op.kind, seq, op.t / 2, seq / 3);
              slotted.push(op.t, op.kind, seq, op.t / 2, seq / 3);
              seq++;
            }
            expect(slotted.size).toBe(plain.size);
            expect(slotted.peekTime()).toBe(plain.peekTime());
          }
        },
      ),
    );
  });

  it("clear empties the slot too, and the slot kind is set only while empty", () => {
    const cal = new Calendar();
    cal.slotKind = 4;
    cal.push(3, 4, 1, 0);
    expect(cal.size).toBe(1);
    expect(() => (cal.slotKind = 5)).toThrow(RangeError);
    cal.clear();
    expect(cal.size).toBe(0);
    expect(cal.pop()).toBe(false);
  });
});
