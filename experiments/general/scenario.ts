/**
 * The general scenario: every knob of the model as a typed parameter with a dotted
 * path (`audience.blockedShare`), an allowed range and a default. A scenario file
 * picks a persona and overrides defaults; `--set path=value` reaches any parameter.
 * Values are validated once here (field path, bad value, what is allowed → exit 2);
 * `buildModel` turns them into the complete AccountModel the simulation trusts.
 */
import { formatDate } from "../../models/iso-time.ts";
// Each model file directly, not models/index.ts: that re-exports the summaries, whose
// engine statistics load node:module, and the team planner (which builds on this file) must
// bundle for a browser.
import type { AccountModel } from "../../models/account-simulation.ts";
import { segmentIds, segments, type SegmentId } from "../../models/audiences.ts";
import { guideComplaintRule, recruiterContentRule, recruiterFloor } from "../../models/enforcement.ts";
import { leverEffects, weekdayMultipliers } from "../../models/levers.ts";
import { bodyChars, connectionNoteProblems, inmailProblems, limits, messageMultiplier, subjectChars, type Message } from "../../models/message.ts";
import { OUTCOME_CODE, outcomes } from "../../models/outcome.ts";
import { personaIds, personas, type PersonaId } from "../../models/personas.ts";
import { PlanCannotSendError, planIds, plans, type PlanId } from "../../models/plans.ts";
import { creditRules, policyIds, refundAgings, type PolicyId, type RefundAging } from "../../models/policy.ts";
import type { DelaySpec } from "../../models/response-model.ts";
import { followUpRuleForPlan, maxFollowUps, premiumFollowUpRules, recruiterFollowUpDays, type FollowUpSpec, type PremiumFollowUpRule } from "../../models/follow-ups.ts";
import { InputError, type ParamSpec, type ParamValues } from "../inputs/params.ts";

const workdayPresets = {
  "mon-fri": [1, 2, 3, 4, 5],
  "mon-sat": [1, 2, 3, 4, 5, 6],
  "every-day": [0, 1, 2, 3, 4, 5, 6],
  weekends: [0, 6],
} as const;
type Workdays = keyof typeof workdayPresets;

/** Plan display names, accepted for the plan ("Recruiter Lite"). */
export const planLabels: Readonly<Record<string, string>> = Object.fromEntries(planIds.map((id) => [id, plans[id].name]));

/** Sales Navigator's two pages on credit life: 57013 (newer) says 90 days, a101030 (older) says never. */
const salesNavigatorCreditLives = ["90", "never"] as const;

/** Defaults a scenario file may override (by dotted path). */
export type ScenarioDefaults = Record<string, number | string | boolean>;

/** Every parameter of the general scenario, with defaults for `persona` and `overrides`. */
export function scenarioParams(persona: PersonaId, overrides: ScenarioDefaults = {}): ParamSpec[] {
  const p = personas[persona];
  const specs: ParamSpec[] = [
    { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed; same seed, same output" },
    { name: "replications", kind: "integer", min: 1, max: 100_000, default: 20, description: "independent replications (CIs are across them)" },
    { name: "accounts", kind: "integer", min: 1, max: 10_000_000, default: 100, description: "accounts (or contracts, with seats > 1) per replication" },
    { name: "cycles", kind: "integer", min: 1, max: 1200, default: 12, description: "billing cycles (months) simulated" },
    { name: "startDate", kind: "string", maxLength: 10, default: "2026-01-05", description: "date of t = 0, YYYY-MM-DD (UTC); weekdays follow from it" },
    { name: "persona", kind: "enum", values: personaIds, default: persona, description: "who sends (labels the run; its figures are the defaults below)" },
    { name: "plan", kind: "enum", values: planIds, labels: planLabels, default: p.plan, description: "plan: allotment, cap, credit life, grant schedule" },
    { name: "policy", kind: "enum", values: policyIds, default: "linkedin", description: "credit rules: guide (reset, no refund on declines) or linkedin (roll over to a cap, 90-day life)" },
    {
      name: "rules.credits",
      kind: "override",
      word: "plan",
      min: 0,
      max: 100_000,
      integer: true,
      default: "plan",
      unit: "credits",
      description: "credits per seat per cycle, or the plan's (a pooled contract gets seats × this)",
    },
    { name: "rules.capMultiplier", kind: "override", word: "plan", min: 1, max: 100, default: "plan", description: "linkedin: balance cap ÷ allotment, or the plan's" },
    { name: "rules.creditLifetimeDays", kind: "override", word: "plan", min: 1, max: 100_000, default: "plan", unit: "days", description: "linkedin: life of a credit, or the plan's" },
    {
      name: "rules.refundWindowDays",
      kind: "override",
      word: "policy",
      min: 0,
      max: 100_000,
      default: "policy",
      unit: "days",
      description: "a response later than this refunds nothing, or the policy's",
    },
    { name: "rules.refundAging", kind: "enum", values: refundAgings, default: "original", description: "a refunded credit keeps its expiry, or gets a fresh life (undocumented)" },
    {
      name: "rules.salesNavigatorCreditLife",
      kind: "enum",
      values: salesNavigatorCreditLives,
      default: "90",
      description: "Sales Navigator credits: 90 = must be used within 90 days (help 57013, newer), never = don't expire (help a101030, older)",
    },
    {
      name: "metrics.responseWindowDays",
      kind: "limit",
      min: 1,
      max: 100_000,
      default: Infinity,
      unit: "days",
      description:
        "responses counted in the response rate and by the Recruiter floor: within this many days of the send (30 = LinkedIn's InMail report, a416484), or unlimited; refunds use rules.refundWindowDays",
    },
    {
      name: "followUps.count",
      kind: "integer",
      min: 0,
      max: maxFollowUps,
      default: 0,
      description: "follow-ups after a first InMail with no answer (0 = none); Premium refuses them unless followUps.premiumRule=allowed",
    },
    {
      name: "followUps.afterDays",
      kind: "integer",
      min: 1,
      max: 90,
      default: recruiterFollowUpDays.default,
      unit: "days",
      description: `days from one message to the next follow-up (Recruiter schedules ${recruiterFollowUpDays.min}–${recruiterFollowUpDays.max}, default ${recruiterFollowUpDays.default})`,
    },
    { name: "followUps.responseFactor", kind: "number", min: 0, max: 1, default: 0.5, description: "P(response to a follow-up) ÷ P(response to the first InMail) (assumed; plausible 0.25–1)" },
    {
      name: "followUps.premiumRule",
      kind: "enum",
      values: premiumFollowUpRules,
      default: "refused",
      description: "Premium: refused = no second InMail before a response (help answer/75), allowed = may follow up, a credit each (FAQ a554514)",
    },
    {
      name: "followUps.undeliverableShare",
      kind: "number",
      min: 0,
      max: 0.99,
      default: 0,
      description:
        "share of follow-ups that cannot be delivered (assumed; every plan that sends follow-ups): it costs nothing and ends the sequence; Recruiter gives back its own and later scheduled credits",
    },
    { name: "billing.anchorSpreadDays", kind: "number", min: 0, max: 366, default: 30, unit: "days", description: "subscriptions start at staggered offsets in [0, spread)" },
    { name: "contract.seats", kind: "integer", min: 1, max: 10_000, default: 1, description: "seats sharing one credit pool (Recruiter contracts)" },
    { name: "contract.seatCreditLimit", kind: "limit", min: 0, max: 1_000_000, default: Infinity, description: "most credits one seat may spend a cycle; refunds go back to the pool" },
    {
      name: "sender.sendsPerDay",
      kind: "number",
      min: 0.001,
      max: 1_000_000,
      default: p.sendsPerDay,
      unit: "/working day",
      description: "mean send rate while credits last",
      hint: "from one send per 1,000 working days; a rate near 0 sent nothing and stalled the work calendar",
    },
    { name: "sender.maxSendsPerDay", kind: "limit", min: 1, max: 1_000_000, default: p.maxSendsPerDay, description: "most contacts per local day" },
    { name: "sender.demandPerCycle", kind: "limit", min: 1, max: 10_000_000, default: p.demandPerCycle, description: "people the sender wants to reach per cycle" },
    { name: "sender.poolSize", kind: "limit", min: 1, max: 1_000_000_000, default: Infinity, description: "people the sender can reach at all (each contacted once)" },
    { name: "sender.whenOut", kind: "enum", values: ["refund-or-grant", "next-grant"], default: p.whenOut, description: "out of credits: resume on a refund or only at the next grant" },
    { name: "sender.workdays", kind: "enum", values: Object.keys(workdayPresets), default: workdaysName(p.calendar.weekdays), description: "local weekdays the sender works" },
    { name: "sender.startHour", kind: "number", min: 0, max: 23, default: p.calendar.startHour, unit: "h", description: "local hour the working day starts" },
    { name: "sender.endHour", kind: "number", min: 1, max: 24, default: p.calendar.endHour, unit: "h", description: "local hour the working day ends" },
    { name: "sender.utcOffsetHours", kind: "number", min: -12, max: 14, default: p.calendar.utcOffsetHours, unit: "h", description: "sender's offset from UTC" },
    { name: "audience.segment", kind: "enum", values: segmentIds, default: p.segment, description: "who is contacted (sets the base rates below)" },
    {
      name: "audience.responseRate",
      kind: "override",
      word: "segment",
      min: 0,
      max: 1,
      default: "segment",
      description:
        "base response rate: P(accepted, replied or declined) of a typical InMail before the message's and timing's multipliers, or the segment's (assumed); the rate observed is this × those (GLOSSARY.md)",
    },
    { name: "audience.acceptedShare", kind: "override", word: "segment", min: 0, max: 1, default: "segment", description: "share of responses that accept" },
    { name: "audience.repliedShare", kind: "override", word: "segment", min: 0, max: 1, default: "segment", description: "share of responses that reply (the rest decline)" },
    { name: "audience.spamRate", kind: "override", word: "segment", min: 0, max: 1, default: "segment", description: "P(spam report), or the segment's (assumed)" },
    { name: "audience.blockedShare", kind: "number", min: 0, max: 0.99, default: 0.02, description: "share who block InMail (G8; 'relatively rare': assumed)" },
    { name: "audience.openProfileShare", kind: "number", min: 0, max: 1, default: 0, description: "share with an Open Profile, messaged free (assumed; unpublished)" },
    { name: "audience.openToWork", kind: "boolean", default: false, description: `targets Open to Work members (×${leverEffects.openToWorkTarget.multiplier}, assumed)` },
    { name: "audience.heterogeneity", kind: "number", min: 0, max: 10_000, default: 0, description: "spread of each sender's audience response rate: Beta concentration (0 = none)" },
    { name: "message.subject", kind: "string", maxLength: 100_000, default: "", description: "InMail subject text (≤ 200 characters)" },
    { name: "message.body", kind: "string", maxLength: 100_000, default: "", description: "InMail body text (≤ 2,000 characters); or give message.bodyChars" },
    { name: "message.bodyChars", kind: "integer", min: 0, max: 100_000, default: 600, description: "body length when no body text is given" },
    { name: "message.specificSubject", kind: "boolean", default: false, description: `specific subject line (×${leverEffects.specificSubject.multiplier}, assumed)` },
    { name: "message.mutualGround", kind: "boolean", default: false, description: `states mutual ground (×${leverEffects.mutualGround.multiplier}, assumed)` },
    { name: "message.clearCallToAction", kind: "boolean", default: false, description: `clear call to action (×${leverEffects.clearCallToAction.multiplier}, assumed)` },
    { name: "message.personalised", kind: "boolean", default: false, description: `personalised (×${leverEffects.personalised.multiplier}, assumed)` },
    { name: "timing.weekdayEffect", kind: "boolean", default: true, description: "Fri/Sat sends get fewer responses (LinkedIn 2022, medium)" },
    { name: "timing.offPeakEffect", kind: "boolean", default: true, description: `off-peak sends (before 8:00, from 18:00) ×${leverEffects.offPeak.multiplier} (assumed)` },
    { name: "delay.kind", kind: "enum", values: ["lognormal", "exponential"], default: "lognormal", description: "response-delay distribution (an ASSUMPTION: none is published)" },
    { name: "delay.medianDays", kind: "number", min: 0, minExclusive: true, max: 365, default: 1.5, unit: "days", description: "lognormal: median delay" },
    { name: "delay.sigma", kind: "number", min: 0, minExclusive: true, max: 5, default: 1.2, description: "lognormal: log-scale spread" },
    { name: "delay.meanDays", kind: "number", min: 0, max: 365, default: 3, unit: "days", description: "exponential: mean delay" },
    { name: "openProfile.monthlyCap", kind: "integer", min: 0, max: 100_000, default: 800, description: "free Open Profile InMails per seat per cycle (800 reported; low confidence)" },
    { name: "connections.use", kind: "enum", values: ["none", "only", "fallback", "mix"], default: "none", description: "connection requests: never, only, when InMail is unavailable, or a share" },
    { name: "connections.mixShare", kind: "number", min: 0, max: 1, default: 0.5, description: "with mix: share of contacts by connection request" },
    { name: "connections.weeklyCap", kind: "integer", min: 0, max: 10_000, default: 100, description: "invitations per week (≈100, unofficial)" },
    { name: "connections.acceptRate", kind: "number", min: 0, max: 1, default: 0.3, description: "P(invitation accepted) (secondary sources ~30%; low)" },
    { name: "connections.replyRate", kind: "number", min: 0, max: 1, default: 0.25, description: "P(conversation | accepted) (assumed)" },
    { name: "connections.noteChars", kind: "integer", min: 0, max: 100_000, default: 250, description: "length of the invitation note (≤ 300; ≤ 200 on a free account)" },
    { name: "enforcement.responseRateFloor", kind: "boolean", default: false, description: "LinkedIn Recruiter floor: ≥ 13% on ≥ 100 InMails per 14 days" },
    { name: "enforcement.complaints", kind: "boolean", default: false, description: "guide G9 complaint rule (thresholds assumed)" },
    { name: "enforcement.contentFlagRate", kind: "number", min: 0, max: 1, default: 0, description: "P(an InMail is flagged by the content filter) → warning, 24 h, 72 h, 1 week" },
    { name: "price.monthlyUsd", kind: "override", word: "plan", min: 0, max: 1_000_000, default: "plan", description: "price per seat per month (built-in prices are illustrative, low confidence)" },
  ];
  const byName = new Map(specs.map((s) => [s.name, s]));
  for (const [name, value] of Object.entries(overrides)) {
    const spec = byName.get(name);
    if (!spec) throw new Error(`scenario default for unknown parameter ${name}`);
    byName.set(name, { ...spec, default: value } as ParamSpec);
  }
  return [...byName.values()];
}

function workdaysName(days: readonly number[]): Workdays {
  const key = [...days].sort().join(",");
  for (const [name, preset] of Object.entries(workdayPresets)) if ([...preset].join(",") === key) return name as Workdays;
  return "mon-fri";
}

/** A fully resolved scenario: the model and how to run it. */
export interface BuiltScenario {
  model: AccountModel;
  accounts: number;
  replications: number;
  seed: number;
  plan: PlanId;
  policy: PolicyId;
  /** Credits per seat per cycle (a pooled contract is granted seats × this). */
  credits: number;
  /** Seats per unit. */
  seats: number;
  /** Monthly price per seat, and whether it is the built-in illustrative one. */
  price: { usd: number; illustrative: boolean };
  message: Message;
  /** Response multiplier of the message (length band × levers). */
  messageMultiplier: number;
  /** Follow-ups the model sends (null: none). */
  followUps: FollowUpSpec | null;
}

const num = (v: unknown) => v as number;

/** Turns validated values into the model; throws InputError for combinations that cannot be. */
export function buildModel(v: ParamValues): BuiltScenario {
  const startDate = String(v.startDate);
  // A real calendar date: Date.parse would roll 2026-02-30 over to March 2.
  const startMs = Date.parse(`${startDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(startMs) || formatDate(startMs) !== startDate) {
    throw new InputError(`startDate: ${JSON.stringify(startDate)} is not allowed; expected a date YYYY-MM-DD`);
  }
  const planId = v.plan as PlanId;
  const plan = plans[planId];
  const policy = v.policy as PolicyId;
  const connUse = v["connections.use"] as "none" | "only" | "fallback" | "mix";
  const credits = v["rules.credits"] === "plan" ? plan.creditsPerMonth : num(v["rules.credits"]);
  const seats = num(v["contract.seats"]);
  if (seats > 1 && !plan.pooled) {
    throw new InputError(`contract.seats: ${seats} is not allowed with plan=${planId}; expected 1 (only ${planIds.filter((id) => plans[id].pooled).join(", ")} pools credits across seats)`);
  }
  if (credits <= 0 && connUse !== "only" && v["rules.credits"] !== "plan") {
    throw new InputError(
      `rules.credits: ${credits} is not allowed with connections.use=${connUse}; expected at least 1 (an account with no credits cannot send InMail, G2), or set connections.use=only to compare the free channel`,
    );
  }
  if (credits <= 0 && connUse !== "only") {
    const e = new PlanCannotSendError(planId);
    throw new InputError(`plan: ${JSON.stringify(planId)} cannot be used with connections.use=${connUse}: ${e.message}; or set connections.use=only to compare the free channel`);
  }
  const seg = segments[v["audience.segment"] as SegmentId];
  const pick = (name: string, fallback: number) => (v[name] === "segment" ? fallback : num(v[name]));
  const responseRate = pick("audience.responseRate", seg.responseRate);
  const acceptedShare = pick("audience.acceptedShare", seg.mix.accepted);
  const repliedShare = pick("audience.repliedShare", seg.mix.replied);
  const spamRate = pick("audience.spamRate", seg.spamRate);
  if (acceptedShare + repliedShare > 1 + 1e-12) {
    throw new InputError(`audience.repliedShare: ${repliedShare} is not allowed with audience.acceptedShare=${acceptedShare}; expected the two to add up to at most 1`);
  }
  if (responseRate + spamRate > 1 + 1e-12) {
    throw new InputError(`audience.spamRate: ${spamRate} is not allowed with audience.responseRate=${responseRate}; expected the two to add up to at most 1`);
  }
  const p = outcomes.map(() => 0);
  p[OUTCOME_CODE.accepted] = responseRate * acceptedShare;
  p[OUTCOME_CODE.replied] = responseRate * repliedShare;
  p[OUTCOME_CODE.declined] = responseRate * (1 - acceptedShare - repliedShare);
  p[OUTCOME_CODE.spam] = spamRate;
  p[OUTCOME_CODE.ignored] = Math.max(0, 1 - responseRate - spamRate);

  const message: Message = {
    name: "message",
    ...(v["message.subject"] !== "" ? { subject: String(v["message.subject"]) } : {}),
    ...(v["message.body"] !== "" ? { body: String(v["message.body"]) } : { bodyChars: num(v["message.bodyChars"]) }),
    levers: {
      specificSubject: v["message.specificSubject"] === true,
      mutualGround: v["message.mutualGround"] === true,
      clearCallToAction: v["message.clearCallToAction"] === true,
      personalised: v["message.personalised"] === true,
      openToWorkTarget: v["audience.openToWork"] === true,
    },
  };
  // LinkedIn's limits, reported on the parameter the user set.
  const tooLong = (name: string, chars: number, max: number, what: string) =>
    new InputError(`${name}: ${chars.toLocaleString("en-US")} characters is not allowed; expected at most ${max.toLocaleString("en-US")} (${what})`);
  if (subjectChars(message) > limits.inmailSubjectChars) {
    throw tooLong("message.subject", subjectChars(message), limits.inmailSubjectChars, "LinkedIn's limit for an InMail subject");
  }
  if (bodyChars(message) > limits.inmailBodyChars) {
    const name = v["message.body"] !== "" ? "message.body" : "message.bodyChars";
    throw tooLong(name, bodyChars(message), limits.inmailBodyChars, "LinkedIn's limit for an InMail body");
  }
  const freeAccount = plan.creditsPerMonth === 0;
  const noteMax = freeAccount ? limits.connectionNoteCharsFree : limits.connectionNoteChars;
  if (connUse !== "none" && num(v["connections.noteChars"]) > noteMax) {
    throw tooLong("connections.noteChars", num(v["connections.noteChars"]), noteMax, `LinkedIn's limit for a connection note on a ${freeAccount ? "free" : "paid"} account`);
  }

  const startHour = num(v["sender.startHour"]);
  const endHour = num(v["sender.endHour"]);
  if (endHour <= startHour) {
    throw new InputError(`sender.endHour: ${endHour} is not allowed; expected a number after sender.startHour (${startHour}), up to 24`);
  }
  const delayKind = v["delay.kind"] as DelaySpec["kind"];
  const delay: DelaySpec =
    delayKind === "lognormal" ? { kind: "lognormal", medianDays: num(v["delay.medianDays"]), sigma: num(v["delay.sigma"]) } : { kind: "exponential", meanDays: num(v["delay.meanDays"]) };
  const followUps = buildFollowUps(v, planId);
  const creditLife = v["rules.salesNavigatorCreditLife"];
  if (creditLife === "never" && planId !== "sales-navigator") {
    throw new InputError(`rules.salesNavigatorCreditLife: "never" is not allowed with plan=${planId}; expected 90 (only Sales Navigator's older page, a101030, says credits don't expire)`);
  }
  if (creditLife === "never" && v["rules.creditLifetimeDays"] !== "plan") {
    throw new InputError(`rules.salesNavigatorCreditLife: "never" is not allowed with rules.creditLifetimeDays=${v["rules.creditLifetimeDays"]}; expected 90, or rules.creditLifetimeDays=plan`);
  }
  const mult = messageMultiplier(message);
  const model: AccountModel = {
    rules: creditRules({
      policy,
      // A pooled contract is granted every seat's allotment into one pool.
      creditsPerCycle: credits * seats,
      capMultiplier: v["rules.capMultiplier"] === "plan" ? plan.capMultiplier : num(v["rules.capMultiplier"]),
      creditLifetimeDays: v["rules.creditLifetimeDays"] !== "plan" ? num(v["rules.creditLifetimeDays"]) : creditLife === "never" ? Infinity : plan.creditLifetimeDays,
      ...(v["rules.refundWindowDays"] !== "policy" ? { refundWindowDays: num(v["rules.refundWindowDays"]) } : {}),
      refundAging: v["rules.refundAging"] as RefundAging,
    }),
    cycleDays: 30,
    cycles: num(v.cycles),
    sendsPerDay: num(v["sender.sendsPerDay"]),
    blockedShare: num(v["audience.blockedShare"]),
    response: {
      outcomeProbabilities: p,
      delay,
      multiplier: mult,
      weekdayMultipliers: v["timing.weekdayEffect"] === true ? weekdayMultipliers : null,
      offPeakMultiplier: v["timing.offPeakEffect"] === true ? leverEffects.offPeak.multiplier : 1,
      heterogeneity: num(v["audience.heterogeneity"]),
    },
    schedule: plan.grantSchedule === "calendar-month" ? { kind: "calendar-month" } : { kind: "billing-date" },
    startDate,
    anchorSpreadDays: num(v["billing.anchorSpreadDays"]),
    seats,
    seatCreditLimit: num(v["contract.seatCreditLimit"]),
    sender: {
      calendar: {
        weekdays: workdayPresets[v["sender.workdays"] as Workdays],
        startHour,
        endHour,
        utcOffsetHours: num(v["sender.utcOffsetHours"]),
      },
      maxSendsPerDay: num(v["sender.maxSendsPerDay"]),
      demandPerCycle: num(v["sender.demandPerCycle"]),
      poolSize: num(v["sender.poolSize"]),
      whenOut: v["sender.whenOut"] as "refund-or-grant" | "next-grant",
    },
    openProfile: num(v["audience.openProfileShare"]) > 0 ? { share: num(v["audience.openProfileShare"]), monthlyCap: num(v["openProfile.monthlyCap"]) } : null,
    connections:
      connUse === "none"
        ? null
        : {
            use: connUse,
            mixShare: num(v["connections.mixShare"]),
            weeklyCap: num(v["connections.weeklyCap"]),
            acceptRate: num(v["connections.acceptRate"]),
            replyRate: num(v["connections.replyRate"]),
          },
    enforcement: {
      responseRateFloor: v["enforcement.responseRateFloor"] === true ? recruiterFloor : null,
      complaints: v["enforcement.complaints"] === true ? guideComplaintRule : null,
      content: num(v["enforcement.contentFlagRate"]) > 0 ? { ...recruiterContentRule, flagProbability: num(v["enforcement.contentFlagRate"]) } : null,
    },
    ...(followUps ? { followUps } : {}),
    ...(v["metrics.responseWindowDays"] !== Infinity ? { metricWindowDays: num(v["metrics.responseWindowDays"]) } : {}),
  };
  const priceBuiltIn = v["price.monthlyUsd"] === "plan";
  return {
    model,
    accounts: num(v.accounts),
    replications: num(v.replications),
    seed: num(v.seed),
    plan: planId,
    policy,
    credits,
    seats,
    price: { usd: priceBuiltIn ? plan.illustrativePriceUsd : num(v["price.monthlyUsd"]), illustrative: priceBuiltIn },
    message,
    messageMultiplier: mult,
    followUps,
  };
}

/**
 * The follow-ups of a scenario under its plan's rule (models/follow-ups.ts), or null
 * without any. Refused when the plan does not allow them (Premium under help answer/75,
 * Basic) and, on Recruiter plans, outside the 3–28 days Recruiter schedules.
 */
function buildFollowUps(v: ParamValues, planId: PlanId): FollowUpSpec | null {
  const count = num(v["followUps.count"]);
  if (count === 0) return null;
  const premiumRule = v["followUps.premiumRule"] as PremiumFollowUpRule;
  const rule = followUpRuleForPlan(planId, premiumRule);
  if (rule === "refused") {
    throw new InputError(
      planId === "basic"
        ? `followUps.count: ${count} is not allowed with plan=basic; expected 0 (a free account sends no InMail, guide G2)`
        : `followUps.count: ${count} is not allowed with plan=${planId} and followUps.premiumRule=${premiumRule}; expected 0 (help answer/75: no second InMail until the member responds), or set followUps.premiumRule=allowed (the newer FAQ a554514)`,
    );
  }
  const afterDays = num(v["followUps.afterDays"]);
  const { min, max } = recruiterFollowUpDays;
  if (rule === "scheduled" && (afterDays < min || afterDays > max)) {
    throw new InputError(
      `followUps.afterDays: ${afterDays} is not allowed with plan=${planId}; expected an integer from ${min} to ${max} (Recruiter schedules a follow-up ${min}–${max} days after the InMail, help a1457303)`,
    );
  }
  return {
    count,
    afterDays,
    rule,
    responseFactor: num(v["followUps.responseFactor"]),
    undeliverableShare: num(v["followUps.undeliverableShare"]),
  };
}
