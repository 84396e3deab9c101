/** The time unit of every simulation is the day (times are fractional days); this is a day in milliseconds. */
export const DAY_MS = 86_400_000;
