import { describe, expect, it } from "vitest";
import { defaults as forecastDefaults } from "../../logs/forecast.ts";
import { calibrateSpec } from "../../commands/calibrate.ts";
import { parseOptions, replaySettings } from "../../cli/log-cli.ts";
import { InputError } from "../../experiments/inputs/params.ts";

describe("log command line: parseOptions", () => {
  it("fills every option the command line leaves out with its spec's default", () => {
    const o = parseOptions(calibrateSpec, ["--log", "x.csv", "--draws", "5"]);
    expect(o.values).toEqual({
      ...Object.fromEntries(calibrateSpec.options.map((s) => [s.name, s.default])),
      log: "x.csv",
      draws: 5,
    });
    expect(replaySettings(o.values)).toEqual({ policy: "linkedin", refundAging: "original", billingCycle: "30-days", openingBalance: 0 });
  });

  it("takes the forecast's defaults from logs/forecast.ts", () => {
    const { values } = parseOptions(calibrateSpec, []);
    expect([values.draws, values.accounts, values.cycles]).toEqual([forecastDefaults.draws, forecastDefaults.accounts, forecastDefaults.cycles]);
    // "" and 0 mean "derive it": from the log, or from a replay of the log.
    expect([values.log, values.plan, values.anchor, values.end, values["sends-per-day"]]).toEqual(["", "", "", "", 0]);
  });

  it("refuses a value out of range and an unknown option, naming what is allowed", () => {
    expect(() => parseOptions(calibrateSpec, ["--sends-per-day", "0"])).toThrow(InputError);
    expect(() => parseOptions(calibrateSpec, ["--sends-per-day", "0"])).toThrow(/--sends-per-day: 0 is not allowed; expected a number greater than 0/);
    expect(() => parseOptions(calibrateSpec, ["--drawz", "3"])).toThrow(/allowed: .*--draws VALUE/);
  });
});
