/**
 * Sender personas (guide G12): who sends, when, how much, and to whom. The figures
 * are ASSUMPTIONS describing typical behaviour, meant to be overridden per scenario.
 */
import type { SegmentId } from "./audiences.ts";
import type { PlanId } from "./plans.ts";
import type { WorkCalendar } from "./work-calendar.ts";

export const personaIds = ["recruiter", "seller", "job-seeker"] as const;
export type PersonaId = (typeof personaIds)[number];

export interface Persona {
  readonly id: PersonaId;
  readonly description: string;
  readonly plan: PlanId;
  readonly segment: SegmentId;
  readonly calendar: WorkCalendar;
  /** Mean sends per working day while credits last. */
  readonly sendsPerDay: number;
  readonly maxSendsPerDay: number;
  /** People the persona wants to reach per month. */
  readonly demandPerCycle: number;
  readonly whenOut: "refund-or-grant" | "next-grant";
}

const office: WorkCalendar = { weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 18, utcOffsetHours: 0 };

export const personas: Readonly<Record<PersonaId, Persona>> = {
  recruiter: {
    id: "recruiter",
    description: "an agency or in-house recruiter sourcing passive candidates",
    plan: "recruiter-lite",
    segment: "passive-candidates",
    calendar: office,
    sendsPerDay: 12,
    maxSendsPerDay: 40,
    demandPerCycle: 200,
    whenOut: "refund-or-grant",
  },
  seller: {
    id: "seller",
    description: "an SDR or AE prospecting executives at target accounts",
    plan: "sales-navigator",
    segment: "executives",
    calendar: office,
    sendsPerDay: 8,
    maxSendsPerDay: 30,
    demandPerCycle: 150,
    whenOut: "refund-or-grant",
  },
  "job-seeker": {
    id: "job-seeker",
    description: "a job seeker reaching hiring managers and mentors in the evenings and at weekends",
    plan: "premium-career",
    segment: "hiring-managers",
    calendar: { weekdays: [0, 1, 2, 3, 4, 5, 6], startHour: 18, endHour: 22, utcOffsetHours: 0 },
    sendsPerDay: 1,
    maxSendsPerDay: 5,
    demandPerCycle: 20,
    whenOut: "next-grant",
  },
};
