import * as Plot from "@observablehq/plot";
import { seriesColors } from "../plan-palette.ts";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";
import { labelMargin } from "./label-margin.ts";

export const defaults = {
  width: 640,
  height: 320,
  bandOpacity: 0.18,
  ruleDash: "4 3",
} as const;

/** One point of one series: `y` at `x`, optionally with a 95% band `lo`–`hi`, a panel and a printed label. */
export interface LineRow {
  readonly x: number;
  readonly y: number;
  readonly series: string;
  readonly lo?: number | null;
  readonly hi?: number | null;
  /** Optional panel: when any row has it, every row must. */
  readonly facet?: string;
  /** Text printed above the point (e.g. "24 seats"); none when absent or null. */
  readonly label?: string | null;
}

/** A labelled reference line across the plot, at a value of x or y. */
export interface ReferenceRule {
  readonly value: number;
  readonly label: string;
}

export interface LineChartOptions {
  /** Axis labels, with units. */
  readonly xLabel: string;
  readonly yLabel: string;
  /** x (or y) values are 0–1 fractions shown as %. Default false. */
  readonly xPercent?: boolean;
  readonly yPercent?: boolean;
  /** Series order (legend and colours). Default: order of first appearance. */
  readonly series?: readonly string[];
  /** Panel order. Default: order of first appearance. */
  readonly facets?: readonly string[];
  /** Panel heading for a facet value. Default: the value itself. */
  readonly facetLabel?: (facet: string) => string;
  /** A dashed vertical (xRule) or horizontal (yRule) reference line with its label. */
  readonly xRule?: ReferenceRule;
  readonly yRule?: ReferenceRule;
  /** Series drawn dashed (e.g. one that may lie on top of another). Default none. */
  readonly dashed?: readonly string[];
  /** Ticks only at the x values of the data (e.g. months 1, 2, …). Default false. */
  readonly xTicksAtData?: boolean;
  /** Caption under the figure. Default: explains the band when rows carry one. */
  readonly caption?: string;
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Outer height in px, legend and caption excluded. Default 320. */
  readonly height?: number;
}

/**
 * Lines of `y` against `x`, one colour per series (legend above; some may be dashed), a dot at every
 * point, a shaded 95% band where rows carry `lo` and `hi`, optional labels above
 * the points, optional dashed reference rules, one panel per facet. The y axis
 * starts at zero.
 * Throws on missing or non-finite values, only one of `lo`/`hi` in a row, or a facet
 * on only some rows.
 */
export function lineChart(rows: readonly LineRow[], options: LineChartOptions): string {
  const name = "lineChart";
  const faceted = Array.isArray(rows) && rows.some((r) => r?.facet !== undefined);
  checkRows(name, rows, { x: "number", y: "number", series: "string", lo: "number?", hi: "number?", ...(faceted ? { facet: "string" as const } : {}) });
  const {
    xLabel,
    yLabel,
    xPercent = false,
    yPercent = false,
    series = firstSeen(rows, "series"),
    facets = faceted ? firstSeen(rows as readonly (LineRow & { facet: string })[], "facet") : [],
    facetLabel = (f: string) => f,
    xRule,
    yRule,
    xTicksAtData = false,
    dashed = [],
    width = defaults.width,
    height = defaults.height,
  } = options;
  checkWidth(name, width);
  rows.forEach((r, i) => {
    if ((r.lo == null) !== (r.hi == null)) throw new Error(`${name}: rows[${i}] has only one of lo/hi`);
  });
  const data = [...rows].sort((a, b) => a.x - b.x);
  const banded = data.filter((r) => r.lo != null);
  const labelled = data.filter((r) => r.label != null && r.label !== "");
  const xs = data.map((r) => r.x);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const common = { x: "x", z: "series", ...(faceted ? { fx: "facet" } : {}) } as const;
  // A rule label reads to the right of its line unless the line is near the right edge.
  const ruleAnchor = (v: number) => (xMax > xMin && (v - xMin) / (xMax - xMin) > 0.7 ? "end" : "start");
  const caption = options.caption ?? (banded.length > 0 ? "Line: mean over replications; shaded band: its 95% confidence interval." : undefined);
  // Room for the widest tick label at 12 px, plus the axis label beside it.
  const yTop = Math.max(...data.map((r) => Math.max(Math.abs(r.y), Math.abs(r.hi ?? 0), Math.abs(r.lo ?? 0))));
  const yTickLabels = [Math.ceil(yTop * (yPercent ? 100 : 1)).toLocaleString("en-US"), yTop < 1 && !yPercent ? "0.00" : ""];
  return renderPlot({
    width,
    height,
    marginLeft: Math.max(60, labelMargin(yTickLabels) + 20),
    marginRight: 24,
    marginTop: faceted ? 30 : 20,
    marginBottom: 42,
    x: {
      label: xLabel,
      labelAnchor: "center",
      labelArrow: "none",
      percent: xPercent,
      // Room for the first and last points' labels.
      insetLeft: 16,
      insetRight: 16,
      ...(xTicksAtData ? { ticks: [...new Set(xs)] } : {}),
      // Plot's percent option transforms values first: the domain is in percent too.
      ...(xRule === undefined ? {} : { domain: [Math.min(xMin, xRule.value), Math.max(xMax, xRule.value)].map((v) => (xPercent ? v * 100 : v)) }),
    },
    y: { label: yLabel, labelAnchor: "center", labelArrow: "none", percent: yPercent, grid: true, zero: true, nice: true },
    ...(faceted ? { fx: { domain: facets, label: null, tickFormat: facetLabel } } : {}),
    color: { domain: series, range: seriesColors(series), legend: true },
    ...(caption === undefined ? {} : { caption }),
    marks: [
      ...(faceted ? [Plot.frame({ stroke: "#ccc" })] : []),
      ...(banded.length > 0 ? [Plot.areaY(banded, { ...common, y1: "lo", y2: "hi", fill: "series", fillOpacity: defaults.bandOpacity })] : []),
      Plot.lineY(
        data.filter((r) => !dashed.includes(r.series)),
        { ...common, y: "y", stroke: "series", strokeWidth: 2 },
      ),
      ...(dashed.length > 0
        ? [
            Plot.lineY(
              data.filter((r) => dashed.includes(r.series)),
              { ...common, y: "y", stroke: "series", strokeWidth: 2, strokeDasharray: "6 4" },
            ),
          ]
        : []),
      Plot.dot(data, { ...common, y: "y", fill: "series", r: 3 }),
      Plot.text(labelled, { ...common, y: "y", text: "label", dy: -9, fill: "currentColor" }),
      ...(xRule === undefined
        ? []
        : [
            Plot.ruleX([xRule.value], { stroke: "currentColor", strokeDasharray: defaults.ruleDash }),
            Plot.text([xRule], {
              x: "value",
              text: "label",
              frameAnchor: "top",
              lineAnchor: "top",
              dy: 4,
              dx: ruleAnchor(xRule.value) === "start" ? 4 : -4,
              textAnchor: ruleAnchor(xRule.value),
            }),
          ]),
      ...(yRule === undefined
        ? []
        : [
            Plot.ruleY([yRule.value], { stroke: "currentColor", strokeDasharray: defaults.ruleDash }),
            Plot.text([yRule], { y: "value", text: "label", frameAnchor: "left", lineAnchor: "bottom", textAnchor: "start", dx: 4, dy: -3 }),
          ]),
    ],
  });
}
