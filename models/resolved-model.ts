/**
 * An account model with every default applied, plus the constants the hot loop reads
 * (the response probability split into its parts, the distributions of the gaps and
 * delays, the follow-up streams' purposes), resolved once per simulation.
 */
import type { Distribution } from "../sim/random.ts";
import { defaultSender, defaultStartDate, type AccountModel, type ConnectionSpec, type OpenProfileSpec, type SenderSpec } from "./account-model.ts";
import { noEnforcement, type Enforcement } from "./enforcement.ts";
import { sendsFollowUps, type FollowUpSpec } from "./follow-ups.ts";
import type { GrantSchedule } from "./grant-schedule.ts";
import { delayDistribution } from "./response-model.ts";
import { ACCEPTED, DECLINED, REPLIED, SPAM } from "./unit-codes.ts";
import { compileCalendar, WorkClock, type CompiledCalendar, type WorkCalendar } from "./work-calendar.ts";

/** Every hour of every day: the calendar timing effects are read on without a work calendar. */
const allWeek: WorkCalendar = { weekdays: [0, 1, 2, 3, 4, 5, 6], startHour: 0, endHour: 24, utcOffsetHours: 0 };

/** The model with every default applied, plus derived constants. */
export interface Resolved {
  readonly m: AccountModel;
  readonly schedule: GrantSchedule;
  readonly startDate: string;
  readonly anchorSpreadDays: number;
  readonly seats: number;
  readonly seatCreditLimit: number;
  readonly sender: SenderSpec;
  readonly calendar: CompiledCalendar | null;
  /** The calendar's arithmetic (null without one), and the clock timing effects are read on. */
  readonly clock: WorkClock | null;
  readonly timingClock: WorkClock;
  readonly openProfile: OpenProfileSpec | null;
  readonly connections: ConnectionSpec | null;
  readonly enforcement: Enforcement;
  /** Whether InMails and their answers are counted by day (the floor and complaint rules read them). */
  readonly counted: boolean;
  /** P(accepted, replied or declined) at multiplier 1, P(spam), and the response mix. */
  readonly responseBase: number;
  readonly spamProbability: number;
  readonly mixAccepted: number;
  readonly mixReplied: number;
  readonly multiplier: number;
  readonly weekdayMultipliers: readonly number[] | null;
  readonly offPeakMultiplier: number;
  readonly heterogeneity: number;
  /** Whether the response probability can change from send to send. */
  readonly timed: boolean;
  /** Distributions of the gaps between sends and of response delays (null: no delay). */
  readonly gap: Distribution;
  readonly delay: Distribution | null;
  /** Follow-ups, when the model sends any (null otherwise), and their streams' purposes. */
  readonly followUps: FollowUpSpec | null;
  readonly followUpPurposes: readonly string[];
  readonly metricWindowDays: number;
}

export function resolve(m: AccountModel): Resolved {
  const p = m.response.outcomeProbabilities;
  const responseBase = p[ACCEPTED]! + p[REPLIED]! + p[DECLINED]!;
  const sender = { ...defaultSender, ...m.sender };
  const startDate = m.startDate ?? defaultStartDate;
  const enforcement = { ...noEnforcement, ...m.enforcement };
  const weekdayMultipliers = m.response.weekdayMultipliers ?? null;
  const offPeakMultiplier = m.response.offPeakMultiplier ?? 1;
  // Timing effects are read on the sender's local clock (a proxy for the recipient's).
  const calendar = sender.calendar ? compileCalendar(sender.calendar, startDate) : null;
  // Without a calendar, timing effects are read on UTC days, weekdays from the start date.
  const timingCalendar = calendar ?? compileCalendar(allWeek, startDate);
  return {
    m,
    schedule: m.schedule ?? { kind: "fixed", cycleDays: m.cycleDays },
    startDate,
    anchorSpreadDays: m.anchorSpreadDays ?? 0,
    seats: m.seats ?? 1,
    seatCreditLimit: m.seatCreditLimit ?? Infinity,
    sender,
    calendar,
    clock: calendar ? new WorkClock(calendar) : null,
    timingClock: new WorkClock(timingCalendar),
    openProfile: m.openProfile && m.openProfile.share > 0 ? m.openProfile : null,
    connections: m.connections ?? null,
    enforcement,
    counted: !!(enforcement.responseRateFloor || enforcement.complaints),
    responseBase,
    spamProbability: p[SPAM]!,
    mixAccepted: responseBase > 0 ? p[ACCEPTED]! / responseBase : 0,
    mixReplied: responseBase > 0 ? p[REPLIED]! / responseBase : 0,
    multiplier: m.response.multiplier ?? 1,
    weekdayMultipliers,
    offPeakMultiplier,
    heterogeneity: m.response.heterogeneity ?? 0,
    timed: weekdayMultipliers !== null || offPeakMultiplier !== 1,
    gap: { kind: "exponential", rate: m.sendsPerDay },
    delay: delayDistribution(m.response.delay),
    followUps: sendsFollowUps(m.followUps) ? m.followUps : null,
    followUpPurposes: sendsFollowUps(m.followUps) ? Array.from({ length: m.followUps.count }, (_, j) => ["outcome", "delay", "delivery"].map((d) => `follow-up-${j + 1}-${d}`)).flat() : [],
    metricWindowDays: m.metricWindowDays ?? Infinity,
  };
}
