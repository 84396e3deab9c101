import { execFileSync } from "node:child_process";
import pkg from "../package.json" with { type: "json" };

/** What produced a report, enough to reproduce it byte for byte. */
export interface Provenance {
  /** Scenario name as the user knows it. */
  readonly scenario: string;
  /** Fully resolved scenario parameters (defaults filled in); nested objects allowed. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly seed: number | string;
  readonly replications: number;
  /** Default: this package's version from package.json. */
  readonly packageVersion?: string;
  /** Short commit hash, when the report was made from a git checkout (see `gitCommit`). */
  readonly gitCommit?: string;
  /** Shell command that regenerates the page, exactly as to be typed. */
  readonly command: string;
}

/** This package's name and version, from package.json. */
export const packageName: string = pkg.name;
export const packageVersion: string = pkg.version;

/**
 * Short hash of HEAD (`git rev-parse --short HEAD`) for the checkout
 * containing `cwd` (default: the process's working directory), or undefined
 * when git is missing or `cwd` is not in a checkout. The one impure helper of
 * reports/: call it in the notebook, pass the result into the page.
 */
export function gitCommit(cwd: string = process.cwd()): string | undefined {
  try {
    const out = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return /^[0-9a-f]{4,40}$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}
