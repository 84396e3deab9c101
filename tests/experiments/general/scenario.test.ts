import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, resolve } from "../../../experiments/inputs/params.ts";
import { buildModel, scenarioParams } from "../../../experiments/general/scenario.ts";
import { runSweep } from "../../../experiments/general/sweep.ts";
import { runScenario } from "../../../experiments/general/run-scenario.ts";
import { runTsx } from "../../support/run-cli.ts";

const seller = scenarioParams("seller");
const build = (...sets: string[]) => buildModel(resolve(seller, sets));
const small = ["--set", "accounts=20", "--set", "replications=2", "--workers", "1"];

describe("scenario schema: a bad value anywhere names its field path, the value and what is allowed", () => {
  it.each([
    [["audience.blokedShare=0.1"], /^audience\.blokedShare: unknown parameter; did you mean audience\.blockedShare\? \(--help lists all \d+\)$/],
    [["audience.blockedShare=1.5"], /^audience\.blockedShare: 1\.5 is not allowed; expected a number from 0 to 0\.99/],
    [["sender.sendsPerDay=lots"], /^sender\.sendsPerDay: "lots" is not a number/],
    [["plan=premium-platinum"], /^plan: "premium-platinum" is not allowed; expected one of basic, premium-career/],
    [["sender.poolSize=-3"], /^sender\.poolSize: -3 is not allowed; expected an integer from 1 to 1000000000, or unlimited/],
    [["rules.credits=auto"], /^rules\.credits: "auto" is not a number; expected an integer from 0 to 100000, or plan/],
    [["message.personalised=yes"], /^message\.personalised: "yes" is not allowed; expected true or false/],
    [["startDate=2026-13-45"], /^startDate: "2026-13-45" is not allowed; expected a date YYYY-MM-DD/],
    [["startDate=2026-02-30"], /^startDate: "2026-02-30" is not allowed; expected a date YYYY-MM-DD/],
    [["sender.startHour=18", "sender.endHour=9"], /^sender\.endHour: 9 is not allowed; expected a number after sender\.startHour \(18\)/],
    [[`message.subject=${"s".repeat(201)}`], /^message\.subject: 201 characters is not allowed; expected at most 200 \(LinkedIn's limit for an InMail subject\)$/],
    [[`message.body=${"b".repeat(2001)}`], /^message\.body: 2,001 characters is not allowed; expected at most 2,000 \(LinkedIn's limit for an InMail body\)$/],
    [["message.bodyChars=2500"], /^message\.bodyChars: 2,500 characters is not allowed; expected at most 2,000/],
    [
      ["connections.use=fallback", "connections.noteChars=301"],
      /^connections\.noteChars: 301 characters is not allowed; expected at most 300 \(LinkedIn's limit for a connection note on a paid account\)/,
    ],
    [["plan=basic", "connections.use=only", "connections.noteChars=250"], /^connections\.noteChars: 250 characters is not allowed; expected at most 200 \(.*free account\)/],
    [["plan=sales-navigator", "rules.credits=0"], /^rules\.credits: 0 is not allowed with connections\.use=none; expected at least 1 \(an account with no credits cannot send InMail, G2\)/],
    [["accounts=0x10"], /^accounts: "0x10" is not a number; expected an integer from 1 to 10000000, in decimal notation/],
    [["accounts=1e400"], /^accounts: 1e400 is not allowed; expected an integer from 1 to 10000000$/],
    [["plan=basic"], /^plan: "basic" cannot be used with connections\.use=none: plan "basic" cannot send InMail.*G2/],
    [["audience.acceptedShare=0.7", "audience.repliedShare=0.5"], /^audience\.repliedShare: 0\.5 is not allowed with audience\.acceptedShare=0\.7/],
    [["audience.responseRate=0.9", "audience.spamRate=0.2"], /^audience\.spamRate: 0\.2 is not allowed with audience\.responseRate=0\.9/],
    [["contract.seats=3"], /^contract\.seats: 3 is not allowed with plan=sales-navigator; expected 1 \(only recruiter pools credits across seats\)/],
  ])("%j", (sets, message) => {
    let error: unknown;
    try {
      build(...sets);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it("--set reaches any parameter by its dotted path", () => {
    expect(build("audience.blockedShare=0.05").model.blockedShare).toBe(0.05);
    expect(build("sender.poolSize=unlimited").model.sender?.poolSize).toBe(Infinity);
    expect(build("rules.credits=7").model.rules.creditsPerCycle).toBe(7);
    expect(build("plan=recruiter").model.rules.capCredits).toBe(600);
    // A pooled Recruiter contract is granted every seat's allotment into one pool.
    const contract = build("plan=recruiter", "contract.seats=5");
    expect(contract.model.rules.creditsPerCycle).toBe(750);
    expect(contract.credits).toBe(150);
  });

  it("message levers and length set the response multiplier", () => {
    const plain = build("message.bodyChars=300");
    const levered = build("message.bodyChars=300", "message.personalised=true", "audience.openToWork=true");
    expect(plain.messageMultiplier).toBeCloseTo(1.22, 12);
    expect(levered.messageMultiplier).toBeCloseTo(1.22 * 1.2 * 1.3, 12);
  });
});

describe("scenario files", () => {
  it.each(["recruiting", "sales-prospecting", "job-seeker", "plan-comparison", "guide-vs-linkedin"])(
    "%s runs on defaults and its JSON satisfies the ledger identity",
    (name) => {
      const r = runTsx(`scenarios/${name}.ts`, ["--json", ...small]);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const json = JSON.parse(r.stdout);
      const ledgers = json.points ? json.points.map((p: { ledger: unknown }) => p.ledger) : [json.ledger];
      for (const l of ledgers) {
        expect(l.granted + l.refunded - l.spent - l.expired - l.forfeited).toBe(l.closingBalance);
        expect(l.identityHolds).toBe(true);
      }
      // Figures with no public source are labelled as assumptions.
      expect(json.assumptions.join("; ")).toMatch(/response delay distribution \(none is published\)/);
    },
    30_000,
  );

  it("guide-vs-linkedin shows both presets on the same senders with the paired difference and its CI", () => {
    const r = runTsx("scenarios/guide-vs-linkedin.ts", ["--json", ...small, "--set", "replications=6"]);
    const json = JSON.parse(r.stdout);
    expect(json.points.map((p: { policy: string }) => p.policy)).toEqual(["guide", "linkedin"]);
    const d = json.points[1].vsBaseline.capacity;
    expect(d.ci95[0]).toBeLessThanOrEqual(d.mean);
    expect(d.ci95[1]).toBeGreaterThanOrEqual(d.mean);
    // LinkedIn refunds declines too and never resets: it delivers more.
    expect(d.ci95[0]).toBeGreaterThan(0);
    expect(d.mean).toBeCloseTo(json.points[1].capacity.mean - json.points[0].capacity.mean, 9);
  });

  it("a bad value exits 2 with one line naming the field", () => {
    const r = runTsx("scenarios/recruiting.ts", ["--set", "audience.blockedShare=1.5"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toMatch(/^scenarios\/recruiting\.ts: audience\.blockedShare: 1\.5 is not allowed/);
  });

  it("--grid replaces the grid and --out writes the tidy tables as CSV and Arrow", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "sweep-")), "out");
    const r = runTsx("scenarios/plan-comparison.ts", [...small, "--grid", "plan=premium-career,sales-navigator", "--grid", "audience.responseRate=0.1,0.3", "--set", "cycles=3", "--out", dir]);
    expect(r.status).toBe(0);
    for (const f of ["rows.csv", "rows.arrow", "summary.csv", "summary.arrow"]) expect(existsSync(join(dir, f))).toBe(true);
    const rows = readFileSync(join(dir, "rows.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toMatch(/^point,plan,audience\.responseRate,replication,cycle,sends,positives/);
    expect(rows.length - 1).toBe(4 * 2 * 3); // points × replications × cycles
    expect(readFileSync(join(dir, "summary.csv"), "utf8").trim().split("\n")).toHaveLength(5);
  });

  it("a sweep with --trace-accounts beyond its accounts exits 2 before running: no --out folder, no trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "sweep-trace-"));
    const out = join(dir, "out");
    const trace = join(dir, "trace.csv");
    const r = runTsx("scenarios/guide-vs-linkedin.ts", [...small, "--out", out, "--trace", trace, "--trace-accounts", "21"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--trace-accounts: 21 is more than the 20 accounts simulated/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a sweep with --trace writes the trace of its base values and the tables", () => {
    const dir = mkdtempSync(join(tmpdir(), "sweep-trace-"));
    const r = runTsx("scenarios/guide-vs-linkedin.ts", [...small, "--set", "cycles=2", "--out", join(dir, "out"), "--trace", join(dir, "t.csv"), "--trace-accounts", "2"]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([".inmail-sim-output.json", "rows.arrow", "rows.csv", "summary.arrow", "summary.csv"]);
    expect(readdirSync(dir).sort()).toEqual(["out", "t.csv"]); // no temporary file left beside them
    const accounts = new Set(
      readFileSync(join(dir, "t.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((row) => row.split(",")[1]),
    );
    expect([...accounts]).toEqual(["0", "1"]);
  });
});

describe("common random numbers", () => {
  it("paired differences between grid points vary far less than unpaired ones", async () => {
    const values = resolve(seller, ["accounts=30", "replications=20", "cycles=3"]);
    const axis = { name: "audience.responseRate", values: [0.15, 0.2] };
    const sweep = await runSweep("crn", seller, values, [axis], { workers: 1 });
    const a = sweep.points[0]!.result.replicationValues.capacity;
    const b = sweep.points[1]!.result.replicationValues.capacity;
    // The second point again, with other random numbers.
    const unpairedValues = { ...values, "audience.responseRate": 0.2, seed: 99 };
    const other = await runScenario("crn", unpairedValues, buildModel(unpairedValues), { workers: 1 });
    const c = other.replicationValues.capacity;
    const variance = (xs: number[]) => {
      const m = xs.reduce((s, x) => s + x, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
    };
    const paired = variance(b.map((x, i) => x - a[i]!));
    const unpaired = variance(c.map((x, i) => x - a[i]!));
    expect(paired).toBeLessThan(unpaired / 2);
  });
});
