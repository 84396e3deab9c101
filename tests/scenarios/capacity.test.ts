import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaults } from "../../experiments/inputs/params.ts";
import { capacityParams, runCapacity, type CapacityParams } from "../../experiments/capacity/capacity.ts";
import { runTsx } from "../support/run-cli.ts";

const base = defaults(capacityParams) as unknown as CapacityParams;
/** In this thread: the assertions here are about the model, not the pool. */
const here = { workers: 1 };

describe("capacity scenario", () => {
  it.each([
    [50, 0.5],
    [50, 0.25],
    [5, 0.1],
    [15, 0.6],
    [150, 0.13],
  ])("closed form: credits %i, reply rate %f → the CI contains C/(1 − r)", async (credits, replyRate) => {
    for (const policy of ["guide", "linkedin"] as const) {
      const r = await runCapacity({ ...base, credits, replyRate, policy, sendsPerDay: 100_000, responseDelayDays: 0, cycles: 6, accounts: 200, replications: 20, seed: 3 }, here);
      const expected = credits / (1 - replyRate);
      expect(r.analytic.instantCapacity).toBeCloseTo(expected, 9);
      expect(r.capacity.ci95[0]).toBeLessThanOrEqual(expected);
      expect(r.capacity.ci95[1]).toBeGreaterThanOrEqual(expected);
      // The interval is informative: narrower than 3% of the value.
      expect(r.capacity.ci95[1] - r.capacity.ci95[0]).toBeLessThan(0.03 * expected);
    }
  });

  it("same seed → identical JSON; another seed → different numbers", async () => {
    const p = { ...base, accounts: 50, replications: 4 };
    const a = await runCapacity(p, here);
    const b = await runCapacity(p, here);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = await runCapacity({ ...p, seed: 2 }, here);
    expect(c.capacity.mean).not.toBe(a.capacity.mean);
  });

  it("JSON satisfies the ledger identity and the per-cycle contract", async () => {
    const r = await runCapacity({ ...base, policy: "linkedin", accounts: 50, replications: 3, sendsPerDay: 1.5 }, here);
    const l = r.ledger;
    expect(l.granted + l.refunded - l.spent - l.expired - l.forfeited).toBe(l.closingBalance);
    expect(r.perCycle.map((c) => c.cycle)).toEqual(Array.from({ length: base.cycles }, (_, i) => i + 1));
    const sends = r.perCycle.reduce((s, c) => s + c.sends, 0);
    expect(sends / base.cycles).toBeCloseTo(r.capacity.mean, 9);
    expect(l.spent).toBe(Math.round(sends * 50 * 3));
    expect(r.multiplier).toBeCloseTo(r.capacity.mean / base.credits, 12);
    // Credits lost per cycle add up to the ledger's; the balance held at the horizon is not among them.
    const lost = r.perCycle.reduce((s, c) => s + c.expired + c.forfeited, 0) * 50 * 3;
    expect(Math.round(lost)).toBe(l.expired + l.forfeited);
  });

  it("events count 1 per send, 1 per positive response, 1 per account per cycle start", async () => {
    const r = await runCapacity({ ...base, accounts: 10, replications: 2 }, here);
    const n = 10 * 2;
    const sends = r.perCycle.reduce((s, c) => s + c.sends, 0) * n;
    const positives = r.perCycle.reduce((s, c) => s + c.positives, 0) * n;
    expect(r.perf.events).toBe(Math.round(sends + positives + n * base.cycles));
  });
});

describe("capacity scenario on the worker pool", () => {
  it("the JSON is byte-identical for any number of workers and any chunk size", async () => {
    const p = { ...base, policy: "linkedin" as const, accounts: 45, replications: 3, sendsPerDay: 4 };
    const reference = JSON.stringify(await runCapacity(p, { workers: 1 }));
    for (const [workers, chunkAccounts] of [
      [2, undefined],
      [2, 7],
      [3, 1],
      [1, 45],
    ] as const) {
      const r = await runCapacity(p, chunkAccounts === undefined ? { workers } : { workers, chunkAccounts });
      expect(JSON.stringify(r)).toBe(reference);
    }
  });
});

describe("capacity command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "inmail-sim-trace-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--workers 1 and --workers 2 print the same JSON; --trace changes nothing else", () => {
    const args = ["--json", "--set", "accounts=300", "--set", "replications=3", "--set", "cycles=3"];
    const one = runTsx("scenarios/capacity.ts", [...args, "--workers", "1"]);
    const two = runTsx("scenarios/capacity.ts", [...args, "--workers=2", "--trace", join(dir, "same.csv")]);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    // Byte for byte: no wall clock and no thread count in a result.
    expect(two.stdout).toBe(one.stdout);
  });

  it("--trace writes well-formed CSV whose ledger movements replay to each account's closing balance", () => {
    const file = join(dir, "nested", "trace.csv");
    const r = runTsx("scenarios/capacity.ts", [
      "--set",
      "policy=linkedin",
      "--set",
      "sendsPerDay=1",
      "--set",
      "replyRate=0.4",
      "--set",
      "cycles=8",
      "--set",
      "capMultiplier=1.5",
      "--set",
      "creditLifetimeDays=40",
      "--set",
      "accounts=5",
      "--set",
      "replications=2",
      "--trace",
      file,
      "--trace-accounts",
      "3",
      "--json",
    ]);
    expect(r.status).toBe(0);
    const [header, ...rows] = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(header).toBe("replication,account,seat,timeDays,kind,amount,delta,balance,recipient,outcome,channel,respondsAtDays");
    const kinds = new Set<string>();
    const balances = new Map<string, number>();
    const closed = new Map<string, number>();
    let lastTime = -Infinity;
    for (const row of rows) {
      const cells = row.split(",");
      expect(cells).toHaveLength(12);
      const [replication, account, seat, time, kind, amount, delta, balance] = cells;
      expect(replication).toBe("0");
      for (const n of [account, seat, time, amount, delta, balance]) expect(Number.isFinite(Number(n))).toBe(true);
      kinds.add(kind!);
      const sign = { grant: 1, refund: 1, spend: -1, expire: -1, forfeit: -1 }[kind!] ?? 0;
      expect(Number(delta)).toBe(sign * Number(amount));
      const key = account!;
      if (!balances.has(key)) lastTime = -Infinity;
      // Each account's rows come in time order, but an expiry carries its own time and
      // is written when the next event settles it.
      if (kind !== "expire") {
        expect(Number(time)).toBeGreaterThanOrEqual(lastTime);
        lastTime = Number(time);
      }
      const running = (balances.get(key) ?? 0) + Number(delta);
      balances.set(key, running);
      expect(running).toBe(Number(balance));
      if (kind === "send") expect(["accepted", "replied", "declined", "spam", "ignored"]).toContain(cells[9]);
      if (kind === "close") closed.set(key, Number(balance));
    }
    expect([...closed.keys()]).toEqual(["0", "1", "2"]);
    for (const [account, balance] of closed) expect(balances.get(account)).toBe(balance);
    for (const k of ["grant", "spend", "send", "refund", "response", "expire", "forfeit", "close"]) expect(kinds).toContain(k);
  });

  it("--json prints the contract; two runs agree byte for byte", () => {
    const args = ["--json", "--set", "accounts=20", "--set", "replications=3", "--set", "policy=linkedin"];
    const a = runTsx("scenarios/capacity.ts", args);
    const b = runTsx("scenarios/capacity.ts", args);
    expect(a.status).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    for (const k of ["params", "capacity", "multiplier", "perCycle", "ledger", "analytic", "perf"]) expect(ja).toHaveProperty(k);
    expect(ja.params.policy).toBe("linkedin");
    expect(JSON.stringify(ja)).toBe(JSON.stringify(jb));
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
    [["--set", "colour=red"], /colour: unknown parameter; \(--help lists all \d+\)/],
    [["--set", "sendsPerDay=fast"], /sendsPerDay: "fast" is not a number/],
    [["--set", "accounts=2.5"], /accounts: 2\.5 is not allowed; expected an integer/],
    [["--set", "replications"], /expected name=value/],
    [["--frobnicate"], /--frobnicate: unknown option/],
    [["--workers", "0"], /--workers: "0" is not allowed; expected an integer from 1 to 256/],
    [["--workers", "x"], /--workers: "x" is not allowed; expected an integer from 1 to 256/],
    [["--trace", "out/t.csv", "--trace-accounts", "9", "--set", "accounts=3"], /--trace-accounts: 9 is more than the 3 accounts simulated/],
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
