/**
 * One colour per plan, the same on every page and in the explorer: a figure whose
 * series are plans colours each by its plan, whatever other plans it shows or in what
 * order. The colours are Observable Plot's default categorical scheme (observable10),
 * so a figure of plans looks like the others; series that are no plan take the scheme's
 * colours that no plan has. Pure data and string matching: runs in Node and the browser.
 */
import { planIds, plans, type PlanId } from "../models/plans.ts";

export const defaults = {
  /** Observable Plot's observable10 scheme, in its order. */
  scheme: ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0"],
} as const;

/** Each plan's colour (CSS hex). */
export const planColors: Readonly<Record<PlanId, string>> = {
  basic: "#9498a0",
  "premium-career": "#efb118",
  "premium-business": "#ff725c",
  "sales-navigator": "#3ca951",
  "recruiter-lite": "#4269d0",
  recruiter: "#a463f2",
};

/** The scheme's colours that no plan has, in order: for the series of a figure that are no plan. */
const otherColors = defaults.scheme.filter((c) => !Object.values(planColors).includes(c));

/** Names a series may call a plan by: its id, its display name, the display name without its parenthesis ("Recruiter"). */
const aliases: readonly (readonly [string, PlanId])[] = planIds
  .flatMap((id) => [[id, id] as const, [plans[id].name, id] as const, [plans[id].name.replace(/\s*\(.*\)$/, ""), id] as const])
  // Longest first, so "Recruiter Lite, …" is Recruiter Lite, not Recruiter.
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The plan a series label names: the label is a plan's id or name, alone or followed
 * by " (…)" or ", …" ("Recruiter Lite (guide)", "Recruiter, pooled contract"); else undefined.
 */
export function planOfLabel(label: string): PlanId | undefined {
  for (const [alias, id] of aliases) {
    if (label === alias || label.startsWith(`${alias} (`) || label.startsWith(`${alias}, `)) return id;
  }
  return undefined;
}

/** The colour of the plan a series label names, else undefined. */
export function planColor(label: string): string | undefined {
  const id = planOfLabel(label);
  return id === undefined ? undefined : planColors[id];
}

/**
 * The colour range for a figure's series, index for index with `domain`, when any of
 * them is a plan: plans in their colour, the other series in the colours no plan has.
 * Undefined when none is a plan (the figure keeps Plot's default scheme).
 */
export function seriesColors(domain: readonly string[]): string[] | undefined {
  if (!domain.some((label) => planOfLabel(label) !== undefined)) return undefined;
  let other = 0;
  return domain.map((label) => planColor(label) ?? otherColors[other++ % otherColors.length]!);
}
