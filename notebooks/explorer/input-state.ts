/**
 * The explorer's inputs as text: what each field shows by default, the URL hash that
 * holds the fields a user changed (so a copied link reopens the same view), and the
 * parse of every field with the CLI's own `parseValue` — one message per bad field,
 * naming it, the bad value and what is allowed. Pure: no DOM, no `node:`.
 */
import { parseValue, type ParamSpec, type ParamValues } from "../../experiments/inputs/params.ts";

/** Field name → the text in the field. */
export type FieldTexts = Readonly<Record<string, string>>;

/** The text a field shows for its default (`unlimited` for an unlimited count). */
export function defaultText(spec: ParamSpec): string {
  return spec.default === Infinity ? "unlimited" : String(spec.default);
}

/** Every field at its default. */
export function defaultTexts(specs: readonly ParamSpec[]): Record<string, string> {
  return Object.fromEntries(specs.map((s) => [s.name, defaultText(s)]));
}

/** The hash (without `#`) of the fields whose text differs from their default, in the specs' order. */
export function hashFromTexts(specs: readonly ParamSpec[], texts: FieldTexts): string {
  const changed = new URLSearchParams();
  for (const spec of specs) {
    const text = texts[spec.name];
    if (text !== undefined && text !== defaultText(spec)) changed.append(spec.name, text);
  }
  return changed.toString();
}

/**
 * The field texts a hash sets over the defaults (a later repeat of a name wins), and the
 * names in it that are no parameter (ignored, reported).
 */
export function textsFromHash(specs: readonly ParamSpec[], hash: string): { texts: Record<string, string>; unknown: string[] } {
  const texts = defaultTexts(specs);
  const unknown: string[] = [];
  for (const [name, text] of new URLSearchParams(hash.replace(/^#/, ""))) {
    if (Object.hasOwn(texts, name)) texts[name] = text;
    else if (!unknown.includes(name)) unknown.push(name);
  }
  return { texts, unknown };
}

/** Parses every field: the values when all are good, else one message per bad field. */
export function parseTexts(specs: readonly ParamSpec[], texts: FieldTexts): { ok: true; values: ParamValues } | { ok: false; errors: Map<string, string> } {
  const values: ParamValues = {};
  const errors = new Map<string, string>();
  for (const spec of specs) {
    try {
      values[spec.name] = parseValue(spec, texts[spec.name] ?? defaultText(spec));
    } catch (err) {
      errors.set(spec.name, err instanceof Error ? err.message : String(err));
    }
  }
  return errors.size === 0 ? { ok: true, values } : { ok: false, errors };
}
