import * as Plot from "@observablehq/plot";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";
import { DAY_MS } from "../../sim/time-unit.ts";

export const defaults = {
  width: 640,
  panelHeight: 110,
  /** Room above each panel for its label, px: panel labels sit outside the data, never over a grant spike. */
  labelRoom: 20,
  /** With `startDate`, a window at least this long (days) gets a tick on the 1st of each month. */
  monthTicksFromDays: 60,
  /** Colour and symbol per event kind; the symbol repeats the kind, so colour is never the only cue. */
  kinds: {
    grant: { color: "#2a9d55", symbol: "triangle" },
    spend: { color: "#4269d0", symbol: "circle" },
    refund: { color: "#e69f00", symbol: "diamond" },
    expire: { color: "#d1352b", symbol: "times" },
    forfeit: { color: "#8e44ad", symbol: "square" },
  },
} as const;

/** An account's credit balance at the end of a day. */
export interface BalanceRow {
  readonly plan: string;
  readonly day: number;
  readonly balance: number;
}

export const EVENT_KINDS = ["grant", "spend", "refund", "expire", "forfeit"] as const;
export type BalanceEventKind = (typeof EVENT_KINDS)[number];

/** A ledger event: `credits` (≥ 0) moved by one kind of event on one day, aggregated as the caller likes. */
export interface BalanceEventRow {
  readonly plan: string;
  readonly day: number;
  readonly kind: BalanceEventKind;
  readonly credits: number;
}

export interface BalanceTimelineOptions {
  /** Ledger events, drawn on the balance line on their day. Default none. */
  readonly events?: readonly BalanceEventRow[];
  /** Outer width in px. Default 640. */
  readonly width?: number;
  /** Height of one plan's panel in px, its label included. Default 110. */
  readonly panelHeight?: number;
  /**
   * ISO date (YYYY-MM-DD) of day 0: the horizontal axis then shows UTC calendar dates
   * instead of day numbers, so grants on the 1st of a month line up with the ticks.
   * Default none (day numbers).
   */
  readonly startDate?: string;
  /** Whether to draw the legend of event kinds (when there are events). Default true; false for a figure stacked under one with the same kinds. */
  readonly legend?: boolean;
}

/**
 * Credit balance over time as a step line, one panel per plan, with ledger
 * events marked on the line at their day (at that day's closing balance),
 * coloured and shaped by kind, so grants, spends, refunds, expiries and
 * forfeits can be told apart. Throws on missing or non-finite values, an
 * unknown event kind, or an event for a plan with no balance rows.
 */
export function balanceTimeline(rows: readonly BalanceRow[], options: BalanceTimelineOptions = {}): string {
  const name = "balanceTimeline";
  checkRows(name, rows, { plan: "string", day: "number", balance: "number" });
  const { events = [], width = defaults.width, panelHeight = defaults.panelHeight, startDate, legend = true } = options;
  if (events.length > 0) checkRows(`${name} events`, events, { plan: "string", day: "number", kind: EVENT_KINDS, credits: "number" });
  checkWidth(name, width);
  if (!(panelHeight >= 60)) throw new Error(`${name}: panelHeight must be ≥ 60 px`);
  const t0 = startDate === undefined ? undefined : Date.parse(`${startDate}T00:00:00Z`);
  if (startDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !Number.isFinite(t0))) {
    throw new Error(`${name}: startDate must be a date YYYY-MM-DD, got ${JSON.stringify(startDate)}`);
  }
  const x = t0 === undefined ? (r: { day: number }) => r.day : (r: { day: number }) => new Date(t0 + r.day * DAY_MS);

  const plans = firstSeen(rows, "plan");
  const byPlan = new Map(plans.map((p) => [p, rows.filter((r) => r.plan === p).sort((a, b) => a.day - b.day)]));
  const placed = events.map((e) => {
    const series = byPlan.get(e.plan);
    if (series === undefined) throw new Error(`${name}: event for plan "${e.plan}" has no balance rows`);
    return { ...e, balance: balanceOn(series, e.day) };
  });
  const kinds = EVENT_KINDS.filter((k) => events.some((e) => e.kind === k));
  // Each panel's label sits in the room above its frame: the top margin for the first,
  // the gap between panels for the others (left-aligned, so long names never run out of the SVG).
  const gap = defaults.labelRoom;
  const marginTop = gap;
  const marginBottom = 40;
  const panels = plans.length * panelHeight - gap;
  return renderPlot({
    width,
    height: marginTop + marginBottom + panels,
    marginTop,
    marginBottom,
    marginLeft: 56,
    x:
      t0 === undefined
        ? { label: "Day", labelAnchor: "center", labelArrow: "none" }
        : {
            type: "utc",
            label: "Date (UTC)",
            labelAnchor: "center",
            labelArrow: "none",
            // Monthly ticks once the window spans a couple of months: grants are monthly.
            ...(span(rows) >= defaults.monthTicksFromDays ? { ticks: "month" } : {}),
          },
    // The inset keeps a mark at the top of the range inside the frame, clear of the label above.
    y: { label: "Balance (credits)", labelAnchor: "center", labelArrow: "none", grid: true, zero: true, nice: true, insetTop: 5 },
    fy: { domain: plans, axis: null, paddingOuter: 0, paddingInner: plans.length > 1 ? (gap * plans.length) / (panels + gap) : 0 },
    ...(kinds.length > 0
      ? {
          color: { domain: kinds, range: kinds.map((k) => defaults.kinds[k].color) },
          symbol: { domain: kinds, range: kinds.map((k) => defaults.kinds[k].symbol), legend, label: "Event" },
        }
      : {}),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.lineY(rows, { x, y: "balance", fy: "plan", z: "plan", curve: "step-after", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.dot(placed, { x, y: "balance", fy: "plan", stroke: "kind", symbol: "kind", fill: "white", r: 3.5, strokeWidth: 1.5 }),
      Plot.text(plans, { fy: (p: string) => p, text: (p: string) => p, frameAnchor: "top-left", lineAnchor: "bottom", dy: -5, fontWeight: "bold", fill: "currentColor" }),
    ],
  });
}

const span = (rows: readonly BalanceRow[]) => Math.max(...rows.map((r) => r.day)) - Math.min(...rows.map((r) => r.day));

/** Closing balance on `day`: the last row on or before it, else the first row. `series` is sorted by day. */
function balanceOn(series: readonly BalanceRow[], day: number): number {
  let lo = 0;
  let hi = series.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series[mid]!.day <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return series[found]!.balance;
}
