import * as Plot from "@observablehq/plot";
import { seriesColors } from "../plan-palette.ts";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";
import { percentTick } from "./percent-tick.ts";

export const defaults = {
  width: 640,
  height: 380,
  yScale: "linear",
  bandOpacity: 0.18,
  meanWidth: 2.5,
  /** The closed form is drawn on top of the mean, thin, dashed and dark, so it shows where the two coincide. */
  analyticColor: "#222",
  analyticWidth: 1,
  analyticDash: "3 3",
  /** Head- and footroom of the log scale, as a factor on the extreme values. */
  logPadding: 1.1,
  markColor: "#888",
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
  /**
   * `linear` (default, from zero) or `log`: on a log scale every plan's curve is its
   * allotment times the same multiplier, so the lines run parallel and small plans
   * are as legible as large ones. `log` needs every mean, bound and closed form > 0.
   */
  readonly yScale?: "linear" | "log";
  /** A reply rate (0–1) to mark with a vertical rule, e.g. the reader's own. Default none. */
  readonly markReplyRate?: number;
}

/**
 * Effective outreach capacity against reply rate: per plan, the simulated
 * mean as a solid line with its 95% CI as a shaded band, and the closed form
 * as a thin dark dashed line on top; one panel per credit policy.
 * Throws if a row lacks a column or holds a non-finite number, on a bad
 * option, or on a value ≤ 0 with the log scale.
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
  const { width = defaults.width, height = defaults.height, plans = firstSeen(rows, "plan"), yScale = defaults.yScale, markReplyRate } = options;
  checkWidth(name, width);
  if (yScale !== "linear" && yScale !== "log") throw new Error(`${name}: yScale must be "linear" or "log", got ${JSON.stringify(yScale)}`);
  if (markReplyRate !== undefined && !(markReplyRate >= 0 && markReplyRate <= 1)) {
    throw new Error(`${name}: markReplyRate must be a number from 0 to 1, got ${String(markReplyRate)}`);
  }
  const values = rows.flatMap((r) => [r.mean, r.lo, r.hi, r.analytic]);
  if (yScale === "log" && values.some((v) => v <= 0)) throw new Error(`${name}: the log scale needs every mean, lo, hi and analytic > 0`);

  const data = [...rows].sort((a, b) => a.replyRate - b.replyRate);
  const policies = (["guide", "linkedin"] as const).filter((p) => rows.some((r) => r.policy === p));
  const common = { x: "replyRate", fx: "policy", z: "plan" } as const;
  const yAxis = { label: "InMails delivered per account per month", labelAnchor: "center", labelArrow: "none", grid: true } as const;
  const logDomain = [Math.min(...values) / defaults.logPadding, Math.max(...values) * defaults.logPadding] as const;
  return renderPlot({
    width,
    height,
    marginLeft: 56,
    marginTop: 30,
    marginBottom: 40,
    x: { percent: true, label: "Reply rate (%)", labelAnchor: "center", labelArrow: "none", nice: true },
    y: yScale === "log" ? { ...yAxis, type: "log", domain: [...logDomain], ticks: logTicks(...logDomain) } : { ...yAxis, zero: true, nice: true },
    fx: { domain: policies, label: null, tickFormat: (p: string) => `${p} policy` },
    color: { domain: plans, range: seriesColors(plans), legend: true },
    caption:
      "Solid line: simulated mean; shaded band: its 95% confidence interval (hidden under the line when it is narrower). " +
      "Dark dashed line, drawn on top: closed form credits ÷ (1 − reply rate)." +
      (yScale === "log" ? " Logarithmic vertical scale: equal ratios are equal distances." : "") +
      (markReplyRate !== undefined ? ` Grey vertical line: reply rate ${percentTick(markReplyRate)}%.` : ""),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      ...(markReplyRate !== undefined ? [Plot.ruleX([markReplyRate], { stroke: defaults.markColor, strokeDasharray: "2 2" })] : []),
      Plot.areaY(data, { ...common, y1: "lo", y2: "hi", fill: "plan", fillOpacity: defaults.bandOpacity }),
      Plot.lineY(data, { ...common, y: "mean", stroke: "plan", strokeWidth: defaults.meanWidth }),
      Plot.lineY(data, {
        ...common,
        y: "analytic",
        stroke: defaults.analyticColor,
        strokeWidth: defaults.analyticWidth,
        strokeDasharray: defaults.analyticDash,
      }),
    ],
  });
}

/** Ticks 1, 2, 5 × 10^k within [min, max] (both > 0). */
function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of [1, 2, 5]) ticks.push(Number((m * 10 ** k).toPrecision(1)));
  }
  return ticks.filter((t) => t >= min && t <= max);
}
