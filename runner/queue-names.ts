/**
 * What the coordinator (queue-executor.ts) and the workers (queue-worker.ts) agree on
 * in Redis: the BullMQ queue's name, the BullMQ id of a job, and the result store —
 * one key per job identity, kept `resultTtlSeconds` (7 days) after it was last written,
 * so a re-run within a week reuses it and an abandoned experiment does not fill Redis.
 */

/** The BullMQ queue every command and worker uses. */
export const queueName = "inmail-sim";

/** Kept this long after its last write (seconds). */
export const resultTtlSeconds = 7 * 24 * 3600;

/** The BullMQ job id of a job identity (BullMQ refuses ids that are integers or contain ":"). */
export function queueJobId(id: string): string {
  return `sim-${id}`;
}

/** The job identity in a BullMQ job id, or undefined when it is not one of ours. */
export function identityOf(jobId: string | undefined): string | undefined {
  const m = jobId === undefined ? null : /^sim-([0-9a-f]{64})$/.exec(jobId);
  return m ? m[1] : undefined;
}

/** The result store's key of a job identity. */
export function resultKey(id: string): string {
  return `inmail-sim:result:${id}`;
}
