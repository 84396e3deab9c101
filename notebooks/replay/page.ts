/**
 * The replay report as a page: the log replayed on its plan, the same log on every
 * plan under both policies, the fitted response model against the data, and the
 * forecast capacity by plan. Every sentence is written from the computed numbers;
 * every figure and table ships its data as a CSV.
 */
import { plans } from "../../models/plans.ts";
import type { ReplayTotals } from "../../models/replay.ts";
import {
  balanceTimeline,
  groupedBars,
  type BalanceEventRow,
  type BalanceRow,
  type Page,
  type PageSection,
  type Provenance,
} from "../../reports/index.ts";
import type { CalibrationReport } from "../../scenarios/calibrate.ts";
import type { ReplayReport } from "../../scenarios/replay.ts";
import { planName } from "../plan-name.ts";
import { f0, f1, f2, pct1 } from "../text-format.ts";

const date = (iso: string) => iso.slice(0, 10);

/** Where the credits went, as columns of the per-account and the what-if tables. */
const creditFlow = (t: Pick<ReplayTotals, "granted" | "spent" | "refunded" | "expired" | "forfeited" | "closingBalance">) => ({
  granted: t.granted,
  spent: t.spent,
  refunded: t.refunded,
  expired: t.expired,
  forfeited: t.forfeited,
  closing: t.closingBalance,
});
const creditFlowColumns = {
  granted: { label: "Granted" },
  spent: { label: "Spent" },
  refunded: { label: "Refunded" },
  expired: { label: "Expired" },
  forfeited: { label: "Forfeited" },
  closing: { label: "Left at end" },
};

export function replayPage(replay: ReplayReport, cal: CalibrationReport, provenance: Provenance): Page {
  const p = replay.params;
  return {
    title: `Replay of ${replay.log.file}`,
    guide:
      `A real send log, replayed through the credit rules of ${planName(p.plan)} (${p.policy} policy) and of every other plan under both policies: ` +
      `the log's InMails and responses are kept as they happened; only the credits are simulated, with the project's credit ledger. ` +
      `Then the response model is fitted to the log (outcome probabilities, response delay) and run forward under each plan to forecast capacity, ` +
      `with the uncertainty of the fitted parameters carried into the bands. Open-profile messages and connection requests use no credit. ` +
      `Times are UTC; the log ends (exclusive) at ${replay.log.end}.`,
    sections: [
      replaySection(replay),
      timelineSection(replay),
      whatIfSection(replay),
      outcomeSection(cal),
      delaySection(cal),
      forecastSection(cal),
    ],
    provenance,
  };
}

function replaySection(r: ReplayReport): PageSection {
  const p = r.params;
  const t = r.replay.totals;
  const l = r.log;
  const first = r.replay.grants[0];
  const span = first === undefined ? 0 : (Date.parse(l.end) - Date.parse(first)) / 86_400_000;
  const free = l.byChannel["open-profile"] + l.byChannel.connection;
  const text = [
    `The log has ${f0(l.rows)} rows from ${f0(l.accounts)} ${l.accounts === 1 ? "account" : "accounts"}, sent from ${date(l.firstSentAt)} to ${l.lastTimestamp.slice(0, 10)}: ` +
      `${f0(l.byChannel.inmail)} InMails paid with a credit` +
      (free > 0 ? ` and ${f0(free)} free messages (${f0(l.byChannel["open-profile"])} to Open Profiles, ${f0(l.byChannel.connection)} connection requests)` : "") +
      "." +
      (l.skipped > 0 ? ` ${f0(l.skipped)} malformed rows were skipped (listed on the command's error output).` : ""),
    `On ${planName(p.plan)} under the ${p.policy} policy, each account starts empty and is granted ${f0(plans[p.plan].creditsPerMonth)} credits ${r.replay.grants.length} times, ` +
      `from ${first ? date(first) : "–"}. Over all accounts: ${f0(t.granted)} credits granted, ${f0(t.spent)} spent, ${f0(t.refunded)} refunded, ` +
      `${f0(t.expired)} expired, ${f0(t.forfeited)} forfeited to the cap, ${f0(t.closingBalance)} left at the end.`,
    t.unsendable === 0
      ? `Every InMail in the log could have been sent on this plan. The accounts had no credit for ${f1(t.zeroBalanceDays)} account-days` +
        (span > 0 ? ` (${pct1(t.zeroBalanceDays / (span * l.accounts))} of the time)` : "") +
        ", waiting for a refund or the next grant."
      : `${f0(t.unsendable)} of the ${f0(t.inmails)} InMails could not have been sent on this plan (no credit left at that moment), the first on ${r.replay.firstUnsendableAt}. ` +
        `The accounts had no credit for ${f1(t.zeroBalanceDays)} account-days.`,
  ].join("\n\n");
  const accounts = r.replay.accounts.map((a) => ({
    account: a.account || "(none)",
    inmails: a.inmails,
    unsendable: a.unsendable,
    ...creditFlow(a),
    noCreditDays: a.zeroBalanceDays,
  }));
  return {
    heading: `The log on ${planName(p.plan)} (${p.policy} policy)`,
    text,
    table: {
      data: accounts,
      columns: {
        account: { label: "Account" },
        inmails: { label: "InMails" },
        unsendable: { label: "Could not be sent" },
        ...creditFlowColumns,
        noCreditDays: { label: "Days with no credit", digits: 1 },
      },
    },
    csv: { filename: "replay-by-account.csv", table: accounts },
  };
}

function timelineSection(r: ReplayReport): PageSection {
  const chosen = r.params.plan;
  const balances: BalanceRow[] = [];
  const events: BalanceEventRow[] = [];
  const csv: { plan: string; policy: string; date: string; day: number; balance: number; granted: number; expired: number; forfeited: number }[] = [];
  for (const w of r.whatIf) {
    for (const d of w.daily) csv.push({ plan: w.plan, policy: w.policy, ...d });
    if (w.plan !== chosen) continue;
    // One panel per policy, on one scale: the plans differ too much in size to share one.
    const panel = `${planName(w.plan)}, ${w.policy} policy`;
    for (const d of w.daily) {
      balances.push({ plan: panel, day: d.day, balance: d.balance });
      if (d.granted > 0) events.push({ plan: panel, day: d.day, kind: "grant", credits: d.granted });
      if (d.expired > 0) events.push({ plan: panel, day: d.day, kind: "expire", credits: d.expired });
      if (d.forfeited > 0) events.push({ plan: panel, day: d.day, kind: "forfeit", credits: d.forfeited });
    }
  }
  const rows = r.whatIf.filter((w) => w.plan === chosen);
  const zero = rows.filter((w) => w.unsendable > 0).map((w) => `under the ${w.policy} policy ${f0(w.unsendable)} InMails could not have been sent`);
  return {
    heading: `Balance over time on ${planName(chosen)}, both policies`,
    text:
      `Credits left at the end of each day (UTC), summed over the log's ${f0(r.log.accounts)} ${r.log.accounts === 1 ? "account" : "accounts"}, when the log is replayed on ${planName(chosen)}; ` +
      `day 0 is ${rows[0]?.daily[0]?.date ?? "–"}. Marks show grants, credits that expired (or lapsed at a reset) and credits forfeited to the balance cap. ` +
      (zero.length > 0
        ? `The balance runs out: ${zero.join("; ")}.`
        : "Under both policies every InMail of the log could have been sent.") +
      ` The data behind the figure has the daily balance on every plan under both policies.`,
    figure: balanceTimeline(balances, { events, ...(rows[0]?.daily[0] === undefined ? {} : { startDate: rows[0].daily[0].date }) }),
    csv: { filename: "balance-by-day.csv", table: csv },
  };
}

function whatIfSection(r: ReplayReport): PageSection {
  const rows = r.whatIf.map((w) => ({
    plan: planName(w.plan),
    policy: w.policy,
    credits: w.credits,
    sent: w.sent,
    unsendable: w.unsendable,
    firstUnsendable: w.firstUnsendableAt ? w.firstUnsendableAt.slice(0, 16).replace("T", " ") : "–",
    ...creditFlow(w),
    noCreditDays: w.zeroBalanceDays,
  }));
  const csv = r.whatIf.map(({ daily: _daily, ...w }) => w);
  const all = r.whatIf.filter((w) => w.unsendable === 0);
  const cheapest = [...all].sort((a, b) => a.credits - b.credits)[0];
  return {
    heading: "What if: the same log on every plan, under both policies",
    text:
      `Each row replays the whole log on one plan: how many of its ${f0(r.log.byChannel.inmail)} InMails that plan would have let through, when it would first have refused one, and where the credits went. ` +
      (cheapest
        ? `The smallest allotment that sends the whole log is ${planName(cheapest.plan)} (${f0(cheapest.credits)} credits a month, ${cheapest.policy} policy).`
        : "No plan sends the whole log."),
    table: {
      data: rows,
      columns: {
        plan: { label: "Plan" },
        policy: { label: "Policy" },
        credits: { label: "Credits / month" },
        sent: { label: "Sent" },
        unsendable: { label: "Could not be sent" },
        firstUnsendable: { label: "First refused (UTC)" },
        ...creditFlowColumns,
        noCreditDays: { label: "Account-days with no credit", digits: 1 },
      },
    },
    csv: { filename: "what-if.csv", table: csv },
  };
}

function outcomeSection(r: CalibrationReport): PageSection {
  const o = r.calibration.outcomes;
  const channel = o.segments.filter((s) => s.segment === "channel");
  const bars = (channel.length > 0 ? channel : o.overall).map((s) => ({
    group: s.outcome,
    series: channel.length > 0 ? s.group : "InMail",
    value: s.p,
    lo: s.lo,
    hi: s.hi,
  }));
  const wide = [...o.overall, ...o.segments];
  const keys = [...new Set(wide.map((s) => `${s.segment}\u0000${s.group}`))];
  const table = keys.map((k) => {
    const rows = wide.filter((s) => `${s.segment}\u0000${s.group}` === k);
    const get = (name: string) => rows.find((s) => s.outcome === name)!;
    return {
      segment: rows[0]!.segment,
      group: rows[0]!.group,
      n: rows[0]!.n,
      accepted: get("accepted").p,
      replied: get("replied").p,
      declined: get("declined").p,
      spam: get("spam").p,
      ignored: get("ignored").p,
    };
  });
  const answered = 1 - o.overall.find((s) => s.outcome === "ignored")!.p;
  return {
    heading: "Outcome probabilities",
    text:
      `Estimated over the ${f0(o.settled)} credit-using InMails sent by ${date(o.settledBefore)}, ${f1(o.settleDays)} days before the end ` +
      `(the fitted delay distribution puts 99.9% of responses within that time); among them an InMail with no response counts as ignored. ` +
      `The ${f0(o.recent)} more recent InMails are left out, since some of their answers are still to come. ` +
      `${pct1(answered)} of InMails get a response of some kind. Bars show 95% Wilson intervals; the table breaks the rates down by the log's columns ` +
      `(message length in LinkedIn's published bands, month of sending).`,
    figure: groupedBars(bars, { yLabel: "Share of InMails", percent: true, xLabel: "Outcome" }),
    table: {
      data: table,
      columns: {
        segment: { label: "By" },
        group: { label: "Group" },
        n: { label: "InMails" },
        accepted: { label: "Accepted", percent: true, digits: 1 },
        replied: { label: "Replied", percent: true, digits: 1 },
        declined: { label: "Declined", percent: true, digits: 1 },
        spam: { label: "Spam", percent: true, digits: 1 },
        ignored: { label: "Ignored", percent: true, digits: 1 },
      },
    },
    csv: { filename: "outcome-probabilities.csv", table: wide.map((s) => ({ ...s })) },
  };
}

function delaySection(r: CalibrationReport): PageSection {
  const c = r.calibration;
  const d = c.delay;
  const bars = c.delayBins.flatMap((b) => [
    { group: b.bin, series: "observed", value: b.observed, lo: b.observedLo, hi: b.observedHi },
    { group: b.bin, series: "exponential fit", value: b.exponential },
    { group: b.bin, series: "lognormal fit", value: b.lognormal },
  ]);
  const fit = (f: CalibrationReport["calibration"]["delay"]["lognormal"]) => ({
    family: f.family,
    aic: f.aic,
    response: f.responseProbability.estimate,
    responseLo: f.responseProbability.ci95[0],
    responseHi: f.responseProbability.ci95[1],
    median: f.medianDays.estimate,
    medianLo: f.medianDays.ci95[0],
    medianHi: f.medianDays.ci95[1],
    mean: f.meanDays.estimate,
    meanLo: f.meanDays.ci95[0],
    meanHi: f.meanDays.ci95[1],
    sigma: f.sigma?.estimate ?? null,
    sigmaLo: f.sigma?.ci95[0] ?? null,
    sigmaHi: f.sigma?.ci95[1] ?? null,
  });
  const fits = [fit(d.exponential), fit(d.lognormal)];
  const best = d[d.best];
  const other = d[d.best === "lognormal" ? "exponential" : "lognormal"];
  return {
    heading: "Response delay: fitted against observed",
    text:
      `The delay from sending to a response was fitted by maximum likelihood to ${f0(c.responses)} responses, with the ${f0(c.censored)} InMails that had no response by the end ` +
      `treated as right-censored (they may still be answered, or never). ${d.best === "lognormal" ? "A lognormal" : "An exponential"} fits better: ` +
      `AIC ${f1(best.aic)} against ${f1(other.aic)} (lower is better; AIC = 2 × parameters − 2 × log-likelihood). ` +
      `Median delay ${f2(best.medianDays.estimate)} days (95% CI ${f2(best.medianDays.ci95[0])}–${f2(best.medianDays.ci95[1])}), ` +
      `mean ${f2(best.meanDays.estimate)} days. The bars compare the observed shares of responses by delay (settled InMails, with 95% Wilson intervals) ` +
      `with each fit's.`,
    figure: groupedBars(bars, { yLabel: "Share of responses", percent: true, xLabel: "Delay from sending (days)" }),
    table: {
      data: fits,
      columns: {
        family: { label: "Family" },
        aic: { label: "AIC", digits: 1 },
        response: { label: "P(response)", percent: true, digits: 1 },
        responseCi: { label: "95% CI", interval: ["responseLo", "responseHi"], percent: true, digits: 1 },
        median: { label: "Median (days)", digits: 2 },
        medianCi: { label: "95% CI", interval: ["medianLo", "medianHi"], digits: 2 },
        mean: { label: "Mean (days)", digits: 2 },
        meanCi: { label: "95% CI", interval: ["meanLo", "meanHi"], digits: 2 },
        sigma: { label: "Sigma", digits: 3 },
        sigmaCi: { label: "95% CI", interval: ["sigmaLo", "sigmaHi"], digits: 3 },
      },
    },
    csv: { filename: "response-delay.csv", table: c.delayBins.map((b) => ({ ...b })) },
  };
}

function forecastSection(r: CalibrationReport): PageSection {
  const f = r.forecast;
  const bars = f.rows.map((row) => ({
    group: planName(row.plan),
    series: `${row.policy} policy`,
    value: row.capacity.mean,
    lo: row.capacity.lo,
    hi: row.capacity.hi,
  }));
  const rows = f.rows.map((row) => ({
    plan: planName(row.plan),
    policy: row.policy,
    credits: row.credits,
    capacity: row.capacity.mean,
    capacityLo: row.capacity.lo,
    capacityHi: row.capacity.hi,
    multiplier: row.multiplier.mean,
    positives: row.positives.mean,
    positivesLo: row.positives.lo,
    positivesHi: row.positives.hi,
  }));
  const top = [...f.rows].sort((a, b) => b.capacity.mean - a.capacity.mean)[0]!;
  const demand = f.sendsPerDay * 30;
  const capped = f.rows.filter((row) => row.capacity.mean > 0.97 * demand).map((row) => `${planName(row.plan)} (${row.policy})`);
  return {
    heading: "Forecast: outreach capacity by plan",
    text:
      `The fitted model run forward for ${f.cycles} cycles from ${f.startDate}: ${f.accounts} accounts per draw, each sending ${f2(f.sendsPerDay)} InMails a day while it has credits ` +
      `(${f.sendsPerDaySource}). Each of ${f.draws} draws takes its own outcome probabilities and delay parameters from their sampling distribution, ` +
      `so the bands (2.5%–97.5% over draws) carry the uncertainty of the fit; every plan sees the same draws. ` +
      `The highest capacity is ${planName(top.plan)} under the ${top.policy} policy, ${f1(top.capacity.mean)} InMails per account per cycle, ${f2(top.multiplier.mean)}× its allotment. ` +
      (capped.length > 0
        ? `${capped.join(", ")} ${capped.length === 1 ? "is" : "are"} limited by the sender's demand (about ${f0(demand)} a cycle), not by credits.`
        : "Every plan is limited by its credits, not by the sender's demand."),
    figure: groupedBars(bars, { yLabel: "InMails per account per cycle", xLabel: "Plan" }),
    table: {
      data: rows,
      columns: {
        plan: { label: "Plan" },
        policy: { label: "Policy" },
        credits: { label: "Credits / month" },
        capacity: { label: "InMails / cycle", digits: 1 },
        capacityBand: { label: "95% band", interval: ["capacityLo", "capacityHi"], digits: 1 },
        multiplier: { label: "× allotment", digits: 2 },
        positives: { label: "Positive replies / cycle", digits: 1 },
        positivesBand: { label: "95% band", interval: ["positivesLo", "positivesHi"], digits: 1 },
      },
    },
    csv: { filename: "forecast-capacity.csv", table: rows },
  };
}
