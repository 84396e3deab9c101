import { describe, expect, it } from "vitest";
import { didYouMean, matchChoice, nearestNames, percentValue } from "../../../experiments/inputs/name-match.ts";
import { InputError, parseValue, resolve } from "../../../experiments/inputs/params.ts";
import { scenarioParams } from "../../../experiments/general/scenario.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";

const specs = scenarioParams("recruiter");
const spec = (name: string) => specs.find((s) => s.name === name)!;
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error("expected an InputError");
};

describe("forgiving names", () => {
  it("matches a choice up to case and separators, or by its display name", () => {
    const plans = spec("plan");
    for (const typed of ["recruiter-lite", "Recruiter-Lite", "Recruiter Lite", "recruiter_lite", " RECRUITER LITE "]) {
      expect(parseValue(plans, typed)).toBe("recruiter-lite");
    }
    expect(parseValue(plans, "Recruiter (Corporate)")).toBe("recruiter");
    expect(parseValue(plans, "Sales Navigator")).toBe("sales-navigator");
    expect(parseValue(spec("policy"), "LinkedIn")).toBe("linkedin");
    expect(parseValue(spec("sender.workdays"), "Mon-Fri")).toBe("mon-fri");
    expect(matchChoice(["a-b"], "")).toBeUndefined();
  });

  it("suggests the 1–3 nearest names, none when nothing is near", () => {
    expect(
      nearestNames(
        "respnseRate",
        teamParams.map((s) => s.name),
      ),
    ).toEqual(["responseRate"]);
    expect(didYouMean("respnseRate", ["responseRate", "seats"])).toBe("did you mean responseRate?");
    expect(didYouMean("xyzzy", ["responseRate", "seats"])).toBe("");
    expect(nearestNames("seat", ["seats", "sets", "beat", "seed"]).length).toBeLessThanOrEqual(3);
  });

  it("an unknown parameter gets the nearest names instead of the whole list", () => {
    const m = message(() => resolve(teamParams, ["respnseRate=0.15"]));
    expect(m).toBe(`respnseRate: unknown parameter; did you mean responseRate? (--help lists all ${teamParams.length})`);
  });

  it("an unknown choice gets the nearest values, and what is allowed", () => {
    expect(message(() => parseValue(spec("policy"), "linkdin"))).toBe('policy: "linkdin" is not allowed; did you mean linkedin? (expected one of guide, linkedin)');
    expect(message(() => parseValue(spec("policy"), "strict"))).toBe('policy: "strict" is not allowed; expected one of guide, linkedin');
  });
});

describe("rates as percentages", () => {
  it("reads 15%, 15 % and 0.15 alike for a share", () => {
    const rate = spec("audience.blockedShare");
    expect(parseValue(rate, "15%")).toBe(0.15);
    expect(parseValue(rate, "15 %")).toBe(0.15);
    expect(parseValue(rate, "0.15")).toBe(0.15);
    expect(percentValue("19.9%")).toBe(0.199);
    expect(percentValue(".5%")).toBe(0.005);
    expect(parseValue(spec("audience.responseRate"), "12%")).toBe(0.12);
  });

  it("keeps the range: 150% is not a share", () => {
    expect(message(() => parseValue(spec("audience.blockedShare"), "150%"))).toMatch(/^audience\.blockedShare: 1\.5 is not allowed; expected a number from 0 to 0\.99/);
  });

  it("takes no percentage where the parameter is not a share", () => {
    expect(() => parseValue(spec("sender.sendsPerDay"), "15%")).toThrow(/is not a number/);
    expect(percentValue("15%%")).toBeUndefined();
    expect(percentValue("-5%")).toBeUndefined();
  });
});
