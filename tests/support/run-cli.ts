/** Runs a scenario or notebook file as a user would (`npx tsx FILE ARGS`). */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");

/** `stdin: "null"` gives the command /dev/null as its standard input (default: an empty pipe). */
export function runTsx(file: string, args: string[], options: { stdin?: "pipe" | "null" } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, [file, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
    stdio: [options.stdin === "null" ? "ignore" : "pipe", "pipe", "pipe"],
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
