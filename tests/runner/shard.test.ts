import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as aq from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import { withExecutor } from "../../runner/executor.ts";
import { splitExecutionArgs } from "../../runner/execution.ts";
import { codeVersion } from "../../runner/pool-entry.ts";
import { checkParts, nextRoundExecutor, parseShard, partsExecutor, partText, readBoundedFile, readPart, ShardDone, shardExecutor, type Part } from "../../runner/shard.ts";
import { encodeResult, decodeTally } from "../../runner/result-codec.ts";
import { resolve } from "../../experiments/inputs/params.ts";
import { planComparison } from "../../scenarios/plan-comparison.ts";
import { sweepCommand } from "../../cli/scenario-cli.ts";
import { scenarioParams } from "../../experiments/general/scenario.ts";
import { planSweep, runSweepPlan, type SweepPlan } from "../../experiments/general/sweep.ts";
import { runInProcess } from "../support/in-process.ts";
import { runTsx } from "../support/run-cli.ts";

const scratch = mkdtempSync(join(tmpdir(), "inmail-shard-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tinySweep(): SweepPlan {
  const specs = scenarioParams("seller");
  const base = resolve(specs, ["accounts=30", "replications=4", "cycles=2"]);
  return planSweep("tiny", specs, base, [{ name: "audience.responseRate", values: [0.1, 0.3] }]);
}

async function shardParts(count: number, version: string): Promise<Part[]> {
  const parts: Part[] = [];
  for (let index = 1; index <= count; index++) {
    const executor = shardExecutor({ index, count, command: "scenarios/plan-comparison.ts", args: ["--set", "accounts=30"], version });
    const stopped = await withExecutor(executor, () => runSweepPlan(tinySweep(), { workers: 1 })).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(ShardDone);
    parts.push((stopped as ShardDone).part);
  }
  return parts;
}

describe("execution options", () => {
  it("takes --queue, --shard, --part and --from-part out, and records the experiment without the run options", () => {
    const s = splitExecutionArgs(["--set", "a=1", "--workers", "2", "--shard=2/3", "--part", "p.json", "--out", "x"]);
    expect(s.rest).toEqual(["--set", "a=1", "--workers", "2", "--out", "x"]);
    expect(s.recorded).toEqual(["--set", "a=1", "--out", "x"]);
    expect(s.execution).toEqual({ kind: "shard", index: 2, count: 3, part: "p.json", from: [] });
    // A later round: --shard with the earlier rounds' parts.
    expect(splitExecutionArgs(["--shard", "1/2", "--part", "q.json", "--from-part", "p1", "--from-part", "p2"]).execution).toEqual({
      kind: "shard",
      index: 1,
      count: 2,
      part: "q.json",
      from: ["p1", "p2"],
    });
    expect(splitExecutionArgs(["--queue", "rediss://u:p@h:6380/2"]).execution).toEqual({ kind: "queue", url: "rediss://u:p@h:6380/2" });
    expect(splitExecutionArgs(["--from-part", "a", "--from-part", "b"]).execution).toEqual({ kind: "parts", files: ["a", "b"] });
  });

  it("refuses bad or conflicting values, naming the option and never the password", () => {
    expect(() => splitExecutionArgs(["--shard", "4/3", "--part", "p"])).toThrow(/--shard: "4\/3" is not allowed; expected i\/N/);
    expect(() => splitExecutionArgs(["--shard", "1/3"])).toThrow(/--shard: needs --part FILE/);
    expect(() => splitExecutionArgs(["--part", "p"])).toThrow(/--part: needs --shard/);
    expect(() => splitExecutionArgs(["--queue", "redis://h:1", "--shard", "1/2", "--part", "p"])).toThrow(/--shard: not with --queue/);
    expect(() => splitExecutionArgs(["--queue", "redis://h:1", "--queue", "redis://h:2"])).toThrow(/given 2 times/);
    expect(() => splitExecutionArgs(["--queue", "redis://h:1", "--from-part", "p"])).toThrow(/--from-part: not with --queue/);
    expect(() => splitExecutionArgs(["--shard", "1/2", "--part", "p", "--trace", "t.csv"])).toThrow(/--trace: not with --shard/);
    let message = "";
    try {
      splitExecutionArgs(["--queue", "http://user:hunter2@host:1"]);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/--queue: .* is not allowed/);
    expect(message).not.toContain("hunter2");
    expect(parseShard("--shard", "3/3")).toEqual({ index: 3, count: 3 });
  });
});

describe("shards", () => {
  it("cut a batch into disjoint slices whose merge gives exactly the full run's tables", async () => {
    const version = await codeVersion();
    const full = await runSweepPlan(tinySweep(), { workers: 1 });
    const parts = await shardParts(3, version);
    // The sweep's 2 runs of 4 replications, 1 job each: jobs 0, 3, 6 in shard 1, 1, 4, 7 in shard 2, 2, 5 in shard 3,
    // each part holding one tally per replication it has a job of.
    expect(parts[0]!.batch!.jobs).toBe(8);
    expect(parts.map((p) => p.results.map((row) => row.map((t) => (t === null ? 0 : 1)).join("")))).toEqual([
      ["1001", "0010"],
      ["0100", "1001"],
      ["0010", "0100"],
    ]);
    checkParts(["p1", "p2", "p3"], parts);
    const merged = await withExecutor(partsExecutor(parts, version), () => runSweepPlan(tinySweep(), { workers: 1 }));
    expect(aq.toCSV(merged.rows)).toBe(aq.toCSV(full.rows));
    expect(aq.toCSV(merged.summary)).toBe(aq.toCSV(full.summary));
  });

  it("refuse a missing or duplicate shard, parts of another experiment, and a second batch", async () => {
    const version = await codeVersion();
    const [a, b, c] = await shardParts(3, version);
    expect(() => checkParts(["a", "b"], [a!, b!])).toThrow(/shard 3\/3 missing/);
    expect(() => checkParts(["a", "b", "b2"], [a!, b!, b!])).toThrow(/b2: shard 2\/3 twice \(also b\)/);
    expect(() => checkParts(["a", "b", "c"], [a!, b!, { ...c!, args: ["--set", "accounts=31"] }])).toThrow(/c: a part of another experiment \(its arguments differ/);
    expect(() => checkParts(["a", "b", "c"], [a!, b!, { ...c!, codeVersion: "f".repeat(64) }])).toThrow(/its code version differs/);
    const executor = partsExecutor([a!, b!, c!], version);
    await withExecutor(executor, () => runSweepPlan(tinySweep(), { workers: 1 }));
    await expect(withExecutor(executor, () => runSweepPlan(tinySweep(), { workers: 1 }))).rejects.toThrow(/its batch 2 is made from the results of batch 1.*shard it as round 2/);
    // A replication left out, or counted twice: its accounts do not add up.
    const without = { ...c!, results: c!.results.map((row) => row.map(() => null)) };
    await expect(withExecutor(partsExecutor([a!, b!, without], version), () => runSweepPlan(tinySweep(), { workers: 1 }))).rejects.toThrow(
      /the parts count 0 accounts in replication 3 of run 1, not its 30/,
    );
    const twice = { ...c!, results: c!.results.map((row, r) => row.map((t, rep) => t ?? a!.results[r]![rep]!)) };
    await expect(withExecutor(partsExecutor([a!, b!, twice], version), () => runSweepPlan(tinySweep(), { workers: 1 }))).rejects.toThrow(
      /the parts count 60 accounts in replication 1 of run 1, not its 30/,
    );
    const other = planSweep("tiny", scenarioParams("seller"), resolve(scenarioParams("seller"), ["accounts=30", "replications=4", "cycles=3"]), []);
    await expect(withExecutor(partsExecutor([a!, b!, c!], version), () => runSweepPlan(other, { workers: 1 }))).rejects.toThrow(/another experiment/);
  });

  it("carry a digest over their content: a part read back is the part written, an edited one is refused naming its file", async () => {
    const version = await codeVersion();
    const [a, b] = await shardParts(2, version);
    const file = join(scratch, "sealed.json");
    writeFileSync(file, partText(a!));
    expect(readPart(file)).toEqual(a);
    const text = readFileSync(file, "utf8");
    // One tally's first base64 character changed, an argument changed, a field removed: each refused in one line naming the file.
    const edits = [
      text.replace(/"results":\[\["(.)/, (m, ch: string) => m.slice(0, -1) + (ch === "A" ? "B" : "A")),
      text.replace('"accounts=30"', '"accounts=31"'),
      text.replace(/,"digest":"[0-9a-f]+"/, ""),
    ];
    for (const edited of edits) {
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
      expect(() => readPart(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: its content does not match its digest`));
    }
    // An older format: refused as other code's.
    writeFileSync(file, text.replace("inmail-sim-part/3", "inmail-sim-part/2"));
    expect(() => readPart(file)).toThrow(/a part of format inmail-sim-part\/2, made by other code/);
  });

  it("are read within a size bound, and only from regular files", () => {
    const file = join(scratch, "bounded.txt");
    const mib = 2 ** 20;
    writeFileSync(file, "x".repeat(mib));
    expect(readBoundedFile(file, mib, "a test file")).toHaveLength(mib);
    writeFileSync(file, "x".repeat(mib + 1));
    expect(() => readBoundedFile(file, mib, "a test file")).toThrow(/bounded\.txt: larger than 1 MiB; expected at most that \(a test file\)/);
    expect(() => readBoundedFile("/dev/zero", mib, "a test file")).toThrow(/^\/dev\/zero: is a device; expected a regular file/);
    expect(() => readBoundedFile(scratch, mib, "a test file")).toThrow(/is a directory; expected a regular file/);
    expect(() => readBoundedFile(join(scratch, "none"), mib, "a test file")).toThrow(/none: cannot read it \(ENOENT\)/);
  });

  it("refuse a tally that is not counts (negative, fractional, not a number), even in a part whose digest was made again", async () => {
    const version = await codeVersion();
    const [a, b] = await shardParts(2, version);
    const cycles = 2; // tinySweep's
    const good = decodeTally(a!.results[0]![0]!, cycles);
    expect(good.accounts).toBe(30);
    for (const value of [-1, 0.5, NaN, Infinity]) {
      const packed = new Float64Array(Buffer.from(a!.results[0]![0]!, "base64").buffer.slice(0));
      packed[8] = value; // the first per-cycle count (sends of cycle 1)
      const edited = { ...a!, results: a!.results.map((row, r) => row.map((t, rep) => (r === 0 && rep === 0 ? encodeResult(packed) : t))) };
      await expect(withExecutor(partsExecutor([edited, b!], version, ["a.json", "b.json"]), () => runSweepPlan(tinySweep(), { workers: 1 }))).rejects.toThrow(
        /^a\.json: a malformed part \(shard 1\/2, run 1, replication 1: a stored result holds .* where a count \(a non-negative integer\) belongs\)/,
      );
    }
  });

  it("shard a command whose second batch is made from its first one's results round by round, to the full run's tables", async () => {
    const version = await codeVersion();
    // The second sweep's replications depend on the first one's results.
    const twoBatches = async () => {
      const a = await runSweepPlan(tinySweep(), { workers: 1 });
      const specs = scenarioParams("seller");
      const replications = 2 + (aq.toCSV(a.rows).length % 3);
      const b = await runSweepPlan(planSweep("second", specs, resolve(specs, ["accounts=20", `replications=${replications}`, "cycles=2"]), []), { workers: 1 });
      return aq.toCSV(a.rows) + aq.toCSV(b.rows) + aq.toCSV(b.summary);
    };
    const full = await twoBatches();
    const shard = async (executor: Parameters<typeof withExecutor>[0]) => {
      const stopped = await withExecutor(executor, twoBatches).catch((e: unknown) => e);
      expect(stopped).toBeInstanceOf(ShardDone);
      return (stopped as ShardDone).part;
    };
    const spec = (index: number, count: number, round?: number) => ({ index, count, command: "scenarios/plan-comparison.ts", args: [], version, round });
    const first = [await shard(shardExecutor(spec(1, 2))), await shard(shardExecutor(spec(2, 2)))];
    await expect(withExecutor(partsExecutor(first, version, ["a1", "a2"]), twoBatches)).rejects.toThrow(
      /its batch 2 is made from the results of batch 1.*--shard i\/N --part NEW-PART --from-part a1 --from-part a2/,
    );
    // Round 2 on 3 shards: batch 1 from round 1's parts, batch 2 sliced.
    const second = [1, 2, 3].map((i) => shard(nextRoundExecutor(first, version, shardExecutor(spec(i, 3, 2)))));
    const round2 = await Promise.all(second);
    expect(round2.map((p) => [p.round, p.shard.index])).toEqual([
      [2, 1],
      [2, 2],
      [2, 3],
    ]);
    const all = [...round2, ...first];
    expect(checkParts(["b1", "b2", "b3", "a1", "a2"], all).map((r) => r.length)).toEqual([2, 3]);
    expect(await withExecutor(partsExecutor(all, version), twoBatches)).toBe(full);
    expect(() => checkParts(["b1", "b2", "a1", "a2"], [round2[0]!, round2[1]!, ...first])).toThrow(/shard 3\/3 of round 2 missing/);
    expect(() => checkParts(["b1", "b2", "b3"], round2)).toThrow(/no part of round 1 \(of the 2\)/);
  });

  it("from the command line: --shard 1/2 and 2/2, then merge.ts, write the bytes of the full run", async () => {
    const args = ["--grid", "plan=premium-business,sales-navigator", "--set", "accounts=40", "--set", "replications=3", "--set", "cycles=2", "--workers", "1"];
    // The command's own code path (sweepMain's), in this process; its stdout captured.
    const command = (argv: string[]) => runInProcess(() => sweepCommand(planComparison, argv));
    const full = await command([...args, "--out", join(scratch, "full")]);
    expect(full.code, full.stderr).toBe(0);
    for (const i of [1, 2]) {
      const r = await command([...args, "--shard", `${i}/2`, "--part", join(scratch, `part${i}.json`), "--out", join(scratch, "never")]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`wrote shard ${i}/2`);
    }
    expect(readdirSync(scratch)).not.toContain("never");
    // A file that is not a part is never replaced by one.
    writeFileSync(join(scratch, "notes.txt"), "mine");
    const refused = await command([...args, "--shard", "1/2", "--part", join(scratch, "notes.txt")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--part: .*notes\.txt" exists and is not a part file/);
    expect(readFileSync(join(scratch, "notes.txt"), "utf8")).toBe("mine");

    const merged = runTsx("commands/merge.ts", [join(scratch, "part1.json"), join(scratch, "part2.json"), "--out", join(scratch, "merged")]);
    expect(merged.status, merged.stderr).toBe(0);
    for (const f of ["rows.csv", "rows.arrow", "summary.csv", "summary.arrow"]) {
      expect(readFileSync(join(scratch, "merged", f)).equals(readFileSync(join(scratch, "full", f))), f).toBe(true);
    }
    expect(merged.stdout.replace(join(scratch, "merged"), "OUT")).toBe(full.stdout.replace(join(scratch, "full"), "OUT"));
  }, 120_000);
});
