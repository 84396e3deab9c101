/**
 * From the response rate a sender observes to the audience rate the model takes.
 * The general scenario's `audience.responseRate` is the rate of a typical InMail;
 * the message (length band × levers) and the timing effects (weekday, off-peak)
 * multiply it. A reader knows the rate of their own InMails, message included, so
 * notebooks that ask for it divide those multipliers back out.
 */
import { offPeakHours } from "../../models/levers.ts";
import { OUTCOME_CODE } from "../../models/outcome.ts";
import type { BuiltScenario } from "./scenario.ts";

/**
 * Mean timing multiplier of a sender's InMails: the weekday multiplier averaged over
 * its working days, times the off-peak multiplier for the share of its working hours
 * that are off-peak (sends are spread evenly over working time).
 */
export function meanTimingMultiplier(built: BuiltScenario): number {
  const m = built.model;
  const calendar = m.sender?.calendar;
  const weekdays = calendar?.weekdays ?? [0, 1, 2, 3, 4, 5, 6];
  const byWeekday = m.response.weekdayMultipliers;
  const weekday = byWeekday ? weekdays.reduce((s, d) => s + byWeekday[d]!, 0) / weekdays.length : 1;
  const offPeak = m.response.offPeakMultiplier ?? 1;
  const [start, end] = calendar ? [calendar.startHour, calendar.endHour] : [0, 24];
  const overlap = (a: number, b: number) => Math.max(0, Math.min(end, b) - Math.max(start, a));
  const offPeakShare = (overlap(0, offPeakHours.before) + overlap(offPeakHours.from, 24)) / (end - start);
  return weekday * (1 + offPeakShare * (offPeak - 1));
}

/** What a plain InMail of the built scenario gets: the share of recipients who answer (accept, reply or decline) or report spam, and the positive share of answers (0 when none answer). */
export function outcomeShares(built: BuiltScenario): { readonly response: number; readonly spam: number; readonly positiveShare: number } {
  const p = built.model.response.outcomeProbabilities;
  const positive = p[OUTCOME_CODE.accepted]! + p[OUTCOME_CODE.replied]!;
  const response = positive + p[OUTCOME_CODE.declined]!;
  return { response, spam: p[OUTCOME_CODE.spam] ?? 0, positiveShare: response > 0 ? positive / response : 0 };
}

/**
 * The `audience.responseRate` at which the built scenario's InMails are answered
 * (accepted, replied or declined) at `observed` on average; capped so that a
 * response and a spam report never exceed certainty.
 */
export function audienceRateFor(observed: number, built: BuiltScenario): number {
  const { spam } = outcomeShares(built);
  const rate = observed / (built.messageMultiplier * meanTimingMultiplier(built));
  // Rounded so the parameter prints as 0.1324, not 0.13239999999999999.
  return Math.min(1 - spam, Math.round(rate * 1e9) / 1e9);
}
