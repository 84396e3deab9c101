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
  ["responseRate", "audience.responseRate", "replyRate"],
  ["months", "cycles"],
];

/** This tool's name for the input `name` names in another tool (among `names`, the tool's parameters), or undefined. */
export function sameInputHere(name: string, names: readonly string[]): string | undefined {
  const row = inputNames.find((r) => r.includes(name));
  return row?.find((other) => other !== name && names.includes(other));
}
