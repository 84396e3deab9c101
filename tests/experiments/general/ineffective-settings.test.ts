import { describe, expect, it } from "vitest";
import { ineffectiveSettings } from "../../../experiments/general/ineffective-settings.ts";
import { resolve } from "../../../experiments/inputs/params.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";

describe("ineffective settings", () => {
  it("warn that a follow-up setting has no effect without follow-ups, and say nothing once there are some", () => {
    const sets = ["followUps.afterDays=30", "followUps.responseFactor=0.3"];
    const none = ineffectiveSettings(sets, resolve(teamParams, sets));
    expect(none).toEqual([
      "warning: followUps.afterDays=30 has no effect: it applies only with followUps.count above 0 (here followUps.count=0: no follow-ups)",
      "warning: followUps.responseFactor=0.3 has no effect: it applies only with followUps.count above 0 (here followUps.count=0: no follow-ups)",
    ]);
    const some = [...sets, "followUps.count=1"];
    expect(ineffectiveSettings(some, resolve(teamParams, some))).toEqual([]);
  });
});
