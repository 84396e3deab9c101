import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { runModels } from "../../../runner/run-models.ts";
import { summarize } from "../../../sim/stats.ts";
import { meanCi95 } from "../../../sim/mean-ci.ts";
import { defaults, InputError, type ParamValues } from "../../../experiments/inputs/params.ts";
import { buildModel, scenarioParams } from "../../../experiments/general/scenario.ts";
import { runScenario } from "../../../experiments/general/run-scenario.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { payingPlanIds } from "../../../models/paying-plans.ts";
import { planTeam, searchSizes } from "../../../experiments/team/team-plan.ts";
import { teamResult } from "../../../experiments/team/team-result.ts";
import { resolve } from "../../../experiments/inputs/params.ts";
import { segmentIds, segments } from "../../../models/audiences.ts";

const root = new URL("../../../", import.meta.url).pathname;
const small: ParamValues = { ...defaults(teamParams), seats: 4, replications: 4, months: 6, responseRate: 0.15, demandPerSeat: 250 };

describe("the team planner is pure", () => {
  it.each(["team-params", "team-plan", "team-figures", "team-result", "team-follow-ups", "team-text"])(
    "%s bundles for a browser without any node: module (nor a Node built-in through a package)",
    async (file) => {
      const r = await build({
        entryPoints: [`${root}experiments/team/${file}.ts`],
        bundle: true,
        write: false,
        platform: "browser",
        format: "esm",
        metafile: true,
        logLevel: "silent",
      });
      const imports = Object.values(r.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
      expect(imports.filter((p) => p.startsWith("node:") || /^(fs|path|module|crypto|os|url|worker_threads)$/.test(p))).toEqual([]);
    },
  );

  it("meanCi95 gives the engine's summarize, bit for bit", () => {
    const xs = [3.2, 4.1, 2.9, 5.5, 4.4, 3.3];
    expect(meanCi95(xs)).toEqual(summarize(xs));
    expect(meanCi95([7])).toEqual({ mean: 7, ci95: [7, 7] });
  });
});

describe("teamParams", () => {
  it("has the team inputs and every general parameter the team inputs do not replace, by dotted path", () => {
    const names = teamParams.map((s) => s.name);
    for (const n of ["seats", "plan", "policy", "responseRate", "positiveShare", "sendsPerWorkingDay", "workdays", "demandPerSeat", "months", "target", "replications", "seed"]) {
      expect(names).toContain(n);
    }
    for (const id of payingPlanIds) expect(names).toContain(`price.${id}`);
    const replaced = [
      "accounts",
      "cycles",
      "persona",
      "contract.seats",
      "sender.sendsPerDay",
      "sender.demandPerCycle",
      "sender.workdays",
      "audience.responseRate",
      "audience.acceptedShare",
      "audience.repliedShare",
      "price.monthlyUsd",
    ];
    for (const s of scenarioParams("recruiter")) {
      if (!replaced.includes(s.name) && !["seed", "replications", "plan", "policy"].includes(s.name)) expect(names).toContain(s.name);
    }
    for (const n of replaced) expect(names).not.toContain(n);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe("the response rate and positive share: the segment's unless typed", () => {
  const settingsOf = (sets: string[]) => planTeam(resolve(teamParams, ["plan=recruiter-lite", ...sets])).settings;

  it.each(segmentIds)("left untyped, they follow audience.segment=%s (its responseRate, mix.accepted + mix.replied) and say so", (id) => {
    const s = settingsOf([`audience.segment=${id}`]);
    expect(s.segment).toBe(id);
    expect([s.responseRate, s.responseRateFrom]).toEqual([segments[id].responseRate, "segment"]);
    expect([s.positiveShare, s.positiveShareFrom]).toEqual([segments[id].mix.accepted + segments[id].mix.replied, "segment"]);
  });

  it("a typed value is held whatever it equals (15% is the hiring-managers' default, 65% the passive candidates'), before or after the segment", () => {
    for (const sets of [
      ["responseRate=15%", "positiveShare=65%", "audience.segment=executives"],
      ["audience.segment=executives", "responseRate=15%", "positiveShare=65%"],
    ]) {
      const s = settingsOf(sets);
      expect([s.responseRate, s.responseRateFrom, s.positiveShare, s.positiveShareFrom]).toEqual([0.15, "typed", 0.65, "typed"]);
    }
    // Typed at the chosen segment's own figure: the same number, still the user's.
    const same = settingsOf(["audience.segment=executives", "responseRate=10%"]);
    expect([same.responseRate, same.responseRateFrom]).toEqual([0.1, "typed"]);
  });

  it("`segment` typed is the segment's figure", () => {
    const s = settingsOf(["audience.segment=prospects", "responseRate=segment", "positiveShare=segment"]);
    expect([s.responseRate, s.responseRateFrom, s.positiveShare]).toEqual([0.14, "segment", segments.prospects.mix.accepted + segments.prospects.mix.replied]);
  });

  it("an untyped positive share runs the segment's own accepted/replied split; a typed one scales it", () => {
    const own = planTeam(resolve(teamParams, ["plan=recruiter-lite", "audience.segment=executives"])).info[0]!.values;
    expect([own["audience.acceptedShare"], own["audience.repliedShare"]]).toEqual(["segment", "segment"]);
    const typed = planTeam(resolve(teamParams, ["plan=recruiter-lite", "audience.segment=executives", "positiveShare=0.8"])).info[0]!.values;
    expect((typed["audience.acceptedShare"] as number) + (typed["audience.repliedShare"] as number)).toBeCloseTo(0.8, 12);
  });
});

describe("planTeam", () => {
  it("builds one run per plan and policy: individual seats are accounts, a Recruiter contract one account of every seat", () => {
    const p = planTeam({ ...small, plan: "all", policy: "both" });
    expect(p.runs).toHaveLength(payingPlanIds.length * 2);
    for (const [i, info] of p.info.entries()) {
      const run = p.runs[i]!;
      expect(info.role).toBe("team");
      if (info.plan === "recruiter") {
        expect([run.accounts, run.model.seats]).toEqual([1, 4]);
        expect(run.model.rules.creditsPerCycle).toBe(150 * 4);
      } else expect([run.accounts, run.model.seats ?? 1]).toEqual([4, 1]);
      expect(run.replications).toBe(4);
      expect(run.model.cycles).toBe(6);
      expect(run.model.sendsPerDay).toBe(small.sendsPerWorkingDay);
      expect(run.model.rules.policy).toBe(info.policy);
    }
  });

  it("divides the message's and timing's multipliers out of the typed rate", () => {
    const p = planTeam({ ...small, plan: "recruiter-lite" });
    const s = p.settings;
    expect(s.baseResponseRate * s.messageMultiplier * s.timingMultiplier).toBeCloseTo(0.15, 8);
    expect(s.messageMultiplier).not.toBe(1);
  });

  it("searches a batch of seat counts around the guess for a target, on every paid plan", () => {
    const p = planTeam({ ...small, plan: "recruiter-lite", target: 30 });
    expect(Object.keys(p.searched)).toHaveLength(payingPlanIds.length);
    for (const sizes of Object.values(p.searched)) {
      expect(sizes.length).toBeLessThanOrEqual(40);
      expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    }
    expect(searchSizes(10)).toEqual(Array.from({ length: 18 }, (_, i) => 5 + i));
    const wide = searchSizes(1000);
    expect([wide.length, wide[0], wide[wide.length - 1]]).toEqual([40, 500, 2002]);
  });

  it("refuses a typed rate whose base rate (a long message divided out) and the spam rate would pass certainty", () => {
    expect(() => planTeam({ ...small, responseRate: 0.95, "message.bodyChars": 1500 })).toThrow(InputError);
  });
});

describe("teamResult", () => {
  it("team totals per month and per quarter hold the ledger's identities and the typed response rate", async () => {
    const p = planTeam({ ...small, plan: "all", months: 6, replications: 6 });
    const tallies = await runModels(p.runs, { label: "test", workers: 1 });
    const r = teamResult(p, tallies);
    expect(r.plans).toHaveLength(payingPlanIds.length);
    for (const [i, row] of r.plans.entries()) {
      const m = row.perTeamPerMonth;
      const q = row.perTeamPerQuarter!;
      // A quarter is three months: with whole quarters only, its mean is 3 × the month's.
      expect(q.inmailsDelivered.mean).toBeCloseTo(3 * m.inmailsDelivered.mean, 9);
      expect(q.creditsLost.mean).toBeCloseTo(3 * m.creditsLost.mean, 9);
      expect(q.costUsd).toBeCloseTo(3 * m.costUsd, 9);
      expect(m.creditsGranted.mean).toBe(row.creditsPerSeatPerMonth * 4);
      // Over the horizon: granted + refunded − used − lost = the balance held at the end.
      const months = 6;
      const flow = (m.creditsGranted.mean + m.creditsRefunded.mean - m.creditsUsed.mean - m.creditsLost.mean) * months;
      expect(flow).toBeCloseTo(row.creditsHeldAtEnd.mean, 6);
      const held = tallies[i]!.map((t) => t.closingBalance);
      expect(row.creditsHeldAtEnd.mean).toBeCloseTo(held.reduce((a, b) => a + b, 0) / held.length, 9);
      expect(m.costUsd).toBeCloseTo(4 * row.priceUsdPerSeatPerMonth, 9);
      expect(row.perSeatPerMonth.conversations.mean).toBeCloseTo(m.conversations.mean / 4, 9);
    }
    // The response rate observed over every plan's InMails is the one typed (binomial tolerance, 4 SE).
    let delivered = 0;
    let responses = 0;
    for (const row of r.plans) {
      delivered += row.perTeamPerMonth.inmailsDelivered.mean * 6 * 6;
      responses += row.perTeamPerMonth.responses.mean * 6 * 6;
    }
    const se = Math.sqrt((0.15 * 0.85) / delivered);
    expect(Math.abs(responses / delivered - 0.15)).toBeLessThan(4 * se + 0.005);
    const best = r.best[0]!;
    const cheapest = Math.min(...r.plans.map((x) => x.costPerConversationUsd!.mean));
    expect(best.costPerConversationUsd).toBe(cheapest);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("with a target: the smallest searched team that meets it, and the one below does not", async () => {
    const p = planTeam({ ...small, plan: "recruiter-lite", target: 12, months: 3, replications: 4 });
    const r = teamResult(p, await runModels(p.runs, { label: "test", workers: 1 }));
    const t = r.target!;
    for (const f of t.onAverage) {
      if (f.seats === null || f.atMost) continue;
      expect(f.conversationsPerMonth!.mean).toBeGreaterThanOrEqual(12);
      expect(f.costUsdPerMonth).toBeCloseTo(f.seats * p.settings.prices[f.plan].usdPerSeatPerMonth, 9);
    }
    const cheapest = t.cheapest[0]!.onAverage!;
    const costs = t.onAverage.filter((f) => f.costUsdPerMonth !== null).map((f) => f.costUsdPerMonth!);
    expect(cheapest.costUsdPerMonth).toBe(Math.min(...costs));
  });
});

describe("one code path: the same inputs give the same numbers", () => {
  it("a general scenario built from a run's values gives the team planner's figures, per seat per month", async () => {
    const p = planTeam({ ...small, plan: "recruiter-lite", policy: "guide" });
    const r = teamResult(p, await runModels(p.runs, { label: "test", workers: 1 }));
    const info = p.info[0]!;
    const scenario = await runScenario("recruiting", info.values, buildModel(info.values), { workers: 1 });
    const team = r.plans[0]!;
    expect(scenario.perSeatPerMonth.conversations).toEqual(team.perSeatPerMonth.conversations);
    expect(scenario.perSeatPerMonth.inmailsDelivered).toEqual(team.perSeatPerMonth.inmailsDelivered);
    expect(scenario.perSeatPerMonth.creditsLost).toEqual(team.perSeatPerMonth.creditsLost);
    expect(scenario.creditsHeldPerSeatAtEnd).toBeCloseTo(team.creditsHeldAtEnd.mean / 4, 12);
    // Lost is expired + forfeited (+ reset under the guide), from the ledger; held is the closing balance, never among them.
    const l = scenario.ledger;
    expect(scenario.perSeatPerMonth.creditsLost.mean * 6 * 4 * 4).toBeCloseTo(l.expired + l.forfeited, 6);
    expect(scenario.creditsHeldPerSeatAtEnd * 4 * 4).toBeCloseTo(l.closingBalance, 6);
    // The scenario's own summary (per seat per month) agrees too.
    expect(scenario.positivesPerCycle.mean).toBeCloseTo(team.perSeatPerMonth.conversations.mean, 10);
    expect(scenario.capacity.mean).toBeCloseTo(team.perSeatPerMonth.inmailsDelivered.mean, 10);
    expect(scenario.costPerPositive!.mean).toBeCloseTo(team.costPerConversationUsd!.mean, 8);
  });
});
