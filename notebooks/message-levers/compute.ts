/**
 * Everything the message-levers report shows, computed: positive replies a month
 * with each lever switched on (or the message made short or long) against a plain
 * base message, as paired points with common random numbers; the reply rate per
 * InMail in each of LinkedIn's length bands; and, from traced sends, the reply rate
 * by weekday of sending. No formatting here.
 */
import {
  estimate,
  isPositive,
  lengthBands,
  lengthMultiplier,
  leverEffects,
  personas,
  segments,
  traceAccount,
  weekdayMultipliers,
  weekdayOf,
  type Estimate,
  type LeverId,
  type PersonaId,
  type PlanId,
} from "../../models/index.ts";
import { localWeekday } from "../../models/work-calendar.ts";
import { jobSeeker } from "../../experiments/general/presets.ts";
import { defaults, type ParamValues } from "../../experiments/inputs/params.ts";
import { recruiting } from "../../experiments/general/presets.ts";
import { salesProspecting } from "../../experiments/general/presets.ts";
import { buildModel, scenarioParams, type BuiltScenario, type ScenarioDefaults } from "../../experiments/general/scenario.ts";
import { pairedDifference } from "../../experiments/general/sweep.ts";
import { audienceRateFor, outcomeShares } from "../../experiments/general/observed-rate.ts";
import { runPoints, type PointOverrides, type PointRun } from "../../experiments/general/run-points.ts";
import type { MessageLeversParams } from "./params.ts";

export const CYCLES = 12;
/** Body lengths of the length row: inside LinkedIn's shortest and longest bands. */
export const shortBodyChars = 300;
export const longBodyChars = 1500;
/** One body length inside each of LinkedIn's four bands, for the band figure. */
export const bandBodyChars = [300, 600, 1000, 1500] as const;
/** Hours of the off-peak row's sender (local): all of them off-peak. */
export const offPeakSendingHours = { start: 18, end: 22 } as const;

export const scenarioOf: Readonly<Record<PersonaId, { readonly name: string; readonly command: string; readonly defaults: ScenarioDefaults }>> = {
  recruiter: recruiting,
  seller: salesProspecting,
  "job-seeker": jobSeeker,
};

export const specsFor = (persona: PersonaId) => scenarioParams(persona, scenarioOf[persona].defaults);

/** Positive replies of one setting, per account per month. */
export interface SettingResult {
  readonly overrides: PointOverrides;
  readonly inmails: Estimate;
  readonly positives: Estimate;
  /** Positive replies ÷ InMails delivered, per replication. */
  readonly perInmail: Estimate;
  /** Paired difference of positives from the base (null for the base itself). */
  readonly vsBase: Estimate | null;
}

export type LeverKey = "length" | Exclude<LeverId, "offPeak"> | "weekday" | "offPeak";

export interface LeverRow {
  readonly key: LeverKey;
  /** The multiplier of the high setting, or of each setting for length. */
  readonly multipliers: { readonly low: number | null; readonly high: number };
  /** Where the size comes from; `assumption` when only the direction is documented. */
  readonly source: string;
  readonly assumption: boolean;
  /** Null for a lever that can only be switched on (its low setting is the base). */
  readonly low: SettingResult | null;
  readonly high: SettingResult;
}

export interface BandRow {
  readonly maxChars: number;
  readonly bodyChars: number;
  readonly multiplier: number;
  readonly setting: SettingResult;
  /** P(positive reply) per InMail the model implies: audience rate × multiplier × positive share. */
  readonly expectedPerInmail: number;
}

export interface WeekdayRow {
  /** 0 = Sunday. */
  readonly weekday: number;
  readonly multiplier: number;
  readonly inmails: number;
  readonly positives: number;
  /** Positive replies per InMail sent that weekday, CI across replications. */
  readonly perInmail: Estimate;
  readonly expectedPerInmail: number;
}

export interface MessageLeversResults {
  readonly params: MessageLeversParams;
  readonly plan: PlanId;
  /** The base message's response rate (typed, or the segment's), LinkedIn's definition. */
  readonly baseResponseRate: number;
  /** Audience response rate to a plain InMail (the base's with its length band divided out), and the share of responses that are positive. */
  readonly audienceRate: number;
  readonly positiveShare: number;
  readonly spamRate: number;
  readonly sender: { readonly weekdays: readonly number[]; readonly startHour: number; readonly endHour: number; readonly demandPerCycle: number; readonly credits: number };
  readonly base: SettingResult;
  readonly baseMultiplier: number;
  readonly levers: readonly LeverRow[];
  readonly bands: readonly BandRow[];
  readonly weekdays: readonly WeekdayRow[];
  /** Accounts × replications traced for the weekday figure. */
  readonly weekdayAccounts: number;
  readonly assumptions: readonly string[];
}

export interface ComputeOptions {
  readonly workers: number;
  /** Run even when the estimate is above the limit (`--big`). */
  readonly big?: boolean;
}

/**
 * The general scenario's values of the base message. The response rate (typed, or the
 * persona's segment's) is the one the base message gets, in LinkedIn's definition, as
 * the team planner reads it: its length band's multiplier is divided out to give the
 * audience's rate for a plain InMail (timing effects are off on this page).
 */
function baseValues(p: MessageLeversParams): ParamValues {
  const values = plainBaseValues(p);
  return { ...values, "audience.responseRate": audienceRateFor(baseResponseRate(p), buildModel(values)) };
}

/** The base message's response rate: the one typed, or the persona's segment's. */
const baseResponseRate = (p: MessageLeversParams): number => p.responseRate ?? segmentOf(p.persona).responseRate;

function plainBaseValues(p: MessageLeversParams): ParamValues {
  const specs = specsFor(p.persona);
  return {
    ...defaults(specs),
    seed: p.seed,
    accounts: p.accounts,
    replications: p.replications,
    cycles: CYCLES,
    policy: p.policy,
    ...(p.plan === null ? {} : { plan: p.plan }),
    "connections.use": "none",
    "message.bodyChars": p.baseBodyChars,
    "message.specificSubject": false,
    "message.mutualGround": false,
    "message.clearCallToAction": false,
    "message.personalised": false,
    "audience.openToWork": false,
    "timing.weekdayEffect": false,
    "timing.offPeakEffect": false,
  };
}

interface LeverSpec {
  readonly key: LeverKey;
  readonly low: PointOverrides | null;
  readonly high: PointOverrides;
  readonly multipliers: LeverRow["multipliers"];
  readonly source: string;
  readonly assumption: boolean;
}

const lengthSource = "LinkedIn 2022 recruiter study via Search Engine Journal (medium)";
const weekdaySource = "LinkedIn 2022: Friday and Saturday lowest (medium); Fri and Sat values interpolated";

function leverSpecs(baseBodyChars: number): LeverSpec[] {
  const baseLength = lengthMultiplier(baseBodyChars);
  const flag = (key: Exclude<LeverId, "offPeak">, param: string): LeverSpec => ({
    key,
    low: null,
    high: { [param]: true },
    multipliers: { low: null, high: leverEffects[key].multiplier },
    source: leverEffects[key].source,
    assumption: leverEffects[key].assumption,
  });
  return [
    {
      key: "length",
      low: { "message.bodyChars": longBodyChars },
      high: { "message.bodyChars": shortBodyChars },
      multipliers: { low: lengthMultiplier(longBodyChars) / baseLength, high: lengthMultiplier(shortBodyChars) / baseLength },
      source: lengthSource,
      assumption: false,
    },
    flag("specificSubject", "message.specificSubject"),
    flag("mutualGround", "message.mutualGround"),
    flag("clearCallToAction", "message.clearCallToAction"),
    flag("personalised", "message.personalised"),
    flag("openToWorkTarget", "audience.openToWork"),
    {
      key: "weekday",
      low: null,
      high: { "timing.weekdayEffect": true },
      multipliers: { low: null, high: Math.min(...weekdayMultipliers) },
      source: weekdaySource,
      assumption: false,
    },
    {
      key: "offPeak",
      low: null,
      high: { "timing.offPeakEffect": true, "sender.startHour": offPeakSendingHours.start, "sender.endHour": offPeakSendingHours.end },
      multipliers: { low: null, high: leverEffects.offPeak.multiplier },
      source: leverEffects.offPeak.source,
      assumption: leverEffects.offPeak.assumption,
    },
  ];
}

function setting(run: PointRun, overrides: PointOverrides, base: PointRun | null): SettingResult {
  const r = run.result;
  const perInmail = estimate(r.replicationValues.positives.map((x, i) => x / r.replicationValues.capacity[i]!));
  return {
    overrides,
    inmails: r.capacity,
    positives: r.positivesPerCycle,
    perInmail,
    vsBase: base === null ? null : pairedDifference(r, base.result).positives,
  };
}

/** P(positive reply) of a delivered InMail at response multiplier `m`. */
function expectedPositive(built: BuiltScenario, m: number): number {
  const { response, spam, positiveShare } = outcomeShares(built);
  return Math.min(response * m, 1 - spam) * positiveShare;
}

/** Positive replies per InMail by local weekday of sending, from traced sends of every account. */
function weekdayRates(built: BuiltScenario): WeekdayRow[] {
  const model = built.model;
  const calendar = model.sender?.calendar;
  const offsetDays = (calendar?.utcOffsetHours ?? 0) / 24;
  const day0 = weekdayOf(model.startDate ?? "2026-01-05");
  const perRep = Array.from({ length: built.replications }, () => ({ inmails: new Float64Array(7), positives: new Float64Array(7) }));
  for (let rep = 0; rep < built.replications; rep++) {
    const counts = perRep[rep]!;
    const sink = {
      record() {},
      send(t: number, _recipient: number, outcome: Parameters<typeof isPositive>[0], _at: number, _seat?: number, channel?: string) {
        if (channel === "connection") return;
        const wd = localWeekday(t, offsetDays, day0);
        counts.inmails[wd]! += 1;
        if (isPositive(outcome)) counts.positives[wd]! += 1;
      },
    };
    for (let account = 0; account < built.accounts; account++) traceAccount(model, built.seed, rep, account, sink);
  }
  const rateBase = built.messageMultiplier;
  return [1, 2, 3, 4, 5, 6, 0].map((wd) => {
    const inmails = perRep.reduce((s, c) => s + c.inmails[wd]!, 0);
    const positives = perRep.reduce((s, c) => s + c.positives[wd]!, 0);
    return {
      weekday: wd,
      multiplier: weekdayMultipliers[wd]!,
      inmails,
      positives,
      perInmail: estimate(perRep.filter((c) => c.inmails[wd]! > 0).map((c) => c.positives[wd]! / c.inmails[wd]!)),
      expectedPerInmail: expectedPositive(built, rateBase * weekdayMultipliers[wd]!),
    };
  });
}

export async function computeMessageLevers(p: MessageLeversParams, options: ComputeOptions): Promise<MessageLeversResults> {
  const specs = specsFor(p.persona);
  const base = baseValues(p);
  const levers = leverSpecs(p.baseBodyChars);
  const bandPoints = bandBodyChars.map((n): PointOverrides => ({ "message.bodyChars": n }));
  const points: PointOverrides[] = [{}, ...levers.flatMap((l) => (l.low ? [l.low, l.high] : [l.high])), ...bandPoints];
  const runs = await runPoints("message-levers", specs, base, points, { workers: options.workers, label: "lever settings", big: options.big ?? false });
  const baseRun = runs[0]!;
  // The base point is the base values unchanged: the reference for the plain InMail's rates and the sender.
  const reference = baseRun.built;
  let i = 1;
  const rows: LeverRow[] = levers.map((l) => {
    const low = l.low ? setting(runs[i++]!, l.low, baseRun) : null;
    const high = setting(runs[i++]!, l.high, baseRun);
    return { key: l.key, multipliers: l.multipliers, source: l.source, assumption: l.assumption, low, high };
  });
  const bands: BandRow[] = bandBodyChars.map((n, k) => {
    const m = lengthMultiplier(n);
    return {
      maxChars: lengthBands.find((b) => n <= b.maxChars)!.maxChars,
      bodyChars: n,
      multiplier: m,
      setting: setting(runs[i + k]!, bandPoints[k]!, baseRun),
      expectedPerInmail: expectedPositive(reference, m),
    };
  });

  const weekdayModel = buildModel({ ...base, "timing.weekdayEffect": true, "sender.workdays": "every-day" });
  const weekdays = weekdayRates(weekdayModel);

  const shares = outcomeShares(reference);
  const calendar = reference.model.sender!.calendar!;
  return {
    params: p,
    plan: reference.plan,
    baseResponseRate: baseResponseRate(p),
    audienceRate: shares.response,
    positiveShare: shares.positiveShare,
    spamRate: shares.spam,
    sender: {
      weekdays: calendar.weekdays,
      startHour: calendar.startHour,
      endHour: calendar.endHour,
      demandPerCycle: reference.model.sender!.demandPerCycle!,
      credits: reference.credits,
    },
    base: setting(baseRun, {}, null),
    baseMultiplier: reference.messageMultiplier,
    levers: rows,
    bands,
    weekdays,
    weekdayAccounts: weekdayModel.accounts * weekdayModel.replications,
    assumptions: baseRun.result.assumptions,
  };
}

/** Persona and segment of a run, for the page. */
export const personaOf = (id: PersonaId) => personas[id];
export const segmentOf = (id: PersonaId) => segments[personas[id].segment];
