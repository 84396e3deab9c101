/**
 * What becomes of a delivered InMail. A response (every outcome but `ignored`)
 * arrives after a delay; which outcomes refund the credit is a policy matter.
 */
export const outcomes = ["accepted", "replied", "declined", "spam", "ignored"] as const;
export type Outcome = (typeof outcomes)[number];

/** Small integer codes, for packing an outcome into an event payload. */
export const OUTCOME_CODE: Readonly<Record<Outcome, number>> = {
  accepted: 0,
  replied: 1,
  declined: 2,
  spam: 3,
  ignored: 4,
};

/** A positive reply: the recipient accepted (incl. "Interested") or wrote back. */
export function isPositive(outcome: Outcome): boolean {
  return outcome === "accepted" || outcome === "replied";
}
