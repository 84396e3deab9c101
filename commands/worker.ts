/**
 * A queue worker: simulates the jobs that commands run with `--queue URL` put on the
 * queue, on its own threads, and stores each result under its job identity (see
 * runner/queue-worker.ts for checks, locks and stalls). Start any number, on any
 * machines that reach the Redis at URL, from the same commit with `npm ci`; a worker
 * running other code refuses the jobs and says so. Runs until interrupted (Ctrl-C or
 * SIGTERM: it finishes the jobs it is running, then exits 0). It reports on stderr:
 * once when it starts, and for every refused or failed job and lost connection.
 *
 *   npx tsx commands/worker.ts --queue redis://[user:password@]host:port[/db] [--workers N] [--lock-seconds S]
 */
import { defaultWorkers } from "../runner/pool.ts";
import { defaultLockSeconds, startQueueWorker } from "../runner/queue-worker.ts";
import { checkRedisUrl } from "../runner/redis-url.ts";
import { commandMain, isMain } from "../cli/command.ts";
import type { CommandSpec, ParsedOptions } from "../cli/options.ts";
import { InputError } from "../experiments/inputs/params.ts";

const command = "commands/worker.ts";

export const workerSpec: CommandSpec = {
  command,
  usage: `npx tsx ${command} --queue URL [--workers N] [--lock-seconds S]`,
  description:
    "Simulates the jobs of commands run with --queue URL, on this machine's threads, until interrupted.\n" +
    "Start it from the same commit (and npm ci) as the commands: a worker running other code refuses their jobs.",
  run: ["workers", "queue"],
  runHelp: {
    queue: "the Redis the jobs come from: redis://[user:password@]host:port[/db], or rediss://… for TLS; required",
    workers: `threads that simulate (default ${defaultWorkers()}, every core)`,
  },
  options: [
    {
      name: "lock-seconds",
      kind: "integer",
      min: 2,
      max: 3600,
      default: defaultLockSeconds,
      description: `lock of a running job, seconds: a killed worker's job restarts elsewhere within 1.5 × this (default ${defaultLockSeconds})`,
    },
  ],
};

async function main(o: ParsedOptions): Promise<number> {
  if (o.run.queue === undefined || o.run.queue === "") throw new InputError("--queue: missing; expected redis://[user:password@]host:port[/db] or rediss://…");
  const url = checkRedisUrl("--queue", o.run.queue);
  const log = (line: string) => process.stderr.write(`${command}: ${line}\n`);
  const worker = await startQueueWorker(url, { threads: o.run.workers ?? defaultWorkers(), lockSeconds: o.values["lock-seconds"] as number, log });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log(`stopping after ${worker.done()} jobs`);
  await worker.close();
  return 0;
}

if (isMain(import.meta.url)) commandMain(workerSpec, main);
