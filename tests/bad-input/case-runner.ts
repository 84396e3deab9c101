/**
 * Runs commands of the bad-input corpus one after another in this one process, as
 * `tsx <command> <args>` would run each in its own: process.argv is set to the command
 * and its arguments, the command's module is imported afresh (a new query string, so it
 * runs again while the modules it imports stay loaded), and its stdout, stderr and exit
 * code are captured until the command has set its exit code (every command ends through
 * runMain, which does). An error nothing caught is reported as Node reports it: its
 * stack on stderr, exit code 1. Started by bad-input.test.ts with an IPC channel: it is
 * sent `{ id, command, args }` and answers `{ id, code, stdout, stderr }`.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

interface Request {
  readonly id: number;
  readonly command: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
}

let capture: { stdout: string; stderr: string } | undefined;
const writers = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
for (const name of ["stdout", "stderr"] as const) {
  const stream = process[name];
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (capture === undefined) return writers[name](chunk, ...(rest as []));
    capture[name] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}
// runMain adds a listener per run; many runs in one process are expected here.
process.stdout.setMaxListeners(0);

process.on("uncaughtException", (err) => {
  if (capture) capture.stderr += `${err.stack ?? String(err)}\n`;
  process.exitCode = 1;
});
process.on("unhandledRejection", (err) => {
  if (capture) capture.stderr += `${(err as Error)?.stack ?? String(err)}\n`;
  process.exitCode = 1;
});

const turn = () => new Promise<void>((r) => setImmediate(r));

async function runOne(req: Request, n: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const file = resolve(req.command);
  capture = { stdout: "", stderr: "" };
  process.exitCode = undefined;
  process.argv = [process.argv[0]!, file, ...req.args];
  const started = Date.now();
  try {
    await import(`${pathToFileURL(file).href}?case=${n}`);
    while (process.exitCode === undefined && Date.now() - started < req.timeoutMs) await turn();
  } catch (err) {
    capture.stderr += `${(err as Error)?.stack ?? String(err)}\n`;
    process.exitCode = 1;
  }
  const out = { code: process.exitCode === undefined ? null : Number(process.exitCode), ...capture };
  capture = undefined;
  process.exitCode = undefined;
  return out;
}

let queue = Promise.resolve();
let count = 0;
process.on("message", (req: Request) => {
  const n = ++count;
  queue = queue.then(async () => {
    const out = await runOne(req, n);
    process.send!({ id: req.id, ...out });
  });
});
