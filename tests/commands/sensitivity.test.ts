import { describe, expect, it } from "vitest";
import { InputError, resolve } from "../../experiments/inputs/params.ts";
import { sensitivityCli } from "../../commands/sensitivity.ts";
import { runSensitivity, sensitivityParams, setByUser } from "../../experiments/sensitivity/sensitivity-run.ts";
import { runTsx } from "../support/run-cli.ts";

describe("commands/sensitivity.ts", () => {
  it("--model ishigami --json: every CI contains the analytic index, one row per (output, input)", () => {
    const r = runTsx("commands/sensitivity.ts", ["--model", "ishigami", "--set", "n=256", "--set", "seed=4", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rows).toHaveLength(3);
    for (const row of json.rows) {
      const want = json.analytic.find((a: { input: string }) => a.input === row.input);
      expect(row.S1ci[0]).toBeLessThanOrEqual(want.S1);
      expect(row.S1ci[1]).toBeGreaterThanOrEqual(want.S1);
      expect(row.STci[0]).toBeLessThanOrEqual(want.ST);
      expect(row.STci[1]).toBeGreaterThanOrEqual(want.ST);
      expect(Object.keys(row)).toEqual(expect.arrayContaining(["output", "input", "S1", "S1ci", "ST", "STci", "muStar", "sigma"]));
    }
    // Morris ranks x3 (no first-order effect, but an interaction) below x2.
    const mu = Object.fromEntries(json.rows.map((row: { input: string; muStar: number }) => [row.input, row.muStar]));
    expect(mu.x2).toBeGreaterThan(mu.x3);
    expect(json.runs.points).toEqual({ morris: 20 * 4, sobol: 256 * 5 });
  });

  it("an index outside 0–1 is kept as estimated in the JSON and said to be noise in the text", () => {
    const args = ["--model", "ishigami", "--set", "n=64", "--set", "trajectories=4"];
    const json = JSON.parse(runTsx("commands/sensitivity.ts", [...args, "--json"]).stdout!);
    type Row = { input: string; S1: number; ST: number; S1ci: [number, number]; STci: [number, number] };
    const below = json.rows.filter((r: Row) => Math.min(r.S1, r.ST, r.S1ci[0], r.STci[0]) < 0).map((r: Row) => r.input);
    expect(below.length).toBeGreaterThan(0);
    const text = runTsx("commands/sensitivity.ts", args).stdout!;
    expect(text).toContain("estimator noise");
    expect(text).toContain(`below 0 (${below.join(below.length === 2 ? " and " : ", ")}): read as 0`);
  });

  it("bad input: one line naming the option, exit 2, nothing on stdout", () => {
    const r = runTsx("commands/sensitivity.ts", ["--model", "isigami"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`commands/sensitivity.ts: --model: "isigami" is not allowed; expected one of team, ishigami\n`);
  });

  it.each([
    [["--set", "n=4"], /^n: 4 is not allowed; expected an integer from 8 to 65536$/],
    [["--set", "levels=3"], /^levels: 3 is not allowed; expected an even integer/],
    [
      ["--set", "n=65536", "--set", "seats=1000"],
      /^run too large: about \S+ events .*; the analysis runs 655,540 points × up to 16 replications: lower n, trajectories, maxReplications, seats or months/,
    ],
    [
      [
        "--set",
        "responseRate=0.2",
        "--set",
        "delay.medianDays=2",
        "--set",
        "delay.sigma=1",
        "--set",
        "positiveShare=0.6",
        "--set",
        "audience.spamRate=0.01",
        "--set",
        "audience.blockedShare=0.01",
        "--set",
        "price.recruiter-lite=150",
        "--set",
        "policy=guide",
      ],
      /^the team has 0 assumptions left to vary/,
    ],
    [["--set", "plan=all"], /^plan: "all" is not allowed here/],
    [["--frobnicate"], /^--frobnicate: unknown option; allowed: --model/],
  ])("bad input %j is refused before anything runs", async (args, message) => {
    await expect(sensitivityCli(args)).rejects.toThrow(InputError);
    await expect(sensitivityCli(args)).rejects.toThrow(message);
  });

  it("what the user set: named by --set (even at its default value) or different from the default", () => {
    const sets = ["responseRate=0.18", "seats=3"];
    const fixed = setByUser(resolve(sensitivityParams, sets), sets);
    expect([...fixed].sort()).toEqual(["responseRate", "seats"]);
  });

  it("team: a tiny run is the same on 1 and 2 threads, keeps the noise share small, and holds the rates the user gives", async () => {
    const values = resolve(sensitivityParams, ["n=8", "trajectories=2", "seats=2", "months=2", "resamples=100", "pilotReplications=2", "maxReplications=2", "responseRate=0.2"]);
    const one = await runSensitivity("team", values, { workers: 1 });
    const two = await runSensitivity("team", values, { workers: 2 });
    expect(two).toEqual(one);
    // The response rate the user typed is held, not varied.
    expect(one.inputs.map((i) => i.id)).not.toContain("responseRate");
    expect(one.held.map((h) => h.assumption)).toContain("response rate");
    expect(one.inputs.map((i) => i.id)).toContain("delay.medianDays");
    expect(one.rows).toHaveLength(3 * one.inputs.length);
    const k = one.inputs.length;
    expect(one.runs.points).toEqual({ morris: 2 * (k + 1), sobol: 8 * (k + 2) });
    expect(one.runs.accountMonths).toBe(one.runs.pointReplications * 2 * 2);
    for (const share of Object.values(one.noise.sobol.share)) expect(share).toBeLessThanOrEqual(1);
    expect(one.noise.statement).toMatch(/replications per Sobol point/);
  });
});
