import { describe, expect, it } from "vitest";
import { maxWorkers, parseArgs, runOptions } from "../../cli/command-line.ts";
import { InputError } from "../../experiments/inputs/params.ts";
import { defaultWorkers } from "../../runner/pool.ts";
import { resolve } from "node:path";

describe("scenario command line: run options", () => {
  it("--workers N, also as --workers=N; every core by default", () => {
    expect(runOptions(parseArgs([]))).toEqual({ workers: defaultWorkers(), big: false });
    expect(runOptions(parseArgs(["--workers", "3"]))).toEqual({ workers: 3, big: false });
    expect(runOptions(parseArgs(["--workers=1", "--json", "--big"]))).toEqual({ workers: 1, big: true });
  });

  it.each([["0"], ["x"], ["1.5"], ["-2"], [""], [String(maxWorkers + 1)]])("--workers %j is refused, naming what is allowed", (v) => {
    expect(() => parseArgs(["--workers", v])).toThrow(InputError);
    expect(() => parseArgs(["--workers", v])).toThrow(`--workers: ${JSON.stringify(v)} is not allowed; expected an integer from 1 to ${maxWorkers}`);
  });

  it("--workers with nothing after it is refused", () => {
    expect(() => parseArgs(["--workers"])).toThrow(/--workers: expected threads that simulate after it/);
  });

  it("--trace FILE traces account 0; --trace-accounts N the first N; the path is checked and made absolute", () => {
    expect(runOptions(parseArgs(["--trace", "out/t.csv", "--workers", "2"]))).toEqual({
      workers: 2,
      big: false,
      trace: { output: { kind: "file", option: "--trace", path: resolve("out/t.csv") }, accounts: 1 },
    });
    expect(runOptions(parseArgs(["--trace=t.csv", "--trace-accounts", "5"])).trace).toEqual({
      output: { kind: "file", option: "--trace", path: resolve("t.csv") },
      accounts: 5,
    });
    expect(() => runOptions(parseArgs(["--trace", "/dev/full"]))).toThrow("--trace: /dev/full: is a device");
    expect(() => runOptions(parseArgs(["--trace", "."]))).toThrow(/--trace: .*: is a directory/);
  });

  it("--trace needs a file; --trace-accounts needs --trace and an integer ≥ 1", () => {
    expect(() => parseArgs(["--trace"])).toThrow(/--trace: expected a file name/);
    expect(() => parseArgs(["--trace", "--json"])).toThrow(/--trace: expected a file name/);
    expect(() => parseArgs(["--trace-accounts", "2"])).toThrow(/--trace-accounts: needs --trace FILE/);
    expect(() => parseArgs(["--trace", "t.csv", "--trace-accounts", "0"])).toThrow(/--trace-accounts: "0" is not allowed/);
  });

  it("still parses --set both ways and refuses unknown options, listing the allowed ones", () => {
    expect(parseArgs(["--set", "a=1", "--set=b=2"]).sets).toEqual(["a=1", "b=2"]);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/--frobnicate: unknown option; allowed: .*--workers N, --trace FILE/);
  });
});
