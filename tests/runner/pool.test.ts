import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packTally, type AccountModel, type Tally } from "../../models/index.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../../experiments/capacity/capacity.ts";
import { defaults } from "../../experiments/inputs/params.ts";
import { jobAt, jobCount, planBatch, type BatchPlan, type ModelRun } from "../../runner/batch-plan.ts";
import { defaultWorkers, runJobs, type PoolOptions } from "../../runner/pool.ts";

const model = capacityModel({ ...(defaults(capacityParams) as unknown as CapacityParams), cycles: 4 });
const runOf = (m: AccountModel): ModelRun => ({ model: m, seed: 5, accounts: 60, replications: 3 });
const planOf = (m: AccountModel, chunkAccounts: number): BatchPlan => planBatch([runOf(m)], chunkAccounts);
/** The tallies as bytes: equal arrays mean identical results. */
const bytes = (tallies: readonly Tally[]) => tallies.map((t) => Array.from(packTally(t)));
/** Each tally runJobs hands on, at its job's index; fails on a job handed on twice. */
async function collect(plan: BatchPlan, options: PoolOptions): Promise<Tally[]> {
  const out: Tally[] = [];
  await runJobs(plan, options, (i, t) => {
    if (out[i] !== undefined) throw new Error(`job ${i} twice`);
    out[i] = t;
  });
  return out;
}

describe("runJobs", () => {
  it("hands on every job's tally once, with its index: the same bits on 1, 2 or 3 threads, from the bundle or through tsx", async () => {
    const plan = planOf(model, 7);
    const one = await collect(plan, { workers: 1 });
    expect(one).toHaveLength(jobCount(plan));
    one.forEach((t, i) => expect(t.accounts).toBe(jobAt(plan, i).chunk.to - jobAt(plan, i).chunk.from));
    expect(bytes(await collect(plan, { workers: 2 }))).toEqual(bytes(one));
    expect(bytes(await collect(plan, { workers: 3 }))).toEqual(bytes(one));
    // Threads that load the TypeScript through tsx (the fallback) agree too.
    expect(bytes(await collect(plan, { workers: 2, threadCode: "tsx" }))).toEqual(bytes(one));
  });

  it("runs only its slice — every step-th job from first — with each job's own tally", async () => {
    const plan = planOf(model, 7);
    const all = await collect(plan, { workers: 1 });
    const slice = await collect(plan, { workers: 2, slice: { first: 1, step: 4 } });
    const taken = Object.keys(slice).map(Number);
    expect(taken).toEqual(all.map((_, i) => i).filter((i) => i % 4 === 1));
    expect(bytes(taken.map((i) => slice[i]!))).toEqual(bytes(taken.map((i) => all[i]!)));
    expect(await collect(plan, { workers: 2, slice: { first: jobCount(plan), step: 1 } })).toEqual([]);
    await expect(collect(plan, { workers: 1, slice: { first: 0, step: 0 } })).rejects.toThrow(/step ≥ 1/);
  });

  it("runs nothing for no jobs, and one job in this thread whatever the workers", async () => {
    expect(await collect(planBatch([]), { workers: 4 })).toEqual([]);
    expect((await collect(planBatch([{ ...runOf(model), replications: 1 }], 60), { workers: 4 }))[0]!.accounts).toBe(60);
  });

  it("refuses a number of workers that is not an integer ≥ 1", async () => {
    await expect(collect(planBatch([]), { workers: 0 })).rejects.toThrow(RangeError);
    await expect(collect(planBatch([]), { workers: 1.5 })).rejects.toThrow(/integer ≥ 1/);
  });

  it("rejects with the error a job throws, in this thread or in a pool thread", async () => {
    const broken = { ...model, rules: null } as unknown as AccountModel;
    const plan = planBatch([runOf(model), runOf(broken)], 20);
    await expect(collect(plan, { workers: 1 })).rejects.toThrow(TypeError);
    await expect(collect(plan, { workers: 2 })).rejects.toThrow();
    await expect(collect(plan, { workers: 2, threadCode: "tsx" })).rejects.toThrow();
  });

  it("compiles on its own threads when it fills every core, and leaves later threads' compiler as it was", () => {
    const fixture = join(import.meta.dirname, "fixtures/pool-compile-mode.ts");
    const r = spawnSync(process.execPath, ["--import", "tsx", "--trace-opt", fixture], { encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    // Where V8 compiled each optimised function: "kSynchronous" is on the thread itself.
    const modes = (name: string) => new Set([...r.stdout.matchAll(new RegExp(`compiling method .*<JSFunction ${name} .*ConcurrencyMode::(\\w+)`, "g"))].map((m) => m[1]));
    // This thread (background) and the pool thread (its own) both made the hot path hot.
    // (The capacity model has plain sends: its hot path is AccountSimulation#sendPlain.)
    expect(modes("#sendPlain")).toEqual(new Set(["kConcurrent", "kSynchronous"]));
    // A thread started after the pool has the background compiler back.
    expect(modes("laterThreadHotLoop")).toEqual(new Set(["kConcurrent"]));
  });

  it("defaults to every core", () => {
    expect(defaultWorkers()).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(defaultWorkers())).toBe(true);
    expect(defaultWorkers()).toBe(availableParallelism());
  });
});
