import * as Plot from "@observablehq/plot";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";

export const defaults = {
  width: 640,
  height: 380,
  bandOpacity: 0.18,
  analyticDash: "5 3",
} as const;

/** One plan under one credit policy at one reply rate; capacities in InMails per account per month. */
export interface CapacityRow {
  readonly policy: "guide" | "linkedin";
  readonly plan: string;
  /** Share of InMails answered, 0–1 (shown as %). */
  readonly replyRate: number;
  /** Simulated mean capacity and its 95% CI bounds. */
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  /** Closed form credits / (1 − replyRate), for comparison. */
  readonly analytic: number;
}

export interface CapacityOptions {
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Outer height in px, legend excluded. Default 380. */
  readonly height?: number;
  /** Plan order (legend and colours). Default: order of first appearance in `rows`. */
  readonly plans?: readonly string[];
}

/**
 * Effective outreach capacity against reply rate: per plan, the simulated
 * mean as a solid line with its 95% CI as a shaded band, and the closed form
 * dashed in the same colour; one panel per credit policy.
 * Throws if a row lacks a column or holds a non-finite number.
 */
export function capacityVsReplyRate(rows: readonly CapacityRow[], options: CapacityOptions = {}): string {
  const name = "capacityVsReplyRate";
  checkRows(name, rows, {
    policy: ["guide", "linkedin"],
    plan: "string",
    replyRate: "number",
    mean: "number",
    lo: "number",
    hi: "number",
    analytic: "number",
  });
  const { width = defaults.width, height = defaults.height, plans = firstSeen(rows, "plan") } = options;
  checkWidth(name, width);
  const data = [...rows].sort((a, b) => a.replyRate - b.replyRate);
  const policies = (["guide", "linkedin"] as const).filter((p) => rows.some((r) => r.policy === p));
  const common = { x: "replyRate", fx: "policy", z: "plan" } as const;
  return renderPlot({
    width,
    height,
    marginLeft: 56,
    marginTop: 30,
    marginBottom: 40,
    x: { percent: true, label: "Reply rate (%)", labelAnchor: "center", labelArrow: "none", nice: true },
    y: {
      label: "InMails delivered per account per month",
      labelAnchor: "center",
      labelArrow: "none",
      grid: true,
      zero: true,
      nice: true,
    },
    fx: { domain: policies, label: null, tickFormat: (p: string) => `${p} policy` },
    color: { domain: plans, legend: true },
    caption: "Solid line: simulated mean; shaded band: its 95% confidence interval. Dashed line: closed form credits ÷ (1 − reply rate).",
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.areaY(data, { ...common, y1: "lo", y2: "hi", fill: "plan", fillOpacity: defaults.bandOpacity }),
      Plot.lineY(data, { ...common, y: "analytic", stroke: "plan", strokeWidth: 1.25, strokeDasharray: defaults.analyticDash }),
      Plot.lineY(data, { ...common, y: "mean", stroke: "plan", strokeWidth: 2 }),
    ],
  });
}
