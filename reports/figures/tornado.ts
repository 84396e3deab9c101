import * as Plot from "@observablehq/plot";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { labelMargin } from "./label-margin.ts";

export const defaults = {
  xLabel: "Capacity (InMails per account per month)",
  lowLabel: "Lever at low setting",
  highLabel: "Lever at high setting",
  width: 640,
  barHeight: 28,
  digits: 1,
  colors: ["#e69f00", "#4269d0"],
} as const;

/** Outcome with one lever at its low and at its high setting, others at base. */
export interface TornadoRow {
  readonly lever: string;
  readonly low: number;
  readonly high: number;
  /** Outcome with every lever at base. */
  readonly base: number;
}

export interface TornadoOptions {
  /** Outcome axis label, with units. Default "Capacity (InMails per account per month)". */
  readonly xLabel?: string;
  /** Legend text for the two settings. Defaults "Lever at low setting", "Lever at high setting". */
  readonly lowLabel?: string;
  readonly highLabel?: string;
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Height of one lever's bar row in px. Default 28. */
  readonly barHeight?: number;
  /** Decimals of the printed end values. Default 1. */
  readonly digits?: number;
}

/**
 * Tornado chart: per lever, a bar from the base outcome to the outcome at the
 * lever's low setting and one to its high setting, levers sorted by span
 * |high − low| (widest on top), base marked (and labelled when all levers
 * share it), end values printed. A setting equal to the base (a one-sided lever,
 * e.g. one that can only be switched on) draws no bar and prints no value.
 * Throws on missing or non-finite values.
 */
export function tornado(rows: readonly TornadoRow[], options: TornadoOptions = {}): string {
  const name = "tornado";
  checkRows(name, rows, { lever: "string", low: "number", high: "number", base: "number" });
  const { xLabel = defaults.xLabel, lowLabel = defaults.lowLabel, highLabel = defaults.highLabel, width = defaults.width, barHeight = defaults.barHeight, digits = defaults.digits } = options;
  checkWidth(name, width);
  if (!(barHeight >= 12)) throw new Error(`${name}: barHeight must be ≥ 12 px`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new Error(`${name}: digits must be an integer in 0–6`);

  // Stable sort: equal spans keep the caller's order.
  const levers = [...rows].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low)).map((r) => r.lever);
  const ends = rows
    .flatMap((r) => [
      { lever: r.lever, base: r.base, value: r.low, setting: lowLabel },
      { lever: r.lever, base: r.base, value: r.high, setting: highLabel },
    ])
    .filter((e) => e.value !== e.base);
  type End = (typeof ends)[number];
  const endText = { y: "lever", x: "value", text: (d: End) => d.value.toFixed(digits) } as const;
  // One base for all levers (the usual case) is labelled above the bars.
  const base = rows.every((r) => r.base === rows[0]!.base) ? rows[0]!.base : undefined;
  const marginTop = base === undefined ? 10 : 24;
  const marginBottom = 40;
  return renderPlot({
    width,
    height: marginTop + marginBottom + (levers.length + 0.5) * barHeight,
    marginTop,
    marginBottom,
    marginLeft: labelMargin(levers),
    x: { label: xLabel, labelAnchor: "center", labelArrow: "none", grid: true, insetLeft: 36, insetRight: 36 },
    y: { domain: levers, label: null },
    color: { domain: [lowLabel, highLabel], range: defaults.colors, legend: true },
    marks: [
      Plot.barX(ends, { y: "lever", x1: "base", x2: "value", fill: "setting" }),
      Plot.tickX(rows, { y: "lever", x: "base", stroke: "currentColor", strokeWidth: 2 }),
      ...(base === undefined ? [] : [Plot.text([base], { x: (b: number) => b, frameAnchor: "top", lineAnchor: "bottom", dy: -6, text: (b: number) => `Base ${b.toFixed(digits)}` })]),
      // Values left of base are printed left of the bar end, others right of it.
      Plot.text(ends, { ...endText, filter: (d: End) => d.value < d.base, textAnchor: "end", dx: -4 }),
      Plot.text(ends, { ...endText, filter: (d: End) => d.value >= d.base, textAnchor: "start", dx: 4 }),
    ],
  });
}
