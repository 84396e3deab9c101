import { describe, expect, it } from "vitest";
import { fieldLabel } from "../../../notebooks/explorer/field-labels.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";

const spec = (name: string) => teamParams.find((s) => s.name === name)!;

describe("the explorer's field labels", () => {
  it("names the team's inputs and prices in a word or two", () => {
    expect(fieldLabel(spec("seats"))).toBe("Seats");
    expect(fieldLabel(spec("responseRate"))).toBe("Response rate");
    expect(fieldLabel(spec("price.recruiter-lite"))).toBe("Recruiter Lite");
  });

  it("labels any other parameter from its dotted name, and every label is short and different", () => {
    expect(fieldLabel(spec("followUps.afterDays"))).toBe("Follow-ups: after days");
    expect(fieldLabel(spec("sender.maxSendsPerDay"))).toBe("Sender: max sends per day");
    const labels = teamParams.map(fieldLabel);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label.length, label).toBeLessThanOrEqual(40);
  });
});
