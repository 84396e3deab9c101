import { describe, expect, it } from "vitest";
import { balanceTimeline, type BalanceEventRow } from "../../../reports/figures/balance-timeline.ts";
import { balance } from "../fixtures.ts";
import { parseMarkup, texts } from "../parse-markup.ts";
import { expectSnapshot } from "../snapshot.ts";

describe("balanceTimeline", () => {
  it("matches its snapshot", () => {
    expectSnapshot("balance-timeline", balanceTimeline(balance.balances, { events: balance.events }));
  });

  it("draws a step line per plan, labelled inside its panel", () => {
    const doc = parseMarkup(balanceTimeline(balance.balances));
    expect(doc.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(texts(doc, 'g[aria-label="text"] text')).toEqual(["Premium Career", "Sales Navigator Core"]);
    expect(doc.querySelector('[class$="-swatch"]')).toBeNull(); // no events, no legend
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
