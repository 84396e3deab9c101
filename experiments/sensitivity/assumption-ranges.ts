/**
 * The plausible range of every assumption the model labels (the JSON `assumptions`
 * list of `run-scenario.ts`), in one place: for each label, the inputs it stands for,
 * each with a distribution, the model's default, the source or reasoning behind the
 * range, and what a user can measure to replace it. The sensitivity analysis draws
 * from these; docs/model.md and the sensitivity report render this table.
 *
 * The team planner's labels (`team-result.ts`) are covered too: an entry lists every label
 * it stands for. An input reaches the model in the team planner's vocabulary: as one of
 * its parameters (`teamParams`: the team's inputs, or a general parameter by dotted
 * path), as a change to the values (the price of the plan in use), or as a change to
 * the built model, for figures no parameter exposes (lever sizes, enforcement
 * constants, the spam-refund rule).
 */
import { leverMultiplier, type LeverId } from "../../models/levers.ts";
import { OUTCOME_CODE } from "../../models/outcome.ts";
import { plans, type PlanId } from "../../models/plans.ts";
import type { AccountModel } from "../../models/account-simulation.ts";
import type { InputDistribution } from "../../analysis/input-distribution.ts";
import type { ParamValues } from "../inputs/params.ts";

export type InputTarget =
  /** A team-planner parameter (rounded when `integer`). */
  | { readonly kind: "param"; readonly path: string; readonly integer?: boolean }
  /** A change to the team planner's values. */
  | { readonly kind: "values"; set(values: ParamValues, x: number): ParamValues }
  /** A change to the built model (built from `values`). */
  | { readonly kind: "model"; set(model: AccountModel, x: number, values: ParamValues): AccountModel };

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
  /** The label as `assumptions()` prints it (the first) and as the team planner does. */
  readonly labels: readonly string[];
  /** For a label that prints a value of its own (e.g. "×0.5"): the pattern it matches. */
  readonly pattern?: RegExp;
  readonly inputs: readonly AssumptionInput[];
  /**
   * Why the team analysis does not vary it, when it does not: a figure the team
   * planner divides out of the response rate typed, or one that changes no output.
   */
  readonly notVaried?: string;
}

const calibrate = "calibrate it from your send log with commands/calibrate.ts";

/** Every labelled assumption, in the order `assumptions()` lists them. */
export const assumptionRanges: readonly AssumptionRange[] = [
  {
    labels: ["response delay distribution (none is published)"],
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
    labels: ["audience response rates and mix by segment (within the published 10–30% range)"],
    inputs: [
      {
        id: "responseRate",
        label: "response rate",
        unit: "",
        distribution: { kind: "uniform", min: 0.1, max: 0.3 },
        default: "the segment's (passive candidates 0.18)",
        source: "secondary sources (low–medium confidence): typical InMail response 10–30% (0.18 a fair default); LinkedIn's floor is 13% (help a413271)",
        measure: `read your response rate in LinkedIn's InMail report (then --set responseRate=…), or ${calibrate}`,
        target: { kind: "param", path: "responseRate" },
      },
      {
        id: "positiveShare",
        label: "positive share of responses",
        unit: "",
        distribution: { kind: "uniform", min: 0.4, max: 0.9 },
        default: "the segment's (passive candidates 0.65)",
        source: "assumed around the segment mixes (0.55–0.85 accepted or replied): from under half to nine in ten",
        measure: calibrate,
        target: { kind: "param", path: "positiveShare" },
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
    labels: ["the split of conversations between accepted and replied (the segment's; it changes no figure here)"],
    inputs: [],
    notVaried: "changes no figure: accepted and replied are both conversations and both refund",
  },
  {
    labels: ["plan price (illustrative, low confidence)", "plan prices (illustrative, low confidence)"],
    inputs: [
      {
        id: "price.factor",
        label: "price ÷ illustrative price",
        unit: "",
        distribution: { kind: "uniform", min: 0.8, max: 1.25 },
        default: "1 (the plan's illustrative price)",
        source: "LinkedIn publishes no list prices, only blogs do (low confidence); annual billing is up to 20% cheaper (help a107063); contracts are negotiated",
        measure: "enter your own price: --set price.<plan>=… (USD per seat per month)",
        target: {
          kind: "values",
          set: (v, x) => ({ ...v, [`price.${v.plan}`]: plans[v.plan as PlanId].illustrativePriceUsd * x }),
        },
      },
    ],
  },
  {
    labels: ["size of the message levers (direction documented, size not)"],
    notVaried: "divided out: the response rate is the one your team observes with its message (the team planner divides the levers out of it)",
    inputs: [
      {
        id: "levers.sizeFactor",
        label: "lever size ÷ assumed size",
        unit: "",
        distribution: { kind: "uniform", min: 0, max: 2 },
        default: "1 (the sizes in models/levers.ts)",
        source: "guide G11 and LinkedIn's 2022 study give directions only: from no effect (0) to twice the assumed effect on the log scale (2)",
        measure: "A/B-test the message and calibrate each variant's response rate with commands/calibrate.ts",
        target: {
          kind: "model",
          // The lever part of the message multiplier (the length band stays) raised to x.
          set: (m, x, v) => ({ ...m, response: { ...m.response, multiplier: (m.response.multiplier ?? 1) * leverMultiplier(leversOf(v)) ** (x - 1) } }),
        },
      },
    ],
  },
  {
    labels: ["off-peak effect size"],
    notVaried: "divided out: the response rate is the one your team observes at its sending hours (the team planner divides the timing out of it)",
    inputs: [
      {
        id: "timing.offPeakMultiplier",
        label: "off-peak response multiplier",
        unit: "",
        distribution: { kind: "uniform", min: 1, max: 1.1 },
        default: "1.05",
        source: "guide G11: off-peak 'sometimes yields better results' (direction only): from no effect to twice the assumed 5%",
        measure: "compare response rates of sends before 8:00 or from 18:00 in your send log",
        target: { kind: "model", set: (m, x) => ({ ...m, response: { ...m.response, offPeakMultiplier: x } }) },
      },
    ],
  },
  {
    labels: ["share of members who block InMail"],
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
    labels: ["Open Profile share and monthly cap"],
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
        source: "800 and 900 a month reported by vendor pages (low confidence); LinkedIn says only that a limit exists (help a1451572)",
        measure: "LinkedIn's notice when the limit is reached",
        target: { kind: "param", path: "openProfile.monthlyCap", integer: true },
      },
    ],
  },
  {
    labels: ["connection request weekly cap (~100, unofficial), acceptance and reply rates"],
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
    labels: ["complaint-rule thresholds (G9 gives none)"],
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
          kind: "model",
          set: (m, x) => {
            const e = m.enforcement ?? {};
            return { ...m, enforcement: { ...e, complaints: e.complaints ? { ...e.complaints, maxSpamRate: x } : null } };
          },
        },
      },
    ],
  },
  {
    labels: ["content-filter flag rate"],
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
    labels: ["sends allowed while bulk InMail is off"],
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
          kind: "model",
          set: (m, x) => {
            const e = m.enforcement ?? {};
            const floor = e.responseRateFloor ? { ...e.responseRateFloor, restrictedSendsPerDay: Math.round(x) } : null;
            return { ...m, enforcement: { ...e, responseRateFloor: floor } };
          },
        },
      },
    ],
  },
  {
    labels: ["no refund on spam reports (undocumented)"],
    inputs: [
      {
        id: "rules.refundOnSpam",
        label: "refund on a spam report",
        unit: "",
        distribution: { kind: "choice", values: [0, 1], labels: ["no refund", "refund"] },
        default: "no refund",
        source: "no LinkedIn help page says (a551431 and 37822 are silent on refunds); either rule is possible",
        measure: "check the credit balance after a spam report",
        target: {
          kind: "model",
          set: (m, x) => {
            const refundOn = m.rules.refundOn.slice();
            refundOn[OUTCOME_CODE.spam] = x === 1;
            return { ...m, rules: { ...m.rules, refundOn } };
          },
        },
      },
    ],
  },
  {
    labels: ["follow-up response probability ×… of the first InMail's (none is published; plausible 0.25–1)"],
    pattern: /^follow-up response probability ×[\d.]+ of the first InMail's \(none is published; plausible 0\.25–1\)$/,
    inputs: [
      {
        id: "followUps.responseFactor",
        label: "follow-up response ÷ first InMail's",
        unit: "",
        distribution: { kind: "uniform", min: 0.25, max: 1 },
        default: "0.5",
        source: "none published; a follow-up reaches someone who did not answer the first message: from a quarter of its response rate to as much",
        measure: "responses to follow-ups ÷ responses to first InMails, from your send log",
        target: { kind: "param", path: "followUps.responseFactor" },
      },
    ],
  },
  {
    labels: ["an answer refunds the message it answers; earlier messages of the sequence stay spent (undocumented)"],
    inputs: [],
    notVaried: "a rule, not a figure: the other reading (an answer refunds the whole sequence) is not modelled",
  },
  {
    labels: ["Recruiter follow-up credits taken when scheduled, given back when not delivered (reading of help a1457303)"],
    inputs: [],
    notVaried: "a rule, not a figure: the reading of LinkedIn's help page is the only one modelled",
  },
  {
    labels: ["a Premium follow-up costs a credit (the FAQ a554514 says only 'may be eligible')"],
    inputs: [],
    notVaried: "a rule, not a figure: followUps.premiumRule chooses between the two readings; set it to compare",
  },
  {
    labels: ["share of follow-ups that cannot be delivered"],
    inputs: [
      {
        id: "followUps.undeliverableShare",
        label: "share of follow-ups not deliverable",
        unit: "",
        distribution: { kind: "uniform", min: 0, max: 0.2 },
        default: "as set (0 turns it off)",
        source: "assumed: members who leave or close InMail between messages, up to one in five",
        measure: "follow-ups your send log shows as undelivered",
        target: { kind: "param", path: "followUps.undeliverableShare" },
      },
    ],
  },
  {
    labels: ["Recruiter: 150 credits per seat a month (LinkedIn's 2014 figure; contracts are negotiated)"],
    inputs: [
      {
        id: "rules.credits",
        label: "Recruiter credits per seat a month",
        unit: "credits per seat per month",
        distribution: { kind: "uniform", min: 100, max: 200 },
        default: "150",
        source: "LinkedIn's 2014 blog: 150 per seat (Recruiter Professional Services 100); contracts are negotiated",
        measure: "read the allotment in your Recruiter contract (then --set rules.credits=…)",
        target: { kind: "param", path: "rules.credits", integer: true },
      },
    ],
  },
];

/** The message levers switched on in `values` (the general scenario's `message.*` and `audience.openToWork`). */
function leversOf(v: ParamValues): Partial<Record<LeverId, boolean>> {
  return {
    specificSubject: v["message.specificSubject"] === true,
    mutualGround: v["message.mutualGround"] === true,
    clearCallToAction: v["message.clearCallToAction"] === true,
    personalised: v["message.personalised"] === true,
    openToWorkTarget: v["audience.openToWork"] === true,
  };
}

const byLabel = new Map(assumptionRanges.flatMap((r) => r.labels.map((label) => [label, r] as const)));

/** The entry of an assumption label; throws for a label the table lacks. */
export function rangeOf(label: string): AssumptionRange {
  const range = byLabel.get(label) ?? assumptionRanges.find((r) => r.pattern?.test(label));
  if (!range) throw new Error(`assumption-ranges.ts has no range for the assumption ${JSON.stringify(label)}`);
  return range;
}

/** `values` with every value-target input set to its value in `x` (same order as `inputs`). */
export function withValueInputs(values: ParamValues, inputs: readonly AssumptionInput[], x: ArrayLike<number>): ParamValues {
  let out = { ...values };
  inputs.forEach((input, i) => {
    const t = input.target;
    if (t.kind === "param") out[t.path] = t.integer ? Math.round(x[i]!) : x[i]!;
    else if (t.kind === "values") out = t.set(out, x[i]!);
  });
  return out;
}

/** `model` with every model-target input applied (same order as `inputs`). */
export function withModelInputs(model: AccountModel, values: ParamValues, inputs: readonly AssumptionInput[], x: ArrayLike<number>): AccountModel {
  return inputs.reduce((m, input, i) => (input.target.kind === "model" ? input.target.set(m, x[i]!, values) : m), model);
}
