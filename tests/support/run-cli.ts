/** Runs a scenario or notebook file as a user would (`npx tsx FILE ARGS`). */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const root = join(import.meta.dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");

export function runTsx(file: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(tsx, [file, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
