import { describe, expect, it } from "vitest";
import { defaults } from "../../scenarios/params.ts";
import { capacityParams, runCapacity, type CapacityParams } from "../../scenarios/capacity.ts";
import { runTsx } from "./run-cli.ts";

const base = defaults(capacityParams) as unknown as CapacityParams;
const withoutPerf = (r: object) => JSON.stringify({ ...r, perf: undefined });

describe("capacity scenario", () => {
  it.each([
    [50, 0.5],
    [50, 0.25],
    [5, 0.1],
    [15, 0.6],
    [150, 0.13],
  ])("closed form: credits %i, reply rate %f → the CI contains C/(1 − r)", (credits, replyRate) => {
    for (const policy of ["guide", "linkedin"] as const) {
      const r = runCapacity({ ...base, credits, replyRate, policy, sendsPerDay: 100_000, responseDelayDays: 0, cycles: 6, accounts: 200, replications: 20, seed: 3 });
      const expected = credits / (1 - replyRate);
      expect(r.analytic.instantCapacity).toBeCloseTo(expected, 9);
      expect(r.capacity.ci95[0]).toBeLessThanOrEqual(expected);
      expect(r.capacity.ci95[1]).toBeGreaterThanOrEqual(expected);
      // The interval is informative: narrower than 3% of the value.
      expect(r.capacity.ci95[1] - r.capacity.ci95[0]).toBeLessThan(0.03 * expected);
    }
  });

  it("same seed → identical JSON except perf; another seed → different numbers", () => {
    const p = { ...base, accounts: 50, replications: 4 };
    const a = runCapacity(p);
    const b = runCapacity(p);
    expect(withoutPerf(a)).toBe(withoutPerf(b));
    const c = runCapacity({ ...p, seed: 2 });
    expect(c.capacity.mean).not.toBe(a.capacity.mean);
  });

  it("JSON satisfies the ledger identity and the per-cycle contract", () => {
    const r = runCapacity({ ...base, policy: "linkedin", accounts: 50, replications: 3, sendsPerDay: 1.5 });
    const l = r.ledger;
    expect(l.granted + l.refunded - l.spent - l.expired - l.forfeited).toBe(l.closingBalance);
    expect(r.perCycle.map((c) => c.cycle)).toEqual(Array.from({ length: base.cycles }, (_, i) => i + 1));
    const sends = r.perCycle.reduce((s, c) => s + c.sends, 0);
    expect(sends / base.cycles).toBeCloseTo(r.capacity.mean, 9);
    expect(l.spent).toBe(Math.round(sends * 50 * 3));
    expect(r.multiplier).toBeCloseTo(r.capacity.mean / base.credits, 12);
    // Expired per cycle, plus what is lost at the horizon, accounts for every credit not spent.
    const expired = r.perCycle.reduce((s, c) => s + c.expired + c.forfeited, 0) * 50 * 3;
    expect(Math.round(expired)).toBe(l.expired + l.forfeited + l.closingBalance);
  });

  it("events count 1 per send, 1 per positive response, 1 per account per cycle start", () => {
    const r = runCapacity({ ...base, accounts: 10, replications: 2 });
    const n = 10 * 2;
    const sends = r.perCycle.reduce((s, c) => s + c.sends, 0) * n;
    const positives = r.perCycle.reduce((s, c) => s + c.positives, 0) * n;
    expect(r.perf.events).toBe(Math.round(sends + positives + n * base.cycles));
  });
});

describe("capacity command line", () => {
  it("--json prints the contract; two runs agree except perf", () => {
    const args = ["--json", "--set", "accounts=20", "--set", "replications=3", "--set", "policy=linkedin"];
    const a = runTsx("scenarios/capacity.ts", args);
    const b = runTsx("scenarios/capacity.ts", args);
    expect(a.status).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    for (const k of ["params", "capacity", "multiplier", "perCycle", "ledger", "analytic", "perf"]) expect(ja).toHaveProperty(k);
    expect(ja.params.policy).toBe("linkedin");
    expect(withoutPerf(ja)).toBe(withoutPerf(jb));
  });

  it("prints a human-readable summary by default", () => {
    const r = runTsx("scenarios/capacity.ts", ["--set", "accounts=10", "--set", "replications=2"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/effective outreach capacity\s+[\d.]+ InMails per account per cycle \(95% CI/);
  });

  it.each([
    [["--set", "replyRate=1.5"], /replyRate: 1\.5 is not allowed; expected a number from 0 to 0\.99/],
    [["--set", "credits=-1"], /credits: -1 is not allowed; expected an integer from 1/],
    [["--set", "credits=0"], /credits: 0 .*Basic.*cannot send InMail/],
    [["--set", "policy=lenient"], /policy: "lenient" is not allowed; expected one of guide, linkedin/],
    [["--set", "colour=red"], /colour: unknown parameter; allowed: accounts, credits/],
    [["--set", "sendsPerDay=fast"], /sendsPerDay: "fast" is not a number/],
    [["--set", "accounts=2.5"], /accounts: 2\.5 is not allowed; expected an integer/],
    [["--set", "replications"], /expected name=value/],
    [["--frobnicate"], /--frobnicate: unknown option/],
  ])("bad input %j → exit 2, one line naming it, nothing on stdout", (args, message) => {
    const r = runTsx("scenarios/capacity.ts", args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("--help lists every parameter with its default and allowed range", () => {
    const r = runTsx("scenarios/capacity.ts", ["--help"]);
    expect(r.status).toBe(0);
    for (const p of capacityParams) expect(r.stdout).toContain(p.name);
    expect(r.stdout).toMatch(/replyRate\s+0\.25\s+a number from 0 to 0\.99/);
  });
});
