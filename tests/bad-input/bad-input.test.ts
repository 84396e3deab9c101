/**
 * The bad-input corpus: every case of tests/bad-input/cases/*.ts run as a user types it
 * (`tsx <command> <args>` from the repository root), in this process one after another
 * (runFileInProcess: the command file imported afresh with its arguments in process.argv,
 * so a hundred cases load the modules once, not once each), checked as case.ts says:
 * the exit code, no stack trace, nothing on stdout, exactly one line on stderr containing
 * every expected string, and nothing changed under the case's scratch directory $DIR —
 * which always holds a directory with a `.git` and files that must survive, besides the
 * case's own files. A case that reads the process's own standard input (/dev/stdin: this
 * process's is vitest's pipe) runs as its own process with /dev/null there, as a user's
 * command run from a script would. The huge ones exit through the run-size estimate.
 */
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../../tools/redis-server.ts";
import { runFileInProcess } from "../support/in-process.ts";
import { runTsx } from "../support/run-cli.ts";
import type { BadInputCase } from "./case.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
// The cases' paths (commands, data/…) are relative to the repository root.
if (process.cwd() !== root) process.chdir(root);

/** Every case, with the file it comes from. */
const corpus: { file: string; c: BadInputCase }[] = [];
for (const file of readdirSync(join(here, "cases"))
  .filter((f) => f.endsWith(".ts"))
  .sort()) {
  const mod = (await import(join(here, "cases", file))) as { cases: readonly BadInputCase[] };
  for (const c of mod.cases) corpus.push({ file, c });
}

/** What every $DIR holds before the case's own files: a repository that must survive. */
const survivors: Record<string, string> = {
  ".git/HEAD": "ref: refs/heads/main\n",
  ".git/config": "[core]\n\trepositoryformatversion = 0\n",
  "keep.txt": "a file of the user's\n",
  "project/src/main.ts": "export const x = 1;\n",
  "project/.git/HEAD": "ref: refs/heads/main\n",
};

/** Path → kind, size and content hash of everything under `dir`. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      const key = relative(dir, p);
      if (s.isDirectory()) {
        out[key] = "dir";
        walk(p);
      } else if (s.isFile()) {
        out[key] = `file ${s.size} ${createHash("sha1").update(readFileSync(p)).digest("hex")} ${(s.mode & 0o777).toString(8)}`;
      } else out[key] = `other ${s.mode}`;
    }
  };
  walk(dir);
  return out;
}

/** The Redis of the cases that name "$REDIS" (127.0.0.1, a free port): started only when a case needs it. */
let redis: TestRedis | undefined;
beforeAll(async () => {
  if (corpus.some(({ c }) => c.args.some((a) => a.includes("$REDIS")))) redis = await startRedis();
}, 20_000);
afterAll(async () => {
  await redis?.stop();
});

/** A case whose command reads this process's own file descriptors. */
const ownFds = (c: BadInputCase) => c.args.some((a) => /^\/dev\/(?:stdin|stdout|stderr|fd\/)|^\/proc\/self\/fd\//.test(a));

/** Runs a case's command: in this process, or as its own (see ownFds). */
async function run(c: BadInputCase, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!ownFds(c)) return runFileInProcess(c.command, args, 60_000);
  const r = runTsx(c.command, [...args], { stdin: "null" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const label = ({ file, c }: { file: string; c: BadInputCase }) => `${file.replace(/\.ts$/, "")} · ${c.kind} · ${c.command} ${c.args.join(" ").slice(0, 120)}`;

describe("bad-input corpus: one line, exit 2, nothing on stdout, nothing under $DIR changed", () => {
  it("has at least 70 cases of this area, each with a kind and expected text", () => {
    expect(corpus.filter((e) => e.file !== "logs.ts").length).toBeGreaterThanOrEqual(70);
    for (const { c } of corpus) {
      expect(c.kind).not.toBe("");
      expect(c.stderr.length).toBeGreaterThan(0);
    }
  });

  it.each(corpus.map((e) => [label(e), e] as const))(
    "%s",
    async (_, { c }) => {
      const dir = mkdtempSync(join(tmpdir(), "bad-input-"));
      try {
        for (const [path, content] of Object.entries({ ...survivors, ...(c.files ?? {}) })) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
        const before = snapshot(dir);
        const sub = (t: string) => t.replaceAll("$DIR", dir).replaceAll("$REDIS", redis?.url.replace(/^redis:\/\//, "") ?? "$REDIS");
        const r = await run(c, c.args.map(sub));
        const lines = r.stderr.split("\n").filter((l, i, all) => !(i === all.length - 1 && l === ""));
        expect({ code: r.code, stdout: r.stdout }, r.stderr).toEqual({ code: c.exit ?? 2, stdout: "" });
        expect(r.stderr, "no stack trace").not.toMatch(/\n\s+at |^\s+at /m);
        expect(lines, "exactly one line on stderr").toHaveLength(1);
        for (const text of c.stderr) expect(lines[0]).toContain(sub(text));
        for (const text of c.absent ?? []) expect(r.stdout + r.stderr, "no secret in the output").not.toContain(text);
        expect(snapshot(dir), "nothing under $DIR changed").toEqual(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
