import { describe, expect, it } from "vitest";
import { planColor, planColors, planOfLabel, seriesColors } from "../../reports/plan-palette.ts";
import { planIds, plans } from "../../models/plans.ts";

describe("the plan palette", () => {
  it("gives every plan its own colour", () => {
    expect(new Set(planIds.map((id) => planColors[id])).size).toBe(planIds.length);
  });

  it("knows a plan by its id, its name, its short name, or a label that goes on after it", () => {
    for (const id of planIds) {
      expect(planOfLabel(id)).toBe(id);
      expect(planOfLabel(plans[id].name)).toBe(id);
      expect(planOfLabel(`${plans[id].name} (guide)`)).toBe(id);
    }
    expect(planOfLabel("Recruiter")).toBe("recruiter");
    expect(planOfLabel("Recruiter, pooled contract")).toBe("recruiter");
    expect(planOfLabel("Recruiter Lite, linkedin")).toBe("recruiter-lite");
    expect(planOfLabel("Recruiters")).toBeUndefined();
    expect(planOfLabel("observed")).toBeUndefined();
  });

  it("colours a plan the same whatever the other series and their order; other series take colours no plan has", () => {
    const a = seriesColors(["Recruiter Lite", "Sales Navigator"])!;
    const b = seriesColors(["observed", "Sales Navigator", "Premium Career", "Recruiter Lite"])!;
    expect(a[0]).toBe(planColor("Recruiter Lite"));
    expect(b[3]).toBe(a[0]);
    expect(b[1]).toBe(a[1]);
    expect(Object.values(planColors)).not.toContain(b[0]);
    expect(seriesColors(["observed", "exponential fit"])).toBeUndefined();
  });
});
