import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { buildBundle, cachedBundle, threadEntry, type BundleOptions } from "../../runner/pool-entry.ts";

const root = mkdtempSync(join(tmpdir(), "pool-entry-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A two-module TypeScript entry that posts a value computed in the module it imports. */
function project(value: number): BundleOptions {
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(join(root, "src", "value.ts"), `export const value: number = ${value};\n`);
  writeFileSync(join(root, "src", "entry.ts"), `import { parentPort } from "node:worker_threads";\nimport { value } from "./value.ts";\nparentPort?.postMessage({ value, url: import.meta.url });\n`);
  return { entry: join(root, "src", "entry.ts"), root, cacheDir: join(root, "cache"), name: "entry" };
}

const run = (file: string) =>
  new Promise<{ value: number; url: string }>((resolve, reject) => {
    const w = new Worker(file, { execArgv: [] });
    w.once("message", (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once("error", reject);
  });

describe("pool thread bundle cache", () => {
  it("builds a bundle plain node runs, reuses it while its sources are unchanged, rebuilds when one changes", async () => {
    const options = project(1);
    expect(cachedBundle(options)).toBeNull();
    const first = await buildBundle(options);
    const manifest = JSON.parse(readFileSync(join(options.cacheDir, "entry.json"), "utf8"));
    expect(manifest.inputs).toEqual(["src/value.ts", "src/entry.ts"]);
    expect(cachedBundle(options)).toBe(first);
    const out = await run(first);
    expect(out.value).toBe(1);
    expect(out.url).toMatch(/^file:.*\.cjs$/); // import.meta.url works in the CommonJS bundle

    project(2); // an imported module changes
    expect(cachedBundle(options)).toBeNull();
    const second = await buildBundle(options);
    expect(second).not.toBe(first);
    expect((await run(second)).value).toBe(2);

    rmSync(join(root, "src", "value.ts")); // an input is gone
    expect(cachedBundle(options)).toBeNull();
  });

  it("takes a bundle built from the same contents by a checkout that wrote the manifest since", async () => {
    const options = project(3);
    const three = await buildBundle(options);
    project(4);
    const four = await buildBundle(options); // the manifest is now 4's
    project(3); // back to 3's contents, as in another checkout sharing the cache
    expect(cachedBundle(options)).toBe(three);
    expect((await run(cachedBundle(options)!)).value).toBe(3);
    project(4);
    expect(cachedBundle(options)).toBe(four);
    project(5); // contents no bundle was built from
    expect(cachedBundle(options)).toBeNull();
  });

  it("removes the bundles a build supersedes once they are an hour old, and nothing else", async () => {
    const options = project(4);
    mkdirSync(options.cacheDir, { recursive: true });
    const put = (name: string, ageHours: number) => {
      const path = join(options.cacheDir, name);
      writeFileSync(path, "// an earlier build\n");
      const t = new Date(Date.now() - ageHours * 3600_000);
      utimesSync(path, t, t);
      return path;
    };
    const old = put("entry.0123456789abcdef.cjs", 2);
    const recent = put("entry.fedcba9876543210.cjs", 0.5);
    const otherName = put("other.0123456789abcdef.cjs", 2);
    const notABundle = put("entry.0123456789abcdef.cjs.tmp", 2);
    const built = await buildBundle(options);
    expect(existsSync(built)).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect([recent, otherName, notABundle].filter(existsSync)).toEqual([recent, otherName, notABundle]);
  });

  it("falls back to tsx, saying why, when the bundle cannot be built", async () => {
    const broken = { ...project(3), entry: join(root, "src", "missing.ts") };
    const entry = await threadEntry(broken);
    expect(entry.kind).toBe("tsx");
    if (entry.kind === "tsx") expect(entry.reason).toMatch(/missing\.ts/);
    expect((await threadEntry(null)).kind).toBe("tsx");
  });

  it("starts this project's pool threads from a bundle", async () => {
    const entry = await threadEntry();
    expect(entry.kind === "tsx" ? entry.reason : entry.kind).toBe("bundle");
    if (entry.kind === "bundle") expect(existsSync(entry.file)).toBe(true);
  });
});
