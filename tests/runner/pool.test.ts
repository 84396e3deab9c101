import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packTally, planChunks, type AccountModel, type Tally } from "../../models/index.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../../scenarios/capacity.ts";
import { defaults } from "../../scenarios/params.ts";
import { defaultWorkers, runJobs, type Job } from "../../runner/pool.ts";

const model = capacityModel({ ...(defaults(capacityParams) as unknown as CapacityParams), cycles: 4 });
const jobsOf = (m: AccountModel, chunkAccounts: number): Job[] =>
  planChunks(60, 3, chunkAccounts).map((chunk) => ({ model: m, seed: 5, chunk }));
/** The tallies as bytes: equal arrays mean identical results. */
const bytes = (tallies: readonly Tally[]) => tallies.map((t) => Array.from(packTally(t)));

describe("runJobs", () => {
  it("returns the tallies in job order, the same bits on 1, 2 or 3 threads, from the bundle or through tsx", async () => {
    const jobs = jobsOf(model, 7);
    const one = await runJobs(jobs, { workers: 1 });
    expect(one).toHaveLength(jobs.length);
    one.forEach((t, i) => expect(t.accounts).toBe(jobs[i]!.chunk.to - jobs[i]!.chunk.from));
    expect(bytes(await runJobs(jobs, { workers: 2 }))).toEqual(bytes(one));
    expect(bytes(await runJobs(jobs, { workers: 3 }))).toEqual(bytes(one));
    // Threads that load the TypeScript through tsx (the fallback) agree too.
    expect(bytes(await runJobs(jobs, { workers: 2, threadCode: "tsx" }))).toEqual(bytes(one));
  });

  it("runs nothing for no jobs, and one job in this thread whatever the workers", async () => {
    expect(await runJobs([], { workers: 4 })).toEqual([]);
    const [job] = jobsOf(model, 60);
    expect((await runJobs([job!], { workers: 4 }))[0]!.accounts).toBe(60);
  });

  it("refuses a number of workers that is not an integer ≥ 1", async () => {
    await expect(runJobs([], { workers: 0 })).rejects.toThrow(RangeError);
    await expect(runJobs([], { workers: 1.5 })).rejects.toThrow(/integer ≥ 1/);
  });

  it("rejects with the error a job throws, in this thread or in a pool thread", async () => {
    const broken = { ...model, rules: null } as unknown as AccountModel;
    const jobs = [...jobsOf(model, 20), ...jobsOf(broken, 20)];
    await expect(runJobs(jobs, { workers: 1 })).rejects.toThrow(TypeError);
    await expect(runJobs(jobs, { workers: 2 })).rejects.toThrow();
    await expect(runJobs(jobs, { workers: 2, threadCode: "tsx" })).rejects.toThrow();
  });

  it("compiles on its own threads when it fills every core, and leaves later threads' compiler as it was", () => {
    const fixture = join(import.meta.dirname, "fixtures/pool-compile-mode.ts");
    const r = spawnSync(process.execPath, ["--import", "tsx", "--trace-opt", fixture], { encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    // Where V8 compiled each optimised function: "kSynchronous" is on the thread itself.
    const modes = (name: string) =>
      new Set([...r.stdout.matchAll(new RegExp(`compiling method .*<JSFunction ${name} .*ConcurrencyMode::(\\w+)`, "g"))].map((m) => m[1]));
    // This thread (background) and the pool thread (its own) both made the hot path hot.
    expect(modes("#send")).toEqual(new Set(["kConcurrent", "kSynchronous"]));
    // A thread started after the pool has the background compiler back.
    expect(modes("laterThreadHotLoop")).toEqual(new Set(["kConcurrent"]));
  });

  it("defaults to every core", () => {
    expect(defaultWorkers()).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(defaultWorkers())).toBe(true);
    expect(defaultWorkers()).toBe(availableParallelism());
  });
});
