/**
 * Plan prices as notebook parameters: `price.<plan>` in USD a month, by default the
 * plan's illustrative (low-confidence) price since LinkedIn publishes none; read back
 * with a flag saying which prices are still the illustrative ones.
 */
// plans.ts directly, not index.ts: the team planner imports this and must bundle for a browser.
import { plans, type PlanId } from "../../models/plans.ts";
import type { ParamSpec, ParamValues } from "./params.ts";

/** `price.<plan>`: the parameter that sets a plan's monthly price. */
export const priceParam = (plan: PlanId) => `price.${plan}`;

/** The price parameter of `plan`: USD a month (a seat's, when `perSeat`), from 0 to `maxUsd`. */
export function priceParamSpec(plan: PlanId, options: { readonly maxUsd: number; readonly perSeat?: boolean }): ParamSpec {
  const what = options.perSeat ? `a ${plans[plan].name} seat` : plans[plan].name;
  return {
    name: priceParam(plan),
    kind: "number",
    min: 0,
    max: options.maxUsd,
    default: plans[plan].illustrativePriceUsd,
    unit: options.perSeat ? "USD/seat/month" : "USD/month",
    description: `price of ${what} (default illustrative, low confidence: LinkedIn publishes none)`,
  };
}

export interface PlanPrices<Id extends PlanId> {
  /** Monthly price per plan (per seat for seat plans), USD. */
  readonly prices: Readonly<Record<Id, number>>;
  /** Which prices are the built-in illustrative ones (not set by the user). */
  readonly illustrativePrices: Readonly<Record<Id, boolean>>;
}

/** The prices of `ids` from validated values (every `priceParam(id)` must be among them). */
export function planPricesFrom<Id extends PlanId>(values: ParamValues, ids: readonly Id[]): PlanPrices<Id> {
  const prices = {} as Record<Id, number>;
  const illustrativePrices = {} as Record<Id, boolean>;
  for (const id of ids) {
    const price = values[priceParam(id)] as number;
    prices[id] = price;
    illustrativePrices[id] = price === plans[id].illustrativePriceUsd;
  }
  return { prices, illustrativePrices };
}
