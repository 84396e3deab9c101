/** Stand-in rendering of the stand-in planner's result (replaced with the team planner's). */
import { stringify } from "csv-stringify/browser/esm/sync";
import type { ParamSpec, ParamValues } from "../../../scenarios/params.ts";
import type { InputGroup } from "./input-form.ts";
import { el, replaceChildren } from "./dom.ts";

interface StandIn {
  seats: number;
  policies: { policy: string; capacity: { mean: number; ci95: [number, number] }; conversationsPerSeatMonth: { mean: number } }[];
}

export function inputGroups(specs: readonly ParamSpec[]): InputGroup[] {
  const main = ["seats", "responseRate", "plan", "policy", "cycles", "sender.sendsPerDay", "seed", "replications"];
  const assumptions = ["delay.medianDays", "message.bodyChars", "audience.blockedShare", "audience.openProfileShare"];
  return [
    { legend: "Your team", names: main },
    { legend: "Main assumptions", names: assumptions },
    { legend: "Every other parameter", names: specs.map((s) => s.name), collapsed: true },
  ];
}

export function renderResult(container: HTMLElement, result: unknown, _values: ParamValues): void {
  const r = result as StandIn;
  replaceChildren(
    container,
    el("p", { class: "answer", "data-answer": "conversations" }, `${r.seats} seats: ${(r.policies[1]!.conversationsPerSeatMonth.mean * r.seats).toFixed(1)} conversations a month`),
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, el("th", {}, "policy"), el("th", {}, "capacity"))),
      el("tbody", {}, ...r.policies.map((p) => el("tr", {}, el("td", {}, p.policy), el("td", { class: "num" }, p.capacity.mean.toFixed(2))))),
    ),
  );
}

export function resultJson(result: unknown): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function resultCsv(result: unknown): string {
  const r = result as StandIn;
  return stringify(r.policies.map((p) => ({ policy: p.policy, capacity: p.capacity.mean })), { header: true });
}
