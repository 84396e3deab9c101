import * as Plot from "@observablehq/plot";
import { seriesColors } from "../plan-palette.ts";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";

export const defaults = {
  yLabel: "Value",
  percent: false,
  width: 640,
  height: 320,
} as const;

/** One bar: `value` of `series` within `group`, optionally with interval bounds `lo`–`hi`. */
export interface GroupedBarRow {
  readonly group: string;
  readonly series: string;
  readonly value: number;
  readonly lo?: number | null;
  readonly hi?: number | null;
}

export interface GroupedBarsOptions {
  /** Value axis label, with units. Default "Value". */
  readonly yLabel?: string;
  /** Label under the groups. Default none. */
  readonly xLabel?: string;
  /** Values are 0–1 fractions shown as %. Default false. */
  readonly percent?: boolean;
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Outer height in px, legend excluded. Default 320. */
  readonly height?: number;
}

/**
 * Grouped vertical bars: one cluster per group, one coloured bar per series
 * (legend above), error bars where a row has both `lo` and `hi`.
 * Groups and series keep their order of first appearance.
 * Throws on missing or non-finite values, or only one of `lo`/`hi` in a row.
 */
export function groupedBars(rows: readonly GroupedBarRow[], options: GroupedBarsOptions = {}): string {
  const name = "groupedBars";
  checkRows(name, rows, { group: "string", series: "string", value: "number", lo: "number?", hi: "number?" });
  const { yLabel = defaults.yLabel, xLabel, percent = defaults.percent, width = defaults.width, height = defaults.height } = options;
  checkWidth(name, width);
  rows.forEach((r, i) => {
    if ((r.lo == null) !== (r.hi == null)) throw new Error(`${name}: rows[${i}] has only one of lo/hi`);
  });
  const series = firstSeen(rows, "series");
  const withInterval = rows.filter((r) => r.lo != null);
  const bar = { fx: "group", x: "series" } as const;
  return renderPlot({
    width,
    height,
    marginLeft: 56,
    marginBottom: xLabel === undefined ? 30 : 44,
    x: { domain: series, axis: null, paddingInner: 0.1 },
    fx: { domain: firstSeen(rows, "group"), axis: "bottom", label: xLabel ?? null, labelAnchor: "center", labelArrow: "none", padding: 0.15 },
    y: { label: yLabel, labelAnchor: "center", labelArrow: "none", grid: true, zero: true, nice: true, percent },
    color: { domain: series, range: seriesColors(series), legend: true },
    marks: [
      Plot.barY(rows, { ...bar, y: "value", fill: "series" }),
      Plot.link(withInterval, { ...bar, y1: "lo", y2: "hi", stroke: "currentColor", markerStart: "tick", markerEnd: "tick" }),
      Plot.ruleY([0]),
    ],
  });
}
