import { describe, expect, it } from "vitest";
import { AccountTallies, runKey, type Work } from "../../../../notebooks/explorer/browser/account-tallies.ts";
import { runPiece } from "../../../../notebooks/explorer/browser/run-piece.ts";
import { parseTexts, defaultTexts } from "../../../../notebooks/explorer/input-state.ts";
import { teamParams } from "../../../../experiments/team/team-params.ts";
import { planTeam } from "../../../../experiments/team/team-plan.ts";
import { teamResult } from "../../../../experiments/team/team-result.ts";
import { runModels } from "../../../../runner/run-models.ts";
import { JobRunner } from "../../../../runner/pool-worker.ts";
import type { ParamValues } from "../../../../experiments/inputs/params.ts";

const parsed = parseTexts(teamParams, defaultTexts(teamParams));
if (!parsed.ok) throw new Error("the defaults do not parse");
/** The default team, short: every paid plan, 3 months, 4 replications. */
const values = (over: ParamValues): ParamValues => ({ ...parsed.values, months: 3, replications: 4, ...over });

/** Runs every piece of `work` here, in reverse order (the order must not matter), as a Web Worker would. */
function runHere(work: Work): ReturnType<Work["tallies"]> {
  const runner = new JobRunner();
  for (const piece of [...work.pieces].reverse()) work.accept(piece, runPiece(runner, work.runs[piece.run]!.model, work.runs[piece.run]!.seed, piece));
  return work.tallies();
}

const accountsComputed = (work: Work) => work.pieces.reduce((s, p) => s + (p.to - p.from) * (p.replicationTo - p.replicationFrom), 0);

describe("the explorer's account tallies", () => {
  it("give the command line's result for every team, whatever was computed before, and compute only the accounts not seen", async () => {
    const known = new AccountTallies();
    for (const seats of [3, 4, 2, 6, 4]) {
      const plan = planTeam(values({ seats }));
      const work = known.plan(plan.runs, 2);
      const here = runHere(work);
      const cli = await runModels(plan.runs, { workers: 1, label: "test" });
      expect(here).toEqual(cli);
      expect(JSON.stringify(teamResult(plan, here))).toBe(JSON.stringify(teamResult(plan, cli)));
      if (seats === 6) {
        // Up from 4: the per-seat plans simulate seats 5 and 6 only; the pooled contract, all of it again.
        const pooled = plan.runs.findIndex((r) => r.accounts === 1);
        for (const p of work.pieces) if (p.run !== pooled) expect([p.from, p.to]).toEqual([4, 6]);
        expect(work.pieces.filter((p) => p.run === pooled).reduce((s, p) => s + p.replicationTo - p.replicationFrom, 0)).toBe(4);
      }
    }
    // Back to 4 seats: all known but the pooled contract.
    const again = known.plan(planTeam(values({ seats: 4 })).runs, 2);
    expect(again.pieces.every((p) => again.runs[p.run]!.accounts === 1)).toBe(true);
  });

  it("cuts the work into pieces the workers share, the largest first", () => {
    const work = new AccountTallies().plan(planTeam(values({ seats: 6 })).runs, 2);
    expect(work.pieces.length).toBeGreaterThanOrEqual(12);
    for (let i = 1; i < work.pieces.length; i++) expect(work.pieces[i]!.cost).toBeLessThanOrEqual(work.pieces[i - 1]!.cost);
    // Every account of every replication of every run, once.
    expect(accountsComputed(work)).toBe(work.runs.reduce((s, r) => s + r.accounts * r.replications, 0));
  });

  it("keeps no run of more accounts than its limit, and drops the least recently used past its total", async () => {
    const known = new AccountTallies({ maxAccountsKept: 5, maxTalliesKept: 4 * 4 * 5 });
    const plan = planTeam(values({ seats: 6, plan: "premium-career" }));
    const big = known.plan(plan.runs, 2);
    expect(big.pieces.every((p) => !p.each)).toBe(true);
    expect(runHere(big)).toEqual(await runModels(plan.runs, { workers: 1, label: "test" }));
    expect(known.size).toBe(0);
    for (const seats of [5, 4]) runHere(known.plan(planTeam(values({ seats, plan: "premium-career", policy: "both" })).runs, 2));
    expect(known.size).toBeLessThanOrEqual(4 * 4 * 5);
  });

  it("tells runs apart by their whole model and seed, infinities and −0 included", () => {
    const model = planTeam(values({ seats: 2 })).runs[0]!.model;
    expect(runKey(model, 1)).toBe(runKey(structuredClone(model), 1));
    expect(runKey(model, 1)).not.toBe(runKey(model, "1"));
    expect(runKey({ ...model, seatCreditLimit: Infinity }, 1)).not.toBe(runKey({ ...model, seatCreditLimit: -Infinity }, 1));
    expect(runKey({ ...model, blockedShare: 0 }, 1)).not.toBe(runKey({ ...model, blockedShare: -0 }, 1));
  });
});
