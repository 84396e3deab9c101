/**
 * The rates a log observes, in the glossary's words, whatever plan it is replayed on:
 * - response rate (LinkedIn's definition): InMails answered — accepted, replied or
 *   declined — within 30 days of the send, over the InMails whose 30 days ended before
 *   the end of the log (all InMails, flagged, when none has); a spam report is no answer;
 * - positive share: accepted or replied among those answers;
 * - InMails and conversations (accepted or replied before the end) per seat per working
 *   day, Monday to Friday, UTC days from the first send to the end.
 * Credit-using InMails only (channel inmail), as the calibration counts them. Rates are
 * ratios of totals with 95% Wilson intervals. `teamCommand` is the team planner's
 * command with these values, to plan from the team's own numbers.
 */
import { responseRateRange } from "../models/audiences.ts";
import { DAY_MS, utcMidnightMs } from "../models/iso-time.ts";
import { OUTCOME_CODE } from "../models/outcome.ts";
import type { PlanId } from "../models/plans.ts";
import { wilson } from "./outcome-fit.ts";
import { INMAIL, type SendLog } from "./send-log.ts";

/** LinkedIn's InMail report counts answers within this many days of the send. */
export const RESPONSE_WINDOW_DAYS = 30;

export interface ObservedRates {
  /** InMails whose response window ended before the end of the log (the rate's denominator). */
  readonly inmailsWithWindowClosed: number;
  /** True when no InMail's window had closed: the rate is over every InMail, answers still to come. */
  readonly windowsOpen: boolean;
  /** Answers (accepted, replied, declined) within 30 days among those InMails. */
  readonly responses: number;
  readonly responseRate: number;
  readonly responseRateCi95: readonly [number, number];
  readonly positiveShare: number;
  readonly positiveShareCi95: readonly [number, number];
  readonly seats: number;
  /** Monday-to-Friday days from the first send's UTC day to the end. */
  readonly workingDays: number;
  /** Credit-using InMails in the log and conversations (accepted or replied before the end). */
  readonly inmails: number;
  readonly conversations: number;
  readonly inmailsPerSeatPerWorkingDay: number;
  readonly conversationsPerSeatPerWorkingDay: number;
}

/** Monday-to-Friday UTC days from the UTC day of `fromMs` up to `endMs` (a started day counts). */
export function workingDaysBetween(fromMs: number, endMs: number): number {
  let n = 0;
  for (let d = utcMidnightMs(fromMs); d < endMs; d += DAY_MS) {
    const w = new Date(d).getUTCDay();
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}

export function observedRates(log: SendLog, endMs: number): ObservedRates {
  const windowMs = RESPONSE_WINDOW_DAYS * DAY_MS;
  let inmails = 0;
  let closed = 0;
  let answeredClosed = 0;
  let positiveClosed = 0;
  let answeredAll = 0;
  let positiveAll = 0;
  let conversations = 0;
  for (let i = 0; i < log.rows; i++) {
    if (log.channel[i] !== INMAIL) continue;
    inmails++;
    const o = log.outcome[i]!;
    const sent = log.sentAtMs[i]!;
    const at = log.respondedAtMs[i]!;
    const answered = o <= OUTCOME_CODE.declined && at < endMs && at - sent <= windowMs;
    const positive = answered && o <= OUTCOME_CODE.replied;
    if (o <= OUTCOME_CODE.replied && at < endMs) conversations++;
    if (answered) answeredAll++;
    if (positive) positiveAll++;
    if (sent + windowMs <= endMs) {
      closed++;
      if (answered) answeredClosed++;
      if (positive) positiveClosed++;
    }
  }
  const windowsOpen = closed === 0;
  const n = windowsOpen ? inmails : closed;
  const responses = windowsOpen ? answeredAll : answeredClosed;
  const positives = windowsOpen ? positiveAll : positiveClosed;
  const seats = log.accounts.length;
  const workingDays = workingDaysBetween(log.firstSentAtMs, endMs);
  const perSeatDay = (x: number) => (seats > 0 && workingDays > 0 ? x / (seats * workingDays) : 0);
  return {
    inmailsWithWindowClosed: closed,
    windowsOpen,
    responses,
    responseRate: n > 0 ? responses / n : 0,
    responseRateCi95: wilson(responses, n),
    positiveShare: responses > 0 ? positives / responses : 0,
    positiveShareCi95: wilson(positives, responses),
    seats,
    workingDays,
    inmails,
    conversations,
    inmailsPerSeatPerWorkingDay: perSeatDay(inmails),
    conversationsPerSeatPerWorkingDay: perSeatDay(conversations),
  };
}

/** The rate the planner's command is given: the observed one, rounded, within the range the planner takes. */
const plannerRate = (r: ObservedRates) => Math.min(responseRateRange.max, Math.max(responseRateRange.min, round(r.responseRate, 3)));

/** The team planner's command with the log's seats and rates (and its plan, when known). */
export function teamCommand(r: ObservedRates, plan: PlanId | undefined): string {
  const set = [
    `seats=${Math.max(1, r.seats)}`,
    ...(plan === undefined ? [] : [`plan=${plan}`]),
    `responseRate=${plannerRate(r)}`,
    `positiveShare=${round(r.positiveShare, 3)}`,
    ...(r.inmailsPerSeatPerWorkingDay > 0 ? [`sendsPerWorkingDay=${round(r.inmailsPerSeatPerWorkingDay, 2)}`] : []),
  ];
  return `npx tsx scenarios/team.ts ${set.map((s) => `--set ${s}`).join(" ")}`;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** Words for a command whose rate is not the observed one (outside the planner's range), or "". */
export function plannerRateNote(r: ObservedRates): string {
  const used = plannerRate(r);
  if (used === round(r.responseRate, 3)) return "";
  const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
  const bound = used === responseRateRange.min ? "at least" : "at most";
  return `the planner takes a response rate of ${bound} ${pct(used)}, so the command plans at ${pct(used)}, not the observed ${pct(r.responseRate)} (95% CI ${pct(r.responseRateCi95[0])}–${pct(r.responseRateCi95[1])})`;
}
