export { Calendar } from "./calendar.ts";
export { Environment, type EventHandler, type EnvironmentOptions } from "./environment.ts";
export { createStream, cyrb53, streamKey, type Uniform } from "./random.ts";
export { RunningStats, summarize } from "./stats.ts";
