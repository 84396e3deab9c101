/**
 * The small integer codes of a unit simulation: event kinds (and how their payloads
 * are packed), channels, outcomes, the slots of the random streams, and seat status.
 *
 * Event kinds and payloads (time unit: days since t = 0 = the start date, 00:00 UTC):
 * - CYCLE_START (a = cycle): expire what is due, reset (guide) or clip to the cap
 *   (linkedin), grant the allotment, restart seats that were out of credits or done.
 * - SEND (a = seat): contact the seat's next recipient through a channel (InMail paid
 *   with a credit, free InMail to an Open Profile, or a connection request), draw the
 *   response, then plan the next send or wait.
 * - RESPONSE (a = ((seat × 4 + channel) × 8 + outcome) × 2 + refund, b = expiry of
 *   the credit spent, c = time of the send): count it, refund when the policy says so.
 * - ENFORCE (a = seat × 8 + check): periodic checks and timers of the enforcement rules.
 * - FOLLOW_UP (a = sequence slot): the next follow-up of a sequence falls due; sent
 *   unless the recipient has answered (models/follow-ups.ts has the plans' rules).
 * - SEQUENCE_RESPONSE (a = (slot × 8 + message) × 8 + outcome, b, c as RESPONSE): a
 *   response to a message of a sequence; only the sequence's first answer counts.
 */
import { OUTCOME_CODE } from "./outcome.ts";

export const CYCLE_START = 0;
export const SEND = 1;
export const RESPONSE = 2;
export const ENFORCE = 3;
export const FOLLOW_UP = 4;
export const SEQUENCE_RESPONSE = 5;

// ENFORCE sub-kinds (low 3 bits of `a`).
export const FLOOR_CHECK = 0;
export const FLOOR_RECHECK = 1;
export const FLOOR_RESTORE = 2;
export const COMPLAINT_CHECK = 3;
export const COMPLAINT_RECHECK = 4;

// Channels (indices into `channels`).
export const INMAIL = 0;
export const FREE_INMAIL = 1;
export const CONNECTION = 2;

export const ACCEPTED = OUTCOME_CODE.accepted;
export const REPLIED = OUTCOME_CODE.replied;
export const DECLINED = OUTCOME_CODE.declined;
export const SPAM = OUTCOME_CODE.spam;
export const IGNORED = OUTCOME_CODE.ignored;

// Each seat's random streams, at seat × SEAT_STREAMS + one of these in the StreamBank.
export const DRAW_GAP = 0; // "send-gap"
export const DRAW_OUTCOME = 1; // "response-outcome"
export const DRAW_DELAY = 2; // "response-delay"
export const DRAW_BLOCKED = 3; // "blocked"
export const DRAW_OPEN_PROFILE = 4; // "open-profile"
export const DRAW_CHANNEL = 5; // "channel"
export const DRAW_FLAG = 6; // "content-flag"
export const SEAT_STREAMS = 7;

// Seat status.
export const ACTIVE = 0; // a SEND is pending
export const OUT = 1; // out of credits, waiting for a refund or a grant
export const DONE = 2; // nothing more this cycle (demand met, seat limit, not yet subscribed)
export const EXHAUSTED = 3; // audience pool empty: never sends again
