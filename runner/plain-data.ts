/**
 * Plain data as text, for jobs that leave this process (the queue, shard parts): a
 * canonical JSON form — object keys sorted, so equal values give equal text and equal
 * hashes — in which the numbers JSON cannot hold (Infinity, −Infinity, NaN, −0) are
 * tagged objects `{"$number": "Infinity"}`, so they come back exactly. Only objects,
 * arrays, strings, booleans, null and numbers are plain data; anything else (a
 * function, a class instance, a typed array, a cycle) is refused when encoding, and
 * decoding refuses what encoding cannot produce (prototype keys, "$number" tags of
 * other values, nesting deeper than `maxDepth`), so a job read from outside is data
 * and never code.
 */

/** Deepest nesting accepted (a model is about 5 levels deep). */
export const maxDepth = 32;

const numberTags: Record<string, number> = { Infinity: Infinity, "-Infinity": -Infinity, NaN: NaN, "-0": -0 };
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

/** Thrown for a value that is not plain data; `path` names where (e.g. `model.rules.refundOn[2]`). */
export class PlainDataError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "PlainDataError";
  }
}

function tagOf(n: number): string | undefined {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  if (Object.is(n, -0)) return "-0";
  return undefined;
}

function toJsonSafe(value: unknown, path: string, depth: number, seen: Set<object>): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    const tag = tagOf(value);
    return tag === undefined ? value : { $number: tag };
  }
  if (typeof value !== "object") throw new PlainDataError(path, `a ${typeof value} is not plain data`);
  if (depth >= maxDepth) throw new PlainDataError(path, `nested deeper than ${maxDepth} levels`);
  if (seen.has(value)) throw new PlainDataError(path, "refers to itself");
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v, i) => toJsonSafe(v, `${path}[${i}]`, depth + 1, seen));
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new PlainDataError(path, "is not a plain object");
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined) continue;
      out[key] = toJsonSafe(v, `${path}.${key}`, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/** The canonical text of `value` (throws PlainDataError when it is not plain data). */
export function encodePlain(value: unknown, path = "value"): string {
  return JSON.stringify(toJsonSafe(value, path, 0, new Set()));
}

function fromJsonSafe(value: unknown, path: string, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth >= maxDepth) throw new PlainDataError(path, `nested deeper than ${maxDepth} levels`);
  if (Array.isArray(value)) return value.map((v, i) => fromJsonSafe(v, `${path}[${i}]`, depth + 1));
  const keys = Object.keys(value);
  if (keys.includes("$number")) {
    const tag = (value as Record<string, unknown>).$number;
    if (keys.length !== 1 || typeof tag !== "string" || !(tag in numberTags)) {
      throw new PlainDataError(path, `a "$number" tag must be alone and one of ${Object.keys(numberTags).join(", ")}`);
    }
    return numberTags[tag];
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (forbiddenKeys.has(key)) throw new PlainDataError(path, `the key ${JSON.stringify(key)} is not allowed`);
    out[key] = fromJsonSafe((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
  }
  return out;
}

/** Parses text made by `encodePlain` (throws PlainDataError when it is not such text). */
export function decodePlain(text: string, path = "value"): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new PlainDataError(path, `not JSON (${(err as Error).message})`);
  }
  return fromJsonSafe(parsed, path, 0);
}

/** A plain-data value made JSON-safe, to embed in a larger JSON document (see `fromPlainJson`). */
export function toPlainJson(value: unknown, path = "value"): unknown {
  return toJsonSafe(value, path, 0, new Set());
}

/** Inverse of `toPlainJson`, on an already parsed JSON value. */
export function fromPlainJson(value: unknown, path = "value"): unknown {
  return fromJsonSafe(value, path, 0);
}
