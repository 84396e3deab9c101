import { describe, expect, it } from "vitest";
import { renderPage, type Page } from "../../reports/page.ts";
import { packageVersion } from "../../reports/provenance.ts";
import { fixturePage } from "../support/fixture-page.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";

const EVIL = "<script>alert(1)</script>";

/** The fixture page with the attack string in every user-supplied text field. */
function evilPage(): Page {
  const base = fixturePage();
  return {
    ...base,
    title: EVIL,
    guide: `Guide ${EVIL}`,
    sections: [
      {
        heading: EVIL,
        text: `Para ${EVIL}\n\nSecond "quoted" & <b>bold</b>`,
        table: { data: [{ plan: EVIL, [EVIL]: 1 }], columns: { plan: { label: EVIL }, [EVIL]: {} } },
        csv: { filename: "evil.csv", table: [{ plan: EVIL }] },
      },
      ...base.sections.slice(0, 1),
    ],
    provenance: {
      ...base.provenance,
      scenario: EVIL,
      params: { [EVIL]: EVIL, nested: { name: EVIL, list: [EVIL] } },
      seed: EVIL,
      gitCommit: EVIL,
      packageVersion: EVIL,
      command: `npx tsx notebooks/x.ts --name '${EVIL}'`,
    },
  };
}

describe("renderPage", () => {
  it("escapes every user-supplied string: the attack text shows as text, never as a tag", () => {
    const html = renderPage(evilPage());
    expect(html).not.toMatch(/<script/i);
    const doc = parseMarkup(html);
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    expect(doc.querySelector("title")?.textContent).toBe(EVIL);
    expect(doc.querySelector("h1")?.textContent).toBe(EVIL);
    expect(doc.querySelector("section h2")?.textContent).toBe(EVIL);
    expect(texts(doc, "section p")).toContain(`Para ${EVIL}`);
    expect(texts(doc, "section p")).toContain('Second "quoted" & <b>bold</b>');
    expect(texts(doc, "section th")).toEqual([EVIL, EVIL]);
    expect(texts(doc, "section td")[0]).toBe(EVIL);
    const footer = doc.querySelector("footer")!.textContent!;
    expect(footer.split(EVIL).length - 1).toBeGreaterThanOrEqual(7); // scenario, seed, version, commit, param key+value, nested, command
    expect(texts(doc, ".params code")).toContain("nested.name");
  });

  it("is self-contained: no external URL, no script, no fetched resource", () => {
    const html = renderPage(fixturePage());
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b|@import|@font-face/i);
    for (const match of html.matchAll(/\bhref="([^"]*)"/g)) expect(match[1]).toMatch(/^(data:text\/csv|#)/);
    expect(html).toMatch(/<meta name="viewport"/);
    expect(html).toMatch(/@media print/);
  });

  it("embeds each CSV so that decoding the link gives the table back", () => {
    const page = fixturePage();
    const doc = parseMarkup(renderPage(page));
    const links = [...doc.querySelectorAll("a[download]")];
    expect(links.map((a) => a.getAttribute("download"))).toEqual(page.sections.map((s) => s.csv?.filename));
    const href = links[0]!.getAttribute("href")!;
    expect(href.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    const csv = decodeURIComponent(href.slice(href.indexOf(",") + 1));
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("policy,plan,replyRate,mean,lo,hi,analytic");
    expect(lines[1]).toBe("guide,Premium Career,0,5,4.8,5.2,5");
    expect(lines).toHaveLength(1 + 36);
  });

  it("ends with a provenance footer holding command, seed, replications, version and commit", () => {
    const page = fixturePage();
    const doc = parseMarkup(renderPage(page));
    const footer = doc.querySelector("footer.provenance")!;
    const facts = Object.fromEntries([...footer.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(facts).toEqual({
      Scenario: "capacity-by-plan",
      Seed: "20240611",
      Replications: "200",
      "Package version": "inmail-sim 0.1.0",
      "Git commit": "abc1234",
    });
    expect(footer.querySelector("pre.command")?.textContent).toBe(page.provenance.command);
    expect(texts(doc, ".params tbody tr td:first-child")).toEqual(["plans", "replyRates", "ledger.refundWindowDays", "ledger.expiryDays"]);
    expect(texts(doc, ".params tbody tr td:last-child")[1]).toBe("[0, 0.1, 0.2, 0.3, 0.4, 0.5]");
  });

  it("defaults the package version to package.json's and omits an unknown commit", () => {
    const { packageVersion: _, gitCommit: __, ...provenance } = fixturePage().provenance;
    const doc = parseMarkup(renderPage(fixturePage({ provenance })));
    const dts = texts(doc, "footer dt");
    expect(dts).not.toContain("Git commit");
    expect(doc.querySelector("footer")!.textContent).toContain(`inmail-sim ${packageVersion}`);
  });

  it("opens with the answer: its numbers come right after the title, before any section, and the guide folds under them", () => {
    const answer = {
      numbers: [
        { label: "Cheapest per positive reply", value: "$7.25", note: "Sales Navigator" },
        { label: "Most InMails a month", value: `183 ${EVIL}` },
      ],
      text: "Both policies give the same capacity.",
    };
    const doc = parseMarkup(renderPage(fixturePage({ answer })));
    const header = doc.querySelector("header")!;
    expect([...header.children].map((el) => el.tagName.toLowerCase())).toEqual(["h1", "ul", "p", "details"]);
    expect(texts(doc, ".answer .label")).toEqual(["Cheapest per positive reply", "Most InMails a month"]);
    expect(texts(doc, ".answer .value")).toEqual(["$7.25", `183 ${EVIL}`]);
    expect(texts(doc, ".answer .note")).toEqual(["Sales Navigator"]);
    expect(header.querySelector(".answer-text")?.textContent).toBe(answer.text);
    expect(header.querySelector("details .guide")?.textContent).toBe(fixturePage().guide);
    // Without an answer the guide stays open, as before.
    expect(parseMarkup(renderPage(fixturePage())).querySelector("header > p.guide")).not.toBeNull();
    expect(() => renderPage(fixturePage({ answer: { numbers: [] } }))).toThrow("page answer.numbers: must hold 1 to 6 numbers, got 0");
    expect(() => renderPage(fixturePage({ answer: { numbers: [{ label: "x", value: " " }] } }))).toThrow("page answer.numbers[0].value");
  });

  it("folds details behind <details>, puts text beside its figure on request, and lays several figures out as small multiples", () => {
    const base = fixturePage().sections[0]!;
    const doc = parseMarkup(
      renderPage(
        fixturePage({
          sections: [
            { ...base, layout: "beside", details: "Method one.\n\nMethod two.", detailsSummary: "How it was computed" },
            { ...base, heading: "Two figures", figure: [base.figure as string, base.figure as string], csv: { ...base.csv!, filename: "two.csv" } },
            { heading: "Plain", details: "Only detail." },
          ],
        }),
      ),
    );
    const [first, second, third] = [...doc.querySelectorAll("section")];
    expect(first!.querySelector(".beside > .prose > details > summary")?.textContent).toBe("How it was computed");
    expect(texts(doc, "#section-1 .prose > details p")).toEqual(["Method one.", "Method two."]);
    expect(texts(doc, "#section-1 .prose > p").slice(0, 2)).toEqual(base.text!.split("\n\n"));
    expect(first!.querySelector(".beside > .figure")).not.toBeNull();
    expect(first!.querySelector(".prose a[download]")).not.toBeNull(); // the download sits with the text
    expect(second!.querySelectorAll(".figures > .figure")).toHaveLength(2);
    expect(second!.querySelector(".beside")).toBeNull();
    expect(third!.querySelector("details summary")?.textContent).toBe("Method and detail");
    const framed = parseMarkup(renderPage(fixturePage())).querySelector("section .table-wrap")!;
    expect([framed.getAttribute("tabindex"), framed.getAttribute("role")]).toEqual(["0", "region"]); // a wide table scrolls by keyboard too
    expect(() => renderPage(fixturePage({ sections: [{ ...base, layout: "side" as "beside" }] }))).toThrow('page sections[0].layout: must be "stacked" or "beside", got "side"');
    expect(() => renderPage(fixturePage({ sections: [{ ...base, figure: [] }] }))).toThrow("page sections[0].figure: must be a markup string or a non-empty array");
    expect(() => renderPage(fixturePage({ sections: [{ ...base, figure: ["<svg></svg>", "<svg><script></script></svg>"] }] }))).toThrow("page sections[0].figure[1]: must be self-contained");
  });

  it("gives identical bytes for identical input", () => {
    expect(renderPage(fixturePage())).toBe(renderPage(fixturePage()));
  });

  it("rejects malformed pages, naming the field", () => {
    const page = fixturePage();
    const section = page.sections[0]!;
    const withSection = (s: Partial<(typeof page.sections)[number]>) => fixturePage({ sections: [{ ...section, ...s }] });
    expect(() => renderPage(fixturePage({ title: " " }))).toThrow("page title: must be a non-empty string");
    expect(() => renderPage(withSection({ csv: undefined }))).toThrow("page sections[0].csv: is required");
    expect(() => renderPage(withSection({ csv: { filename: "../x.csv", table: [{ a: 1 }] } }))).toThrow("sections[0].csv.filename");
    expect(() => renderPage(withSection({ csv: { filename: "x.csv", table: [] } }))).toThrow("sections[0].csv.table");
    expect(() => renderPage(withSection({ figure: `<svg><script>1</script></svg>` }))).toThrow(/<script> element/);
    expect(() => renderPage(withSection({ figure: `<svg><image href="https://x/y.png"/></svg>` }))).toThrow(/self-contained/);
    expect(() => renderPage(withSection({ figure: `<svg onload="x()"></svg>` }))).toThrow(/event-handler/);
    const twice = fixturePage({ sections: [section, { ...section, heading: "Again" }] });
    expect(() => renderPage(twice)).toThrow('sections[1].csv.filename: "capacity-vs-reply-rate.csv" is already used');
    const provenance = fixturePage().provenance;
    expect(() => renderPage(fixturePage({ provenance: { ...provenance, replications: 0 } }))).toThrow("provenance.replications");
    expect(() => renderPage(fixturePage({ provenance: { ...provenance, command: "" } }))).toThrow("provenance.command");
    expect(() => renderPage(fixturePage({ provenance: { ...provenance, seed: Number.NaN } }))).toThrow("provenance.seed");
  });
});
