/**
 * One name, one unit per input across the tools: the notebooks' inputs that are the team
 * planner's carry its name and unit (and, for the same persona, its default), and another
 * tool's or an old name is answered with this tool's.
 */
import { describe, expect, it } from "vitest";
import { resolve, type ParamSpec } from "../../../experiments/inputs/params.ts";
import { sameInputHere } from "../../../experiments/inputs/input-names.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { recruitingTeamParams } from "../../../notebooks/recruiting-team/params.ts";
import { jobSeekerParams } from "../../../notebooks/job-seeker/params.ts";
import { capacityByPlanParams } from "../../../notebooks/capacity-by-plan/params.ts";
import { messageLeversParams } from "../../../notebooks/message-levers/params.ts";
import { personas } from "../../../models/personas.ts";

const tools: Record<string, readonly ParamSpec[]> = {
  "recruiting-team": recruitingTeamParams,
  "job-seeker": jobSeekerParams,
  "capacity-by-plan": capacityByPlanParams,
  "message-levers": messageLeversParams,
};
const unitOf = (specs: readonly ParamSpec[], name: string) => specs.find((s) => s.name === name)?.unit;
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("one name, one unit per input", () => {
  it("no notebook keeps an old name of a team-planner input", () => {
    for (const [tool, specs] of Object.entries(tools)) {
      for (const old of ["sendsPerDay", "demandPerMonth", "targetConversations"]) {
        expect(
          specs.map((s) => s.name),
          `${tool} still has ${old}`,
        ).not.toContain(old);
      }
    }
  });

  it("an input a notebook shares with the team planner has the planner's unit", () => {
    for (const [tool, specs] of Object.entries(tools)) {
      for (const s of specs) {
        const planner = teamParams.find((t) => t.name === s.name);
        if (planner === undefined || planner.unit === undefined) continue;
        expect(s.unit, `${tool}: ${s.name}`).toBe(planner.unit);
      }
    }
  });

  it("the recruiter notebooks take the planner's defaults; the job seeker its own persona's", () => {
    for (const name of ["sendsPerWorkingDay", "demandPerSeat", "responseRate"]) {
      const planner = teamParams.find((t) => t.name === name)!.default;
      for (const specs of [recruitingTeamParams, capacityByPlanParams]) {
        const s = (specs as readonly ParamSpec[]).find((t) => t.name === name);
        if (s) expect(s.default, name).toBe(planner);
      }
    }
    const js = personas["job-seeker"];
    expect(jobSeekerParams.find((s) => s.name === "sendsPerWorkingDay")!.default).toBe(js.sendsPerDay);
    expect(jobSeekerParams.find((s) => s.name === "demandPerSeat")!.default).toBe(js.demandPerCycle);
  });

  it("an input a notebook shares by name with the team planner has its kind, range, word and unit; the recruiter notebooks its default too", () => {
    const shape = (s: ParamSpec) => ({
      kind: s.kind,
      min: "min" in s ? s.min : undefined,
      max: "max" in s ? s.max : undefined,
      word: s.kind === "override" ? s.word : undefined,
      unit: s.unit,
    });
    // The inputs the tools share by name today (so the check cannot pass by sharing none).
    expect(Object.values(tools).filter((specs) => specs.some((s) => s.name === "responseRate")).length).toBe(4);
    for (const [tool, specs] of Object.entries(tools)) {
      for (const s of specs) {
        const planner = teamParams.find((t) => t.name === s.name);
        if (planner === undefined || ["title", "seed", "replications", "policy", "months", "plan"].includes(s.name) || s.name.startsWith("price.")) continue;
        // Still each tool's own bounds (its persona's scale): same name and unit, checked above.
        if (["sendsPerWorkingDay", "demandPerSeat", "target"].includes(s.name)) continue;
        expect(shape(s), `${tool}: ${s.name}`).toEqual(shape(planner));
        if (tool === "recruiting-team" || tool === "capacity-by-plan") expect(s.default, `${tool}: ${s.name}`).toBe(planner.default);
      }
    }
  });

  it("a response rate out of range is refused with the same line by every tool", () => {
    const line = message(() => resolve(teamParams, ["responseRate=0.96"]));
    expect(line).toBe("responseRate: 0.96 is not allowed; expected a number from 0.001 to 0.95, or segment");
    for (const [tool, specs] of Object.entries(tools)) expect(message(() => resolve(specs, ["responseRate=0.96"])), tool).toBe(line);
    for (const [tool, specs] of Object.entries(tools)) expect(message(() => resolve(specs, ["responseRate=0.0005"])), tool).toBe(line.replace("0.96", "0.0005"));
  });

  it("the job seeker's target is a total, not a month's, and so has its own name", () => {
    expect(unitOf(teamParams, "target")).toBe("/team/month");
    expect(unitOf(recruitingTeamParams, "target")).toBe("/team/month");
    expect(unitOf(jobSeekerParams, "targetTotal")).toBe("conversations");
    expect(jobSeekerParams.find((s) => s.name === "targetTotal")!.description).toContain("in total");
    expect(jobSeekerParams.map((s) => s.name)).not.toContain("target");
  });
});

describe("another tool's name gets a did-you-mean naming this tool's", () => {
  it.each([
    ["recruiting-team", recruitingTeamParams, "sendsPerDay", "sendsPerWorkingDay"],
    ["recruiting-team", recruitingTeamParams, "targetConversations", "target"],
    ["recruiting-team", recruitingTeamParams, "demandPerMonth", "demandPerSeat"],
    ["job-seeker", jobSeekerParams, "sendsPerDay", "sendsPerWorkingDay"],
    ["job-seeker", jobSeekerParams, "demandPerMonth", "demandPerSeat"],
    ["job-seeker", jobSeekerParams, "targetConversations", "targetTotal"],
    ["team planner", teamParams, "targetConversations", "target"],
    ["team planner", teamParams, "sendsPerDay", "sendsPerWorkingDay"],
  ] as const)("%s: %s → %s", (_tool, specs, old, here) => {
    expect(message(() => resolve(specs, [`${old}=5`]))).toBe(`${old}: not a parameter here; did you mean ${here}? (the same input's name here; GLOSSARY.md lists each input's names)`);
  });

  it("a name of no other tool gets no such answer", () => {
    expect(sameInputHere("xyzzy", ["target"])).toBeUndefined();
    expect(
      sameInputHere(
        "targetTotal",
        teamParams.map((s) => s.name),
      ),
    ).toBeUndefined();
  });
});
