/**
 * The user's error found by the batch machinery: an unreachable or lost Redis, a job
 * refused by a worker, parts that do not belong together. The command line turns it
 * into an InputError (cli/command-line.ts `userError`): one line, exit code 2. Defined
 * here so that runner/ depends on nothing above it.
 */
export class RunnerInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "RunnerInputError";
  }
}
