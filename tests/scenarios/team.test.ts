import { describe, expect, it } from "vitest";
import { runTsx } from "../support/run-cli.ts";

const tiny = ["--set", "replications=3", "--set", "months=3", "--workers", "1"];
const acceptance = ["--set", "seats=6", "--set", "plan=recruiter-lite", "--set", "responseRate=15%", "--set", "demandPerSeat=250", ...tiny];

describe("scenarios/team.ts", () => {
  it("prints team totals per month and per quarter and the cost per conversation; --json has the same numbers", () => {
    const text = runTsx("scenarios/team.ts", acceptance);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe("");
    expect(text.stdout).toMatch(/per team per month\s+per team per quarter/);
    expect(text.stdout).toMatch(/Recruiter Lite, 6 individual seats — LinkedIn's rules/);
    expect(text.stdout).toMatch(/response rate 15\.0% \(typed\) as observed today/);
    const json = runTsx("scenarios/team.ts", [...acceptance, "--json"]);
    expect(json.status).toBe(0);
    const r = JSON.parse(json.stdout);
    const plan = r.plans[0];
    expect([r.plans.length, plan.plan, plan.policy, plan.seats]).toEqual([1, "recruiter-lite", "linkedin", 6]);
    expect(r.settings.responseRate).toBe(0.15);
    const fmt = (x: number, d = 1) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
    const delivered = plan.perTeamPerMonth.inmailsDelivered;
    expect(text.stdout).toContain(`InMails delivered`);
    expect(text.stdout).toContain(`${fmt(delivered.mean)} (${fmt(delivered.ci95[0])}–${fmt(delivered.ci95[1])})`);
    const quarter = plan.perTeamPerQuarter.conversations;
    expect(text.stdout).toContain(`${fmt(quarter.mean)} (${fmt(quarter.ci95[0])}–${fmt(quarter.ci95[1])})`);
    expect(text.stdout).toContain(`cost per conversation: $${fmt(plan.costPerConversationUsd.mean, 2)}`);
    // Cost per conversation: the team's monthly cost over its conversations, replication by replication.
    expect(plan.perTeamPerMonth.costUsd).toBeCloseTo(6 * 119.95, 9);
  });

  it('takes the plan by its display name ("Recruiter Lite")', () => {
    const r = runTsx("scenarios/team.ts", ["--set", "seats=6", "--set", "plan=Recruiter Lite", "--set", "responseRate=15%", ...tiny, "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).plans[0].plan).toBe("recruiter-lite");
  });

  it("an unknown parameter exits 2 with one line suggesting the nearest name, nothing on stdout", () => {
    const r = runTsx("scenarios/team.ts", ["--set", "respnseRate=0.15"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^scenarios\/team\.ts: respnseRate: unknown parameter; did you mean responseRate\? \(--help lists all \d+\)\n$/);
  });
});
