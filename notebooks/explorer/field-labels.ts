/**
 * The short label each explorer field shows ("Seats", "Response rate"); the parameter's
 * help sentence goes beneath it. The team's inputs, the prices and the main assumptions
 * have labels of their own; any other parameter is labelled from its dotted name
 * ("followUps.afterDays" → "Follow-ups: after days"). Pure: no DOM.
 */
import type { ParamSpec } from "../../experiments/inputs/params.ts";
import { plans, type PlanId } from "../../models/plans.ts";

const own: Readonly<Record<string, string>> = {
  seats: "Seats",
  plan: "Plan",
  policy: "Credit rules",
  responseRate: "Response rate",
  positiveShare: "Positive share",
  sendsPerWorkingDay: "InMails per working day",
  workdays: "Working week",
  demandPerSeat: "People to reach a month",
  months: "Months",
  target: "Conversations needed a month",
  replications: "Replications",
  seed: "Seed",
  "delay.medianDays": "Median response delay",
  "message.bodyChars": "Message length",
  "audience.blockedShare": "Blocked share",
  "audience.openProfileShare": "Open Profile share",
  "audience.segment": "Audience",
  "timing.weekdayEffect": "Weekday effect",
};

/** The words of a camelCase name: "afterDays" → "after days". */
const words = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

const groupNames: Readonly<Record<string, string>> = { followUps: "Follow-ups", openProfile: "Open Profile" };

export function fieldLabel(spec: ParamSpec): string {
  const mine = own[spec.name];
  if (mine !== undefined) return mine;
  const price = /^price\.(.+)$/.exec(spec.name);
  if (price && Object.hasOwn(plans, price[1]!)) return plans[price[1] as PlanId].name;
  const parts = spec.name.split(".");
  const last = words(parts[parts.length - 1]!);
  const sentence = last.charAt(0).toUpperCase() + last.slice(1);
  if (parts.length === 1) return sentence;
  const group = parts
    .slice(0, -1)
    .map((p) => groupNames[p] ?? words(p).replace(/^./, (c) => c.toUpperCase()))
    .join(" · ");
  return `${group}: ${last}`;
}
