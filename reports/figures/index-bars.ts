import * as Plot from "@observablehq/plot";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";
import { labelMargin } from "./label-margin.ts";

export const defaults = {
  xLabel: "Share of output variance",
  width: 640,
  barHeight: 30,
  colors: ["#4269d0", "#e69f00"],
} as const;

/** An input's two indices (0–1 shares): `first` alone and `total` with its interactions, each with its interval. */
export interface IndexBarRow {
  readonly input: string;
  readonly first: number;
  readonly firstLo: number;
  readonly firstHi: number;
  readonly total: number;
  readonly totalLo: number;
  readonly totalHi: number;
}

export interface IndexBarsOptions {
  /** Value axis label, without its unit: " (%)" is added. Default "Share of output variance". */
  readonly xLabel?: string;
  /** Legend text of the two bars. Defaults "S1 (alone)", "ST (with interactions)". */
  readonly firstLabel?: string;
  readonly totalLabel?: string;
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Height of one input's row in px. Default 30. */
  readonly barHeight?: number;
}

/**
 * Horizontal bars of sensitivity indices: one row per input (in the order given,
 * labels on the left), its first-order index above its total index (legend above), each
 * interval as a whisker; the axis in percent, from the lowest interval end (or 0) to the
 * highest (or 100%), but never beyond −25% … 125% (marks are clipped there: indices are
 * shares, and a wider interval says only that the sample was too small). A negative
 * estimate draws no bar, only its whisker.
 * Throws on missing or non-finite values, or a width under 200 px.
 */
export function indexBars(rows: readonly IndexBarRow[], options: IndexBarsOptions = {}): string {
  const name = "indexBars";
  checkRows(name, rows, { input: "string", first: "number", firstLo: "number", firstHi: "number", total: "number", totalLo: "number", totalHi: "number" });
  const { xLabel = defaults.xLabel, firstLabel = "S1 (alone)", totalLabel = "ST (with interactions)", width = defaults.width, barHeight = defaults.barHeight } = options;
  checkWidth(name, width);
  const inputs = firstSeen(rows, "input");
  const padding = 0.2;
  // Each input's band holds two bars of half its height; whiskers sit at their middles.
  const half = (barHeight * (1 - padding)) / 2;
  const marginTop = 10;
  const marginBottom = 40;
  const low = Math.max(-0.25, Math.min(0, ...rows.map((r) => Math.min(r.firstLo, r.totalLo))));
  const high = Math.min(1.25, Math.max(1, ...rows.map((r) => Math.max(r.firstHi, r.totalHi))));
  const bar = (x: "first" | "total") => rows.map((r) => ({ input: r.input, x: Math.max(0, r[x]), series: x === "first" ? firstLabel : totalLabel }));
  return renderPlot({
    width,
    height: marginTop + marginBottom + inputs.length * barHeight,
    marginTop,
    marginBottom,
    marginLeft: labelMargin(inputs),
    marginRight: 20,
    clip: true,
    x: { label: `${xLabel} (%)`, labelAnchor: "center", labelArrow: "none", grid: true, percent: true, domain: [low * 100, high * 100] },
    y: { domain: inputs, label: null, padding },
    color: { domain: [firstLabel, totalLabel], range: defaults.colors, legend: true },
    marks: [
      Plot.barX(bar("first"), { y: "input", x: "x", fill: "series", insetBottom: half }),
      Plot.barX(bar("total"), { y: "input", x: "x", fill: "series", insetTop: half }),
      Plot.link(rows, { y1: "input", y2: "input", x1: "firstLo", x2: "firstHi", dy: -half / 2, stroke: "currentColor", markerStart: "tick", markerEnd: "tick" }),
      Plot.link(rows, { y1: "input", y2: "input", x1: "totalLo", x2: "totalHi", dy: half / 2, stroke: "currentColor", markerStart: "tick", markerEnd: "tick" }),
      Plot.ruleX([0]),
    ],
  });
}
