/**
 * Times as a replay's text shows them: `YYYY-MM-DD HH:mm`, to the minute (seconds
 * dropped, not rounded), in the zone the user named (`--timezone`) or UTC, and the
 * zone's name where a sentence needs it. JSON keeps ISO 8601 UTC to the millisecond.
 */
import { WallClockZone } from "../models/iso-time.ts";

/** `YYYY-MM-DD HH:mm` of epoch ms in the zone named `zone` (an IANA name), or UTC. */
export function timeText(ms: number, zone?: string | null): string {
  const offset = zone ? zoneOf(zone).offsetMs(ms) : 0;
  const minute = Math.floor((ms + offset) / 60_000) * 60_000;
  return new Date(minute).toISOString().slice(0, 16).replace("T", " ");
}

/** `timeText` followed by the zone's name: "2026-01-05 16:30 America/New_York", "… UTC". */
export function zonedTimeText(ms: number, zone?: string | null): string {
  return `${timeText(ms, zone)} ${zone || "UTC"}`;
}

const zones = new Map<string, WallClockZone>();
function zoneOf(name: string): WallClockZone {
  let z = zones.get(name);
  if (z === undefined) zones.set(name, (z = new WallClockZone(name)));
  return z;
}
