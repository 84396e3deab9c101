/**
 * The replay of a send log, as JSON-ready data and as text: the log replayed on the plan it
 * was sent on (credits granted, used, refunded, lost and held; whether credits limited it;
 * the InMails that plan could not have sent), then the same log on every plan under both
 * policies, with each plan's price and cost per conversation.
 */
import { formatDate, formatIso, DAY_MS } from "../models/iso-time.ts";
import { replayPlan, whatIf, type BillingCycle, type PlanReplayOptions } from "./plan-replay.ts";
import { payingPlanIds } from "../models/paying-plans.ts";
import { PlanCannotSendError, plans, type PlanId } from "../models/plans.ts";
import { policies, type PolicyId, type RefundAging } from "../models/policy.ts";
import { replaySeatDays, replaySeatMonths, sendsPerDayWithCredits, type ReplayResult, type ReplayTotals } from "./replay.ts";
import { channels, logPlan, type BadRow, type SendLog } from "./send-log.ts";
import { dateReadingText } from "./log-dates.ts";
import { timeText, zonedTimeText } from "./log-time-text.ts";
import { observedRates, plannerRateNote, RESPONSE_WINDOW_DAYS, teamCommand } from "./observed-rates.ts";
import { leastOpeningBalance, type OpeningBalanceNeed } from "./opening-balance.ts";
import type { SeatRow, SeatsFile } from "./seats-file.ts";
import { OpeningBalanceError, resolveSeatOpenings, seatBillingDays, seatPlans, seatRows, seatsPlan } from "./seats.ts";

export { OpeningBalanceError };
import { f0, f1, pct1, usd } from "../reports/number-format.ts";

export interface ReplaySettings {
  readonly policy: PolicyId;
  readonly refundAging: RefundAging;
  readonly billingCycle: BillingCycle;
  /** Day of the month every seat is billed on (`--billing-day`), in place of the anchor; a seats file's day wins for its seat. */
  readonly billingDay?: number;
  /** Credits each seat held when the log starts (`--opening-balance N`), or "auto"; a seats file's value wins for its seat. Default 0. */
  readonly openingBalance?: number | "auto";
  /** What each seat had at the start (`--seats FILE`). */
  readonly seats?: SeatsFile;
}

/**
 * The plan named by --plan, else the log's plan column (with the seats file's plans,
 * when given); undefined when neither names one, or they name several.
 * Throws PlanCannotSendError for a plan that cannot send InMail (Basic, G2).
 */
export function resolvePlan(log: SendLog, values: Readonly<Record<string, unknown>>, seats?: SeatsFile): PlanId | undefined {
  const given = values.plan;
  const plan = typeof given === "string" && given !== "" ? (given as PlanId) : seats === undefined ? logPlan(log) : seatsPlan(log, seats);
  if (plan !== undefined && plans[plan].creditsPerMonth <= 0) throw new PlanCannotSendError(plan);
  return plan;
}

/** `price.<plan>`: the option that sets a plan's price, USD per seat per month. */
export const priceOption = (plan: PlanId) => `price.${plan}`;

/** The price of each paying plan, USD per seat per month, and whether it is still the illustrative one. */
export function planPrices(values: Readonly<Record<string, unknown>>): PlanPrices {
  return Object.fromEntries(
    payingPlanIds.map((p) => {
      const usd = values[priceOption(p)] as number;
      return [p, { usd, illustrative: usd === plans[p].illustrativePriceUsd }];
    }),
  ) as Record<PlanId, { usd: number; illustrative: boolean }>;
}

/** USD per seat per month by paying plan, and whether it is still the illustrative price. */
export type PlanPrices = Readonly<Record<PlanId, { readonly usd: number; readonly illustrative: boolean }>>;

export interface ReplaySettingsResolved extends ReplaySettings {
  /** The plan the log was sent on; undefined: none known, every plan side by side only. */
  readonly plan: PlanId | undefined;
  readonly anchorMs: number;
  readonly endMs: number;
  /** USD per seat per month, by paying plan. */
  readonly prices: PlanPrices;
  /** Rows left out because they were sent at or after --end. */
  readonly afterEnd?: number;
  /** The IANA zone the user named (`--timezone`): text output shows times in it. */
  readonly timeZone?: string;
}

/** What the log holds, for the JSON and the report. */
export function logSummary(log: SendLog, endMs: number, afterEnd = 0) {
  const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as Record<(typeof channels)[number], number>;
  for (let i = 0; i < log.rows; i++) byChannel[channels[log.channel[i]!]!]++;
  return {
    file: log.file,
    rows: log.rows,
    skipped: log.skipped.length,
    afterEnd,
    accounts: log.accounts.length,
    byChannel,
    columns: log.columns,
    ignoredColumns: log.ignoredColumns,
    firstSentAt: formatIso(log.firstSentAtMs),
    lastTimestamp: formatIso(log.lastTimestampMs),
    end: formatIso(endMs),
    dates: log.dates ?? null,
  };
}

/**
 * Whether the log was limited by credits, from its replay on the plan it was sent on:
 * the share of seat-days the accounts held no credits, and the InMails they probably
 * deferred then (those seat-days × the rate they sent at while holding credits).
 */
export function creditLimits(r: ReplayResult) {
  const seatDays = replaySeatDays(r);
  const rate = sendsPerDayWithCredits(r);
  return {
    seatDays,
    seatDaysWithoutCredits: r.totals.zeroBalanceDays,
    shareWithoutCredits: seatDays > 0 ? r.totals.zeroBalanceDays / seatDays : 0,
    sendsPerSeatPerDayWithCredits: rate,
    deferredInMails: Math.round(r.totals.zeroBalanceDays * rate),
  };
}

const dailyRows = (r: ReplayResult) =>
  Array.from({ length: r.daily.days }, (_, d) => ({
    date: formatDate(r.originMs + d * DAY_MS),
    day: d,
    balance: r.daily.balance[d]!,
    granted: r.daily.granted[d]!,
    spent: r.daily.spent[d]!,
    refunded: r.daily.refunded[d]!,
    expired: r.daily.expired[d]!,
    forfeited: r.daily.forfeited[d]!,
    unsendable: r.daily.unsendable[d]!,
    zeroBalanceDays: r.daily.zeroBalanceDays[d]!,
  }));

/** The replay's schedule options: the window, the rules' options and the billing days (every seat's, each seat's). */
export function replayBase(log: SendLog, s: ReplaySettings & { readonly anchorMs: number; readonly endMs: number }): PlanReplayOptions {
  const days = s.seats === undefined ? undefined : seatBillingDays(log, s.seats);
  return {
    anchorMs: s.anchorMs,
    endMs: s.endMs,
    refundAging: s.refundAging,
    billingCycle: s.billingCycle,
    ...(s.billingDay === undefined ? {} : { billingDay: s.billingDay }),
    ...(days !== undefined && days.some((d) => d !== undefined) ? { seatBillingDays: days } : {}),
  };
}

/** The seats file's part of a replay: per seat, what it was given and what the replay used. */
function seatsJson(log: SendLog, s: ReplaySettingsResolved, opening: ReturnType<typeof resolveSeatOpenings>, notInLog: readonly SeatRow[]) {
  const rows = seatRows(log, s.seats);
  const plans = seatPlans(log, s.seats);
  return {
    file: s.seats!.file,
    columns: s.seats!.columns,
    ignoredColumns: s.seats!.ignoredColumns,
    notInLog: notInLog.map((r) => r.seat),
    bySeat: log.accounts.map((seat, a) => ({
      seat,
      inSeatsFile: rows[a] !== undefined,
      plan: plans[a] ?? null,
      billingDay: rows[a]?.billingDay ?? s.billingDay ?? null,
      openingBalance: opening.opening[a]!,
      openingBalanceAuto: opening.auto[a]!,
      /** For an auto seat: whether its balance makes every one of its InMails sendable. */
      openingBalanceCovers: opening.covers[a]!,
    })),
  };
}

/** The replay on the log's plan (when known) and the what-if table with prices, as plain JSON-ready data. */
export function runReplay(log: SendLog, s: ReplaySettingsResolved, notInLog: readonly SeatRow[] = []) {
  const base = replayBase(log, s);
  const seated = s.seats === undefined ? undefined : resolveSeatOpenings(log, s.seats, s.openingBalance ?? 0, s.plan, s.policy, base);
  const auto = seated === undefined ? s.openingBalance === "auto" : seated.auto.some(Boolean);
  if (auto && s.plan === undefined) throw new OpeningBalanceError();
  // The least opening balance: asked for (auto), or to say it when the log outsends its plan's credits.
  let need: OpeningBalanceNeed | undefined = seated !== undefined ? seated.need : auto ? leastOpeningBalance(log, s.plan!, s.policy, base) : undefined;
  const opening: number | readonly number[] =
    seated !== undefined ? seated.opening : auto ? (need!.least ?? Math.max(0, ...need!.perAccount.map((x) => x ?? 0))) : ((s.openingBalance as number | undefined) ?? 0);
  const common = { ...base, openingBalance: opening };
  const r = s.plan === undefined ? undefined : replayPlan(log, s.plan, s.policy, common);
  if (need === undefined && r !== undefined && r.totals.unsendable > 0) need = leastOpeningBalance(log, s.plan!, s.policy, base);
  const table = whatIf(log, common);
  const seats = log.accounts.length;
  const observed = observedRates(log, s.endMs);
  return {
    scenario: "replay" as const,
    log: logSummary(log, s.endMs, s.afterEnd ?? 0),
    params: {
      plan: s.plan ?? null,
      policy: s.policy,
      rules: policies[s.policy].description,
      refundAging: s.refundAging,
      billingCycle: s.billingCycle,
      anchor: formatIso(s.anchorMs),
      end: formatIso(s.endMs),
      /** With --seats: the most any seat held (each seat's under seats). */
      openingBalance: typeof opening === "number" ? opening : Math.max(0, ...opening),
      openingBalanceAuto: auto,
      ...(seated === undefined ? {} : { seats: seatsJson(log, s, seated, notInLog) }),
      timezone: s.timeZone ?? null,
      pricesUsdPerSeatPerMonth: Object.fromEntries(Object.entries(s.prices).map(([p, v]) => [p, v.usd])),
      illustrativePrices: Object.entries(s.prices)
        .filter(([, v]) => v.illustrative)
        .map(([p]) => p),
    },
    replay:
      r === undefined
        ? null
        : {
            totals: { ...r.totals, lost: r.totals.expired + r.totals.forfeited, held: r.totals.closingBalance },
            /** The least opening balance that makes every InMail sendable (when asked for or when some were not); null: none does. */
            openingBalanceNeeded: need === undefined ? undefined : { least: need.least, unreachableSeats: need.unreachable },
            creditLimits: creditLimits(r),
            grants: r.grantTimesMs.map(formatIso),
            firstUnsendableAt: Number.isNaN(r.firstUnsendableMs) ? null : formatIso(r.firstUnsendableMs),
            unsendable: [...r.unsendableRows].map((i) => ({
              line: log.line[i]!,
              account: log.accounts[log.account[i]!]!,
              sentAt: formatIso(log.sentAtMs[i]!),
            })),
            accounts: r.accounts.map(({ firstUnsendableMs, ...a }, i) => ({
              ...a,
              firstUnsendableAt: Number.isNaN(firstUnsendableMs) ? null : formatIso(firstUnsendableMs),
              ...(seated === undefined ? {} : { grants: r.seatGrantTimesMs[i]!.map(formatIso) }),
            })),
            daily: dailyRows(r),
          },
    whatIf: table.map(({ result, firstUnsendableMs, ...row }) => {
      // Seats billed on their own days may be billed different numbers of months.
      const shared = result.seatGrantTimesMs.every((g) => g === result.seatGrantTimesMs[0]);
      const seatMonths = replaySeatMonths(result);
      const months = shared ? result.grantTimesMs.length : seats > 0 ? seatMonths / seats : 0;
      const price = s.prices[row.plan]!.usd;
      const costUsd = shared ? price * seats * months : price * seatMonths;
      const conversations = result.totals.conversations;
      return {
        ...row,
        firstUnsendableAt: Number.isNaN(firstUnsendableMs) ? null : formatIso(firstUnsendableMs),
        lost: row.expired + row.forfeited,
        held: row.closingBalance,
        conversations,
        months,
        ...(shared ? {} : { seatMonths }),
        priceUsdPerSeatPerMonth: price,
        illustrativePrice: s.prices[row.plan]!.illustrative,
        costUsd,
        costPerConversationUsd: conversations > 0 ? costUsd / conversations : null,
        conversationsPerSeatPerMonth: months > 0 && seats > 0 ? conversations / (seats * months) : 0,
        daily: dailyRows(result).map(({ date, day, balance, granted, expired, forfeited }) => ({ date, day, balance, granted, expired, forfeited })),
      };
    }),
    observed: { ...observed, responseWindowDays: RESPONSE_WINDOW_DAYS, teamCommand: teamCommand(observed, s.plan), teamCommandNote: plannerRateNote(observed) },
    skipped: log.skipped as readonly BadRow[],
  };
}

export type ReplayReport = ReturnType<typeof runReplay>;

const int = f0;
const one = f1;

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: (i: number) => boolean): string[] {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `  ${r.map((c, i) => (numeric(i) ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

const pct = pct1;

function creditsLine(t: ReplayTotals): string {
  return (
    (t.opening > 0 ? `opening ${int(t.opening)}, ` : "") +
    `granted ${int(t.granted)}, used ${int(t.spent)}, refunded ${int(t.refunded)}, ` +
    `lost ${int(t.expired + t.forfeited)} (expired ${int(t.expired)}, forfeited ${int(t.forfeited)}), held at the end ${int(t.closingBalance)}`
  );
}

/** "LinkedIn's rules (…)" or "the guide's rules (…)": which rules a figure was computed with. */
export function rulesText(policy: PolicyId): string {
  return `${policy === "linkedin" ? "LinkedIn's rules" : "the guide's rules"} (policy ${policy}: ${policies[policy].description})`;
}

/**
 * What the replay on the log's plan says of InMails its credits do not cover: none, or how
 * many more the log sends than the opening balance allows, and the balance that would.
 */
function unsendableLines(r: ReplayReport): string[] {
  const p = r.params;
  const rp = r.replay!;
  const t = rp.totals;
  const out: string[] = [];
  if (p.seats !== undefined) out.push(...seatOpeningLines(r));
  else if (p.openingBalanceAuto) {
    const need = rp.openingBalanceNeeded;
    out.push(
      need?.least !== null
        ? `  opening balance: ${int(p.openingBalance)} credits a seat (--opening-balance auto: the least that makes every logged InMail sendable)`
        : `  opening balance: ${int(p.openingBalance)} credits a seat (--opening-balance auto); no opening balance covers every InMail of ${need.unreachableSeats.map((a) => a || "(none)").join(", ")}: ` +
            `they send more after opening credits would have expired than the plan grants`,
    );
  }
  if (t.unsendable === 0) {
    out.push(`  InMails that could not have been sent: 0 of ${int(t.inmails)}`);
    return out;
  }
  const first = rp.firstUnsendableAt === null ? "" : ` (the first ${zonedTimeText(Date.parse(rp.firstUnsendableAt), p.timezone)})`;
  const need = rp.openingBalanceNeeded;
  const hint =
    p.openingBalanceAuto || need === undefined
      ? ""
      : need.least !== null
        ? p.seats !== undefined
          ? `: the seats probably held credits at the start — write auto in the seats file's openingBalance (or pass --opening-balance auto) to find each seat's`
          : `: the seats probably held credits at the start — pass --opening-balance (auto finds ${int(need.least)})`
        : `: no opening balance covers them all (credits held at the start expire, or lapse at a reset); the log was probably sent on a plan with more credits`;
  const held = p.seats !== undefined ? "each seat's opening credits (--seats)" : `${int(p.openingBalance)} opening credits a seat`;
  out.push(`  the log sends ${int(t.unsendable)} more InMails than ${held} and the plan's grants allow${first}${hint}`);
  return out;
}

/** With --seats: the seats file's reach, and each seat's opening balance where one was found (auto). */
function seatOpeningLines(r: ReplayReport): string[] {
  const st = r.params.seats!;
  const left = st.bySeat.filter((x) => !x.inSeatsFile).map((x) => x.seat || "(none)");
  const out = [
    `  seats file ${st.file}: ${int(st.bySeat.length - left.length)} of the log's ${int(st.bySeat.length)} seats` +
      (left.length > 0 ? `; ${left.length <= 5 ? left.join(", ") : `${int(left.length)} seats`} take the command line's billing day and opening balance` : "") +
      (st.notInLog.length > 0 ? `; not in the log, ignored: ${st.notInLog.length <= 5 ? st.notInLog.join(", ") : `${int(st.notInLog.length)} seats`}` : "") +
      (st.ignoredColumns.length > 0 ? `; columns ignored: ${st.ignoredColumns.map((c) => JSON.stringify(c)).join(", ")}` : ""),
  ];
  const auto = st.bySeat.filter((x) => x.openingBalanceAuto);
  if (auto.length > 0) {
    const shown = auto.slice(0, 10).map((x) => `${x.seat || "(none)"} ${int(x.openingBalance)}${x.openingBalanceCovers ? "" : " (none suffices)"}`);
    out.push(
      `  opening balance found (auto: the least that makes each seat's InMails sendable), credits: ${shown.join(", ")}` +
        (auto.length > shown.length ? `, and ${int(auto.length - shown.length)} more (all with --json)` : ""),
    );
    if (auto.some((x) => !x.openingBalanceCovers)) {
      out.push("  (none suffices: the seat sends more after opening credits would have expired than the plan grants; it is given as many credits as it sends InMails)");
    }
  }
  return out;
}

/** The log's own rates, whatever the plan, and the team planner's command with them. */
function observedLines(r: ReplayReport): string[] {
  const o = r.observed;
  const range = (ci: readonly [number, number]) => `95% CI ${pct(ci[0])}–${pct(ci[1])}`;
  const of = o.windowsOpen
    ? `of all ${int(o.inmails)} InMails, no 30-day window having ended yet: answers are still to come`
    : `of the ${int(o.inmailsWithWindowClosed)} InMails whose 30 days had ended`;
  return [
    `  observed: response rate ${pct(o.responseRate)} (${range(o.responseRateCi95)}; accepted, replied or declined within ${o.responseWindowDays} days, ${of}); ` +
      `positive share ${pct(o.positiveShare)} (${range(o.positiveShareCi95)}); per seat per working day (Monday to Friday, ${int(o.workingDays)} days): ` +
      `${o.inmailsPerSeatPerWorkingDay.toFixed(2)} InMails, ${o.conversationsPerSeatPerWorkingDay.toFixed(2)} conversations`,
    `  plan from these numbers: ${o.teamCommand}` +
      (o.teamCommandNote === "" ? "" : ` (${o.teamCommandNote})`) +
      ((r.replay?.creditLimits.seatDaysWithoutCredits ?? 0) > 0 ? " (the log was limited by credits: its sends are what the credits allowed, a floor of the demand)" : ""),
  ];
}

/** How many grants each seat had: one number, or the least to the most when seats are billed on their own days. */
function grantCountText(r: ReplayReport): string {
  const counts = r.replay!.accounts.map((a) => ("grants" in a ? (a.grants as readonly string[]).length : r.replay!.grants.length));
  const lo = Math.min(...counts);
  const hi = Math.max(...counts);
  return lo === hi || counts.length === 0 ? `${hi}` : `${lo}–${hi}`;
}

/** When the plan's credits come. */
function scheduleText(r: ReplayReport, plan: PlanId): string {
  const p = r.params;
  if (plans[plan].grantSchedule === "calendar-month") return "at the anchor, then the 1st of each month, UTC";
  const own = p.seats?.bySeat.some((x) => x.billingDay !== null) ?? false;
  if (own)
    return (
      "monthly on each seat's billing day (--seats, else --billing-day), a shorter month's last day" +
      (p.seats!.bySeat.every((x) => x.billingDay !== null) ? "" : "; seats without one as the anchor says")
    );
  return p.billingCycle === "monthly" ? "monthly on the anchor's day" : "every 30 days from the anchor";
}

export function replayText(r: ReplayReport): string {
  const p = r.params;
  const l = r.log;
  const free = channels.filter((c) => c !== "inmail" && l.byChannel[c] > 0).map((c) => `${int(l.byChannel[c])} ${c}`);
  const out = [
    `replay of ${l.file} with ${rulesText(p.policy)}`,
    `  log: ${int(l.rows)} rows (${int(l.byChannel.inmail)} InMails using credit${free.length ? `; free: ${free.join(", ")}` : ""}), ` +
      `${int(l.accounts)} ${l.accounts === 1 ? "seat" : "seats"}, ${l.firstSentAt.slice(0, 10)} to ${l.end.slice(0, 10)} (end, exclusive)` +
      (l.skipped ? `; ${int(l.skipped)} bad rows skipped` : "") +
      (l.afterEnd ? `; ${int(l.afterEnd)} rows sent from --end on left out` : ""),
  ];
  const dates = dateReadingText(l.dates);
  if (dates !== undefined) out.push(`  ${dates}`);
  out.push(...observedLines(r));
  const mine = r.whatIf.filter((w) => w.policy === p.policy);
  if (r.replay !== null && p.plan !== null) {
    const t = r.replay.totals;
    const c = r.replay.creditLimits;
    const own = mine.find((w) => w.plan === p.plan);
    out.push(
      `on ${p.plan} (${plans[p.plan].name}), the plan the log was sent on:`,
      `  grants: ${grantCountText(r)} per seat of ${plans[p.plan].creditsPerMonth} credits, ${r.replay.grants[0]?.slice(0, 10) ?? "none"} to ${r.replay.grants.at(-1)?.slice(0, 10) ?? "none"}` +
        ` (${scheduleText(r, p.plan)})`,
      `  credits, all seats: ${creditsLine(t)}`,
      c.seatDaysWithoutCredits > 0
        ? `  limited by credits: the seats held no credits on ${pct(c.shareWithoutCredits)} of seat-days (${one(c.seatDaysWithoutCredits)} of ${one(c.seatDays)}); ` +
            `at the ${c.sendsPerSeatPerDayWithCredits.toFixed(2)} InMails a seat sent per day while holding credits, about ${int(c.deferredInMails)} InMails were probably deferred`
        : `  not limited by credits: the seats always held credits`,
      ...unsendableLines(r),
    );
    if (own) {
      out.push(
        `  conversations (accepted or replied): ${int(own.conversations)}; cost ${usd(own.costUsd)} (` +
          ("seatMonths" in own ? `${int(own.seatMonths as number)} seat-months, each seat billed from its own billing day,` : `${int(l.accounts)} × ${own.months} months`) +
          ` × ${usd(own.priceUsdPerSeatPerMonth)} a seat)` +
          `; ${own.costPerConversationUsd === null ? "no conversation yet" : `${usd(own.costPerConversationUsd)} per conversation`}`,
      );
    }
  } else if (p.seats !== undefined && p.seats.bySeat.some((x) => x.plan !== null)) {
    out.push("  the seats name more than one plan (the seats file and the log's plan column): every plan side by side below; pass --plan to replay every seat on one plan in detail");
  } else if (l.columns.includes("plan")) {
    out.push("  the log's plan column names more than one plan (one per seat): every plan side by side below; pass --plan to replay every seat on one plan in detail");
  } else {
    out.push("  no plan given (--plan) and the log has no plan column: every plan side by side below; pass --plan with the plan the log was sent on for its own credits and whether they held it back");
  }
  const seated = p.seats?.bySeat;
  if (r.replay !== null && (r.replay.accounts.length > 1 || seated !== undefined) && r.replay.accounts.length <= 20) {
    out.push("", "per seat:");
    out.push(
      ...table(
        ["account", ...(seated ? ["billing day", "opening"] : []), "InMails", "unsendable", "granted", "used", "refunded", "lost", "held", "no-credit days"],
        r.replay.accounts.map((a, i) => [
          a.account || "(none)",
          ...(seated ? [seated[i]!.billingDay === null ? "–" : String(seated[i]!.billingDay), `${int(a.opening)}${seated[i]!.openingBalanceAuto ? " auto" : ""}`] : []),
          int(a.inmails),
          int(a.unsendable),
          int(a.granted),
          int(a.spent),
          int(a.refunded),
          int(a.expired + a.forfeited),
          int(a.closingBalance),
          one(a.zeroBalanceDays),
        ]),
        (i) => i > 0,
      ),
    );
  }
  if (r.replay !== null && r.replay.unsendable.length > 0) {
    const shown = r.replay.unsendable.slice(0, 10);
    const total = r.replay.totals.unsendable;
    out.push("", `InMails the log sends beyond the replayed credits${total > shown.length ? ` (first ${shown.length} of ${int(total)}; all with --json)` : ""}, times ${p.timezone ?? "UTC"}:`);
    for (const u of shown) out.push(`  line ${u.line}  ${timeText(Date.parse(u.sentAt), p.timezone)}  ${u.account || ""}`.trimEnd());
  }
  const illustrative = p.illustrativePrices.length > 0 ? ` (prices of ${p.illustrativePrices.join(", ")} illustrative, low confidence; set them with --set price.PLAN=USD)` : "";
  out.push("", `cost per conversation — the same log on every plan, ${rulesText(p.policy).split(" (")[0]}${illustrative}:`);
  out.push(
    ...table(
      ["plan", "USD/seat/month", "sent", "refused", "conversations", "per seat/month", "cost (USD)", "USD/conversation"],
      mine.map((w) => [
        w.plan,
        w.priceUsdPerSeatPerMonth.toFixed(2),
        int(w.sent),
        int(w.unsendable),
        int(w.conversations),
        w.conversationsPerSeatPerMonth.toFixed(1),
        int(w.costUsd),
        w.costPerConversationUsd === null ? "–" : w.costPerConversationUsd.toFixed(2),
      ]),
      (i) => i > 0,
    ),
  );
  out.push("", "what if — credits, the same log on every plan, under both policies (all seats):");
  out.push(
    ...table(
      ["plan", "policy", "credits/month", "sent", "refused", "first refused", "granted", "used", "refunded", "lost", "held", "no-credit seat-days"],
      r.whatIf.map((w) => [
        w.plan,
        w.policy,
        int(w.credits),
        int(w.sent),
        int(w.unsendable),
        w.firstUnsendableAt === null ? "–" : timeText(Date.parse(w.firstUnsendableAt), p.timezone),
        int(w.granted),
        int(w.spent),
        int(w.refunded),
        int(w.lost),
        int(w.held),
        one(w.zeroBalanceDays),
      ]),
      (i) => i >= 2 && i !== 5,
    ),
  );
  return out.join("\n");
}
