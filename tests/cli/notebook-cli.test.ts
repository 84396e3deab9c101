import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notebookProvenance, parseNotebookArgs, reproduceCommand, resolveNotebookParams, runNotebookCli, shellQuote, type Notebook } from "../../cli/notebook-cli.ts";
import type { ParamSpec } from "../../experiments/inputs/params.ts";

const params = [
  { name: "title", kind: "string", maxLength: 100, default: "A report", description: "title" },
  { name: "rate", kind: "number", min: 0, max: 1, default: 0.5, description: "a rate" },
  { name: "price.plan", kind: "number", min: 0, max: 1000, default: 10, description: "a price" },
  { name: "replications", kind: "integer", min: 1, max: 100, default: 3, description: "replications" },
  { name: "seed", kind: "integer", min: 0, max: 1000, default: 1, description: "seed" },
] as const satisfies readonly ParamSpec[];

const toy: Notebook = {
  name: "toy",
  description: "A toy notebook.",
  params,
  run(values, context) {
    return { title: String(values.title), guide: "", sections: [{ heading: "Rate", text: String(values.rate) }], provenance: context.provenance };
  },
};

function capture() {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t), isTTY: false },
    },
  };
}

describe("notebook command line", () => {
  it("parses --out, --set (both spellings), --workers and --help", () => {
    expect(parseNotebookArgs(["--out", "x.html", "--set", "rate=0.2", "--set=seed=4", "--workers", "3"])).toEqual({
      help: false,
      out: "x.html",
      workers: 3,
      sets: ["rate=0.2", "seed=4"],
      big: false,
    });
    expect(parseNotebookArgs(["--workers=1", "--out=y.html", "-h"])).toMatchObject({ help: true, workers: 1, out: "y.html" });
  });

  it("refuses bad options with an InputError naming them", () => {
    expect(() => parseNotebookArgs(["--workers", "0"])).toThrow(/--workers: "0" is not allowed; expected an integer from 1 to 256/);
    expect(() => parseNotebookArgs(["--out"])).toThrow(/--out: expected a file name/);
    expect(() => parseNotebookArgs(["--json"])).toThrow(/--json: unknown option; allowed: --out FILE, --set name=value, --workers N, --big, --help/);
    expect(() => resolveNotebookParams(toy, ["rate=2"])).toThrow(/rate: 2 is not allowed; expected a number from 0 to 1/);
  });

  it("reproduces with --set for non-default values only, quoted for the shell", () => {
    const values = resolveNotebookParams(toy, ["rate=0.25", "title=it's <b>", "seed=1"]);
    expect(reproduceCommand(toy, values)).toBe(`npx tsx notebooks/toy.ts --set 'title=it'\\''s <b>' --set rate=0.25`);
    expect(reproduceCommand(toy, resolveNotebookParams(toy, []))).toBe("npx tsx notebooks/toy.ts");
    expect(shellQuote("price.plan=12.5")).toBe("price.plan=12.5");
    expect(shellQuote("a b")).toBe("'a b'");
  });

  it("puts name, parameters, seed, replications, commit and command into the provenance", () => {
    const values = resolveNotebookParams(toy, ["seed=7"]);
    expect(notebookProvenance(toy, values, "abc1234")).toEqual({
      scenario: "toy",
      params: values,
      seed: 7,
      replications: 3,
      gitCommit: "abc1234",
      command: "npx tsx notebooks/toy.ts --set seed=7",
    });
    expect(notebookProvenance(toy, values, undefined)).not.toHaveProperty("gitCommit");
  });

  it("bad input → exit 2, one line on stderr, nothing on stdout", async () => {
    const { out, io } = capture();
    expect(await runNotebookCli(toy, ["--set", "rate=abc"], io)).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe('notebooks/toy.ts: rate: "abc" is not a number; expected a number from 0 to 1, in decimal notation (e.g. 12, 0.25 or 1e6)\n');
  });

  it("--help lists the options and every parameter", async () => {
    const { out, io } = capture();
    expect(await runNotebookCli(toy, ["--help"], io)).toBe(0);
    expect(out.stdout).toMatch(/^usage: npx tsx notebooks\/toy\.ts \[--out FILE\] \[--set name=value\]\.\.\. \[--workers N\]/);
    for (const p of params) expect(out.stdout).toContain(p.name);
  });

  it("warns once the page is written of a setting without effect, and not of one with effect", async () => {
    const followUps = [
      { name: "followUps.count", kind: "integer", min: 0, max: 5, default: 0, description: "follow-ups" },
      { name: "followUps.afterDays", kind: "number", min: 1, max: 60, default: 7, description: "days between" },
    ] as const satisfies readonly ParamSpec[];
    const withFollowUps: Notebook = { ...toy, params: [...params, ...followUps] };
    const dir = mkdtempSync(join(tmpdir(), "notebook-cli-"));
    try {
      const off = capture();
      expect(await runNotebookCli(withFollowUps, ["--out", join(dir, "a.html"), "--set", "followUps.afterDays=30"], off.io)).toBe(0);
      expect(off.out.stderr).toBe("notebooks/toy.ts: warning: followUps.afterDays=30 has no effect: it applies only with followUps.count above 0 (here followUps.count=0: no follow-ups)\n");
      const on = capture();
      expect(await runNotebookCli(withFollowUps, ["--out", join(dir, "b.html"), "--set", "followUps.count=1", "--set", "followUps.afterDays=20"], on.io)).toBe(0);
      expect(on.out.stderr).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
