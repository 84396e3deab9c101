import * as Plot from "@observablehq/plot";
import { renderPlot } from "../render-plot.ts";
import { checkRows, checkWidth } from "./check-input.ts";
import { firstSeen } from "./first-seen.ts";

export const defaults = {
  width: 640,
  panelHeight: 110,
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
  /** Height of one plan's panel in px. Default 110. */
  readonly panelHeight?: number;
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
  const { events = [], width = defaults.width, panelHeight = defaults.panelHeight } = options;
  if (events.length > 0) checkRows(`${name} events`, events, { plan: "string", day: "number", kind: EVENT_KINDS, credits: "number" });
  checkWidth(name, width);
  if (!(panelHeight >= 60)) throw new Error(`${name}: panelHeight must be ≥ 60 px`);

  const plans = firstSeen(rows, "plan");
  const byPlan = new Map(plans.map((p) => [p, rows.filter((r) => r.plan === p).sort((a, b) => a.day - b.day)]));
  const placed = events.map((e) => {
    const series = byPlan.get(e.plan);
    if (series === undefined) throw new Error(`${name}: event for plan "${e.plan}" has no balance rows`);
    return { ...e, balance: balanceOn(series, e.day) };
  });
  const kinds = EVENT_KINDS.filter((k) => events.some((e) => e.kind === k));
  const marginTop = 10;
  const marginBottom = 40;
  return renderPlot({
    width,
    height: marginTop + marginBottom + plans.length * panelHeight,
    marginTop,
    marginBottom,
    marginLeft: 56,
    x: { label: "Day", labelAnchor: "center", labelArrow: "none" },
    y: { label: "Balance (credits)", labelAnchor: "center", labelArrow: "none", grid: true, zero: true, nice: true },
    // Panels are labelled inside their frame (top-left), so long plan names never run out of the SVG.
    fy: { domain: plans, axis: null, padding: 0.2 },
    ...(kinds.length > 0
      ? {
          color: { domain: kinds, range: kinds.map((k) => defaults.kinds[k].color) },
          symbol: { domain: kinds, range: kinds.map((k) => defaults.kinds[k].symbol), legend: true, label: "Event" },
        }
      : {}),
    marks: [
      Plot.frame({ stroke: "#ccc" }),
      Plot.lineY(rows, { x: "day", y: "balance", fy: "plan", z: "plan", curve: "step-after", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.dot(placed, { x: "day", y: "balance", fy: "plan", stroke: "kind", symbol: "kind", fill: "white", r: 3.5, strokeWidth: 1.5 }),
      Plot.text(plans, { fy: (p: string) => p, text: (p: string) => p, frameAnchor: "top-left", dx: 6, dy: 5, fontWeight: "bold", stroke: "white", strokeWidth: 3, fill: "currentColor" }),
    ],
  });
}

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
