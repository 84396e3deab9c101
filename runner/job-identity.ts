/**
 * A job's identity and its form outside this process. A job — (model, seed, chunk of
 * accounts) — is a pure function of its content and of the code that simulates it, so
 * its identity is a SHA-256 of (code version, model, seed, chunk): the same job under
 * the same code has the same id on every machine, and a result stored under that id is
 * the result of that job, whoever computed it and however often (at-least-once delivery
 * + idempotent results = exactly-once counts).
 *
 * The code version is the thread bundle's key (pool-entry.ts): a hash of every source
 * file and dependency a pool thread runs, and of how they are bundled.
 *
 * A job travels as plain data (`JobPayload`, plain-data.ts); `readJob` is what a worker
 * does with one from outside: every field checked as the command line checks its input
 * (model-shape.ts), the id recomputed from the content (a foreign or altered job does
 * not match), and the code version compared with the worker's own.
 */
import { createHash } from "node:crypto";
import type { AccountModel } from "../models/index.ts";
import { decodePlain, encodePlain, PlainDataError } from "./plain-data.ts";
import { modelShapeError } from "./model-shape.ts";
import type { BatchPlan, Job } from "./batch-plan.ts";

/** Format tag of a job payload; part of every id, so a new format never reuses old results. */
export const jobFormat = "inmail-sim-job/1";

/** Largest model text accepted (a model is about 2 kB). */
const maxModelChars = 1 << 20;
/** Most accounts in one job (runModels makes 500). */
const maxChunkAccounts = 10_000_000;

/** A job as it travels: the model as canonical plain-data text. */
export interface JobPayload {
  readonly format: typeof jobFormat;
  /** The code version of the process that made the job. */
  readonly version: string;
  readonly model: string;
  readonly seed: number | string;
  readonly chunk: { readonly replication: number; readonly from: number; readonly to: number };
}

/** A job refused by `readJob`: what is wrong, for the worker's log and the coordinator's message. */
export class JobRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobRefused";
  }
}

function idOf(version: string, model: string, seed: number | string, chunk: JobPayload["chunk"]): string {
  const content = encodePlain({ seed, chunk: { replication: chunk.replication, from: chunk.from, to: chunk.to } });
  return createHash("sha256").update(`${jobFormat}\0${version}\0${model}\0${content}`).digest("hex");
}

/** The payload of `job` made by code `version`, and its id (64 hex digits). */
export function jobPayload(version: string, job: Job): { id: string; payload: JobPayload } {
  const ids = new JobIdentities(version);
  return { id: ids.id(job), payload: ids.payload(job) };
}

/**
 * The ids of jobs under code `version`, one job at a time (a batch's jobs are made
 * from its plan as they are needed). Jobs of one model share its encoding: each model
 * object is encoded once.
 */
export class JobIdentities {
  readonly version: string;
  readonly #models = new Map<AccountModel, string>();

  constructor(version: string) {
    this.version = version;
  }

  /** The canonical text of `model` (as a payload carries it). */
  model(model: AccountModel): string {
    let text = this.#models.get(model);
    if (text === undefined) {
      text = encodePlain(model, "model");
      this.#models.set(model, text);
    }
    return text;
  }

  /** The id of `job` (64 hex digits). */
  id(job: Job): string {
    return idOf(this.version, this.model(job.model), job.seed, job.chunk);
  }

  /** The payload of `job`: what a worker is sent. */
  payload(job: Job): JobPayload {
    const chunk = { replication: job.chunk.replication, from: job.chunk.from, to: job.chunk.to };
    return { format: jobFormat, version: this.version, model: this.model(job.model), seed: job.seed, chunk };
  }
}

/**
 * A digest of the batch `plan` under code `version`: its runs (each model's canonical
 * text, seed, accounts, replications) and how they are cut into jobs — so two batches
 * with the same digest run the same jobs. O(runs).
 */
export function batchDigest(version: string, plan: BatchPlan): string {
  const ids = new JobIdentities(version);
  const hash = createHash("sha256").update(`${jobFormat}\0${version}`);
  plan.runs.forEach((run, r) => {
    const shape = encodePlain({ seed: run.seed, accounts: run.accounts, replications: run.replications, chunkAccounts: plan.chunkAccounts[r]! });
    hash.update(`\0${ids.model(run.model)}\0${shape}`);
  });
  return hash.digest("hex");
}

const hex64 = /^[0-9a-f]{64}$/;

const isCount = (v: unknown, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * The job in `data`, checked: its fields and the model's shape, its id (`id`, when the
 * queue names one) against its content, and its code version against `ownVersion`.
 * Throws JobRefused saying what is wrong; never runs anything.
 */
export function readJob(data: unknown, id: string | undefined, ownVersion: string): Job {
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new JobRefused("the job is not an object");
  const d = data as Record<string, unknown>;
  const keys = Object.keys(d).sort().join(",");
  if (keys !== "chunk,format,model,seed,version") throw new JobRefused(`the job's fields are ${keys || "none"}; expected chunk, format, model, seed, version`);
  if (d.format !== jobFormat) throw new JobRefused(`the job's format is ${JSON.stringify(d.format)}; this worker reads ${jobFormat}`);
  if (typeof d.version !== "string" || !hex64.test(d.version)) throw new JobRefused("the job's code version is not a 64-digit hex hash");
  if (d.version !== ownVersion) {
    throw new JobRefused(
      `the job was made by code version ${d.version.slice(0, 12)}…, this worker runs ${ownVersion.slice(0, 12)}…: ` + "start the workers from the same commit (and npm ci) as the command",
    );
  }
  const seed = d.seed;
  if (!((typeof seed === "number" && Number.isSafeInteger(seed)) || (typeof seed === "string" && seed.length <= 256))) {
    throw new JobRefused("the job's seed is not an integer or a string of at most 256 characters");
  }
  const c = d.chunk as Record<string, unknown> | null;
  if (c === null || typeof c !== "object" || Object.keys(c).sort().join(",") !== "from,replication,to") {
    throw new JobRefused("the job's chunk is not { replication, from, to }");
  }
  if (!isCount(c.replication, 1e6) || !isCount(c.from, 1e12) || !isCount(c.to, 1e12) || c.to <= c.from || c.to - c.from > maxChunkAccounts) {
    throw new JobRefused(`the job's chunk ${JSON.stringify(c)} is not a range of 1 to ${maxChunkAccounts} accounts of a replication`);
  }
  const chunk = { replication: c.replication, from: c.from, to: c.to };
  if (typeof d.model !== "string" || d.model.length > maxModelChars) throw new JobRefused(`the job's model is not a text of at most ${maxModelChars} characters`);
  let model: unknown;
  try {
    model = decodePlain(d.model, "model");
  } catch (err) {
    throw new JobRefused(`the job's model is not plain data: ${err instanceof PlainDataError ? err.message : String(err)}`);
  }
  const bad = modelShapeError(model);
  if (bad !== null) throw new JobRefused(`the job's model is malformed: ${bad}`);
  if (encodePlain(model, "model") !== d.model) throw new JobRefused("the job's model is not in canonical form");
  if (id !== undefined && idOf(d.version, d.model, seed, chunk) !== id) {
    throw new JobRefused("the job's id does not match its content (a foreign or altered job)");
  }
  return { model: model as AccountModel, seed, chunk };
}
