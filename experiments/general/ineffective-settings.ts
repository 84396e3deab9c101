/**
 * Settings that have no effect because of another: a value the user set with `--set`
 * that the run never reads (`connections.mixShare` with `connections.use=none`, a
 * lognormal's `delay.sigma` with `delay.kind=exponential`, …). The run goes ahead —
 * the value is valid — and each such setting gets one warning line on stderr, so a
 * user who expected it to matter knows it did not.
 */
import type { ParamValues } from "../inputs/params.ts";

interface Dependency {
  /** Parameters that are read only when `applies`. */
  readonly names: readonly string[];
  readonly applies: (v: ParamValues) => boolean;
  /** When they apply, in words, e.g. "connections.use=mix". */
  readonly when: string;
  /** What the setting they depend on is instead, in words. */
  readonly instead: (v: ParamValues) => string;
}

const linkedinOnly = (policy: string): Dependency => ({
  names: [`${policy}capMultiplier`, `${policy}creditLifetimeDays`, `${policy}refundAging`],
  applies: (v) => v.policy === "linkedin",
  when: "policy=linkedin",
  instead: (v) => `policy=${String(v.policy)}`,
});

/** Every dependency of the general scenario's parameters, and of the capacity scenario's. */
const dependencies: readonly Dependency[] = [
  {
    names: ["connections.mixShare"],
    applies: (v) => v["connections.use"] === "mix",
    when: "connections.use=mix",
    instead: (v) => `connections.use=${String(v["connections.use"])}`,
  },
  {
    names: ["connections.weeklyCap", "connections.acceptRate", "connections.replyRate", "connections.noteChars"],
    applies: (v) => v["connections.use"] !== "none",
    when: "connections.use=only, fallback or mix",
    instead: () => "connections.use=none",
  },
  {
    names: ["delay.medianDays", "delay.sigma"],
    applies: (v) => v["delay.kind"] === "lognormal",
    when: "delay.kind=lognormal",
    instead: (v) => `delay.kind=${String(v["delay.kind"])}`,
  },
  {
    names: ["delay.meanDays"],
    applies: (v) => v["delay.kind"] === "exponential",
    when: "delay.kind=exponential",
    instead: (v) => `delay.kind=${String(v["delay.kind"])}`,
  },
  {
    names: ["openProfile.monthlyCap"],
    applies: (v) => Number(v["audience.openProfileShare"]) > 0,
    when: "audience.openProfileShare above 0",
    instead: () => "audience.openProfileShare=0",
  },
  {
    names: ["message.bodyChars"],
    applies: (v) => v["message.body"] === "",
    when: "no message.body text is given",
    instead: () => "message.body is given (its length is used)",
  },
  {
    names: ["contract.seatCreditLimit"],
    applies: (v) => Number(v["contract.seats"]) > 1,
    when: "contract.seats above 1",
    instead: () => "contract.seats=1",
  },
  {
    names: ["followUps.afterDays", "followUps.responseFactor", "followUps.premiumRule", "followUps.undeliverableShare"],
    applies: (v) => Number(v["followUps.count"]) > 0,
    when: "followUps.count above 0",
    instead: () => "followUps.count=0: no follow-ups",
  },
  linkedinOnly("rules."),
  linkedinOnly(""),
];

/**
 * One warning per setting in `sets` (the user's `name=value` texts) that has no effect
 * with the resolved `values`; only parameters present in `values` are considered.
 */
export function ineffectiveSettings(sets: readonly string[], values: ParamValues): string[] {
  const given = new Set(sets.map((s) => s.slice(0, Math.max(0, s.indexOf("="))).trim()));
  const out: string[] = [];
  for (const d of dependencies) {
    if (d.applies(values)) continue;
    for (const name of d.names) {
      if (!given.has(name) || !(name in values)) continue;
      out.push(`warning: ${name}=${String(values[name])} has no effect: it applies only with ${d.when} (here ${d.instead(values)})`);
    }
  }
  return out;
}
