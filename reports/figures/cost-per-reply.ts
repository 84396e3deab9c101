import * as Plot from "@observablehq/plot";
import { numberFormatter } from "../number-format.ts";
import { seriesColors } from "../plan-palette.ts";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";
import { labelMargin } from "./label-margin.ts";

export const defaults = {
  currency: "USD",
  width: 640,
  barHeight: 26,
} as const;

/** Subscription cost per conversation for one plan under one policy, with its 95% CI, in currency units. */
export interface CostRow {
  readonly plan: string;
  readonly policy: string;
  readonly costPerPositive: number;
  readonly lo: number;
  readonly hi: number;
}

export interface CostPerReplyOptions {
  /** ISO 4217 code of the amounts. Default "USD". */
  readonly currency?: string;
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Plan order (rows and colours). Default: order of first appearance in `rows`. */
  readonly plans?: readonly string[];
  /** Height of one bar's row in px. Default 26. */
  readonly barHeight?: number;
}

/**
 * Horizontal bars of cost per conversation by plan, one panel per policy,
 * with whiskers for the 95% CI and the value printed past each whisker.
 * Throws on missing or non-finite values or an invalid currency code.
 */
export function costPerReply(rows: readonly CostRow[], options: CostPerReplyOptions = {}): string {
  const name = "costPerReply";
  checkRows(name, rows, { plan: "string", policy: "string", costPerPositive: "number", lo: "number", hi: "number" });
  const { currency = defaults.currency, width = defaults.width, plans = firstSeen(rows, "plan"), barHeight = defaults.barHeight } = options;
  checkWidth(name, width);
  if (!(barHeight >= 12)) throw new Error(`${name}: barHeight must be ≥ 12 px`);
  const money = numberFormatter({ currency }); // throws RangeError on a bad code
  const policies = firstSeen(rows, "policy");
  const bar = { y: "plan", fy: "policy" } as const;
  const marginTop = 10;
  const marginBottom = 40;
  return renderPlot({
    width,
    height: marginTop + marginBottom + policies.length * (plans.length + 1) * barHeight,
    marginTop,
    marginBottom,
    marginLeft: labelMargin(plans),
    marginRight: labelMargin(
      policies.map((p) => `${p} policy`),
      90,
    ),
    x: {
      label: `Cost per conversation (${currency})`,
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
      zero: true,
      nice: true,
    },
    y: { domain: plans, label: null },
    fy: { domain: policies, label: null, tickFormat: (p: string) => `${p} policy` },
    color: { domain: plans, range: seriesColors(plans) },
    marks: [
      Plot.barX(rows, { ...bar, x: "costPerPositive", fill: "plan", fillOpacity: 0.85 }),
      Plot.ruleY(rows, { ...bar, x1: "lo", x2: "hi", stroke: "currentColor" }),
      Plot.tickX(rows, { ...bar, x: "lo", stroke: "currentColor", insetTop: 7, insetBottom: 7 }),
      Plot.tickX(rows, { ...bar, x: "hi", stroke: "currentColor", insetTop: 7, insetBottom: 7 }),
      Plot.text(rows, { ...bar, x: "hi", text: (r: CostRow) => money(r.costPerPositive), textAnchor: "start", dx: 5 }),
      Plot.ruleX([0]),
    ],
  });
}
