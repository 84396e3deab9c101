/**
 * Small words shared by the capacity-by-plan page's sections: durations, paired
 * differences too small to matter, a credit's life, and the simulated calendar's dates.
 */
import { count, f0 } from "../../reports/number-format.ts";
import { DAY_MS } from "../../sim/time-unit.ts";
import { START_DATE, type Estimate } from "./grid.ts";

/** "1 day", "3.5 days". */
export const days = (d: number) => count(d, "day");
/** A paired difference too small to matter: its CI contains 0, or it is under 0.1% of `relativeTo`. */
export const negligible = (e: Estimate, relativeTo: number) => (e.lo <= 0 && e.hi >= 0) || Math.abs(e.mean) < 1e-3 * relativeTo;
/** "a 90-day life" / "no expiry" for a credit of a plan under the linkedin policy. */
export const life = (lifetimeDays: number) => (Number.isFinite(lifetimeDays) ? `a ${f0(lifetimeDays)}-day life` : "no expiry (none documented)");
/** The UTC date `day` days after the start date. */
export const dateOf = (day: number) => new Date(Date.parse(`${START_DATE}T00:00:00Z`) + day * DAY_MS);
export const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });
