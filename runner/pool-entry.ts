/**
 * The code a pool thread starts with (see pool.ts). A new thread that loads the
 * TypeScript sources through tsx spends ~50 ms of a busy machine on tsx's loader and
 * the transform of each module before it simulates anything; on the 2-core machine of
 * the perf case that is ~4% of the whole run. So the thread's entry, pool-thread.ts
 * and everything it imports, is bundled by esbuild into one CommonJS file, cached
 * under node_modules/.cache/inmail-sim, which a thread loads in ~25 ms.
 *
 * The cache is never stale: its manifest lists every file the bundle was built from,
 * and every run that starts threads hashes their contents first (~1 ms); any change
 * (a source edited, a dependency upgraded) rebuilds it (~50 ms, once). Writes are atomic,
 * so processes that build at the same time (parallel test files) do no harm; a build
 * removes the bundles it supersedes once they are an hour old (a process that read the
 * old manifest a moment ago may still be starting threads from one). When the
 * bundle cannot be built or written, threads load the TypeScript through tsx instead:
 * slower to start, the same code and the same results.
 *
 * CommonJS rather than an ES module bundle: in an ES module bundle the simulation ran
 * ~4% slower here (module-scope bindings), as fast as under tsx in CommonJS.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../files/write-atomic.ts";

/** How a pool thread starts: from the cached bundle, or from the sources through tsx. */
export type ThreadEntry = { readonly kind: "bundle"; readonly file: string } | { readonly kind: "tsx"; readonly code: string; readonly reason: string };

export interface BundleOptions {
  /** The module to bundle (absolute path). */
  readonly entry: string;
  /** Directory the paths of the manifest are relative to (the project root). */
  readonly root: string;
  /** Where the bundle and its manifest are kept. */
  readonly cacheDir: string;
  /** Name of the bundle and manifest files (default: the entry's). */
  readonly name: string;
}

interface Manifest {
  readonly key: string;
  /** Files the bundle was built from, relative to the root, in esbuild's order. */
  readonly inputs: readonly string[];
  /** The bundle's file name in the cache directory. */
  readonly bundle: string;
}

/** What the build does; part of the cache key, so that changing it rebuilds. */
const buildSettings = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // A CommonJS bundle has no import.meta: give it the bundle's own URL.
  banner: { js: 'const __bundle_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { "import.meta.url": "__bundle_import_meta_url" },
} as const;

/** Hash of the build settings, the entry, and every input's path and content; null if an input is gone. */
function cacheKey(options: BundleOptions, inputs: readonly string[]): string | null {
  const root = options.root;
  const hash = createHash("sha256").update(JSON.stringify(buildSettings)).update(`\0${relative(root, options.entry)}\0`);
  for (const input of inputs) {
    const path = join(root, input);
    if (!existsSync(path)) return null;
    hash.update(`\0${input}\0`).update(readFileSync(path));
  }
  return hash.digest("hex");
}

/** The cached bundle's path when the cache is current, else null. */
export function cachedBundle(options: BundleOptions): string | null {
  return cachedBuild(options)?.file ?? null;
}

/** The cached bundle of the current sources and their key, or null. */
function cachedBuild(options: BundleOptions): { file: string; key: string } | null {
  const manifestFile = join(options.cacheDir, `${options.name}.json`);
  if (!existsSync(manifestFile)) return null;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  } catch {
    return null;
  }
  if (!Array.isArray(manifest.inputs) || typeof manifest.bundle !== "string") return null;
  const key = cacheKey(options, manifest.inputs);
  if (key === null) return null;
  const file = join(options.cacheDir, key === manifest.key ? manifest.bundle : bundleName(options, key));
  // Another checkout sharing node_modules may have written the manifest since: a bundle
  // built from these very contents (same key, so the same files) is as good as its own.
  return existsSync(file) ? { file, key } : null;
}

/** The file name of the bundle built from inputs whose key is `key`. */
const bundleName = (options: BundleOptions, key: string) => `${options.name}.${key.slice(0, 16)}.cjs`;

/** Builds the bundle and its manifest into the cache (atomically); returns the bundle's path. */
export async function buildBundle(options: BundleOptions): Promise<string> {
  const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    ...buildSettings,
    entryPoints: [options.entry],
    absWorkingDir: options.root,
    write: false,
    metafile: true,
    outfile: join(options.cacheDir, `${options.name}.cjs`),
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile!.inputs).map((p) => relative(options.root, join(options.root, p)));
  const key = cacheKey(options, inputs);
  if (key === null) throw new Error("a source file changed while the pool thread was being bundled");
  const bundle = bundleName(options, key);
  await writeFileAtomic(join(options.cacheDir, bundle), result.outputFiles![0]!.contents);
  const manifest: Manifest = { key, inputs, bundle };
  await writeFileAtomic(join(options.cacheDir, `${options.name}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  pruneBundles(options, bundle);
  return join(options.cacheDir, bundle);
}

/** Superseded bundles are kept this long, for processes that may still start threads from them. */
const supersededKeepMs = 60 * 60 * 1000;

/** Removes the cache's other bundles of this name once they are old enough (best effort). */
function pruneBundles(options: BundleOptions, current: string): void {
  const pattern = new RegExp(`^${options.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[0-9a-f]{16}\\.cjs$`);
  const now = Date.now();
  for (const file of readdirSync(options.cacheDir)) {
    if (file === current || !pattern.test(file)) continue;
    const path = join(options.cacheDir, file);
    try {
      if (now - statSync(path).mtimeMs > supersededKeepMs) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

const root = fileURLToPath(new URL("..", import.meta.url));
const threadFile = fileURLToPath(new URL("./pool-thread.ts", import.meta.url));
const tsxHook = createRequire(import.meta.url).resolve("tsx/cjs");

/** The pool thread's bundle options in this project. */
const poolThreadBundle: BundleOptions = {
  entry: threadFile,
  root,
  cacheDir: join(root, "node_modules", ".cache", "inmail-sim"),
  name: "pool-thread",
};

/**
 * How pool threads start: the cached `bundle` — checked against its sources at every
 * call (~1 ms), so a long-lived process that sees a source change gets a new one — built
 * or rebuilt if needed, or, if that fails or `bundle` is null, the TypeScript through tsx.
 */
export async function threadEntry(bundle: BundleOptions | null = poolThreadBundle): Promise<ThreadEntry> {
  const tsx = (reason: string): ThreadEntry => ({
    kind: "tsx",
    code: `require(${JSON.stringify(tsxHook)}); require(${JSON.stringify(threadFile)});`,
    reason,
  });
  if (bundle === null) return tsx("asked for");
  try {
    return { kind: "bundle", file: cachedBundle(bundle) ?? (await buildBundle(bundle)) };
  } catch (err) {
    return tsx(err instanceof Error ? err.message : String(err));
  }
}

/**
 * The code version of this checkout: the thread bundle's key, a SHA-256 of the build
 * settings and of every file the bundle is built from — the simulation's sources and
 * the dependencies they load — so two checkouts of one commit with the same installed
 * packages agree, and any change to what a pool thread runs gives a new version. Builds
 * the bundle when the cache is not current; throws when it cannot be built.
 */
export async function codeVersion(bundle: BundleOptions = poolThreadBundle): Promise<string> {
  if (cachedBundle(bundle) === null) await buildBundle(bundle);
  const built = cachedBuild(bundle);
  if (built === null) throw new Error("the pool thread's bundle was removed while it was being read");
  return built.key;
}
