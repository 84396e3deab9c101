import { describe, expect, it } from "vitest";
import { sensitivity } from "../../notebooks/sensitivity.ts";
import { parseMarkup, texts } from "../support/parse-markup.ts";
import { expectNoBrokenNumbers, renderNotebook } from "../support/notebook-test-helpers.ts";

describe("notebooks/sensitivity.ts", () => {
  it("opens with the answer in numbers, then one figure with its CSV per output, the Morris table, the ranges and the runs", async () => {
    const html = await renderNotebook(sensitivity, ["n=8", "trajectories=2", "seats=2", "months=2", "resamples=100", "pilotReplications=2", "maxReplications=2"]);
    expectNoBrokenNumbers(html);
    const doc = parseMarkup(html);
    expect(texts(doc, "h2")).toEqual([
      "The answer",
      "What moves the team conversations per month",
      "What moves the cost per conversation",
      "What moves the capacity multiplier",
      "Screening first: Morris elementary effects",
      "The ranges used",
      "Simulation noise and the runs behind this page",
      "Provenance",
    ]);
    const answer = doc.querySelector("#section-1")!.textContent!;
    expect(answer).toMatch(/\d+% of the spread in team conversations per month comes from the /);
    expect(answer).toMatch(/To pin it down: /);
    expect(doc.querySelectorAll("div.figure")).toHaveLength(3);
    for (const f of ["sensitivity-conversationsPerMonth.csv", "sensitivity-costPerConversation.csv", "sensitivity-capacityMultiplier.csv", "sensitivity-ranges.csv", "sensitivity-runs.csv"]) {
      expect(html).toContain(f);
    }
    // An index outside 0–1 (or S1 above ST) in a section's CSV (kept as estimated) is said to be noise in its text.
    for (const id of ["#section-2", "#section-3", "#section-4"]) {
      const section = doc.querySelector(id)!;
      const href = [...section.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "").find((h) => h.startsWith("data:text/csv"))!;
      const [header, ...lines] = decodeURIComponent(href.slice(href.indexOf(",") + 1))
        .trim()
        .split("\n");
      const cols = header!.split(",");
      const at = (l: string, c: string) => Number(l.split(",")[cols.indexOf(c)]);
      const outside = lines.some((l) => ["S1", "S1lo", "S1hi", "ST", "STlo", "SThi"].some((c) => at(l, c) < 0 || at(l, c) > 1) || at(l, "S1") > at(l, "ST"));
      expect(section.textContent!.includes("estimator noise"), id).toBe(outside);
    }
    expect(doc.querySelector("#section-6")!.textContent).toContain("median response delay");
    expect(doc.querySelector("#section-7")!.textContent).toMatch(/replications per Sobol point/);
  });
});
