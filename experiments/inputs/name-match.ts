/**
 * Forgiving names: a choice typed in any case, with any separators ("Recruiter Lite",
 * "recruiter_lite", "RECRUITER-LITE" are `recruiter-lite`), or by its display name; and
 * for a name that matches nothing, the 1–3 nearest by edit distance (fastest-levenshtein)
 * to suggest instead of listing every name. Pure.
 */
import { distance } from "fastest-levenshtein";

/** Lower case, letters and digits only: the form two names are compared in. */
export const nameKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The value among `values` that `text` names (exactly, or up to case and separators,
 * or by its display name in `labels`); undefined when none does.
 */
export function matchChoice(values: readonly string[], text: string, labels: Readonly<Record<string, string>> = {}): string | undefined {
  if (values.includes(text)) return text;
  const key = nameKey(text);
  if (key === "") return undefined;
  return values.find((v) => nameKey(v) === key || (labels[v] !== undefined && nameKey(labels[v]) === key));
}

/**
 * The 1–3 names nearest to `text` (edit distance on the compared forms, ties in the
 * order given), among those close enough to be a plausible slip (within a third of the
 * longer name's length, or 2 edits) and at most one edit farther than the nearest.
 * Empty when none is.
 */
export function nearestNames(text: string, names: readonly string[], most = 3): string[] {
  const key = nameKey(text);
  const near = names
    .map((name, i) => ({ name, i, d: distance(key, nameKey(name)) }))
    .filter((c) => c.d <= Math.max(2, Math.ceil(Math.max(key.length, nameKey(c.name).length) / 3)))
    .sort((a, b) => a.d - b.d || a.i - b.i);
  // Only the names about as near as the nearest: a clear best match comes alone.
  const best = near[0]?.d ?? 0;
  return near
    .filter((c) => c.d <= best + 1)
    .slice(0, most)
    .map((c) => c.name);
}

/** "did you mean a, b or c?" for the nearest names; "" when none is near. */
export function didYouMean(text: string, names: readonly string[]): string {
  const near = nearestNames(text, names);
  if (near.length === 0) return "";
  const list = near.length === 1 ? near[0]! : `${near.slice(0, -1).join(", ")} or ${near[near.length - 1]!}`;
  return `did you mean ${list}?`;
}

/**
 * A share typed as a percentage ("15%", "15 %", "12.5%") as a number (0.15); undefined
 * when `text` is not one. The number before the sign follows JavaScript's decimal
 * grammar (the strict checks of plain numbers apply to it as to any number).
 */
export function percentValue(text: string): number | undefined {
  const m = /^\s*([0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*%\s*$/.exec(text);
  // Shifted in decimal, so "19.9%" is the double nearest 0.199 (19.9 / 100 is not).
  return m ? Number(`${m[1]}e-2`) : undefined;
}
