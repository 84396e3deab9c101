/**
 * The words real exports use for a log's outcome, channel and plan, read without case,
 * spaces or punctuation: "Accepted", "Interested" (LinkedIn's button: accepted), "Not
 * interested" (declined), "No response" (ignored), "Open Profile", "Recruiter Lite", ….
 * Each table lists the synonyms by the value they mean; `valueKey` is the comparison.
 */
import { channels, type Channel } from "../models/channel.ts";
import { outcomes, type Outcome } from "../models/outcome.ts";
import { planIds, plans, type PlanId } from "../models/plans.ts";

/** Lower case, every run of spaces and punctuation one space: "Not_Interested" → "not interested". */
export function valueKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Synonyms of each outcome; "pending" and the empty value mean no response recorded yet. */
export const outcomeSynonyms: Readonly<Record<Outcome | "pending", readonly string[]>> = {
  accepted: ["accepted", "accept", "interested"],
  replied: ["replied", "reply", "responded", "answered"],
  declined: ["declined", "decline", "not interested", "rejected"],
  spam: ["spam", "reported", "reported as spam", "marked as spam"],
  ignored: ["ignored", "no response", "no reply", "unanswered", "closed", "expired"],
  pending: ["pending", "awaiting response", "awaiting reply", "sent", "delivered", "no response yet"],
};

export const channelSynonyms: Readonly<Record<Channel, readonly string[]>> = {
  inmail: ["inmail", "in mail", "paid inmail"],
  "open-profile": ["open profile", "open profile inmail", "free inmail"],
  connection: ["connection", "connection request", "invitation", "invite"],
};

function table<T extends string>(entries: readonly (readonly [T, readonly string[]])[]): ReadonlyMap<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of entries) for (const w of [value, ...words]) m.set(valueKey(w), value);
  return m;
}

const outcomeWords = table<Outcome | "pending">([...outcomes.map((o) => [o, outcomeSynonyms[o]] as const), ["pending", outcomeSynonyms.pending]]);
const channelWords = table<Channel>(channels.map((c) => [c, channelSynonyms[c]] as const));
const planWords = table<PlanId>(planIds.map((p) => [p, [plans[p].name, plans[p].name.replace(/\s*\(.*\)$/, "")]] as const));

/** The outcome a log value means, "pending" for no response yet ("" included), undefined when unknown. */
export function readOutcome(text: string): Outcome | "pending" | undefined {
  return text === "" ? "pending" : outcomeWords.get(valueKey(text));
}

/** The channel a log value means ("" = inmail), undefined when unknown. */
export function readChannel(text: string): Channel | undefined {
  return text === "" ? "inmail" : channelWords.get(valueKey(text));
}

/** The plan a log value means (its id or display name), undefined when unknown. */
export function readPlan(text: string): PlanId | undefined {
  return planWords.get(valueKey(text));
}
