/**
 * A signal ends a command and everything it started, and nothing is written after it:
 * SIGTERM to a local run (pool threads), a shard, a queued run (no worker, on a
 * redis-server of its own) and a merge (which runs the command again as a child
 * process). Each target existed before (a file of the user's page): after the signal
 * it is unchanged, no temporary file is left beside it, and no process of the command
 * is left running.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../../tools/redis-server.ts";

const root = join(import.meta.dirname, "../..");
const tsxLoader = import.meta.resolve("tsx");
const scratch = mkdtempSync(join(tmpdir(), "inmail-signals-"));
let redis: TestRedis | undefined;
afterAll(async () => {
  await redis?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Processes whose command line names `dir` (the command and any child it started). */
function processesNaming(dir: string): string[] {
  const ps = spawnSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).stdout;
  return ps.split("\n").filter((l) => l.includes(dir) && !l.includes("ps -eo"));
}

/** Starts `command args`, sends SIGTERM after `afterMs` or once `ready()`, and resolves with how it ended. */
function terminated(command: string, args: string[], when: number | (() => boolean)): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", tsxLoader, join(root, command), ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const ready = typeof when === "number" ? () => false : when;
  const started = performance.now();
  const timer = setInterval(() => {
    if ((typeof when === "number" && performance.now() - started >= when) || ready()) {
      clearInterval(timer);
      child.kill("SIGTERM");
    }
  }, 20);
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stderr });
    }),
  );
}

const big = ["--set", "seats=40", "--set", "months=24", "--set", "replications=400", "--workers", "2"];

async function expectNothingAfter(dir: string, target: string): Promise<void> {
  // A second for anything still running to write.
  await sleep(1500);
  expect(readFileSync(target, "utf8")).toBe("the user's page\n");
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp") || f.startsWith(".inmail"))).toEqual([]);
  expect(processesNaming(dir)).toEqual([]);
}

describe("signals", () => {
  for (const mode of ["local", "shard", "queue"] as const) {
    it(`SIGTERM to a ${mode} run ends it, its threads and everything it started; nothing is written after`, async () => {
      const dir = mkdtempSync(join(scratch, `${mode}-`));
      const target = join(dir, mode === "shard" ? "p.json" : "team.html");
      writeFileSync(target, "the user's page\n");
      let extra: string[] = [];
      if (mode === "shard") {
        rmSync(target);
        writeFileSync(join(dir, "other.html"), "the user's page\n");
        extra = ["--shard", "1/2", "--part", target];
      }
      if (mode === "queue") {
        redis ??= await startRedis();
        extra = ["--queue", redis.url];
      }
      const r = await terminated("notebooks/team.ts", [...big, "--out", mode === "shard" ? join(dir, "other.html") : target, ...extra], 2500);
      expect(r.signal ?? r.code, r.stderr).not.toBe(0);
      if (mode === "shard") {
        expect(readdirSync(dir)).toEqual(["other.html"]);
        await expectNothingAfter(dir, join(dir, "other.html"));
      } else await expectNothingAfter(dir, target);
    }, 60_000);
  }

  it("SIGTERM to a merge ends the command it started first, and merge exits 143; the existing output is not replaced", async () => {
    const dir = mkdtempSync(join(scratch, "merge-"));
    const parts = [1, 2].map((i) => join(dir, `n${i}.json`));
    for (const [i, part] of parts.entries()) {
      const small = ["--set", "seats=4", "--set", "months=3", "--set", "replications=20", "--workers", "1"];
      const r = spawnSync(process.execPath, ["--import", tsxLoader, join(root, "notebooks/team.ts"), ...small, "--shard", `${i + 1}/2`, "--part", part], { cwd: root, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
    }
    const target = join(dir, "merged.html");
    writeFileSync(target, "the user's page\n");
    // Once the merge has started the command (its arguments name the parts with --from-part), before that has written.
    const r = await terminated("commands/merge.ts", [...parts, "--out", target], () => processesNaming(dir).some((l) => l.includes("--from-part")));
    expect(r.code, r.stderr).toBe(143);
    await expectNothingAfter(dir, target);
  }, 120_000);
});
