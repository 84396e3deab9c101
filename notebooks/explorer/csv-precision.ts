/**
 * The precision of each kind of figure in the explorer's CSV downloads, and the rounding
 * to it: a spreadsheet gets 77, not 76.99999999999999. One decimal more than the page
 * shows for counts (a CSV is summed and divided further), cents for money, four
 * decimals for shares. Pure: no DOM.
 */
export const digits = {
  /** Conversations, InMails, credits: per team or per seat, per month or quarter. */
  count: 2,
  /** USD. */
  usd: 2,
  /** Shares and rates, from 0 to 1. */
  share: 4,
} as const;

/** `x` rounded to `places` decimals, as the shortest number that prints so (77, 0.25); null, "" and non-finite as they are. */
export function rounded<T>(x: T, places: number): T {
  if (typeof x !== "number" || !Number.isFinite(x)) return x;
  const r = Number(x.toFixed(places));
  return (Object.is(r, -0) ? 0 : r) as T;
}
