/**
 * Runs a command's code path (its main's body: `sweepCommand(s, argv)`,
 * `calibrateCommand(argv)`, …) in this process, with its stdout and stderr captured;
 * bad input is exit code 2 and its message on stderr, as runMain reports it. Faster
 * than spawning `tsx` (run-cli.ts) when a test runs a command several times.
 */
import { vi } from "vitest";
import { userError } from "../../cli/command-line.ts";
import { InputError } from "../../experiments/inputs/params.ts";

export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runInProcess(body: () => Promise<number>): Promise<InProcessRun> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    let code: number;
    try {
      code = await body();
    } catch (raw) {
      const e = userError(raw);
      if (!(e instanceof InputError)) throw raw;
      stderr += e.message;
      code = e.exitCode;
    }
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
