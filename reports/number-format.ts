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
