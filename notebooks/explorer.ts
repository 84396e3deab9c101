/**
 * The what-if explorer: one self-contained HTML page that runs the team planner in the
 * browser (the simulator bundled by esbuild into a Web Worker, Observable Plot for the
 * figures, nothing fetched). It writes the page atomically and prints its absolute path.
 *
 *   npx tsx notebooks/explorer.ts [--out FILE]
 */
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { gitCommit, packageVersion } from "../reports/provenance.ts";
import { writeFileAtomic } from "../files/write-atomic.ts";
import { isMain, runCommandLine, runMain } from "../cli/command.ts";
import type { CommandSpec } from "../cli/options.ts";
import { InputError } from "../experiments/inputs/params.ts";
import { bundleScript } from "./explorer/bundle-script.ts";
import { explorerHtml } from "./explorer/explorer-html.ts";
import { shellQuote } from "../cli/shell-quote.ts";

export const explorerSpec: CommandSpec = {
  command: "notebooks/explorer.ts",
  usage: "npx tsx notebooks/explorer.ts [--out FILE]",
  description:
    "Writes the what-if explorer: one self-contained HTML page where the team planner's inputs recompute\n" +
    "its numbers in the browser (the same simulator and seed as scenarios/team.ts --json). Prints the page's path.",
  options: [],
  run: ["out"],
  out: { kind: "file", default: "out/explorer.html", help: "where to write the page" },
};

const entry = (file: string) => fileURLToPath(new URL(`./explorer/browser/${file}`, import.meta.url));

/** The page's HTML; `command` is the one shown as having written it. */
export async function buildExplorer(command: string, commit: string | undefined = gitCommit()): Promise<string> {
  const [pageScript, workerScript] = await Promise.all([bundleScript(entry("page-main.ts")), bundleScript(entry("worker-main.ts"))]);
  return explorerHtml({ pageScript, workerScript, packageVersion, command, ...(commit === undefined ? {} : { gitCommit: commit }) });
}

/** Writes the explorer to `out` (atomically); resolves with its absolute path. */
export async function writeExplorer(out: string): Promise<string> {
  const path = resolvePath(out);
  const defaultOut = explorerSpec.out!.default;
  const command = ["npx tsx notebooks/explorer.ts", ...(out === defaultOut ? [] : ["--out", shellQuote(out)])].join(" ");
  await writeFileAtomic(path, await buildExplorer(command));
  return path;
}

export function explorerCli(argv: readonly string[], io: { stdout: { write(text: string): unknown } } = process): Promise<number> {
  return runCommandLine(
    explorerSpec,
    argv,
    async (o) => {
      const out = o.run.out ?? explorerSpec.out!.default!;
      if (out.trim() === "") throw new InputError(`--out: "" is not allowed; expected a file name`);
      io.stdout.write(`${await writeExplorer(out)}\n`);
    },
    io,
  );
}

if (isMain(import.meta.url)) runMain(explorerSpec.command, () => explorerCli(process.argv.slice(2)));
