export { Calendar } from "./calendar.ts";
export { Environment, type EventHandler, type EnvironmentOptions } from "./environment.ts";
export { createStream, cyrb53, StreamBank, streamKey, type Distribution, type Uniform } from "./random.ts";
export { RunningStats, summarize } from "./stats.ts";
