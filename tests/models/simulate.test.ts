import { describe, expect, it } from "vitest";
import { ChunkSimulator, clearTally, createTally, packTally, planChunks, simulateChunk, tallyFields } from "../../models/index.ts";
import { capacityModel, capacityParams, type CapacityParams } from "../../experiments/capacity/capacity.ts";
import { defaults } from "../../experiments/inputs/params.ts";

const model = capacityModel({ ...(defaults(capacityParams) as unknown as CapacityParams), cycles: 3 });
const bytes = (t: ReturnType<typeof simulateChunk>) => Array.from(packTally(t));

describe("ChunkSimulator", () => {
  it("gives each chunk the tally it has alone, whatever ran before it (reused state leaks nothing)", () => {
    const chunks = planChunks(40, 3, 9); // replications 0, 1, 2; chunks of at most 9 accounts
    const alone = chunks.map((c) => bytes(simulateChunk(model, 4, c)));
    const sim = new ChunkSimulator(model, 4);
    // Forwards, then backwards: replications change back and forth.
    expect(chunks.map((c) => bytes(sim.run(c)))).toEqual(alone);
    expect([...chunks].reverse().map((c) => bytes(sim.run(c)))).toEqual([...alone].reverse());
    // Each tally is a new object: a later run does not change an earlier result.
    const first = sim.run(chunks[0]!);
    sim.run(chunks[1]!);
    expect(bytes(first)).toEqual(alone[0]);
    expect(first.accounts).toBe(9);
  });
});

describe("clearTally", () => {
  it("sets every count back to zero", () => {
    const t = simulateChunk(model, 1, { replication: 0, from: 0, to: 5 });
    expect(t.ledger.granted).toBeGreaterThan(0);
    clearTally(t);
    expect(packTally(t)).toEqual(packTally(createTally(3)));
    expect(tallyFields.every((f) => t.perCycle[f].length === 3)).toBe(true);
  });
});
