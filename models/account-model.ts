/**
 * What a unit simulation is given and what it tells a tracer: the account model (a
 * plan's credit rules, the sender, the response model and the optional channels,
 * enforcement and follow-ups), with the defaults of its optional parts, and the trace
 * interface. Time unit: days since t = 0 = the start date, 00:00 UTC.
 */
import type { Channel } from "./channel.ts";
import type { Enforcement } from "./enforcement.ts";
import type { FollowUpSpec } from "./follow-ups.ts";
import type { GrantSchedule } from "./grant-schedule.ts";
import type { Outcome } from "./outcome.ts";
import type { CreditRules } from "./policy.ts";
import type { ResponseSpec } from "./response-model.ts";
import type { WorkCalendar } from "./work-calendar.ts";

/** How a sender behaves. Every field has a default (see `defaultSender`). */
export interface SenderSpec {
  /** Working calendar; null = sends around the clock (the canonical scenario). */
  readonly calendar: WorkCalendar | null;
  /** Most sends (all channels) per local day. */
  readonly maxSendsPerDay: number;
  /** How many people the sender wants to reach per cycle (all channels). */
  readonly demandPerCycle: number;
  /** People the sender can reach at all (each contacted at most once); Infinity = no limit. */
  readonly poolSize: number;
  /** Out of credits: resume at the next refund or grant, or only at the next grant. */
  readonly whenOut: "refund-or-grant" | "next-grant";
}

export const defaultSender: SenderSpec = {
  calendar: null,
  maxSendsPerDay: Infinity,
  demandPerCycle: Infinity,
  poolSize: Infinity,
  whenOut: "refund-or-grant",
};

/** Open Profile members: messaged as free InMail (no credit), up to a monthly cap. */
export interface OpenProfileSpec {
  /** Share of recipients with an Open Profile (an assumption: not published). */
  readonly share: number;
  /** Free InMails a seat may send per cycle (LinkedIn: "limited", unpublished; 800 reported). */
  readonly monthlyCap: number;
}

/** The free channel of G10: connection requests with a note. */
export interface ConnectionSpec {
  /** `only`: no InMail at all; `fallback`: when InMail is unavailable; `mix`: a share of contacts. */
  readonly use: "only" | "fallback" | "mix";
  /** With `mix`: share of contacts made by connection request. */
  readonly mixShare: number;
  /** Invitations a seat may send per week (≈100, unofficial). */
  readonly weeklyCap: number;
  /** P(the invitation is accepted). */
  readonly acceptRate: number;
  /** P(a conversation follows | accepted). */
  readonly replyRate: number;
}

/** Parameters of a unit; optional fields have defaults, resolved once per simulation. */
export interface AccountModel {
  readonly rules: CreditRules;
  /** Cycle length of the `fixed` schedule (default schedule), in days. */
  readonly cycleDays: number;
  readonly cycles: number;
  /** Mean sends per day while credits last (exponential gaps; per working day with a calendar). */
  readonly sendsPerDay: number;
  /** Share of recipients who block InMail (G8): the attempt fails and costs nothing. */
  readonly blockedShare: number;
  readonly response: ResponseSpec;
  /** When credits are granted; default `{ kind: "fixed", cycleDays }`. */
  readonly schedule?: GrantSchedule;
  /** ISO date of t = 0 (UTC); default 2026-01-05, a Monday. */
  readonly startDate?: string;
  /** Each unit's subscription starts at a uniform offset in [0, anchorSpreadDays); default 0. */
  readonly anchorSpreadDays?: number;
  /** Seats sharing the unit's credits (a Recruiter contract); default 1. */
  readonly seats?: number;
  /** Most credits one seat may spend per cycle (refunds go back to the pool, not the seat). */
  readonly seatCreditLimit?: number;
  readonly sender?: Partial<SenderSpec>;
  readonly openProfile?: OpenProfileSpec | null;
  readonly connections?: ConnectionSpec | null;
  readonly enforcement?: Partial<Enforcement>;
  /** Follow-ups after a first InMail with no answer; default none. */
  readonly followUps?: FollowUpSpec | null;
  /**
   * A response counts in `responses` (the response rate) and for the response-rate
   * floor only within this many days of its send; default Infinity (every response
   * before the horizon). LinkedIn's InMail report counts 30 days (help a416484), while
   * refunds use the refund window (90). Conversations and refunds do not depend on it.
   */
  readonly metricWindowDays?: number;
}

export const defaultStartDate = "2026-01-05";

export type TraceKind =
  | "grant"
  | "spend"
  | "refund"
  | "expire"
  | "forfeit"
  | "blocked"
  | "response"
  | "free-inmail"
  | "connection"
  | "warning"
  | "restriction"
  | "lockout"
  | "recovered"
  | "exhausted"
  | "follow-up"
  | "follow-up-undelivered";

/** Receives what happens to a traced unit (allocation is fine here: tracing is opt-in). */
export interface TraceSink {
  /** A ledger movement (or another event of the unit), with the balance after it. */
  record(timeDays: number, kind: TraceKind, credits: number, balance: number, seat?: number): void;
  /**
   * A contact: the seat's `recipient`-th recipient (0-based), the outcome drawn, and
   * when the response arrives (NaN when ignored; may lie past the horizon). Called for
   * credit-paid InMails; free InMails and connection requests also pass `channel`.
   */
  send?(timeDays: number, recipient: number, outcome: Outcome, respondsAtDays: number, seat?: number, channel?: Channel): void;
}
