/**
 * The one --help format: every command a user runs (scenarios/*, commands/*,
 * notebooks/*.ts, bench/*) prints its --help as a user would see it — exit 0, nothing on
 * stderr, a usage line first — and no line wider than 100 columns; and the format's
 * pieces wrap as they say.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { helpText, helpWidth, paramTable, reflow, wrap } from "../../cli/help.ts";
import type { CommandSpec } from "../../cli/options.ts";
import { root } from "../support/run-cli.ts";

const run = promisify(execFile);
const tsx = join(root, "node_modules/.bin/tsx");
const files = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `${dir}/${f}`);
const commands = [...files("scenarios"), ...files("commands"), ...files("notebooks"), ...files("bench")];
/** Columns a line takes in a terminal: one per code point (the help holds no wide characters). */
const columns = (line: string) => [...line].length;

describe("--help of every command", () => {
  it("lists the commands it checks", () => {
    expect(commands).toContain("scenarios/team.ts");
    expect(commands).toContain("commands/merge.ts");
    expect(commands).toContain("notebooks/start.ts");
    expect(commands).toContain("bench/run.ts");
  });

  it("fits 100 columns, with a usage line first and nothing on stderr", { timeout: 240_000 }, async () => {
    const helps = new Map<string, string>();
    // Two at a time: one per core.
    for (let i = 0; i < commands.length; i += 2) {
      await Promise.all(
        commands.slice(i, i + 2).map(async (file) => {
          const r = await run(tsx, [file, "--help"], { cwd: root, env: { ...process.env, FORCE_COLOR: "0" }, maxBuffer: 1 << 22 });
          expect(r.stderr, file).toBe("");
          helps.set(file, r.stdout);
        }),
      );
    }
    for (const file of commands) {
      const help = helps.get(file)!;
      expect(help, file).toMatch(/^usage: /);
      const wide = help.split("\n").filter((l) => columns(l) > helpWidth);
      expect(wide, file).toEqual([]);
    }
  });
});

describe("help format", () => {
  it("wraps at word boundaries under a hanging indent, keeping a word longer than a line whole", () => {
    const lines = wrap("aaa bbb ccc ddd", "> ", "  ", 9);
    expect(lines).toEqual(["> aaa bbb", "  ccc ddd"]);
    expect(wrap("x".repeat(20), "", "", 10)).toEqual(["x".repeat(20)]);
  });

  it("joins a description's lines into paragraphs and keeps an indented line's text under itself", () => {
    const long = Array.from({ length: 30 }, (_, i) => `w${i}`).join(" ");
    const out = reflow(`first line\nsecond line\n\n  key  ${long}`);
    expect(out[0]).toBe("first line second line");
    expect(out[1]).toBe("");
    expect(out[2]!.startsWith("  key  w0")).toBe(true);
    for (const l of out.slice(3)) expect(l.startsWith("       w")).toBe(true);
  });

  it("puts a parameter's meaning under its name, and every line within 100 columns", () => {
    const spec = {
      name: "audience.segment",
      kind: "enum",
      values: ["passive-candidates", "executives", "prospects", "peers-mentors", "hiring-managers", "a-very-long-choice-name"],
      default: "passive-candidates",
      description: "who is contacted ".repeat(12).trim(),
    } as const;
    const lines = paramTable([spec]);
    expect(lines[0]).toMatch(/^ {2}name +default +allowed$/);
    expect(lines[2]).toMatch(/^ {2}audience\.segment {2}passive-candidates {2}one of passive-candidates/);
    const meaning = lines.findIndex((l) => l.startsWith("      who is contacted"));
    expect(meaning).toBeGreaterThan(3);
    expect(lines.slice(3, meaning).every((l) => /^ {40,}\S/.test(l))).toBe(true);
    for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(helpWidth);
  });

  it("lists a command's own options, then its run options, each flag spelled as every command spells it", () => {
    const spec: CommandSpec = {
      command: "commands/toy.ts",
      description: "A toy.",
      options: [{ name: "plan", kind: "enum", values: ["a", "b"], default: "a", description: "the plan" }],
      run: ["json", "out", "workers", "big"],
      out: { kind: "dir", help: "where the tables go" },
      execution: true,
    };
    const help = helpText(spec);
    expect(help).toMatch(/^usage: npx tsx commands\/toy\.ts \[options\]\n/);
    for (const flag of ["--plan a|b", "--json", "--out DIR", "--set name=value", "--big", "--help", "--workers N", "--queue URL", "--shard i/N", "--part FILE", "--from-part FILE"]) {
      expect(help).toMatch(new RegExp(`^ {2}${flag.replace(/[|]/g, "\\|")} +\\S`, "m"));
    }
    expect(help.indexOf("--help")).toBeLessThan(help.indexOf("run options"));
    expect(help.indexOf("run options")).toBeLessThan(help.indexOf("--workers N"));
  });
});
