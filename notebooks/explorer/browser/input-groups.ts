/**
 * How the explorer groups the planner's parameters: the team's inputs first, then the
 * main assumptions, then every other parameter, collapsed. Names the planner lacks are
 * skipped by the form, so a renamed parameter falls into the last group, never away.
 */
import type { ParamSpec } from "../../../experiments/inputs/params.ts";
import type { InputGroup } from "./input-form.ts";

export const teamInputs = ["seats", "plan", "policy", "responseRate", "positiveShare", "sendsPerWorkingDay", "workdays", "demandPerSeat", "months", "target", "seed", "replications"] as const;

export const mainAssumptions = ["delay.medianDays", "message.bodyChars", "audience.blockedShare", "audience.openProfileShare", "audience.segment", "timing.weekdayEffect"] as const;

export function inputGroups(specs: readonly ParamSpec[]): InputGroup[] {
  const prices = specs.map((s) => s.name).filter((n) => n.startsWith("price."));
  return [
    { legend: "Your team", names: teamInputs },
    { legend: "Prices (USD per seat per month)", names: prices },
    { legend: "Main assumptions", names: mainAssumptions },
    { legend: "Every other parameter", names: specs.map((s) => s.name), collapsed: true },
  ];
}
