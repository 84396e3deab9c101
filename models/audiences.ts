/**
 * Audience segments (guide G12: recruiting, sales prospecting, career networking):
 * base probability that a recipient responds (accepts, replies or declines) to a
 * typical InMail, the split of responses, and the spam-report rate. LinkedIn publishes
 * no breakdown by segment: secondary sources give 10–30% for recruiter InMail (0.18 a
 * fair default; SocialTalent, socialtalent.com/?p=93147) and LinkedIn's help a413271
 * gives 0.13 as Recruiter's floor (docs/model.md, "Response rates"). Every figure here is an ASSUMPTION
 * within those ranges, labelled as such in reports.
 */

/**
 * The observed response rates (LinkedIn's definition: accepted, replied or declined among
 * delivered InMails) the project takes as an input: from 0.1%, where a seat still gets a
 * response a year, to 95%, which leaves room for spam reports and the message's
 * multipliers. The one range of every tool's `responseRate`, and of a replay's command.
 */
export const responseRateRange = { min: 0.001, max: 0.95 } as const;

export const segmentIds = ["passive-candidates", "executives", "prospects", "peers-mentors", "hiring-managers"] as const;
export type SegmentId = (typeof segmentIds)[number];

export interface Segment {
  readonly id: SegmentId;
  readonly description: string;
  /** P(accepted, replied or declined) for a typical InMail, before levers. */
  readonly responseRate: number;
  /** Shares of responses that are accepted / replied / declined (sum to 1). */
  readonly mix: { readonly accepted: number; readonly replied: number; readonly declined: number };
  /** P(the recipient reports the InMail as spam). */
  readonly spamRate: number;
  readonly source: string;
}

const assumed = "assumption within the published 10–30% range (secondary sources, low–medium confidence; docs/model.md, Response rates)";

export const segments: Readonly<Record<SegmentId, Segment>> = {
  "passive-candidates": {
    id: "passive-candidates",
    description: "employed people not looking (recruiting)",
    responseRate: 0.18,
    mix: { accepted: 0.45, replied: 0.2, declined: 0.35 },
    spamRate: 0.01,
    source: `0.18 default: typical InMail response 10–30% (secondary sources, low–medium confidence); mix and spam: ${assumed}`,
  },
  executives: {
    id: "executives",
    description: "C-suite and decision makers (sales prospecting)",
    responseRate: 0.1,
    mix: { accepted: 0.3, replied: 0.3, declined: 0.4 },
    spamRate: 0.02,
    source: assumed,
  },
  prospects: {
    id: "prospects",
    description: "managers and buyers at target accounts (sales prospecting)",
    responseRate: 0.14,
    mix: { accepted: 0.35, replied: 0.3, declined: 0.35 },
    spamRate: 0.015,
    source: assumed,
  },
  "peers-mentors": {
    id: "peers-mentors",
    description: "industry peers and potential mentors (career networking)",
    responseRate: 0.25,
    mix: { accepted: 0.4, replied: 0.45, declined: 0.15 },
    spamRate: 0.005,
    source: assumed,
  },
  "hiring-managers": {
    id: "hiring-managers",
    description: "hiring managers contacted by a job seeker (career networking)",
    responseRate: 0.15,
    mix: { accepted: 0.35, replied: 0.35, declined: 0.3 },
    spamRate: 0.005,
    source: assumed,
  },
};
