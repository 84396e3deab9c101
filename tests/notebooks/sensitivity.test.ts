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
    expect(doc.querySelector("#section-6")!.textContent).toContain("median response delay");
    expect(doc.querySelector("#section-7")!.textContent).toMatch(/replications per Sobol point/);
  });
});
