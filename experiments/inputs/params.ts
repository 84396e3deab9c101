/**
 * Scenario parameters: a typed table of every parameter a scenario takes (name,
 * kind, allowed range, default, meaning). It validates `--set name=value` overrides
 * once, at the edge, with messages that name the parameter, the bad value and what
 * is allowed; model code then trusts what it receives. Names may be dotted paths
 * (`audience.blockedShare`) for nested scenario fields.
 */
import { sameInputHere } from "./input-names.ts";
import { didYouMean, matchChoice, percentValue } from "./name-match.ts";

/** Bad input from the user: the CLI prints the message and exits with code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

interface Common {
  readonly name: string;
  readonly description: string;
  /** Unit shown in --help (e.g. "days"). */
  readonly unit?: string;
  /** Added to the error message when a value is refused (why the range is what it is). */
  readonly hint?: string;
}

export type ParamSpec =
  | (Common & { readonly kind: "integer"; readonly min: number; readonly max: number; readonly default: number })
  | (Common & {
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      /** Whether `min` itself is excluded. */
      readonly minExclusive?: boolean;
      readonly default: number;
    })
  /** A count that may also be `unlimited` (Infinity). */
  | (Common & { readonly kind: "limit"; readonly min: number; readonly max: number; readonly default: number })
  /** A number, or a word meaning "take it from elsewhere" (e.g. `plan`: the plan's figure). */
  | (Common & {
      readonly kind: "override";
      readonly word: string;
      readonly min: number;
      readonly max: number;
      readonly integer?: boolean;
      readonly default: number | string;
    })
  | (Common & {
      readonly kind: "enum";
      readonly values: readonly string[];
      /** Display names also accepted for a value (e.g. a plan's "Recruiter Lite"). */
      readonly labels?: Readonly<Record<string, string>>;
      readonly default: string;
    })
  | (Common & { readonly kind: "boolean"; readonly default: boolean })
  | (Common & {
      readonly kind: "string";
      readonly maxLength: number;
      /** Refuse empty or blank text (a title, say). */
      readonly nonBlank?: boolean;
      readonly default: string;
    });

export type ParamValue = number | string | boolean;
export type ParamValues = Record<string, ParamValue>;

/** What a parameter accepts, in words. */
export function allowed(spec: ParamSpec): string {
  switch (spec.kind) {
    case "integer":
      return `an integer from ${spec.min} to ${spec.max}`;
    case "number":
      return `a number ${spec.minExclusive ? "greater than" : "from"} ${spec.min}${spec.minExclusive ? " and up to" : " to"} ${spec.max}`;
    case "limit":
      return `an integer from ${spec.min} to ${spec.max}, or unlimited`;
    case "override":
      return `${spec.integer ? "an integer" : "a number"} from ${spec.min} to ${spec.max}, or ${spec.word}`;
    case "enum":
      return `one of ${spec.values.join(", ")}`;
    case "boolean":
      return "true or false";
    case "string":
      return `${spec.nonBlank ? "non-blank " : ""}text of at most ${spec.maxLength} characters`;
  }
}

/**
 * Checks a typed value against its spec; returns it or throws an InputError naming
 * `where` and the value — as the user typed it when `typed` is given (so an overflow
 * such as 1e400 is reported as 1e400, not as what it became).
 */
export function checkValue(spec: ParamSpec, value: unknown, where = spec.name, typed?: string): ParamValue {
  const bad = () => new InputError(`${where}: ${typed ?? JSON.stringify(value) ?? String(value)} is not allowed; expected ${allowed(spec)}` + (spec.hint ? ` (${spec.hint})` : ""));
  switch (spec.kind) {
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value) || value < spec.min || value > spec.max) throw bad();
      return value;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value) || value < spec.min || (spec.minExclusive && value === spec.min) || value > spec.max) throw bad();
      return value;
    case "override":
      if (value === spec.word) return value;
      if (typeof value !== "number" || !Number.isFinite(value) || (spec.integer && !Number.isInteger(value)) || value < spec.min || value > spec.max) throw bad();
      return value;
    case "limit":
      if (value === Infinity) return value;
      if (typeof value !== "number" || !Number.isInteger(value) || value < spec.min || value > spec.max) throw bad();
      return value;
    case "enum":
      if (typeof value !== "string" || !spec.values.includes(value)) {
        const hint = typeof value === "string" ? didYouMean(value, spec.values) : "";
        if (hint === "") throw bad();
        throw new InputError(`${where}: ${JSON.stringify(value)} is not allowed; ${hint} (expected ${allowed(spec)})`);
      }
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw bad();
      return value;
    case "string":
      if (typeof value !== "string" || value.length > spec.maxLength || (spec.nonBlank && value.trim() === "")) throw bad();
      return value;
  }
}

/**
 * Decimal notation, the only one numbers are read in: digits with an optional sign,
 * fraction and exponent (12, -3, 0.25, .5, 1e6). Not hex, binary or octal (0x10, 0b11,
 * 0o7), not `Infinity` (a limit's word is `unlimited`), not empty.
 */
const decimalNumber = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses the text of a `--set` value into the spec's type, then checks it. */
export function parseValue(spec: ParamSpec, text: string): ParamValue {
  const forgiven = forgivingValue(spec, text);
  if (forgiven !== undefined) return checkValue(spec, forgiven);
  let value: unknown = text;
  if (spec.kind === "limit" && ["unlimited", "infinity"].includes(text.trim().toLowerCase())) {
    value = Infinity;
  } else if (spec.kind === "override" && text.trim() === spec.word) {
    value = spec.word;
  } else if (spec.kind === "integer" || spec.kind === "number" || spec.kind === "limit" || spec.kind === "override") {
    const trimmed = text.trim();
    if (!decimalNumber.test(trimmed)) {
      throw new InputError(`${spec.name}: ${JSON.stringify(text)} is not a number; expected ${allowed(spec)}, in decimal notation (e.g. 12, 0.25 or 1e6)`);
    }
    // A value too large for a double (1e400) becomes Infinity: refused below, shown as typed.
    return checkValue(spec, Number(trimmed), spec.name, trimmed);
  } else if (spec.kind === "boolean") {
    value = text === "true" ? true : text === "false" ? false : text;
  }
  return checkValue(spec, value);
}

/**
 * What a forgiving reading makes of `text`, before the strict grammar: a share (a
 * number parameter from 0 to at most 1) typed as a percentage ("15%" is 0.15), a
 * choice typed in any case or with any separators, or by its display name; undefined
 * when neither applies.
 */
function forgivingValue(spec: ParamSpec, text: string): ParamValue | undefined {
  if ((spec.kind === "number" || spec.kind === "override") && spec.max <= 1) return percentValue(text);
  if (spec.kind === "enum") return matchChoice(spec.values, text.trim(), spec.labels);
  return undefined;
}

/** The defaults of every parameter. */
export function defaults(specs: readonly ParamSpec[]): ParamValues {
  return Object.fromEntries(specs.map((s) => [s.name, s.default]));
}

/** Applies `name=value` overrides (in order; a later one wins) to the defaults. */
export function resolve(specs: readonly ParamSpec[], overrides: readonly string[]): ParamValues {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values = defaults(specs);
  for (const o of overrides) {
    const eq = o.indexOf("=");
    if (eq <= 0) throw new InputError(`--set ${JSON.stringify(o)}: expected name=value`);
    const name = o.slice(0, eq).trim();
    const spec = byName.get(name);
    if (!spec) {
      const here = sameInputHere(
        name,
        specs.map((s) => s.name),
      );
      if (here !== undefined) {
        throw new InputError(`${name}: not a parameter here; did you mean ${here}? (the same input's name here; GLOSSARY.md lists each input's names)`);
      }
      const hint = didYouMean(
        name,
        specs.map((s) => s.name),
      );
      throw new InputError(`${name}: unknown parameter; ${hint === "" ? "" : `${hint} `}(--help lists all ${specs.length})`);
    }
    values[name] = parseValue(spec, o.slice(eq + 1));
  }
  return values;
}
