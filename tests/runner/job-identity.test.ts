import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobFormat, JobIdentities, jobPayload, JobRefused, readJob } from "../../runner/job-identity.ts";
import { decodePlain, encodePlain, PlainDataError } from "../../runner/plain-data.ts";
import { modelShapeError } from "../../runner/model-shape.ts";
import { resolve } from "../../experiments/inputs/params.ts";
import { buildModel, scenarioParams } from "../../experiments/general/scenario.ts";
import type { Job } from "../../runner/pool.ts";
import { calibrate } from "../../logs/calibration.ts";
import { forecastSimulations } from "../../logs/forecast.ts";
import { billingCycles } from "../../logs/plan-replay.ts";
import { policyIds, refundAgings } from "../../models/policy.ts";
import { readSendLog } from "../../logs/read-send-log.ts";
import { payingPlans } from "../../cli/log-cli.ts";
import { root } from "../support/run-cli.ts";

const version = "a".repeat(64);
const model = (sets: string[] = []) => buildModel(resolve(scenarioParams("recruiter"), sets)).model;
const job = (sets: string[] = [], chunk = { replication: 0, from: 0, to: 10 }): Job => ({ model: model(sets), seed: 1, chunk });

describe("plain data", () => {
  it("round-trips the numbers JSON cannot hold, and sorts keys", () => {
    const value = { b: [Infinity, -Infinity, -0, 1.5], a: { y: null, x: "s" } };
    const text = encodePlain(value);
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    const back = decodePlain(text) as typeof value;
    expect(back.b[0]).toBe(Infinity);
    expect(back.b[1]).toBe(-Infinity);
    expect(Object.is(back.b[2], -0)).toBe(true);
    expect(Number.isNaN((decodePlain(encodePlain([NaN])) as number[])[0])).toBe(true);
    expect(encodePlain({ x: 1, y: 2 })).toBe(encodePlain({ y: 2, x: 1 }));
  });

  it("refuses what is not plain data, saying where", () => {
    expect(() => encodePlain({ f: () => 1 })).toThrow(/value\.f: a function/);
    expect(() => encodePlain({ t: new Float64Array(2) })).toThrow(PlainDataError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => encodePlain(cyclic)).toThrow(/refers to itself/);
    expect(() => decodePlain('{"__proto__":{"polluted":1}}')).toThrow(/"__proto__" is not allowed/);
    expect(() => decodePlain('{"$number":"1e999"}')).toThrow(/\$number/);
    expect(() => decodePlain("{")).toThrow(/not JSON/);
  });
});

describe("job identity", () => {
  it("is the same for the same job and differs with the model, seed, chunk or code version", () => {
    const base = new JobIdentities(version).id(job());
    expect(new JobIdentities(version).id(job())).toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(new JobIdentities(version).id(job(["audience.responseRate=0.2"]))).not.toBe(base);
    expect(new JobIdentities(version).id({ ...job(), seed: 2 })).not.toBe(base);
    expect(new JobIdentities(version).id(job([], { replication: 1, from: 0, to: 10 }))).not.toBe(base);
    expect(new JobIdentities("b".repeat(64)).id(job())).not.toBe(base);
    expect(jobPayload(version, job()).id).toBe(base);
  });

  it("reads back a job it made, exactly", () => {
    const j = job(["enforcement.responseRateFloor=true"]);
    const { id, payload } = jobPayload(version, j);
    const read = readJob(JSON.parse(JSON.stringify(payload)), id, version);
    expect(read.model).toEqual(j.model);
    expect(read.model.seatCreditLimit).toBe(Infinity);
    expect(read.chunk).toEqual(j.chunk);
  });

  it("refuses a job of other code, naming both versions", () => {
    const { id, payload } = jobPayload("b".repeat(64), job());
    expect(() => readJob(payload, id, version)).toThrow(/made by code version bbbbbbbbbbbb…, this worker runs aaaaaaaaaaaa…/);
  });

  it("refuses malformed and foreign jobs, saying what is wrong", () => {
    const { id, payload } = jobPayload(version, job());
    const refused = (data: unknown, jobId: string | undefined = id) => {
      try {
        readJob(data, jobId, version);
      } catch (err) {
        expect(err).toBeInstanceOf(JobRefused);
        return (err as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused("run me")).toMatch(/not an object/);
    expect(refused({ ...payload, code: "process.exit()" })).toMatch(/fields are/);
    expect(refused({ ...payload, format: "other/1" })).toMatch(/format/);
    expect(refused({ ...payload, chunk: { replication: 0, from: 5, to: 5 } })).toMatch(/chunk/);
    expect(refused({ ...payload, seed: { x: 1 } })).toMatch(/seed/);
    expect(refused({ ...payload, model: "{not json" })).toMatch(/not plain data/);
    const m = JSON.parse(payload.model) as Record<string, unknown>;
    expect(refused({ ...payload, model: encodePlain({ ...m, cycles: 5000 }) })).toMatch(/model\.cycles: expected a number from 1 to 1200/);
    expect(refused({ ...payload, model: encodePlain({ ...m, extra: 1 }) })).toMatch(/model\.extra: unknown field/);
    const rules = m.rules as Record<string, unknown>;
    expect(refused({ ...payload, model: encodePlain({ ...m, rules: { ...rules, policy: "mine" } }) })).toMatch(/model\.rules\.policy: expected one of guide, linkedin/);
    // A valid model under another job's id: foreign or altered.
    expect(refused(jobPayload(version, job(["audience.responseRate=0.2"])).payload)).toMatch(/does not match its content/);
  });

  it("accepts every model the scenarios build", () => {
    for (const persona of ["recruiter", "seller", "job-seeker"] as const) {
      const specs = scenarioParams(persona);
      const variants = [
        [],
        ["plan=recruiter", "contract.seats=5", "contract.seatCreditLimit=40"],
        ["connections.use=mix", "audience.openProfileShare=0.2"],
        ["enforcement.complaints=true", "enforcement.contentFlagRate=0.01"],
        ["delay.kind=exponential"],
      ];
      for (const sets of variants) expect(modelShapeError(buildModel(resolve(specs, sets)).model)).toBeNull();
    }
    expect(jobFormat).toBe("inmail-sim-job/1");
  });

  it("accepts every model the forecast builds: either fitted delay, every plan and policy, billing cycle and refund aging", async () => {
    const fitted = calibrate(await readSendLog(join(root, "data/sample-send-log.csv")), { endMs: Date.UTC(2026, 11, 27) });
    for (const best of ["exponential", "lognormal"] as const) {
      const calibration = { ...fitted, delay: { ...fitted.delay!, best } };
      for (const billingCycle of billingCycles) {
        for (const refundAging of refundAgings) {
          const o = { calibration, plans: payingPlans, policies: policyIds, sendsPerDay: 2.8, startDate: "2026-12-27", seed: 1, draws: 2, accounts: 3, cycles: 12, billingCycle, refundAging };
          for (const run of forecastSimulations(o).runs) {
            expect(run.model.response.delay.kind).toBe(best);
            expect(modelShapeError(run.model)).toBeNull();
            const j: Job = { model: run.model, seed: run.seed, chunk: { replication: 0, from: 0, to: run.accounts } };
            const { id, payload } = jobPayload(version, j);
            expect(readJob(JSON.parse(JSON.stringify(payload)), id, version).model).toEqual(run.model);
          }
        }
      }
    }
  });
});
