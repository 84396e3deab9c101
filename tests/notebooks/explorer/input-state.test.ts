import { describe, expect, it } from "vitest";
import { defaultText, defaultTexts, hashFromTexts, parseTexts, textsFromHash } from "../../../notebooks/explorer/input-state.ts";
import { teamCommand } from "../../../notebooks/explorer/team-command.ts";
import { resolve, type ParamSpec } from "../../../experiments/inputs/params.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";

const specs: ParamSpec[] = [
  { name: "seats", kind: "integer", min: 1, max: 100, default: 10, description: "seats" },
  { name: "rate", kind: "number", min: 0, max: 1, default: 0.18, description: "a rate" },
  { name: "pool", kind: "limit", min: 1, max: 1000, default: Infinity, description: "a pool" },
  { name: "note", kind: "string", maxLength: 20, default: "", description: "a note" },
];

describe("the explorer's inputs as text", () => {
  it("keeps only the changed fields in the hash, and reads them back over the defaults", () => {
    expect(defaultText(specs[2]!)).toBe("unlimited");
    expect(hashFromTexts(specs, defaultTexts(specs))).toBe("");
    const texts = { ...defaultTexts(specs), seats: "12", note: "a & b=c #1" };
    const hash = hashFromTexts(specs, texts);
    expect(hash).toBe("seats=12&note=a+%26+b%3Dc+%231");
    expect(textsFromHash(specs, `#${hash}`)).toEqual({ texts, unknown: [] });
    expect(textsFromHash(specs, "#seats=3&nope=1&seats=4&nope=2")).toEqual({ texts: { ...defaultTexts(specs), seats: "4" }, unknown: ["nope"] });
  });

  it("parses every field with the CLI's parser: the values, or one message per bad field", () => {
    expect(parseTexts(specs, { ...defaultTexts(specs), pool: "50" })).toEqual({ ok: true, values: { seats: 10, rate: 0.18, pool: 50, note: "" } });
    const bad = parseTexts(specs, { ...defaultTexts(specs), seats: "0", rate: "x" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect([...bad.errors.keys()]).toEqual(["seats", "rate"]);
      expect(bad.errors.get("seats")).toBe("seats: 0 is not allowed; expected an integer from 1 to 100");
    }
  });

  it("writes a typed rate into the command line, whatever it equals, and leaves out one left to the segment", () => {
    const line = (texts: Record<string, string>) => {
      const parsed = parseTexts(teamParams, { ...defaultTexts(teamParams), ...texts });
      if (!parsed.ok) throw new Error("does not parse");
      return teamCommand(teamParams, parsed.values);
    };
    expect(defaultTexts(teamParams).responseRate).toBe("segment");
    expect(line({ "audience.segment": "executives" })).toBe("npx tsx scenarios/team.ts --json --set audience.segment=executives");
    // 18% is the default segment's rate, 15% the hiring managers': typed, each is written.
    expect(line({ responseRate: "18%" })).toBe("npx tsx scenarios/team.ts --json --set responseRate=0.18");
    expect(line({ responseRate: "15%", positiveShare: "0.65", "audience.segment": "hiring-managers" })).toBe(
      "npx tsx scenarios/team.ts --json --set responseRate=0.15 --set positiveShare=0.65 --set audience.segment=hiring-managers",
    );
  });

  it("writes a command line whose --set values the CLI reads back as the same values", () => {
    const texts = { ...defaultTexts(teamParams), seats: "10", responseRate: "25%", demandPerSeat: "unlimited", "message.subject": "Hi, it's me", months: "12" };
    const parsed = parseTexts(teamParams, texts);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const command = teamCommand(teamParams, parsed.values);
    expect(command).toBe("npx tsx scenarios/team.ts --json --set seats=10 --set responseRate=0.25 --set demandPerSeat=unlimited --set 'message.subject=Hi, it'\\''s me'");
    // What the shell hands the CLI: the quoted words unquoted.
    const sets = [...command.matchAll(/--set ('(?:[^']|'\\'')*'|\S+)/g)].map((m) => m[1]!.replace(/^'|'$/g, "").replaceAll("'\\''", "'"));
    expect(resolve(teamParams, sets)).toEqual(parsed.values);
  });
});
