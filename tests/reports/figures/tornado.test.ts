import { describe, expect, it } from "vitest";
import { tornado } from "../../../reports/figures/tornado.ts";
import { tornadoRows } from "../../support/fixtures.ts";
import { parseMarkup, texts } from "../../support/parse-markup.ts";
import { expectSnapshot } from "../../support/snapshot.ts";

describe("tornado", () => {
  it("matches its snapshot", () => {
    expectSnapshot("tornado", tornado(tornadoRows));
  });

  it("sorts levers by span, widest first", () => {
    const doc = parseMarkup(tornado(tornadoRows));
    expect(texts(doc, 'g[aria-label="y-axis tick label"] text')).toEqual([
      "Personalised first line", // 13.6
      "Follow-up within 3 days", // 12.5
      "Send time (weekday vs weekend)", // 6.7
      "Message length", // 5.2
      "Subject length", // 3.3
    ]);
  });

  it("draws both settings around the base and labels a shared base", () => {
    const doc = parseMarkup(tornado(tornadoRows, { xLabel: "Replies per month (count)" }));
    expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2 * tornadoRows.length);
    expect(texts(doc, '[class$="-swatch"]')).toEqual(["Lever at low setting", "Lever at high setting"]);
    expect(texts(doc, 'g[aria-label="text"] text')).toContain("Base 38.0");
    expect(texts(doc, 'g[aria-label="x-axis label"] text')).toEqual(["Replies per month (count)"]);
    const mixed = tornado(tornadoRows.map((r, i) => (i === 0 ? { ...r, base: 37 } : r)));
    expect(mixed).not.toContain("Base ");
  });

  it("draws one bar for a lever that can only be switched on, and none for one that changes nothing", () => {
    const rows = [
      { lever: "Personalised", low: 38, high: 44.8, base: 38 },
      { lever: "Friday dip", low: 38, high: 37.2, base: 38 },
      { lever: "No effect", low: 38, high: 38, base: 38 },
    ];
    const doc = parseMarkup(tornado(rows));
    expect(doc.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(2);
    expect(texts(doc, 'g[aria-label="text"] text')).toEqual(["Base 38.0", "37.2", "44.8"]);
    expect(texts(doc, 'g[aria-label="y-axis tick label"] text')).toEqual(["Personalised", "Friday dip", "No effect"]);
  });
});
