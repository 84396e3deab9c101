/**
 * The shape of an AccountModel (models/account-model.ts) as a worker checks it
 * before simulating a job that came from outside this process: every key known, every
 * value of its type and within the ranges the command line allows (cycles 1–1,200 as
 * `--set cycles` accepts; probabilities in [0, 1]; counts ≥ 0; Infinity only where the
 * model means "no limit"). A model the command line could have built passes; anything
 * else is refused with the path of the first bad field, so a malformed or foreign job
 * is reported and never run.
 */
import { outcomes } from "../models/outcome.ts";
import { policyIds, refundAgings } from "../models/policy.ts";

type Check = (value: unknown, path: string) => string | null;

const isNumber = (v: unknown): v is number => typeof v === "number" && !Number.isNaN(v);

/** A number from `min` to `max`; `infinite` allows +Infinity ("no limit"), `integer` whole numbers only. */
function num(min: number, max: number, opts: { infinite?: boolean; integer?: boolean } = {}): Check {
  return (v) => {
    if (!isNumber(v)) return `expected a number, got ${JSON.stringify(v) ?? typeof v}`;
    if (v === Infinity && opts.infinite) return null;
    if (!Number.isFinite(v)) return `expected a finite number${opts.infinite ? " or Infinity" : ""}, got ${v}`;
    if (opts.integer && !Number.isInteger(v)) return `expected an integer, got ${v}`;
    return v < min || v > max ? `expected a number from ${min} to ${max}, got ${v}` : null;
  };
}

const probability = num(0, 1);
const days = num(0, 1e6);
const daysOrNever = num(0, 1e6, { infinite: true });
const count = num(0, 1e12, { integer: true });
const countOrUnlimited = num(0, 1e12, { infinite: true });
const multiplier = num(0, 1e3);
const bool: Check = (v) => (typeof v === "boolean" ? null : `expected true or false, got ${JSON.stringify(v)}`);

function oneOf(values: readonly string[]): Check {
  return (v) => (typeof v === "string" && values.includes(v) ? null : `expected one of ${values.join(", ")}, got ${JSON.stringify(v)}`);
}

function text(maxLength: number): Check {
  return (v) => (typeof v === "string" && v.length <= maxLength ? null : `expected a string of at most ${maxLength} characters`);
}

function list(item: Check, minLength: number, maxLength: number): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return "expected a list";
    if (v.length < minLength || v.length > maxLength) return `expected ${minLength === maxLength ? minLength : `${minLength} to ${maxLength}`} items, got ${v.length}`;
    for (let i = 0; i < v.length; i++) {
      const bad = item(v[i], `${path}[${i}]`);
      if (bad !== null) return bad.startsWith(path) ? bad : `${path}[${i}]: ${bad}`;
    }
    return null;
  };
}

const nullable =
  (check: Check): Check =>
  (v, path) =>
    v === null ? null : check(v, path);

/** An object with these keys (`optional` may be absent); unknown keys are refused. */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v, path) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return "expected an object";
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (!(key in required) && !(key in optional)) return `${path}.${key}: unknown field`;
    }
    for (const key of Object.keys(required)) {
      if (!(key in o)) return `${path}.${key}: missing`;
    }
    for (const [key, check] of [...Object.entries(required), ...Object.entries(optional)]) {
      if (!(key in o)) continue;
      const bad = check(o[key], `${path}.${key}`);
      if (bad !== null) return bad.startsWith(`${path}.${key}`) ? bad : `${path}.${key}: ${bad}`;
    }
    return null;
  };
}

/** One of several object shapes, told apart by their `kind`. */
function byKind(kinds: Record<string, Check>): Check {
  return (v, path) => {
    const kind = v !== null && typeof v === "object" ? (v as { kind?: unknown }).kind : undefined;
    const check = typeof kind === "string" ? kinds[kind] : undefined;
    return check ? check(v, path) : `${path}.kind: expected one of ${Object.keys(kinds).join(", ")}, got ${JSON.stringify(kind)}`;
  };
}

const rules = shape({
  policy: oneOf(policyIds),
  creditsPerCycle: count,
  resetEachCycle: bool,
  capCredits: countOrUnlimited,
  creditLifetimeDays: daysOrNever,
  refundOn: list(bool, outcomes.length, outcomes.length),
  refundWindowDays: daysOrNever,
  refundAging: oneOf(refundAgings),
});

const delay = byKind({
  exponential: shape({ kind: oneOf(["exponential"]), meanDays: days }),
  lognormal: shape({ kind: oneOf(["lognormal"]), medianDays: days, sigma: num(0, 100) }),
});

const response = shape(
  { outcomeProbabilities: list(probability, outcomes.length, outcomes.length), delay },
  { multiplier, weekdayMultipliers: nullable(list(multiplier, 7, 7)), offPeakMultiplier: multiplier, heterogeneity: num(0, 1e9) },
);

const schedule = byKind({
  fixed: shape({ kind: oneOf(["fixed"]), cycleDays: num(0, 1e6) }),
  "billing-date": shape({ kind: oneOf(["billing-date"]) }),
  "calendar-month": shape({ kind: oneOf(["calendar-month"]) }),
});

const calendar = shape({
  weekdays: list(num(0, 6, { integer: true }), 0, 7),
  startHour: num(0, 24),
  endHour: num(0, 24),
  utcOffsetHours: num(-14, 14),
});

const sender = shape(
  {},
  {
    calendar: nullable(calendar),
    maxSendsPerDay: countOrUnlimited,
    demandPerCycle: countOrUnlimited,
    poolSize: countOrUnlimited,
    whenOut: oneOf(["refund-or-grant", "next-grant"]),
  },
);

const openProfile = shape({ share: probability, monthlyCap: countOrUnlimited });

const connections = shape({
  use: oneOf(["only", "fallback", "mix"]),
  mixShare: probability,
  weeklyCap: countOrUnlimited,
  acceptRate: probability,
  replyRate: probability,
});

const enforcement = shape(
  {},
  {
    responseRateFloor: nullable(
      shape({
        minResponseRate: probability,
        minInmails: count,
        periodDays: days,
        warningDays: days,
        graceDays: days,
        restrictionDays: days,
        restrictedSendsPerDay: countOrUnlimited,
      }),
    ),
    complaints: nullable(
      shape({
        windowDays: days,
        minInmails: count,
        maxSpamRate: probability,
        checkEveryDays: days,
        warningDays: days,
        restrictionDays: days,
      }),
    ),
    content: nullable(shape({ flagProbability: probability, lockoutDays: list(days, 0, 100) })),
  },
);

const accountModel = shape(
  {
    rules,
    cycleDays: num(0, 1e6),
    cycles: num(1, 1200, { integer: true }),
    sendsPerDay: num(0, 1e9),
    blockedShare: probability,
    response,
  },
  {
    schedule,
    startDate: text(10),
    anchorSpreadDays: days,
    seats: num(1, 1e6, { integer: true }),
    seatCreditLimit: countOrUnlimited,
    sender,
    openProfile: nullable(openProfile),
    connections: nullable(connections),
    enforcement,
  },
);

/** Null when `value` has the shape of an AccountModel, else what is wrong and where (under `path`). */
export function modelShapeError(value: unknown, path = "model"): string | null {
  const bad = accountModel(value, path);
  return bad === null || bad.startsWith(path) ? bad : `${path}: ${bad}`;
}
