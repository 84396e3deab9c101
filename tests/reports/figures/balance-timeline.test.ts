import { describe, expect, it } from "vitest";
import { balanceTimeline, type BalanceEventRow } from "../../../reports/figures/balance-timeline.ts";
import { balance } from "../../support/fixtures.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

describe("balanceTimeline", () => {
  it("matches its snapshot", () => {
    expectSnapshot("balance-timeline", balanceTimeline(balance.balances, { events: balance.events }));
  });

  it("draws a step line per plan, labelled above its panel, clear of the data", () => {
    const doc = parseMarkup(balanceTimeline(balance.balances));
    expect(doc.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(texts(doc, 'g[aria-label="text"] text')).toEqual(["Premium Career", "Sales Navigator Core"]);
    expect(doc.querySelector('[class$="-swatch"]')).toBeNull(); // no events, no legend
    // Each label's baseline is above the top of its panel's frame, and below the previous panel.
    const frames = [...doc.querySelectorAll('g[aria-label="frame"] rect')];
    const labels = [...doc.querySelectorAll('g[aria-label="text"] text')];
    expect(frames).toHaveLength(2);
    labels.forEach((label, i) => {
      const frameTop = absoluteY(frames[i]!) + Number(frames[i]!.getAttribute("y"));
      const baseline = absoluteY(label);
      expect(baseline).toBeLessThan(frameTop);
      if (i > 0) expect(baseline - 10).toBeGreaterThan(absoluteY(frames[i - 1]!) + Number(frames[i - 1]!.getAttribute("y")) + Number(frames[i - 1]!.getAttribute("height")));
    });
  });

  it("shows UTC dates from a start date, monthly over a long window", () => {
    const rows = [
      { plan: "A", day: 0, balance: 50 },
      { plan: "A", day: 31, balance: 50 },
      { plan: "A", day: 120, balance: 0 },
    ];
    const doc = parseMarkup(balanceTimeline(rows, { startDate: "2026-01-01" }));
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Date (UTC)"]);
    const ticks = texts(doc, 'g[aria-label="x-axis tick label"] text');
    expect(ticks.slice(1)).toEqual(["Feb", "Mar", "Apr", "May"]);
    expect(ticks[0]).toMatch(/^Jan/);
    expect(() => balanceTimeline(rows, { startDate: "2026-13-01" })).toThrow(/startDate must be a date YYYY-MM-DD/);
    expect(() => balanceTimeline(rows, { startDate: "1 Jan" })).toThrow(/startDate must be a date YYYY-MM-DD/);
  });

  it("leaves the legend out on request", () => {
    const doc = parseMarkup(balanceTimeline(balance.balances, { events: balance.events, legend: false }));
    expect(doc.querySelector('[class$="-swatch"]')).toBeNull();
    expect(doc.querySelectorAll('g[aria-label="dot"] path')).toHaveLength(balance.events.length);
  });

  it("marks every event, with a legend of the kinds present", () => {
    const doc = parseMarkup(balanceTimeline(balance.balances, { events: balance.events }));
    expect(doc.querySelectorAll('g[aria-label="dot"] path')).toHaveLength(balance.events.length);
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["grant", "spend", "refund", "expire"]);
  });

  it("places an event at the closing balance of its day", () => {
    const rows = [
      { plan: "A", day: 0, balance: 10 },
      { plan: "A", day: 5, balance: 4 },
    ];
    const at = (day: number) => {
      const events: BalanceEventRow[] = [{ plan: "A", day, kind: "spend", credits: 1 }];
      const doc = parseMarkup(balanceTimeline(rows, { events }));
      const transform = doc.querySelector('g[aria-label="dot"] path')!.getAttribute("transform") ?? "";
      return /translate\([^,]+,([^)]+)\)/.exec(transform)?.[1]; // the y position
    };
    expect(at(3)).toBe(at(0)); // day 3 still has day 0's balance
    expect(at(5)).not.toBe(at(3));
  });

  it("rejects unknown kinds and events of unknown plans", () => {
    const kind = [{ ...balance.events[0]!, kind: "gift" }] as unknown as BalanceEventRow[];
    expect(() => balanceTimeline(balance.balances, { events: kind })).toThrow(/events: rows\[0\]\.kind must be one of "grant"/);
    const plan = [{ ...balance.events[0]!, plan: "Nope" }];
    expect(() => balanceTimeline(balance.balances, { events: plan })).toThrow('event for plan "Nope" has no balance rows');
  });
});

/** The vertical offset of `el` from its SVG: the sum of the `translate(x,y)` of it and its ancestors. */
function absoluteY(el: Element): number {
  let y = 0;
  for (let node: Element | null = el; node !== null && node.tagName.toLowerCase() !== "svg"; node = node.parentElement) {
    y += Number(/translate\([^,]+,([^)]+)\)/.exec(node.getAttribute("transform") ?? "")?.[1] ?? 0);
  }
  return y;
}
