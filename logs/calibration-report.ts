/**
 * Calibration and forecast of a send log, as JSON-ready data and as text: the response
 * model fitted to the log's credit-using InMails, then every plan under both policies
 * forecast with the fitted model, its parameters drawn from their sampling distribution.
 */
import { calibrate, type Calibration } from "./calibration.ts";
import type { DelayFit, Estimate } from "./delay-fit.ts";
import { forecastFromTallies, forecastRuns, forecastSimulations, type ForecastOptions } from "./forecast.ts";
import { DAY_MS, formatDate, formatIso } from "../models/iso-time.ts";
import { replayPlan } from "./plan-replay.ts";
import type { PlanId } from "../models/plans.ts";
import { policyIds } from "../models/policy.ts";
import { replaySeatDays, sendsPerDayWithCredits } from "./replay.ts";
import { INMAIL, type SendLog } from "./send-log.ts";
import { payingPlanIds as payingPlans } from "../models/paying-plans.ts";
import { estimateRuns } from "../runner/run-estimate.ts";
import { runModels } from "../runner/run-models.ts";
import { planPrices, replayBase, resolvePlan, rulesText, type ReplaySettings } from "./replay-report.ts";
import { resolveSeatOpenings } from "./seats.ts";
import { fixed, pct1, usd } from "../reports/number-format.ts";

/** Option values by name, as the command line parsed them. */
type OptionValues = Readonly<Record<string, unknown>>;

export interface SendRate {
  /** Per seat per day, while the seat holds credits. */
  readonly sendsPerDay: number;
  readonly source: string;
  /** From the replay on the log's own plan: share of seat-days without credits (null when no plan is known or the rate was given). */
  readonly shareWithoutCredits: number | null;
  readonly plan: PlanId | null;
}

/** The sender's send rate: given, else from a replay on the log's plan, else over the whole span. */
function resolveSendRate(log: SendLog, values: OptionValues, settings: ReplaySettings, window: { anchorMs: number; endMs: number }): SendRate {
  const given = values["sends-per-day"] as number;
  if (given > 0) return { sendsPerDay: given, source: "given (--sends-per-day)", shareWithoutCredits: null, plan: null };
  const plan = resolvePlan(log, values, settings.seats);
  if (plan !== undefined) {
    // On the log's plan as the replay has it: each seat's billing day and opening balance.
    const base = replayBase(log, { ...settings, ...window });
    const { opening } = resolveSeatOpenings(log, settings.seats, settings.openingBalance ?? 0, plan, settings.policy, base);
    const r = replayPlan(log, plan, settings.policy, { ...base, ...(opening.some((x) => x > 0) ? { openingBalance: opening } : {}) });
    const seatDays = replaySeatDays(r);
    return {
      sendsPerDay: sendsPerDayWithCredits(r),
      source: `InMails sent ÷ seat-days with credits, replaying the log on ${plan} (${settings.policy} policy)`,
      shareWithoutCredits: seatDays > 0 ? r.totals.zeroBalanceDays / seatDays : 0,
      plan,
    };
  }
  let inmails = 0;
  for (let i = 0; i < log.rows; i++) if (log.channel[i] === INMAIL) inmails++;
  const accountDays = ((window.endMs - window.anchorMs) / DAY_MS) * log.accounts.length;
  return {
    sendsPerDay: accountDays > 0 ? inmails / accountDays : 0,
    source: "InMails ÷ seat-days of the whole log (no plan known, so days without credits cannot be told apart: a lower bound)",
    shareWithoutCredits: null,
    plan: null,
  };
}

const estimate = (e: Estimate) => ({ estimate: e.estimate, ci95: e.ci95 });

function fitJson(f: DelayFit) {
  return {
    family: f.family,
    logLik: f.logLik,
    parameters: f.k,
    aic: f.aic,
    iterations: f.iterations,
    responseProbability: estimate(f.responseProbability),
    meanDays: estimate(f.meanDays),
    medianDays: estimate(f.medianDays),
    ...(f.sigma ? { sigma: estimate(f.sigma) } : {}),
    delay: f.delay,
  };
}

export function calibrationJson(c: Calibration) {
  return {
    end: formatIso(c.endMs),
    inmails: c.inmails,
    responses: c.responses,
    censored: c.censored,
    delay:
      c.delay === null
        ? null
        : {
            criterion: c.delay.criterion,
            best: c.delay.best,
            exponential: fitJson(c.delay.exponential),
            lognormal: fitJson(c.delay.lognormal),
          },
    delayProblem: c.delayProblem,
    forecastProblem: c.forecastProblem,
    outcomes: {
      settleRule: c.outcomes.settleRule,
      note: c.outcomes.note,
      settleDays: c.outcomes.settleDays,
      settledBefore: formatIso(c.outcomes.settledBeforeMs),
      settled: c.outcomes.settled,
      recent: c.outcomes.recent,
      overall: c.outcomes.overall,
      segments: c.outcomes.segments,
    },
    delayBins: c.delayBins,
  };
}

/** How the forecast runs; neither changes the result. */
export interface ForecastRunOptions {
  /** Threads that simulate (default: every core). */
  readonly workers?: number;
  /** Run even when the estimate is above the limit (`--big`); default: refused. */
  readonly big?: boolean;
}

/**
 * Calibration and forecast of a log, as plain JSON-ready data. The forecast is null
 * (with `forecastRefused` saying why) when the calibration cannot support one. The
 * forecast's runs go through the batch runner (runner/run-models.ts) on the executor in
 * force, which refuses a batch estimated above the limit of runner/run-estimate.ts
 * (RunTooLargeError, exit 2) unless `run.big`.
 */
export async function runCalibration(log: SendLog, values: OptionValues, settings: ReplaySettings, window: { anchorMs: number; endMs: number }, run: ForecastRunOptions = {}) {
  const c = calibrate(log, { endMs: window.endMs });
  const rate = resolveSendRate(log, values, settings, window);
  const seed = values.seed as number;
  const draws = values.draws as number;
  const accounts = values.accounts as number;
  const cycles = values.cycles as number;
  const prices = planPrices(values);
  const startDate = formatDate(window.endMs);
  let refused = c.forecastProblem;
  if (refused === null && !(rate.sendsPerDay > 0)) refused = "no InMail was sent while the seats held credits, so there is no send rate to forecast with (set one with --sends-per-day)";
  const options: ForecastOptions = {
    calibration: c,
    plans: payingPlans,
    policies: policyIds,
    sendsPerDay: rate.sendsPerDay,
    startDate,
    seed,
    cycles,
    accounts,
    draws,
    refundAging: settings.refundAging,
    billingCycle: settings.billingCycle,
  };
  // The size reported with the forecast: on one thread, so the output does not depend on --workers.
  const estimate = estimateRuns(forecastRuns(options), 1);
  let f = null;
  if (refused === null) {
    const simulations = forecastSimulations(options);
    const tallies = await runModels(simulations.runs, { ...(run.workers === undefined ? {} : { workers: run.workers }), label: "forecast", big: run.big ?? false });
    f = forecastFromTallies(options, simulations, tallies);
  }
  const demandPerSeatPerMonth = rate.sendsPerDay * 30;
  const rows =
    f?.rows.map((row) => {
      const price = prices[row.plan]!.usd;
      const perConversation = (x: number) => (x > 0 ? price / x : null);
      return {
        ...row,
        priceUsdPerSeatPerMonth: price,
        illustrativePrice: prices[row.plan]!.illustrative,
        /** Limited by the senders' demand, not by credits: capacity within 3% of demand. */
        meetsDemand: row.capacity.mean >= 0.97 * demandPerSeatPerMonth,
        costPerConversationUsd: { mean: perConversation(row.positives.mean), lo: perConversation(row.positives.hi), hi: perConversation(row.positives.lo) },
      };
    }) ?? null;
  const mine = rows?.filter((row) => row.policy === settings.policy) ?? [];
  const meeting = mine.filter((row) => row.meetsDemand && row.costPerConversationUsd.mean !== null);
  const cheapest = (list: typeof mine) => [...list].sort((a, b) => (a.costPerConversationUsd.mean ?? Infinity) - (b.costPerConversationUsd.mean ?? Infinity))[0];
  const best = cheapest(meeting);
  return {
    scenario: "calibrate" as const,
    log: { file: log.file, rows: log.rows, skipped: log.skipped.length, accounts: log.accounts.length },
    policy: settings.policy,
    rules: rulesText(settings.policy),
    calibration: calibrationJson(c),
    forecast:
      rows === null
        ? null
        : {
            sendsPerDay: rate.sendsPerDay,
            sendsPerDaySource: rate.source,
            demandPerSeatPerMonth,
            limitedByCredits: rate.shareWithoutCredits === null ? null : { plan: rate.plan, shareOfSeatDaysWithoutCredits: rate.shareWithoutCredits },
            seed,
            draws,
            accounts,
            cycles,
            startDate,
            estimate: { events: estimate.events, seconds: estimate.seconds, memoryBytes: estimate.memoryBytes },
            advice: best
              ? { plan: best.plan, policy: best.policy, reason: "the cheapest per conversation among the plans that meet the senders' demand" }
              : mine.length > 0
                ? { plan: cheapest(mine)!.plan, policy: settings.policy, reason: "no plan meets the senders' demand; the cheapest per conversation" }
                : null,
            rows,
          },
    forecastRefused: refused,
    skipped: log.skipped,
  };
}

export type CalibrationReport = Awaited<ReturnType<typeof runCalibration>>;

const pct = pct1;
const num = (x: number, d = 2) => fixed(d)(x);
const ci = (e: { estimate: number; ci95: readonly [number, number] }, f: (x: number) => string) => `${f(e.estimate)} (95% CI ${f(e.ci95[0])}–${f(e.ci95[1])})`;

const usdOrDash = (x: number | null) => (x === null ? "–" : usd(x));

export function calibrationText(r: CalibrationReport): string {
  const c = r.calibration;
  const d = c.delay;
  const out = [
    `calibration of ${r.log.file}: ${c.inmails.toLocaleString("en-US")} credit-using InMails, ${c.responses.toLocaleString("en-US")} responses before ${c.end}, ${c.censored.toLocaleString("en-US")} without (censored)`,
    "",
  ];
  if (d === null) out.push(`response delay: not fitted — ${c.delayProblem}`);
  else {
    out.push(`response delay (maximum likelihood, no-response-yet rows right-censored; ${d.criterion} picks ${d.best}):`);
    for (const f of [d.exponential, d.lognormal]) {
      out.push(
        `  ${f.family.padEnd(11)} AIC ${num(f.aic, 1)}  P(response) ${ci(f.responseProbability, pct)}  median ${ci(f.medianDays, (x) => `${num(x)} d`)}  mean ${ci(f.meanDays, (x) => `${num(x)} d`)}` +
          (f.sigma ? `  sigma ${ci(f.sigma, (x) => num(x, 3))}` : ""),
      );
    }
  }
  const o = c.outcomes;
  const settle =
    o.settleRule === "none"
      ? "every InMail, no settle time"
      : `sent by ${o.settledBefore.slice(0, 10)}, ${num(o.settleDays, 1)} days = ${o.settleRule === "quantile-0.999" ? "99.9" : "90"}% of responses before the end; ${o.recent.toLocaleString("en-US")} more recent ones left out`;
  out.push("");
  if (o.overall.length === 0) out.push(`outcome probabilities: none — no credit-using InMail to estimate them from`);
  else {
    out.push(`outcome probabilities over ${o.settled.toLocaleString("en-US")} settled InMails (${settle}), 95% Wilson CIs:`);
    if (o.note !== null) out.push(`  note: ${o.note}`);
    for (const x of o.overall) out.push(`  ${x.outcome.padEnd(9)} ${pct(x.p).padStart(6)}  (${pct(x.lo)}–${pct(x.hi)})  ${x.count} of ${x.n}`);
    const responded = o.overall.filter((x) => x.outcome !== "ignored" && x.outcome !== "spam").reduce((a, x) => a + x.count, 0);
    const positive = o.overall.filter((x) => x.outcome === "accepted" || x.outcome === "replied").reduce((a, x) => a + x.count, 0);
    const n = o.overall[0]!.n;
    out.push(
      `  response rate (accepted, replied or declined, of delivered) ${pct(responded / n)}; conversations (accepted or replied) ${pct(positive / n)} of InMails` +
        (responded > 0 ? `; positive share ${pct(positive / responded)} of responses` : ""),
    );
  }
  const segs = [...new Set(o.segments.map((s) => s.segment))];
  for (const seg of segs) {
    const rows = o.segments.filter((s) => s.segment === seg);
    const groups = [...new Set(rows.map((s) => s.group))];
    out.push("", `by ${seg}:`);
    for (const g of groups) {
      const gr = rows.filter((s) => s.group === g);
      const n = gr[0]!.n;
      const cells = gr.map((s) => `${s.outcome} ${pct(s.p)}`).join(", ");
      out.push(`  ${g.padEnd(14)} n=${String(n).padStart(5)}  ${cells}`);
    }
  }
  const f = r.forecast;
  out.push("");
  if (f === null) {
    out.push(`forecast: refused — ${r.forecastRefused}`);
    return out.join("\n");
  }
  out.push(
    `forecast with ${r.rules}: a sample of ${f.accounts} simulated seats × ${f.cycles} months per draw (a sample size, not your team: figures are per seat; --accounts, --cycles), ${f.draws} parameter draws, seed ${f.seed}; ` +
      `each seat sends ${num(f.sendsPerDay)} InMails a day while it holds credits (${f.sendsPerDaySource}): a demand of ${num(f.demandPerSeatPerMonth, 0)} a seat a month`,
  );
  if (f.limitedByCredits !== null && f.limitedByCredits.shareOfSeatDaysWithoutCredits > 0.005) {
    out.push(
      `  the log was limited by credits: on ${f.limitedByCredits.plan} its seats held none on ${pct(f.limitedByCredits.shareOfSeatDaysWithoutCredits)} of seat-days, ` +
        `so what it sent understates the demand; the forecast sends at the rate while credits were held, so a plan that meets that demand removes the wait`,
    );
  }
  out.push("  per seat per month, mean [95% band over draws]; prices USD per seat per month (illustrative unless set with --set price.PLAN=USD):");
  out.push(
    ...[
      ["plan", "policy", "price", "InMails delivered", "× allotment", "conversations", "USD/conversation", "meets demand"],
      ...f.rows.map((row) => [
        row.plan,
        row.policy,
        row.priceUsdPerSeatPerMonth.toFixed(2) + (row.illustrativePrice ? "*" : ""),
        `${num(row.capacity.mean, 1)} [${num(row.capacity.lo, 1)}–${num(row.capacity.hi, 1)}]`,
        num(row.multiplier.mean),
        `${num(row.positives.mean, 1)} [${num(row.positives.lo, 1)}–${num(row.positives.hi, 1)}]`,
        `${usdOrDash(row.costPerConversationUsd.mean)} [${usdOrDash(row.costPerConversationUsd.lo)}–${usdOrDash(row.costPerConversationUsd.hi)}]`,
        row.meetsDemand ? "yes" : "no",
      ]),
    ].map((cells, _i, all) => `  ${cells.map((x, k) => x.padEnd(Math.max(...all.map((r) => r[k]!.length)))).join("  ")}`.trimEnd()),
  );
  if (f.advice !== null) out.push(`  advice (${f.advice.policy} policy): ${f.advice.plan} — ${f.advice.reason}`);
  return out.join("\n");
}
