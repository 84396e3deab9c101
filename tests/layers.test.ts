/**
 * Who may import whom: every TypeScript file of every folder imports only from its own
 * folder and from the folders its row of `layers` names. An import is any reference to
 * another file of ours: `import … from`, `import type … from`, `export … from`, a
 * side-effect `import "…"`, a dynamic or type-position `import("…")`, and a file named by
 * `new URL("….ts", import.meta.url)` (a worker's or a bundle's entry). Packages and
 * node: modules are not checked. The imports are read by esbuild's parser (comments and
 * strings are not code), with `import type` kept as an import.
 */
import { build, type Plugin } from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

/** Below the command line: what commands, scenarios and notebooks are built on. */
const belowCli = ["experiments", "logs", "runner", "models", "analysis", "reports", "files", "sim"];
const ours = ["sim", "models", "logs", "experiments", "runner", "analysis", "cli", "commands", "scenarios", "notebooks", "reports", "files", "bench", "tools", "tests"];

/** Folder → the other folders (or root files) its files may import from; "*" is every one. */
const layers: Readonly<Record<string, { readonly may: readonly string[]; readonly why: string }>> = {
  sim: { may: [], why: "the engine knows nothing of ours" },
  files: { may: [], why: "atomic file writing, for anyone" },
  analysis: { may: ["sim"], why: "Sobol and Morris on the engine's statistics" },
  models: { may: ["sim"], why: "the credit model on the engine" },
  runner: { may: ["models", "sim", "files"], why: "runs models; never reports, the command line or tests" },
  logs: { may: ["models", "runner", "sim", "files"], why: "a log replayed and forecast through the model and the runner" },
  experiments: { may: ["models", "runner", "analysis", "sim", "files"], why: "what scenarios are built from" },
  reports: { may: ["files", "package.json"], why: "tables in, HTML out: never a simulation, the runner or an experiment" },
  cli: { may: ["experiments", "logs", "runner", "models", "reports", "files", "sim"], why: "the command line's plumbing" },
  commands: { may: ["cli", ...belowCli], why: "cli and below; no scenario file" },
  scenarios: { may: ["cli", ...belowCli], why: "cli and below; no command file" },
  notebooks: { may: ["cli", ...belowCli], why: "cli and below; never a command or scenario file" },
  bench: { may: ours.filter((f) => f !== "tests" && f !== "bench"), why: "anything but test helpers" },
  tools: { may: ours.filter((f) => f !== "tests" && f !== "tools"), why: "anything but test helpers" },
  tests: { may: ["*"], why: "tests reach everything" },
  ".": { may: ["*"], why: "the repository's own config (vitest.config.ts)" },
};

/**
 * Files any folder may import: each imports nothing of ours (checked below), so it adds no
 * layer to whoever uses it.
 */
const leaves: Readonly<Record<string, string>> = {
  "reports/number-format.ts": "the one formatting of numbers, money and intervals, for commands, pages and the explorer alike",
  "sim/time-unit.ts": "the time unit (days), declared once",
  "models/plans.ts": "the plans' documented figures and names, pure data (the palette colours plans by them)",
};

/**
 * Imports that break the table today, each to be removed here when its import goes (the
 * test fails while one is listed that no longer occurs): importer → imported, both from
 * the repository root.
 */
const pending: readonly string[] = [];

/** Every .ts file of ours, from the repository root. */
function sources(): string[] {
  const out = readdirSync(root).filter((f) => f.endsWith(".ts"));
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) out.push(path);
    }
  };
  for (const dir of readdirSync(root).sort()) {
    if (dir === "node_modules" || dir.startsWith(".") || !statSync(join(root, dir)).isDirectory()) continue;
    walk(dir);
  }
  return out;
}

/** Where a specifier of `importer` points, from the root; undefined for a package or a node: module. */
function target(importer: string, spec: string): string | undefined {
  if (!spec.startsWith(".") && !spec.startsWith("/")) return undefined;
  return relative(root, resolve(root, dirname(importer), spec.replace(/[?#].*$/, "")));
}

/** importer → the files it refers to (from the root), with the kind of reference. */
async function importGraph(files: readonly string[]): Promise<Map<string, { to: string; kind: string }[]>> {
  const graph = new Map<string, { to: string; kind: string }[]>(files.map((f) => [f, []]));
  const add = (importer: string, spec: string, kind: string) => {
    const to = target(importer, spec);
    if (to !== undefined) graph.get(importer)?.push({ to, kind });
  };
  const record: Plugin = {
    name: "record-imports",
    setup(b) {
      // Every import esbuild parses, recorded and left unresolved (external): no file is bundled.
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        add(relative(root, args.importer), args.path, args.kind);
        return { path: args.path, external: true };
      });
      // `import type` / `export type … from` kept as imports (esbuild drops them); import("…")
      // in a type position (erased by esbuild) and `new URL("….ts", import.meta.url)` read
      // from the text.
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, "utf8");
        const file = relative(root, args.path);
        for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) add(file, m[1]!, "type import()");
        for (const m of text.matchAll(/new URL\(\s*["']([^"']+\.ts)["']\s*,\s*import\.meta\.url\s*\)/g)) add(file, m[1]!, "file URL");
        const contents = text.replace(/^(\s*(?:import|export))\s+type(?=\s*[{*]|\s+\w+\s+from\b)/gm, "$1");
        return { contents, loader: "ts" };
      });
    },
  };
  await build({
    entryPoints: files.map((f) => join(root, f)),
    absWorkingDir: root,
    bundle: true,
    write: false,
    outdir: join(root, "out/layers"),
    format: "esm",
    platform: "node",
    logLevel: "silent",
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    plugins: [record],
  });
  // An import("…") read from the text that esbuild parsed as a dynamic import is that one.
  for (const [file, imports] of graph) {
    const dynamic = new Set(imports.filter((i) => i.kind === "dynamic-import").map((i) => i.to));
    graph.set(
      file,
      imports.filter((i) => !(i.kind === "type import()" && dynamic.has(i.to))),
    );
  }
  return graph;
}

const folderOf = (path: string) => (path.includes("/") ? path.split("/")[0]! : ".");
/** What `to` counts as in a row of the table: its folder, or the root file itself. */
const layerOf = (path: string) => (path.includes("/") ? path.split("/")[0]! : path);

const files = sources();
const graph = await importGraph(files);

/** Every import that breaks the table, as "importer -> imported (kind): the importer's row". */
function violations(): string[] {
  const out: string[] = [];
  for (const [from, imports] of graph) {
    const rule = layers[folderOf(from)];
    if (rule === undefined || rule.may.includes("*")) continue;
    for (const { to, kind } of imports) {
      const layer = layerOf(to);
      if (layer === folderOf(from) || rule.may.includes(layer) || leaves[to] !== undefined) continue;
      out.push(`${from} -> ${to} (${kind}): ${folderOf(from)}/ may import ${rule.may.join(", ") || "nothing of ours"} (${rule.why})`);
    }
  }
  return [...new Set(out)].sort();
}

describe("layers: who may import whom", () => {
  it("reads the imports of every folder", () => {
    expect(files.length).toBeGreaterThan(200);
    // A sample the reader must find: static, type-only, re-export, dynamic and a worker's file URL.
    const has = (from: string, to: string, kind?: string) => graph.get(from)?.some((i) => i.to === to && (kind === undefined || i.kind === kind)) ?? false;
    expect(has("models/index.ts", "models/ledger.ts", "import-statement")).toBe(true);
    expect(has("reports/page.ts", "reports/provenance.ts", "import-statement")).toBe(true); // import type
    expect(has("runner/execution.ts", "runner/queue-executor.ts", "dynamic-import")).toBe(true);
    expect(has("runner/pool-entry.ts", "runner/pool-thread.ts", "file URL")).toBe(true);
    expect(has("experiments/sensitivity/sensitivity-team.ts", "models/tally.ts", "type import()")).toBe(true);
  });

  it("has a row for every folder of ours", () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    expect(
      folders.filter((f) => layers[f] === undefined),
      "folders missing from the table",
    ).toEqual([]);
  });

  it("no file imports from a folder its row does not name", () => {
    const found = violations().filter((v) => !pending.some((p) => v.startsWith(`${p} (`)));
    expect(found, "imports against the layers table (importer -> imported)").toEqual([]);
  });

  it("a file any folder may import imports nothing of ours", () => {
    for (const leaf of Object.keys(leaves)) {
      expect(graph.has(leaf), `${leaf} exists`).toBe(true);
      expect(
        graph.get(leaf)!.map((i) => i.to),
        leaf,
      ).toEqual([]);
    }
  });

  it("every pending exception still occurs (remove the ones that no longer do)", () => {
    const found = violations();
    expect(pending.filter((p) => !found.some((v) => v.startsWith(`${p} (`)))).toEqual([]);
  });
});
