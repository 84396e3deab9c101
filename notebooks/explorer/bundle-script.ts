/**
 * Bundles one browser entry of the explorer (its page script or its worker) with
 * esbuild into one classic script — an IIFE, no imports, no `node:` module, minified —
 * ready to inline into the page (the one `node:` module it may reach, `node:os`, answered
 * by browser/node-os.ts). Fails (an Error naming the entry and esbuild's
 * first message) when the entry reaches something a browser cannot load.
 */
import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";

export const defaults = {
  /** Browsers the bundle runs in: what Chromium and Firefox have run for years. */
  target: ["chrome110", "firefox115", "safari16"],
} as const;

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Node modules the bundled code may import, answered in the browser by a file of the explorer's. */
const browserShims: Readonly<Record<string, string>> = {
  "node:os": fileURLToPath(new URL("./browser/node-os.ts", import.meta.url)),
};

const shims: Plugin = {
  name: "explorer-browser-shims",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (browserShims[args.path] ? { path: browserShims[args.path] } : undefined));
  },
};

/** The bundled script of `entry` (absolute path or relative to the project root). */
export async function bundleScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: [...defaults.target],
    minify: true,
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: [shims],
    // csv-parse's Node build needs a global Buffer; its browser build brings its own.
    alias: { "csv-parse/sync": "csv-parse/browser/esm/sync" },
  }).catch((err: unknown) => {
    const first = (err as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors?.[0];
    const where = first?.location ? ` (${first.location.file}:${first.location.line})` : "";
    throw new Error(`bundling ${entry} failed: ${first ? first.text + where : String(err)}`);
  });
  const code = result.outputFiles[0]!.text;
  // Inlined in a <script> element, the text must not close it or open an HTML comment in it.
  const unsafe = /<\/script|<!--|<script/i.exec(code);
  if (unsafe) throw new Error(`bundling ${entry}: the script contains "${unsafe[0]}", which cannot be inlined in a page`);
  return code;
}
