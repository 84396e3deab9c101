/**
 * The general scenarios' presets: each a persona and the parameter values it starts from
 * (a scenario file in scenarios/ runs one; notebooks build on them).
 */

export const recruiting = {
  command: "scenarios/recruiting.ts",
  name: "recruiting",
  description:
    "Recruiters sourcing passive candidates (Recruiter Lite, weekdays 9–18, up to 40 a day, 200 people a month),\n" +
    "LinkedIn's credit rules and its response-rate floor (≥ 13% on ≥ 100 InMails per 14 days).",
  persona: "recruiter" as const,
  defaults: {
    "enforcement.responseRateFloor": true,
    "message.bodyChars": 550,
    "message.personalised": true,
    "message.clearCallToAction": true,
  },
};

export const salesProspecting = {
  command: "scenarios/sales-prospecting.ts",
  name: "sales-prospecting",
  description:
    "Sellers prospecting executives on Sales Navigator (50 credits on the 1st of each month, cap 150),\n" +
    "10% Open Profile members messaged free (assumed share), connection requests as a fallback.",
  persona: "seller" as const,
  defaults: {
    "audience.openProfileShare": 0.1,
    "connections.use": "fallback",
    "connections.acceptRate": 0.2,
    "message.bodyChars": 380,
    "message.specificSubject": true,
    "message.mutualGround": true,
  },
};

export const jobSeeker = {
  command: "scenarios/job-seeker.ts",
  name: "job-seeker",
  description:
    "A job seeker on Premium Career (5 credits a month) writing to hiring managers in the evenings and at weekends.\n" +
    "Compare the free channel with --set plan=basic --set connections.use=only --set connections.noteChars=180.",
  persona: "job-seeker" as const,
  defaults: {
    "message.bodyChars": 450,
    "message.mutualGround": true,
    "message.clearCallToAction": true,
  },
};
