/**
 * The one place numbers, money, shares and intervals are formatted for people: table
 * cells (`numberFormatter`), sentences and command text (`fixed`, `f1`, `usd`, `pct`…),
 * en-US whatever the machine's locale, with a true minus sign in text. Pure (no import),
 * so commands, pages and the browser explorer all format the same way.
 */
export const defaults = {
  digits: 0,
  currencyDigits: 2,
  /** Shown for NaN, so a failed estimate is visible rather than blank. */
  notANumber: "n/a",
  /** Between the bounds of an interval: spaced en dash. */
  intervalSeparator: " – ",
} as const;

/** How a number is shown to people. */
export interface NumberFormat {
  /** Fixed number of fraction digits, 0–20. Default 0, or 2 with `currency`. */
  readonly digits?: number;
  /** The value is a fraction; show it ×100 with a `%` sign. Default false. */
  readonly percent?: boolean;
  /** ISO 4217 code (e.g. "USD"): show with the currency's symbol. Default none. */
  readonly currency?: string;
}

/**
 * Returns a formatter with thousands separators and fixed decimals
 * (en-US conventions, so output does not depend on the machine's locale).
 * `null`/`undefined` format as "", NaN as "n/a", non-numbers via `String`.
 * Throws a RangeError for invalid `digits` or `currency`.
 */
export function numberFormatter(format: NumberFormat = {}): (value: unknown) => string {
  const { percent = false, currency } = format;
  const digits = format.digits ?? (currency === undefined ? defaults.digits : defaults.currencyDigits);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`digits must be an integer in 0–20, got ${String(format.digits)}`);
  }
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) {
    throw new RangeError(`currency must be an ISO 4217 code like "USD", got ${JSON.stringify(currency)}`);
  }
  if (percent && currency !== undefined) throw new RangeError("a number cannot be both percent and currency");
  const intl = new Intl.NumberFormat("en-US", {
    style: percent ? "percent" : currency === undefined ? "decimal" : "currency",
    ...(currency === undefined ? {} : { currency }),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return (value) => {
    if (value == null) return "";
    if (typeof value !== "number" && typeof value !== "bigint") return String(value);
    if (typeof value === "number" && Number.isNaN(value)) return defaults.notANumber;
    return intl.format(value);
  };
}

/** Formats an interval as "lo – hi" with one formatter for both bounds. */
export function formatInterval(lo: unknown, hi: unknown, format: (value: unknown) => string): string {
  return `${format(lo)}${defaults.intervalSeparator}${format(hi)}`;
}

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
/**
 * USD with cents and thousands separators: 1234.5 → "$1,234.50", −3.2 → "−$3.20";
 * null or undefined → "", NaN → "n/a", anything else not a number via `String`.
 */
export const usd = (value: unknown): string => (typeof value === "number" && !Number.isNaN(value) ? (value < 0 ? `−$${f2(-value)}` : `$${f2(value)}`) : cents(value));
const cents = numberFormatter({ currency: "USD" });
/** Whole dollars: 2878.8 → "$2,879". */
export const usd0 = numberFormatter({ currency: "USD", digits: 0 });
/** 0.18 → "18%", 0.125 → "12.5%". */
export const pct = (fraction: number) => `${n1(Math.round(fraction * 1000) / 10)}%`;
/** Always one decimal: 0.1206 → "12.1%" (for rates compared side by side). */
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
export const count = (n: number, singular: string, plural = `${singular}s`, format: (x: number) => string = n1) => `${format(n)} ${n === 1 ? singular : plural}`;
/** An interval for a table cell that never breaks inside (word joiners). */
export const range = (lo: string, hi: string) => `${lo}\u2060–\u2060${hi}`;
/** A mean and its 95% CI for a table cell: "1.2 (0.9–1.5)". */
export const estimateCell = (e: { readonly mean: number; readonly ci95: readonly [number, number] }, format: (x: number) => string) =>
  `${format(e.mean)} (${range(format(e.ci95[0]), format(e.ci95[1]))})`;
