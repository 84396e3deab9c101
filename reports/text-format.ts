/**
 * Number and list formats for the sentences of notebook pages (en-US whatever the
 * machine's locale, a true minus sign), so narratives read the same everywhere.
 */
import { numberFormatter } from "./index.ts";

const intl = (digits: number, minimum = digits) => new Intl.NumberFormat("en-US", { minimumFractionDigits: minimum, maximumFractionDigits: digits });

/** Fixed decimals: fixed(1)(2) → "2.0", fixed(1)(-0.04) → "−0.0"… rounded towards the shown digits, −0 shown as 0. */
export function fixed(digits: number): (x: number) => string {
  const format = intl(digits);
  return (x: number) => {
    const text = format.format(x);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace("-", "−");
  };
}

export const f0 = fixed(0);
export const f1 = fixed(1);
export const f2 = fixed(2);
/** At most one decimal, none when whole: 20 → "20", 0.5 → "0.5". */
export const n1 = (x: number) => intl(1, 0).format(x).replace("-", "−");
export const usd = numberFormatter({ currency: "USD" });
/** Whole dollars: 2878.8 → "$2,879". */
export const usd0 = numberFormatter({ currency: "USD", digits: 0 });
/** 0.18 → "18%", 0.125 → "12.5%". */
export const pct = (fraction: number) => `${n1(Math.round(fraction * 1000) / 10)}%`;
/** Always one decimal: 0.1205 → "12.1%" (for rates compared side by side). */
export const pct1 = (fraction: number) => `${fixed(1)(fraction * 100)}%`;
/** "an 18% response rate" / "a 20% …": the article as the number is read aloud. */
export const aPct = (fraction: number) => {
  const text = pct(fraction);
  return `${/^(8|11(?!\d)|18(?!\d))/.test(text) ? "an" : "a"} ${text}`;
};
/** "95% CI 1.2 to 3.4". */
export const ci = (lo: number, hi: number, format: (x: number) => string) => `95% CI ${format(lo)} to ${format(hi)}`;
/** A leading + on positive values. */
export const signed = (x: number, format: (x: number) => string) => (x > 0 ? `+${format(x)}` : format(x));
/** "1 seat", "3 seats" (`n` shown with `format`). */
export const count = (n: number, singular: string, plural = `${singular}s`, format: (x: number) => string = n1) =>
  `${format(n)} ${n === 1 ? singular : plural}`;
/** "a", "a and b", "a, b and c". */
export const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
/** An interval for a table cell that never breaks inside (word joiners). */
export const range = (lo: string, hi: string) => `${lo}\u2060–\u2060${hi}`;
/** A mean and its 95% CI for a table cell: "1.2 (0.9–1.5)". */
export const estimateCell = (e: { readonly mean: number; readonly ci95: readonly [number, number] }, format: (x: number) => string) =>
  `${format(e.mean)} (${range(format(e.ci95[0]), format(e.ci95[1]))})`;
