/**
 * The team planner's command a replay prints from a log's own rates: the observed rate
 * when the planner takes it, the nearest it takes otherwise, and then words that say so.
 */
import { describe, expect, it } from "vitest";
import { plannerRateNote, teamCommand, type ObservedRates } from "../../logs/observed-rates.ts";

const observed = (responseRate: number, ci: [number, number]): ObservedRates =>
  ({
    inmailsWithWindowClosed: 40,
    windowsOpen: false,
    responses: Math.round(responseRate * 40),
    responseRate,
    responseRateCi95: ci,
    positiveShare: 0.5,
    positiveShareCi95: [0.2, 0.8],
    seats: 2,
    workingDays: 20,
    inmails: 40,
    conversations: 0,
    inmailsPerSeatPerWorkingDay: 1,
    conversationsPerSeatPerWorkingDay: 0,
  }) as ObservedRates;

describe("the planner's command from a log's rates", () => {
  it("gives the observed rate, with no note, when the planner takes it", () => {
    const r = observed(0.125, [0.05, 0.26]);
    expect(teamCommand(r, "sales-navigator")).toContain("--set responseRate=0.125 ");
    expect(plannerRateNote(r)).toBe("");
  });

  it("says so when no response was observed and the command plans at the least rate the planner takes", () => {
    const r = observed(0, [0, 0.088]);
    expect(teamCommand(r, undefined)).toContain("--set responseRate=0.001 ");
    expect(plannerRateNote(r)).toBe("the planner takes a response rate of at least 0.1%, so the command plans at 0.1%, not the observed 0% (95% CI 0%–8.8%)");
  });

  it("and when every InMail was answered", () => {
    const r = observed(1, [0.91, 1]);
    expect(plannerRateNote(r)).toMatch(/^the planner takes a response rate of at most 95%, so the command plans at 95%, not the observed 100%/);
  });
});
