/**
 * The plausible range of every assumption the model labels (the JSON `assumptions`
 * list of `run-scenario.ts`), in one place: for each label, the inputs it stands for,
 * each with a distribution, the model's default, the source or reasoning behind the
 * range, and what a user can measure to replace it. The sensitivity analysis draws
 * from these; the README and the sensitivity report render this table.
 *
 * An input reaches the model either as a scenario parameter (set before `buildModel`,
 * by its dotted path) or as a change to the built scenario, for figures the scenario
 * does not expose (lever sizes, enforcement constants, the spam-refund rule).
 */
import { leverMultiplier, OUTCOME_CODE } from "../models/index.ts";
import type { InputDistribution } from "../analysis/input-distribution.ts";
import type { ParamValues } from "./params.ts";
import { assumptions } from "./run-scenario.ts";
import type { BuiltScenario } from "./scenario.ts";

export type InputTarget =
  /** A scenario parameter by dotted path (rounded when `integer`). */
  | { readonly kind: "param"; readonly path: string; readonly integer?: boolean }
  /** A change to the built scenario. */
  | { readonly kind: "built"; set(b: BuiltScenario, x: number): BuiltScenario };

export interface AssumptionInput {
  /** Stable id, e.g. "delay.medianDays". */
  readonly id: string;
  readonly label: string;
  /** Unit of the value, "" for a share or a factor. */
  readonly unit: string;
  readonly distribution: InputDistribution;
  /** The model's default, in words. */
  readonly default: string;
  /** Why this range: a source, or the reasoning. */
  readonly source: string;
  /** What to measure or set to replace the assumption with a fact. */
  readonly measure: string;
  readonly target: InputTarget;
}

export interface AssumptionRange {
  /** The label exactly as `assumptions()` prints it. */
  readonly assumption: string;
  readonly inputs: readonly AssumptionInput[];
}

const calibrate = "calibrate it from your send log with scenarios/calibrate.ts";

/** Every labelled assumption, in the order `assumptions()` lists them. */
export const assumptionRanges: readonly AssumptionRange[] = [
  {
    assumption: "response delay distribution (none is published)",
    inputs: [
      {
        id: "delay.medianDays",
        label: "median response delay",
        unit: "days",
        distribution: { kind: "log-uniform", min: 0.5, max: 7 },
        default: "1.5 days (lognormal)",
        source: "no public delay data; LinkedIn counts answers within 30 days and refunds within 90, so most answers come in days: from half a day to a week, known only to a factor (log-uniform)",
        measure: calibrate,
        target: { kind: "param", path: "delay.medianDays" },
      },
      {
        id: "delay.sigma",
        label: "response delay spread (lognormal σ)",
        unit: "",
        distribution: { kind: "uniform", min: 0.6, max: 1.8 },
        default: "1.2",
        source: "assumed: σ 0.6 puts 90% of answers within 2.2× the median, σ 1.8 a long tail (10% after 10× the median)",
        measure: calibrate,
        target: { kind: "param", path: "delay.sigma" },
      },
    ],
  },
  {
    assumption: "audience response rates and mix by segment (within the published 10–30% range)",
    inputs: [
      {
        id: "audience.responseRate",
        label: "response rate",
        unit: "",
        distribution: { kind: "uniform", min: 0.1, max: 0.3 },
        default: "the segment's (passive candidates 0.18)",
        source: "research notes §7b: typical InMail response 10–30% (0.18 a fair default); LinkedIn's floor is 13%",
        measure: `read your response rate in LinkedIn's InMail report, or ${calibrate}`,
        target: { kind: "param", path: "audience.responseRate" },
      },
      {
        id: "audience.acceptedShare",
        label: "share of responses that accept",
        unit: "",
        distribution: { kind: "uniform", min: 0.3, max: 0.6 },
        default: "the segment's (passive candidates 0.45)",
        source: "assumed around the segment mixes (0.30–0.45); with the replied share below, positive answers are 40–90% of responses",
        measure: calibrate,
        target: { kind: "param", path: "audience.acceptedShare" },
      },
      {
        id: "audience.repliedShare",
        label: "share of responses that reply",
        unit: "",
        distribution: { kind: "uniform", min: 0.1, max: 0.3 },
        default: "the segment's (passive candidates 0.20)",
        source: "assumed around the segment mixes (0.20–0.45 for the recruiting and sales segments)",
        measure: calibrate,
        target: { kind: "param", path: "audience.repliedShare" },
      },
      {
        id: "audience.spamRate",
        label: "spam-report rate",
        unit: "",
        distribution: { kind: "uniform", min: 0, max: 0.03 },
        default: "the segment's (passive candidates 0.01)",
        source: "unpublished; assumed below the 3% the complaint-rule default treats as high",
        measure: calibrate,
        target: { kind: "param", path: "audience.spamRate" },
      },
    ],
  },
  {
    assumption: "plan price (illustrative, low confidence)",
    inputs: [
      {
        id: "price.factor",
        label: "price ÷ illustrative price",
        unit: "",
        distribution: { kind: "uniform", min: 0.8, max: 1.25 },
        default: "1 (the plan's illustrative price)",
        source: "research notes §1b: list prices only from blogs (low confidence); annual billing is up to 20% cheaper; contracts are negotiated",
        measure: "enter your own price: --set price.monthlyUsd=…",
        target: { kind: "built", set: (b, x) => ({ ...b, price: { ...b.price, usd: b.price.usd * x } }) },
      },
    ],
  },
  {
    assumption: "size of the message levers (direction documented, size not)",
    inputs: [
      {
        id: "levers.sizeFactor",
        label: "lever size ÷ assumed size",
        unit: "",
        distribution: { kind: "uniform", min: 0, max: 2 },
        default: "1 (the sizes in models/levers.ts)",
        source: "guide G11 and LinkedIn's 2022 study give directions only: from no effect (0) to twice the assumed effect on the log scale (2)",
        measure: "A/B-test the message and calibrate each variant's response rate with scenarios/calibrate.ts",
        target: {
          kind: "built",
          set(b, x) {
            const levers = leverMultiplier(b.message.levers ?? {});
            const multiplier = (b.model.response.multiplier ?? 1) * levers ** (x - 1);
            return { ...b, messageMultiplier: multiplier, model: { ...b.model, response: { ...b.model.response, multiplier } } };
          },
        },
      },
    ],
  },
  {
    assumption: "off-peak effect size",
    inputs: [
      {
        id: "timing.offPeakMultiplier",
        label: "off-peak response multiplier",
        unit: "",
        distribution: { kind: "uniform", min: 1, max: 1.1 },
        default: "1.05",
        source: "guide G11: off-peak 'sometimes yields better results' (direction only): from no effect to twice the assumed 5%",
        measure: "compare response rates of sends before 8:00 or from 18:00 in your send log",
        target: { kind: "built", set: (b, x) => ({ ...b, model: { ...b.model, response: { ...b.model.response, offPeakMultiplier: x } } }) },
      },
    ],
  },
  {
    assumption: "share of members who block InMail",
    inputs: [
      {
        id: "audience.blockedShare",
        label: "share who block InMail",
        unit: "",
        distribution: { kind: "uniform", min: 0, max: 0.05 },
        default: "0.02",
        source: "guide G8 calls it 'relatively rare'; nothing published: 0–5%",
        measure: "count InMails your send log shows as undeliverable",
        target: { kind: "param", path: "audience.blockedShare" },
      },
    ],
  },
  {
    assumption: "Open Profile share and monthly cap",
    inputs: [
      {
        id: "audience.openProfileShare",
        label: "Open Profile share",
        unit: "",
        distribution: { kind: "uniform", min: 0.01, max: 0.2 },
        default: "as set (0 turns it off)",
        source: "unpublished; assumed 1–20% of an audience",
        measure: "count free InMails (no credit used) in your send log",
        target: { kind: "param", path: "audience.openProfileShare" },
      },
      {
        id: "openProfile.monthlyCap",
        label: "Open Profile monthly cap",
        unit: "InMails per seat per month",
        distribution: { kind: "uniform", min: 400, max: 900 },
        default: "800",
        source: "research notes §4: 800 and 900 a month reported (low confidence); LinkedIn says only that a limit exists",
        measure: "LinkedIn's notice when the limit is reached",
        target: { kind: "param", path: "openProfile.monthlyCap", integer: true },
      },
    ],
  },
  {
    assumption: "connection request weekly cap (~100, unofficial), acceptance and reply rates",
    inputs: [
      {
        id: "connections.weeklyCap",
        label: "connection requests per week",
        unit: "invitations per week",
        distribution: { kind: "uniform", min: 80, max: 120 },
        default: "100",
        source: "≈100 a week in unofficial reports; assumed ±20%",
        measure: "LinkedIn's notice when the weekly limit is reached",
        target: { kind: "param", path: "connections.weeklyCap", integer: true },
      },
      {
        id: "connections.acceptRate",
        label: "invitation acceptance rate",
        unit: "",
        distribution: { kind: "uniform", min: 0.15, max: 0.45 },
        default: "0.3",
        source: "secondary sources give about 30% (low confidence): half to 1.5×",
        measure: "accepted ÷ sent in LinkedIn's invitation manager",
        target: { kind: "param", path: "connections.acceptRate" },
      },
      {
        id: "connections.replyRate",
        label: "conversation rate after acceptance",
        unit: "",
        distribution: { kind: "uniform", min: 0.1, max: 0.4 },
        default: "0.25",
        source: "assumed",
        measure: "conversations ÷ accepted invitations in your own records",
        target: { kind: "param", path: "connections.replyRate" },
      },
    ],
  },
  {
    assumption: "complaint-rule thresholds (G9 gives none)",
    inputs: [
      {
        id: "enforcement.maxSpamRate",
        label: "spam-report rate that triggers a warning",
        unit: "",
        distribution: { kind: "uniform", min: 0.01, max: 0.05 },
        default: "0.03",
        source: "guide G9: 'a high rate of spam complaints' (no figure): 1–5%",
        measure: "not measurable from outside LinkedIn",
        target: {
          kind: "built",
          set: (b, x) => {
            const e = b.model.enforcement!;
            return { ...b, model: { ...b.model, enforcement: { ...e, complaints: e.complaints ? { ...e.complaints, maxSpamRate: x } : null } } };
          },
        },
      },
    ],
  },
  {
    assumption: "content-filter flag rate",
    inputs: [
      {
        id: "enforcement.contentFlagRate",
        label: "content-filter flag rate",
        unit: "",
        distribution: { kind: "log-uniform", min: 0.0005, max: 0.01 },
        default: "as set (0 turns it off)",
        source: "unpublished; assumed 1 in 2,000 to 1 in 100 InMails, known only to a factor",
        measure: "count content warnings against InMails sent",
        target: { kind: "param", path: "enforcement.contentFlagRate" },
      },
    ],
  },
  {
    assumption: "sends allowed while bulk InMail is off",
    inputs: [
      {
        id: "enforcement.restrictedSendsPerDay",
        label: "sends a day while bulk InMail is off",
        unit: "InMails per day",
        distribution: { kind: "uniform", min: 0, max: 10 },
        default: "5",
        source: "help a413271 allows 'one-to-one' sends only, without a number: 0–10 a day",
        measure: "sends a day your team managed while restricted",
        target: {
          kind: "built",
          set: (b, x) => {
            const e = b.model.enforcement!;
            const floor = e.responseRateFloor ? { ...e.responseRateFloor, restrictedSendsPerDay: Math.round(x) } : null;
            return { ...b, model: { ...b.model, enforcement: { ...e, responseRateFloor: floor } } };
          },
        },
      },
    ],
  },
  {
    assumption: "no refund on spam reports (undocumented)",
    inputs: [
      {
        id: "rules.refundOnSpam",
        label: "refund on a spam report",
        unit: "",
        distribution: { kind: "choice", values: [0, 1], labels: ["no refund", "refund"] },
        default: "no refund",
        source: "research notes §3: no official page says; either rule is possible",
        measure: "check the credit balance after a spam report",
        target: {
          kind: "built",
          set: (b, x) => {
            const refundOn = b.model.rules.refundOn.slice();
            refundOn[OUTCOME_CODE.spam] = x === 1;
            return { ...b, model: { ...b.model, rules: { ...b.model.rules, refundOn } } };
          },
        },
      },
    ],
  },
];

const byLabel = new Map(assumptionRanges.map((r) => [r.assumption, r]));

/** The uncertain inputs behind the assumptions in force in `b`, in table order; throws for a label the table lacks. */
export function assumptionInputs(b: BuiltScenario): AssumptionInput[] {
  return assumptions(b).flatMap((label) => {
    const range = byLabel.get(label);
    if (!range) throw new Error(`assumption-ranges.ts has no range for the assumption ${JSON.stringify(label)}`);
    return range.inputs;
  });
}

/** `values` with every parameter-target input set to its value in `x` (same order as `inputs`). */
export function withParamInputs(values: ParamValues, inputs: readonly AssumptionInput[], x: ArrayLike<number>): ParamValues {
  const out = { ...values };
  inputs.forEach((input, i) => {
    if (input.target.kind === "param") out[input.target.path] = input.target.integer ? Math.round(x[i]!) : x[i]!;
  });
  return out;
}

/** `b` with every built-target input applied (same order as `inputs`). */
export function withBuiltInputs(b: BuiltScenario, inputs: readonly AssumptionInput[], x: ArrayLike<number>): BuiltScenario {
  return inputs.reduce((acc, input, i) => (input.target.kind === "built" ? input.target.set(acc, x[i]!) : acc), b);
}
