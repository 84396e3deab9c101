import { randomExponential, randomLogNormal } from "d3-random";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createStream, StreamBank } from "../../sim/index.ts";

const take = (u: () => number, n: number) => Array.from({ length: n }, () => u());

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe("random streams", () => {
  it("same (seed, replication, entity, purpose) gives the same sequence", () => {
    expect(take(createStream(7, 2, 5, "gap"), 100)).toEqual(take(createStream(7, 2, 5, "gap"), 100));
  });

  it("any change of the key gives a different sequence", () => {
    const base = take(createStream(7, 2, 5, "gap"), 5);
    for (const other of [createStream(8, 2, 5, "gap"), createStream(7, 3, 5, "gap"), createStream(7, 2, 6, "gap"), createStream(7, 2, 5, "gaq")]) {
      expect(take(other, 5)).not.toEqual(base);
    }
  });

  it("drawing from one stream does not shift another", () => {
    const a1 = createStream(1, 0, 0, "a");
    const alone = take(a1, 50);
    const a2 = createStream(1, 0, 0, "a");
    const b = createStream(1, 0, 0, "b");
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      take(b, 3);
      interleaved.push(a2());
    }
    expect(interleaved).toEqual(alone);
  });

  it("draws are uniform on [0, 1) with 53-bit resolution, and neighbouring keys are uncorrelated", () => {
    const n = 20_000;
    const xs = take(createStream(1, 0, 1, "p"), n);
    const ys = take(createStream(1, 0, 2, "p"), n);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, v) => s + v, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // Ten equal bins: chi-square with 9 df stays below 27.9 with probability 0.999.
    const bins = new Array(10).fill(0);
    for (const x of xs) bins[Math.floor(x * 10)]++;
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
    expect(Math.abs(correlation(xs, ys))).toBeLessThan(4 / Math.sqrt(n));
    // More than 32 bits: some draws differ from their float32-grid rounding.
    expect(xs.some((x) => x * 2 ** 32 !== Math.floor(x * 2 ** 32))).toBe(true);
  });
});

describe("StreamBank", () => {
  const drawn = (bank: StreamBank, i: number, n: number) =>
    Array.from({ length: n }, () => {
      bank.draw(i);
      return bank.value;
    });

  it("draws, bit for bit, what seedrandom's double() and d3-random's transforms give on createStream", () => {
    const bank = new StreamBank(2); // grows to 4 streams
    bank.seed(0, 7, 1, 12, "u");
    bank.seed(1, "s", 0, "3.1", "gap", { kind: "exponential", rate: 20 });
    bank.seed(2, 7, 1, 12, "delay", { kind: "exponential", rate: 1 / 3 });
    bank.seed(3, 7, 2, 5, "delay", { kind: "lognormal", mu: Math.log(2), sigma: 0.8 });
    expect(bank.size).toBeGreaterThanOrEqual(4);
    // 101 draws: across three refills, and a lognormal pair split over a block boundary.
    const n = 101;
    expect(drawn(bank, 0, n)).toEqual(take(createStream(7, 1, 12, "u"), n));
    expect(drawn(bank, 1, n)).toEqual(take(randomExponential.source(createStream("s", 0, "3.1", "gap"))(20), n));
    expect(drawn(bank, 2, n)).toEqual(take(randomExponential.source(createStream(7, 1, 12, "delay"))(1 / 3), n));
    expect(drawn(bank, 3, n)).toEqual(take(randomLogNormal.source(createStream(7, 2, 5, "delay"))(Math.log(2), 0.8), n));
  });

  it("is seeded as seedrandom seeds, for any key", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.nat(50), fc.oneof(fc.nat(), fc.string()), fc.string(), (seed, rep, entity, purpose) => {
        const bank = new StreamBank(1);
        bank.seed(0, seed, rep, entity, purpose);
        expect(drawn(bank, 0, 3)).toEqual(take(createStream(seed, rep, entity, purpose), 3));
      }),
    );
  });

  it("keeps each stream's position when another is drawn, reseeded or the bank grows", () => {
    const bank = new StreamBank(1);
    bank.seed(0, 1, 0, 0, "a");
    const first = drawn(bank, 0, 10);
    bank.seed(5, 1, 0, 0, "b", { kind: "lognormal", mu: 0, sigma: 1 }); // grows the bank
    drawn(bank, 5, 3); // leaves a spare normal deviate behind
    expect(drawn(bank, 0, 40)).toEqual(take(createStream(1, 0, 0, "a"), 50).slice(10));
    expect(first).toEqual(take(createStream(1, 0, 0, "a"), 10));
    // Reseeding starts the stream over, spare deviate included.
    bank.seed(5, 1, 0, 0, "b", { kind: "lognormal", mu: 0, sigma: 1 });
    expect(drawn(bank, 5, 5)).toEqual(take(randomLogNormal.source(createStream(1, 0, 0, "b"))(0, 1), 5));
  });
});
