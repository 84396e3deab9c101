/**
 * The team planner's inputs, in the glossary's terms (GLOSSARY.md), plus every
 * general-scenario parameter by its dotted path that the team inputs do not replace.
 * Pure (no node: import), like the rest of experiments/team/, so a browser can bundle it.
 *
 * Units: `seats` are people (one seat each); `sendsPerWorkingDay` InMails per seat per
 * working day; `demandPerSeat` people per seat per month; prices USD per seat per month;
 * `target` conversations per team per month. `responseRate` and `positiveShare` are shares
 * typed, or `segment` (the default): the chosen `audience.segment`'s figures (segment-rates.ts).
 */
import { personas } from "../../models/personas.ts";
import { payingPlanIds } from "../../models/paying-plans.ts";
import type { ParamSpec } from "../inputs/params.ts";
import { priceParamSpec } from "../inputs/plan-prices.ts";
import { perSegmentText, positiveShareOf, positiveShareSpec, responseRateSpec } from "../inputs/segment-rates.ts";
import { planLabels, scenarioParams } from "../general/scenario.ts";

/** Largest team the planner simulates. */
export const maxSeats = 10_000;

const persona = personas.recruiter;
/** The general scenario's parameters (the recruiter persona's defaults). */
export const generalParams = scenarioParams("recruiter");
const general = generalParams;
const generalByName = new Map(general.map((s) => [s.name, s]));
const workdaysSpec = generalByName.get("sender.workdays")!;

/**
 * General-scenario parameters a team input replaces (one name for one thing): the
 * team's `seats`, `plan`, `policy`, `months`, `responseRate`, `positiveShare`,
 * `sendsPerWorkingDay`, `workdays`, `demandPerSeat`, `price.<plan>`, `replications`
 * and `seed`; `persona` only labels a run.
 */
export const replacedByTeam = new Set([
  "seed",
  "replications",
  "accounts",
  "cycles",
  "persona",
  "plan",
  "policy",
  "contract.seats",
  "sender.sendsPerDay",
  "sender.demandPerCycle",
  "sender.workdays",
  "audience.responseRate",
  "audience.acceptedShare",
  "audience.repliedShare",
  "price.monthlyUsd",
]);

/** Every parameter of the team planner: the team's inputs, then the general scenario's by dotted path. */
export const teamParams: ParamSpec[] = [
  { name: "seats", kind: "integer", min: 1, max: maxSeats, default: 6, unit: "seats", description: "people on the team, one seat each (a Recruiter contract pools their credits)" },
  { name: "plan", kind: "enum", values: [...payingPlanIds, "all"], labels: planLabels, default: "all", description: "plan every seat is on, or all = every paid plan side by side for the same team" },
  {
    name: "policy",
    kind: "enum",
    values: ["linkedin", "guide", "both"],
    default: "linkedin",
    description: "credit rules: linkedin (LinkedIn's help pages), guide (reset each month), or both side by side",
  },
  responseRateSpec(
    "response rate the team observes today: share of delivered InMails accepted, replied or declined (LinkedIn's definition)",
    `the audience.segment's (assumed): ${perSegmentText((s) => s.responseRate)}`,
  ),
  positiveShareSpec(`the audience.segment's (assumed): ${perSegmentText(positiveShareOf)}`),
  {
    name: "sendsPerWorkingDay",
    kind: "number",
    min: 0.001,
    max: 1_000_000,
    default: persona.sendsPerDay,
    unit: "/seat/working day",
    description: "InMails a seat sends per working day (see workdays) while it has credits",
  },
  { name: "workdays", kind: "enum", values: workdaysSpec.kind === "enum" ? workdaysSpec.values : ["mon-fri"], default: "mon-fri", description: "the working week: weekdays on which seats send" },
  { name: "demandPerSeat", kind: "limit", min: 1, max: 10_000_000, default: persona.demandPerCycle, unit: "/seat/month", description: "people each seat wants to reach a month" },
  ...payingPlanIds.map((id) => priceParamSpec(id, { maxUsd: 1_000_000, perSeat: true })),
  { name: "months", kind: "integer", min: 1, max: 120, default: 12, unit: "months", description: "months simulated (a month is one grant cycle of the plan)" },
  {
    name: "target",
    kind: "override",
    word: "none",
    min: 1,
    max: 10_000_000,
    integer: true,
    default: "none",
    unit: "/team/month",
    description: "conversations the team needs a month: finds the cheapest plan and seat count that meets it, or none",
  },
  { name: "replications", kind: "integer", min: 2, max: 10_000, default: 20, description: "independent replications of the team (95% CIs are across them)" },
  { name: "seed", kind: "integer", min: 0, max: Number.MAX_SAFE_INTEGER, default: 1, description: "master seed, the same for every run; same seed, same numbers" },
  ...general.filter((s) => !replacedByTeam.has(s.name)),
];
