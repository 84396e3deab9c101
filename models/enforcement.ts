/**
 * Enforcement rules as data, and the pure decisions they make from a sender's own
 * history. The simulation keeps the history (per-day counters) and the timers;
 * these functions say what a check concludes.
 *
 * - Response-rate floor (LinkedIn Recruiter, help a413271, high): a response rate of
 *   at least 13% on at least 100 InMails in each 14-day assessment period; below it, a
 *   2-week warning, a re-check 7 days after the warning ends, then bulk InMail off for
 *   2 weeks (one-to-one sends only).
 * - Complaint rule (guide G9): "a high rate of spam complaints leads to warnings and can
 *   restrict the sender". No threshold is published: every figure is an ASSUMPTION.
 * - Content lockouts (LinkedIn Recruiter, help a1322781, high): a flagged InMail brings
 *   a warning the first time, then blocks new InMails for 24 h, 72 h, then 1 week.
 *   How often InMails are flagged is not published (an assumption, default 0).
 */

export interface ResponseRateFloor {
  readonly minResponseRate: number;
  readonly minInmails: number;
  readonly periodDays: number;
  readonly warningDays: number;
  /** Days after the warning ends before the re-check, so late answers count. */
  readonly graceDays: number;
  readonly restrictionDays: number;
  /** Sends a day still allowed while bulk InMail is off (one-to-one; an assumption). */
  readonly restrictedSendsPerDay: number;
}

export const recruiterFloor: ResponseRateFloor = {
  minResponseRate: 0.13,
  minInmails: 100,
  periodDays: 14,
  warningDays: 14,
  graceDays: 7,
  restrictionDays: 14,
  restrictedSendsPerDay: 5,
};

export interface ComplaintRule {
  readonly windowDays: number;
  readonly minInmails: number;
  /** Spam reports ÷ InMails sent in the window above which the sender is warned. */
  readonly maxSpamRate: number;
  readonly checkEveryDays: number;
  /** Days of warning before the re-check that can restrict. */
  readonly warningDays: number;
  /** Days without InMail when still above the threshold at the re-check. */
  readonly restrictionDays: number;
}

/** The guide's complaint rule with ASSUMED figures (nothing is published). */
export const guideComplaintRule: ComplaintRule = {
  windowDays: 30,
  minInmails: 50,
  maxSpamRate: 0.03,
  checkEveryDays: 7,
  warningDays: 7,
  restrictionDays: 14,
};

export interface ContentRule {
  /** Probability that an InMail is flagged by the content filter (assumption). */
  readonly flagProbability: number;
  /** Lockout after the 2nd, 3rd, … violation, in days; the last repeats. The 1st is a warning. */
  readonly lockoutDays: readonly number[];
}

export const recruiterContentRule: ContentRule = { flagProbability: 0, lockoutDays: [1, 3, 7] };

export interface Enforcement {
  readonly responseRateFloor: ResponseRateFloor | null;
  readonly complaints: ComplaintRule | null;
  readonly content: ContentRule | null;
}

export const noEnforcement: Enforcement = { responseRateFloor: null, complaints: null, content: null };

/** A floor check: `fail` below the rate on enough InMails, `pass` otherwise. */
export function floorVerdict(inmails: number, responses: number, rule: ResponseRateFloor): "pass" | "fail" {
  return inmails >= rule.minInmails && responses < rule.minResponseRate * inmails ? "fail" : "pass";
}

/** A complaint check: `fail` above the spam-report rate on enough InMails. */
export function complaintVerdict(inmails: number, spamReports: number, rule: ComplaintRule): "pass" | "fail" {
  return inmails >= rule.minInmails && spamReports > rule.maxSpamRate * inmails ? "fail" : "pass";
}

/** Lockout in days after the `violation`-th flagged InMail (1-based); 0 = a warning only. */
export function lockoutDays(violation: number, rule: ContentRule): number {
  if (violation <= 1 || rule.lockoutDays.length === 0) return 0;
  const i = Math.min(violation - 2, rule.lockoutDays.length - 1);
  return rule.lockoutDays[i]!;
}

/**
 * Per-day counters of one sender's InMails and what came back, indexed by the day the
 * InMail was sent, so a check can ask "of the InMails sent in [from, to), how many got
 * a response (so far)". Storage is allocated once per sender.
 */
export class DayCounters {
  readonly sends: Int32Array;
  readonly responses: Int32Array;
  readonly spam: Int32Array;

  constructor(days: number) {
    const n = Math.max(1, Math.ceil(days) + 1);
    this.sends = new Int32Array(n);
    this.responses = new Int32Array(n);
    this.spam = new Int32Array(n);
  }

  /** Sums of [sends, responses, spam] over send days [fromDay, toDay). */
  window(fromDay: number, toDay: number, out: Float64Array): Float64Array {
    let s = 0;
    let r = 0;
    let p = 0;
    const lo = Math.max(0, Math.floor(fromDay));
    const hi = Math.min(this.sends.length, Math.floor(toDay));
    for (let d = lo; d < hi; d++) {
      s += this.sends[d]!;
      r += this.responses[d]!;
      p += this.spam[d]!;
    }
    out[0] = s;
    out[1] = r;
    out[2] = p;
    return out;
  }
}
