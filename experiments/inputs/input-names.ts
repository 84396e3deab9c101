/**
 * The names one input has in the different tools (GLOSSARY.md lists them), so that a
 * name from another tool, or an old one, is answered with this tool's name for the same
 * input rather than "unknown parameter". Pure.
 */

/** Each row: the names of one input across the commands, notebooks and pages. */
export const inputNames: readonly (readonly string[])[] = [
  ["sendsPerWorkingDay", "sendsPerDay", "sender.sendsPerDay"],
  ["demandPerSeat", "demandPerMonth", "demandPerCycle", "sender.demandPerCycle"],
  ["target", "targetConversations"],
  // The job seeker's target is a total over the horizon, not a month's: its own name.
  ["targetTotal", "targetConversations"],
  ["responseRate", "audience.responseRate", "replyRate"],
  ["months", "cycles"],
];

/** This tool's name for the input `name` names in another tool (among `names`, the tool's parameters), or undefined. */
export function sameInputHere(name: string, names: readonly string[]): string | undefined {
  for (const row of inputNames.filter((r) => r.includes(name))) {
    const here = row.find((other) => other !== name && names.includes(other));
    if (here !== undefined) return here;
  }
  return undefined;
}
