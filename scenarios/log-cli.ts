/**
 * The command line shared by the log-driven commands (scenarios/replay.ts,
 * scenarios/calibrate.ts, notebooks/replay.ts): options parsed with node:util
 * parseArgs, values checked with the parameter specs of params.ts, the log read and
 * validated once. Bad input of any kind (an option, a malformed log row, a plan that
 * cannot send InMail, a log too small to fit) → one line on stderr naming what is wrong,
 * exit code 2, nothing written. With --skip-bad every skipped row goes to stderr, then
 * how many.
 */
import { existsSync, statSync } from "node:fs";
import { CalibrationError } from "../models/delay-fit.ts";
import { formatIso, ISO_EXPECTED, parseIsoMs } from "../models/iso-time.ts";
import { billingCycles, defaultAnchorMs, defaultEndMs, type BillingCycle } from "../models/plan-replay.ts";
import { PlanCannotSendError, planIds, type PlanId } from "../models/plans.ts";
import { policyIds, refundAgings, type PolicyId, type RefundAging } from "../models/policy.ts";
import { readSendLog } from "../models/read-send-log.ts";
import { describeBadRow, LogFormatError, logPlan, type SendLog } from "../models/send-log.ts";
import { isMain, runMain } from "./cli.ts";
import type { ParsedOptions } from "./options.ts";
import { InputError, type ParamSpec } from "./params.ts";

export { isMain };
export { helpText, parseOptions, type CommandSpec, type ParsedOptions } from "./options.ts";

/** Options every log-driven command takes. */
export const logOptions = [
  { name: "log", kind: "string", maxLength: 4096, default: "", description: "the send log (CSV, or JSON lines for .jsonl/.ndjson); required" },
  { name: "plan", kind: "enum", values: planIds, default: "", description: "plan to replay on (default: the log's plan column when it names one plan)" },
  { name: "policy", kind: "enum", values: policyIds, default: "guide", description: "credit policy preset" },
  { name: "anchor", kind: "string", maxLength: 64, default: "", description: "subscription start / billing anchor, ISO 8601 (default: UTC midnight of the first sentAt)" },
  { name: "end", kind: "string", maxLength: 64, default: "", description: "end of the log, ISO 8601, exclusive (default: first UTC midnight after its last timestamp)" },
  { name: "refund-aging", kind: "enum", values: refundAgings, default: "original", description: "linkedin policy: a refunded credit keeps its expiry, or gets a fresh 90 days (undocumented)" },
  { name: "billing-cycle", kind: "enum", values: billingCycles, default: "30-days", description: "billing-date plans grant every 30 days from the anchor, or monthly on its day" },
] as const satisfies readonly ParamSpec[];

export const logSwitches = {
  "skip-bad": "skip malformed rows (each is reported on stderr) instead of failing",
  json: "print the result as JSON on stdout",
} as const;

/** Reads the log named by --log; bad rows → InputError, or reported on `stderr` with --skip-bad. */
export async function loadLog(
  path: string,
  skipBad: boolean,
  stderr: { write(text: string): unknown },
  command: string,
): Promise<SendLog> {
  if (path === "") throw new InputError("--log: missing; expected the path of a send log (CSV or JSON lines)");
  if (!existsSync(path) || !statSync(path).isFile()) throw new InputError(`--log: ${JSON.stringify(path)}: no such file`);
  let log: SendLog;
  try {
    log = await readSendLog(path, { skipBad });
  } catch (err) {
    if (err instanceof LogFormatError) throw new InputError(err.message);
    throw err;
  }
  for (const bad of log.skipped) stderr.write(`${command}: skipped ${describeBadRow(path, bad)}\n`);
  if (log.skipped.length > 0) {
    stderr.write(`${command}: skipped ${log.skipped.length} bad ${log.skipped.length === 1 ? "row" : "rows"}; replayed the other ${log.rows.toLocaleString("en-US")}\n`);
  }
  return log;
}

/** The log's time window: anchor and end (epoch ms), checked against the log. */
export function resolveWindow(log: SendLog, values: ParsedOptions["values"]): { anchorMs: number; endMs: number } {
  const iso = (name: string): number | undefined => {
    const text = values[name];
    if (typeof text !== "string" || text === "") return undefined;
    const ms = parseIsoMs(text);
    if (Number.isNaN(ms)) throw new InputError(`--${name}: ${JSON.stringify(text)} is not allowed; expected ${ISO_EXPECTED}`);
    return ms;
  };
  const anchorMs = iso("anchor") ?? defaultAnchorMs(log);
  const endMs = iso("end") ?? defaultEndMs(log);
  let lastSent = -Infinity;
  let lastLine = 0;
  for (let i = 0; i < log.rows; i++) {
    if (log.sentAtMs[i]! > lastSent) {
      lastSent = log.sentAtMs[i]!;
      lastLine = log.line[i]!;
    }
  }
  if (!(endMs > lastSent)) {
    throw new InputError(`--end: ${JSON.stringify(values.end)} is not allowed; expected a time after the last sentAt (${formatIso(lastSent)}, line ${lastLine})`);
  }
  if (!(anchorMs < endMs)) throw new InputError(`--anchor: ${JSON.stringify(values.anchor)} is not allowed; expected a time before the end (${formatIso(endMs)})`);
  return { anchorMs, endMs };
}

/** The plan named by --plan, else the log's plan column; else an InputError. */
export function resolvePlan(log: SendLog, values: ParsedOptions["values"]): PlanId {
  const given = values.plan;
  if (typeof given === "string" && given !== "") return given as PlanId;
  const fromLog = logPlan(log);
  if (fromLog === undefined) {
    throw new InputError(`--plan: missing, and the log's plan column does not name a single plan; expected one of ${planIds.join(", ")}`);
  }
  return fromLog;
}

export interface ReplaySettings {
  readonly policy: PolicyId;
  readonly refundAging: RefundAging;
  readonly billingCycle: BillingCycle;
}

export function replaySettings(values: ParsedOptions["values"]): ReplaySettings {
  return {
    policy: values.policy as PolicyId,
    refundAging: values["refund-aging"] as RefundAging,
    billingCycle: values["billing-cycle"] as BillingCycle,
  };
}

/** Turns the model's input errors into InputErrors (exit code 2). */
function asInputError(err: unknown): unknown {
  if (err instanceof PlanCannotSendError) return new InputError(`--plan: ${err.message}`);
  if (err instanceof CalibrationError) return new InputError(`calibration: ${err.message}`);
  if (err instanceof LogFormatError) return new InputError(err.message);
  return err;
}

/** Runs `body` as the process's command (`runMain`), the model's input errors as InputErrors: exit code 2. */
export function runCommand(command: string, body: () => Promise<void>): void {
  runMain(command, body, asInputError);
}
