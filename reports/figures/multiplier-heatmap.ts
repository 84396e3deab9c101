import * as Plot from "@observablehq/plot";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";
import { percentTick } from "./percent-tick.ts";

export const defaults = {
  width: 640,
  cellHeight: 30,
  classes: 6,
  scheme: "blues",
  /** Cells in the top share of the colour range are dark: label them in white. */
  darkShare: 0.45,
  digits: 2,
} as const;

/** Capacity multiplier (effective capacity ÷ granted credits) at one reply rate and mean response delay. */
export interface MultiplierRow {
  /** Share of InMails answered, 0–1 (shown as %). */
  readonly replyRate: number;
  readonly responseDelayDays: number;
  readonly multiplier: number;
  /** Optional facet: when any row has it, every row must. */
  readonly policy?: string;
}

export interface MultiplierHeatmapOptions {
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Height of one cell row in px. Default 30. */
  readonly cellHeight?: number;
  /** Desired number of colour classes, 2–9; Plot's quantize scale rounds the thresholds to nice values, so the count may differ by one or two. Default 6. */
  readonly classes?: number;
}

/**
 * Heatmap of the capacity multiplier over reply rate (x, %) and mean response
 * delay (y, days), one panel per policy when rows carry `policy`. Colour is
 * quantized into `classes` steps with a legend; each cell shows its value.
 * Throws on missing or non-finite values, or on `policy` present in only some rows.
 */
export function multiplierHeatmap(rows: readonly MultiplierRow[], options: MultiplierHeatmapOptions = {}): string {
  const name = "multiplierHeatmap";
  const faceted = Array.isArray(rows) && rows.some((r) => r?.policy !== undefined);
  checkRows(name, rows, {
    replyRate: "number",
    responseDelayDays: "number",
    multiplier: "number",
    ...(faceted ? { policy: "string" as const } : {}),
  });
  const { width = defaults.width, cellHeight = defaults.cellHeight, classes = defaults.classes } = options;
  checkWidth(name, width);
  if (!Number.isInteger(classes) || classes < 2 || classes > 9) throw new Error(`${name}: classes must be an integer in 2–9`);
  if (!(cellHeight >= 12)) throw new Error(`${name}: cellHeight must be ≥ 12 px`);

  const delays = [...new Set(rows.map((r) => r.responseDelayDays))].sort((a, b) => a - b);
  const rates = [...new Set(rows.map((r) => r.replyRate))].sort((a, b) => a - b);
  const values = rows.map((r) => r.multiplier);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const dark = (r: MultiplierRow) => r.multiplier >= max - (max - min) * defaults.darkShare && max > min;
  const cell = { x: "replyRate", y: "responseDelayDays", ...(faceted ? { fx: "policy" } : {}) } as const;
  const label = (r: MultiplierRow) => r.multiplier.toFixed(defaults.digits);
  const marginTop = faceted ? 30 : 10;
  const marginBottom = 40;
  return renderPlot({
    width,
    height: marginTop + marginBottom + delays.length * cellHeight,
    marginTop,
    marginBottom,
    marginLeft: 56,
    padding: 0.04,
    x: { type: "band", domain: rates, tickFormat: percentTick, label: "Reply rate (%)", labelAnchor: "center", labelArrow: "none" },
    y: {
      type: "band",
      domain: delays,
      reverse: true,
      label: "Mean response delay (days)",
      labelAnchor: "center",
      labelArrow: "none",
    },
    ...(faceted ? { fx: { domain: firstSeen(rows, "policy"), label: null, tickFormat: (p: string) => `${p} policy` } } : {}),
    color: {
      type: "quantize",
      n: classes,
      scheme: defaults.scheme,
      domain: [min, max],
      legend: true,
      label: "Capacity multiplier (×)",
      tickFormat: `.${defaults.digits}f`,
    },
    marks: [
      Plot.cell(rows, { ...cell, fill: "multiplier" }),
      Plot.text(rows, { ...cell, text: label, fill: "black", filter: (r: MultiplierRow) => !dark(r) }),
      Plot.text(rows, { ...cell, text: label, fill: "white", filter: dark }),
    ],
  });
}
