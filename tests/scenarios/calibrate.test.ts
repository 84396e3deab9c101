import { describe, expect, it } from "vitest";
import { runTsx } from "./run-cli.ts";

const SAMPLE = "data/sample-send-log.csv";

describe("scenarios/calibrate.ts", () => {
  it("fits the sample and forecasts every plan under both policies", () => {
    const r = runTsx("scenarios/calibrate.ts", ["--log", SAMPLE, "--end", "2026-12-27T00:00:00Z", "--json", "--draws", "4", "--accounts", "3", "--cycles", "3"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.calibration.delay.best).toBe("lognormal");
    expect(out.forecast.rows).toHaveLength(10);
  });
});
