/**
 * Levers on the response rate (guide G11) as multipliers, each with its source and
 * confidence. Only the message-length bands and the weekday pattern come from
 * LinkedIn's own studies (via secondary coverage); every other magnitude is an
 * ASSUMPTION — the direction is documented, the size is not — and reports label it so.
 */

export interface Effect {
  readonly multiplier: number;
  readonly source: string;
  readonly assumption: boolean;
}

/** Body length bands (LinkedIn 2022 recruiter study, via SEJ; medium confidence). */
export const lengthBands: readonly { readonly maxChars: number; readonly multiplier: number }[] = [
  { maxChars: 400, multiplier: 1.22 },
  { maxChars: 800, multiplier: 1.03 },
  { maxChars: 1200, multiplier: 0.94 },
  { maxChars: Infinity, multiplier: 0.89 },
];

export function lengthMultiplier(bodyChars: number): number {
  for (const b of lengthBands) if (bodyChars <= b.maxChars) return b.multiplier;
  return lengthBands[lengthBands.length - 1]!.multiplier;
}

/**
 * Response multiplier by the recipient-local weekday of sending, 0 = Sunday. LinkedIn
 * 2022: Friday and Saturday lowest, other days within ~1%, Monday slightly best; the
 * Friday and Saturday values are interpolated (older data: Saturday −16%).
 */
export const weekdayMultipliers: readonly number[] = [1.0, 1.01, 1.0, 1.0, 1.0, 0.95, 0.9];

export const leverIds = ["specificSubject", "mutualGround", "clearCallToAction", "personalised", "openToWorkTarget", "offPeak"] as const;
export type LeverId = (typeof leverIds)[number];

export const leverEffects: Readonly<Record<LeverId, Effect>> = {
  specificSubject: {
    multiplier: 1.1,
    source: "guide G11 (direction); size assumed",
    assumption: true,
  },
  mutualGround: {
    multiplier: 1.15,
    source: "guide G11 (direction); size assumed",
    assumption: true,
  },
  clearCallToAction: {
    multiplier: 1.1,
    source: "guide G11: vague CTAs 'reduce the reply rate significantly' (direction); size assumed",
    assumption: true,
  },
  personalised: {
    multiplier: 1.2,
    source: "LinkedIn 2022 study: personalised InMails perform best (direction only); size assumed",
    assumption: true,
  },
  openToWorkTarget: {
    multiplier: 1.3,
    source: "LinkedIn 2022 study: Open to Work members respond more (direction only); size assumed",
    assumption: true,
  },
  offPeak: {
    multiplier: 1.05,
    source: "guide G11: off-peak 'sometimes yields better results'; size assumed",
    assumption: true,
  },
};

/** Hours (recipient-local) counted as off-peak: before 8:00 or from 18:00 (assumption). */
export const offPeakHours = { before: 8, from: 18 } as const;

/** Product of the multipliers of the levers that are on. */
export function leverMultiplier(on: Partial<Record<LeverId, boolean>>): number {
  let m = 1;
  for (const id of leverIds) if (id !== "offPeak" && on[id]) m *= leverEffects[id].multiplier;
  return m;
}
