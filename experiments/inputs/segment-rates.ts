/**
 * The response rate and the positive share as inputs: one spec each, shared by every
 * tool that takes them (the team planner, capacity-by-plan, recruiting-team, job-seeker,
 * message-levers), so each has one name, one default, one range and one refusal line.
 * A value is a number the user typed, or the word `segment` — the audience segment's
 * figure (an assumption, models/audiences.ts) — so "typed or not" travels with the
 * value: a typed rate is held whatever it equals, and an untyped one follows the
 * segment chosen. Pure.
 */
import { responseRateRange, segmentIds, segments, type Segment, type SegmentId } from "../../models/audiences.ts";
import type { ParamSpec, ParamValue } from "./params.ts";

/** The word an input takes, and defaults to, for "the audience segment's figure". */
export const segmentWord = "segment";

/** Whether an input was typed (a number), rather than left to the segment. */
export type FigureSource = "typed" | "segment";

/** A segment's positive share: accepted or replied among its responses. */
export const positiveShareOf = (segment: Segment): number => segment.mix.accepted + segment.mix.replied;

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Each segment's figure in words: "passive-candidates 18%, executives 10%, …". */
export function perSegmentText(figure: (s: Segment) => number, ids: readonly SegmentId[] = segmentIds): string {
  return ids.map((id) => `${id} ${percent(figure(segments[id]))}`).join(", ");
}

/**
 * The response-rate input. `defaultWords` says what `segment` stands for in this tool
 * (the segments' rates where the tool takes `audience.segment`, else its own segment's).
 */
export function responseRateSpec(what: string, defaultWords: string): ParamSpec {
  return {
    name: "responseRate",
    kind: "override",
    word: segmentWord,
    ...responseRateRange,
    default: segmentWord,
    description: `${what}; 15% or 0.15; default ${segmentWord}: ${defaultWords}`,
  };
}

/** The positive-share input (accepted or replied among responses); `defaultWords` as for `responseRateSpec`. */
export function positiveShareSpec(defaultWords: string): ParamSpec {
  return {
    name: "positiveShare",
    kind: "override",
    word: segmentWord,
    min: 0,
    max: 1,
    default: segmentWord,
    description: `positive share: accepted or replied among responses (the rest decline); default ${segmentWord}: ${defaultWords}`,
  };
}

/** The number an input stands for: the one typed, or `segmentFigure` for the word `segment`. */
export const figureOf = (value: ParamValue | undefined, segmentFigure: number): number => (value === undefined || value === segmentWord ? segmentFigure : (value as number));

/** Whether the input's value was typed or is the segment's. */
export const sourceOf = (value: ParamValue | undefined): FigureSource => (value === undefined || value === segmentWord ? "segment" : "typed");

/** "the passive-candidates segment's, assumed" or "typed": what a figure is, in words. */
export const sourceWords = (source: FigureSource, segment: SegmentId): string => (source === "typed" ? "typed" : `the ${segment} segment's, assumed`);
