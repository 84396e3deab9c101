/**
 * The replay report as a page: first the answer (the rules used, cost per conversation
 * on every plan, whether the log was limited by credits, the forecast's advice), then
 * the log on its plan, its balance over time, the same log on every plan under both
 * policies, the fitted response model against the data, and the forecast by plan.
 * Every sentence is written from the computed numbers; every figure and table ships its
 * data as a CSV. A short or odd log gets the sections it supports, and a sentence saying
 * why the others are missing (no NaN anywhere).
 */
import { plans } from "../../models/plans.ts";
import { balanceTimeline, groupedBars, type Answer, type AnswerNumber, type BalanceEventRow, type BalanceRow, type Page, type PageSection, type Provenance } from "../../reports/index.ts";
import type { CalibrationReport } from "../../logs/calibration-report.ts";
import { rulesText, type ReplayReport } from "../../logs/replay-report.ts";
import { planName } from "../../models/plan-name.ts";
import { f0, f1, f2, pct1, usd } from "../../reports/number-format.ts";

const date = (iso: string) => iso.slice(0, 10);

export function replayPage(replay: ReplayReport, cal: CalibrationReport, provenance: Provenance): Page {
  const p = replay.params;
  return {
    title: `Replay of ${replay.log.file}`,
    answer: answer(replay, cal),
    guide:
      `A real send log, replayed through ${rulesText(p.policy)}` +
      (p.plan === null ? " on every plan" : ` on ${planName(p.plan)}, the plan it was sent on, and on every other plan`) +
      `: the log's InMails and responses are kept as they happened; only the credits are simulated, with the project's credit ledger. ` +
      `Then the response model is fitted to the log (outcome probabilities, response delay) and run forward under each plan to forecast ` +
      `conversations and cost, with the uncertainty of the fitted parameters carried into the bands. Open-profile messages and connection ` +
      `requests use no credit. Times are UTC; the log ends (exclusive) at ${replay.log.end}.`,
    sections: [
      answerSection(replay, cal),
      ...(replay.replay === null ? [] : [replaySection(replay), timelineSection(replay)]),
      whatIfSection(replay),
      outcomeSection(cal),
      delaySection(cal),
      forecastSection(cal),
    ],
    provenance,
  };
}

/** The page's answer in numbers: cost per conversation (the log's plan, the cheapest), credit limits, the forecast's advice. */
function answer(r: ReplayReport, cal: CalibrationReport): Answer {
  const p = r.params;
  const mine = r.whatIf.filter((w) => w.policy === p.policy);
  const own = p.plan === null ? undefined : mine.find((w) => w.plan === p.plan);
  const cheapest = [...mine.filter((w) => w.unsendable === 0 && w.costPerConversationUsd !== null)].sort((a, b) => a.costPerConversationUsd! - b.costPerConversationUsd!)[0];
  const price = (w: { illustrativePrice: boolean }) => (w.illustrativePrice ? ", illustrative price" : "");
  const numbers: AnswerNumber[] = [];
  if (own) {
    numbers.push({
      label: `Cost per conversation on ${planName(own.plan)}`,
      value: own.costPerConversationUsd === null ? "no conversation" : usd(own.costPerConversationUsd),
      note: `${f1(own.conversationsPerSeatPerMonth)} conversations per seat per month${price(own)}`,
    });
  }
  if (cheapest) {
    numbers.push({ label: "Cheapest per conversation", value: usd(cheapest.costPerConversationUsd!), note: `${planName(cheapest.plan)}, sends the whole log${price(cheapest)}` });
  }
  const limits = r.replay?.creditLimits;
  if (limits) {
    numbers.push({
      label: "Seat-days without credits",
      value: pct1(limits.shareWithoutCredits),
      note: limits.deferredInMails > 0 ? `about ${f0(limits.deferredInMails)} InMails probably deferred` : "the log was not limited by credits",
    });
  }
  const advice = cal.forecast?.advice;
  const row = advice ? cal.forecast!.rows.find((x) => x.plan === advice.plan && x.policy === advice.policy) : undefined;
  numbers.push(
    advice && cal.forecast
      ? {
          label: "Forecast at the senders' demand",
          value: planName(advice.plan),
          note: `${row?.costPerConversationUsd.mean != null ? `${usd(row.costPerConversationUsd.mean)} per conversation; ` : ""}${f0(cal.forecast.demandPerSeatPerMonth)} InMails per seat per month`,
        }
      : { label: "Forecast", value: "not made", note: "the log cannot support one: the forecast section says why" },
  );
  return { numbers, text: `Computed with ${rulesText(p.policy)}.` };
}

const priceNote = (r: ReplayReport) =>
  r.params.illustrativePrices.length > 0 ? `Prices marked * are illustrative (low confidence: LinkedIn publishes none); set yours with --set price.PLAN=USD.` : "Prices as given.";

function answerSection(r: ReplayReport, cal: CalibrationReport): PageSection {
  const p = r.params;
  const mine = r.whatIf.filter((w) => w.policy === p.policy);
  const own = p.plan === null ? undefined : mine.find((w) => w.plan === p.plan);
  const whole = mine.filter((w) => w.unsendable === 0 && w.costPerConversationUsd !== null);
  const cheapest = [...whole].sort((a, b) => a.costPerConversationUsd! - b.costPerConversationUsd!)[0];
  const lines: string[] = [];
  if (own) {
    lines.push(
      `On ${planName(own.plan)} the log's ${f0(r.log.accounts)} ${r.log.accounts === 1 ? "seat" : "seats"} had ${f0(own.conversations)} conversations (accepted or replied) ` +
        `for ${usd(own.costUsd)}: ${own.costPerConversationUsd === null ? "no conversation yet" : `${usd(own.costPerConversationUsd)} per conversation`}, ` +
        `${f1(own.conversationsPerSeatPerMonth)} conversations per seat per month.`,
    );
  }
  if (cheapest) {
    lines.push(`The cheapest plan per conversation that sends the whole log is ${planName(cheapest.plan)}: ${usd(cheapest.costPerConversationUsd!)} per conversation.`);
  } else lines.push("No plan sends the whole log under these rules.");
  const o = r.observed;
  lines.push(
    `The log's own rates: response rate ${pct1(o.responseRate)} (95% CI ${pct1(o.responseRateCi95[0])}–${pct1(o.responseRateCi95[1])}; accepted, replied or declined within ${o.responseWindowDays} days, ` +
      `LinkedIn's definition), positive share ${pct1(o.positiveShare)}, ${f2(o.inmailsPerSeatPerWorkingDay)} InMails and ${f2(o.conversationsPerSeatPerWorkingDay)} conversations per seat per working day. ` +
      `Plan from them: ${o.teamCommand}${o.teamCommandNote === "" ? "" : ` (${o.teamCommandNote})`}`,
  );
  const limits = r.replay?.creditLimits;
  if (limits && limits.seatDaysWithoutCredits > 0) {
    lines.push(
      `The log itself was limited by credits: its seats held none on ${pct1(limits.shareWithoutCredits)} of seat-days; at the ${f2(limits.sendsPerSeatPerDayWithCredits)} InMails ` +
        `a seat sent per day while holding credits, about ${f0(limits.deferredInMails)} InMails were probably deferred. The sends above are what the credits allowed, not the demand.`,
    );
  } else if (limits) lines.push("The log was not limited by credits: its seats always held some.");
  else lines.push("No plan was given and the log has no plan column, so whether credits held it back cannot be told; pass --plan with the plan it was sent on.");
  const advice = cal.forecast?.advice;
  if (cal.forecast && advice) {
    const row = cal.forecast.rows.find((x) => x.plan === advice.plan && x.policy === advice.policy);
    lines.push(
      `Forecast at the senders' demand (${f0(cal.forecast.demandPerSeatPerMonth)} InMails per seat per month): ${planName(advice.plan)}, ${advice.reason}` +
        (row?.costPerConversationUsd.mean != null ? `, about ${usd(row.costPerConversationUsd.mean)} per conversation.` : "."),
    );
  } else lines.push(`No forecast: ${cal.forecastRefused}.`);
  const table = mine.map((w) => ({
    plan: planName(w.plan),
    price: `${usd(w.priceUsdPerSeatPerMonth)}${w.illustrativePrice ? "*" : ""}`,
    sent: w.sent,
    refused: w.unsendable,
    conversations: w.conversations,
    perSeatMonth: w.conversationsPerSeatPerMonth,
    cost: w.costUsd,
    perConversation: w.costPerConversationUsd,
  }));
  return {
    heading: "Cost per conversation on every plan",
    text: [
      ...lines,
      `The table: the same log on every plan under ${rulesText(p.policy).split(" (")[0]}, all seats — InMails each plan would have refused (no credit left), ` +
        `conversations, cost (price per seat per month × seats × months billed) and cost per conversation. ${priceNote(r)}`,
    ].join("\n\n"),
    table: {
      data: table,
      columns: {
        plan: { label: "Plan" },
        price: { label: "Seat / month" },
        refused: { label: "Refused" },
        conversations: { label: "Conversations" },
        cost: { label: "Cost", currency: "USD", digits: 0 },
        perConversation: { label: "Per conversation", currency: "USD", digits: 2 },
      },
    },
    csv: { filename: "cost-per-conversation.csv", table: mine.map(({ daily: _daily, ...w }) => w) },
  };
}

function replaySection(r: ReplayReport): PageSection {
  const p = r.params;
  const rp = r.replay!;
  const plan = p.plan!;
  const t = rp.totals;
  const l = r.log;
  const first = rp.grants[0];
  const free = l.byChannel["open-profile"] + l.byChannel.connection;
  const text = [
    `The log has ${f0(l.rows)} rows from ${f0(l.accounts)} ${l.accounts === 1 ? "seat" : "seats"}, sent from ${date(l.firstSentAt)} to ${l.lastTimestamp.slice(0, 10)}: ` +
      `${f0(l.byChannel.inmail)} InMails paid with a credit` +
      (free > 0 ? ` and ${f0(free)} free messages (${f0(l.byChannel["open-profile"])} to Open Profiles, ${f0(l.byChannel.connection)} connection requests)` : "") +
      "." +
      (l.skipped > 0 ? ` ${f0(l.skipped)} malformed rows were skipped (listed on the command's error output).` : "") +
      (l.afterEnd > 0 ? ` ${f0(l.afterEnd)} rows sent from --end on are left out.` : ""),
    (r.params.seats !== undefined
      ? `On ${planName(plan)}, each seat starts with the credits the seats file (${r.params.seats.file}) gives it, ${f0(t.opening)} in all` +
        (r.params.openingBalanceAuto
          ? ` (for ${f0(r.params.seats.bySeat.filter((x) => x.openingBalanceAuto).length)} of the seats found by auto: the least that makes each one's InMails sendable)`
          : "") +
        `, and is granted ${f0(plans[plan].creditsPerMonth)} credits a month from its own billing day (or the anchor), from ${first ? date(first) : "–"}.`
      : `On ${planName(plan)}, each seat starts ${r.params.openingBalance > 0 ? `with ${f0(r.params.openingBalance)} credits (--opening-balance${r.params.openingBalanceAuto ? " auto" : ""})` : "empty"} and is granted ${f0(plans[plan].creditsPerMonth)} credits ${rp.grants.length} ${rp.grants.length === 1 ? "time" : "times"}, ` +
        `from ${first ? date(first) : "–"}.`) +
      ` Over all seats: ${f0(t.granted)} credits granted, ${f0(t.spent)} used, ${f0(t.refunded)} refunded, ` +
      `${f0(t.lost)} lost (${f0(t.expired)} expired, ${f0(t.forfeited)} forfeited to the cap), ${f0(t.held)} held at the end.`,
    t.unsendable === 0
      ? `Every InMail in the log could have been sent on this plan.`
      : `The log sends ${f0(t.unsendable)} of its ${f0(t.inmails)} InMails beyond what ${r.params.seats !== undefined ? "each seat's opening credits" : `${f0(r.params.openingBalance)} opening credits a seat`} and this plan's grants allow, the first on ${rp.firstUnsendableAt}` +
        (rp.openingBalanceNeeded?.least != null && !r.params.openingBalanceAuto
          ? `: the seats probably held credits at the start (--opening-balance auto finds ${f0(rp.openingBalanceNeeded.least)}).`
          : "."),
  ].join("\n\n");
  const accounts = rp.accounts.map((a) => ({
    account: a.account || "(none)",
    ...(r.params.seats === undefined ? {} : { opening: a.opening }),
    refused: a.unsendable,
    granted: a.granted,
    used: a.spent,
    refunded: a.refunded,
    lost: a.expired + a.forfeited,
    held: a.closingBalance,
    noCreditDays: a.zeroBalanceDays,
  }));
  return {
    heading: `The log on ${planName(plan)}, per seat`,
    text,
    table: {
      data: accounts,
      columns: {
        account: { label: "Seat" },
        ...(r.params.seats === undefined ? {} : { opening: { label: "Opening" } }),
        refused: { label: "Refused" },
        granted: { label: "Granted" },
        used: { label: "Used" },
        refunded: { label: "Refunded" },
        lost: { label: "Lost" },
        held: { label: "Held" },
        noCreditDays: { label: "No-credit days", digits: 1 },
      },
    },
    csv: { filename: "replay-by-seat.csv", table: rp.accounts.map((a) => ({ ...a })) },
  };
}

function timelineSection(r: ReplayReport): PageSection {
  const chosen = r.params.plan!;
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
  const startDate = rows[0]?.daily[0]?.date;
  const zero = rows.filter((w) => w.unsendable > 0).map((w) => `under the ${w.policy} policy ${f0(w.unsendable)} InMails could not have been sent`);
  return {
    heading: `Balance over time on ${planName(chosen)}, both policies`,
    text:
      `Credits held at the end of each day (UTC), summed over the log's ${f0(r.log.accounts)} ${r.log.accounts === 1 ? "seat" : "seats"}. ` +
      `Marks show grants, credits that expired (or lapsed at a reset) and credits forfeited to the balance cap. ` +
      (zero.length > 0 ? `The balance runs out: ${zero.join("; ")}.` : "Under both policies every InMail of the log could have been sent.") +
      ` The data behind the figure has the daily balance on every plan under both policies.`,
    figure: balanceTimeline(balances, { events, ...(startDate ? { startDate } : {}) }),
    csv: { filename: "balance-by-day.csv", table: csv },
  };
}

function whatIfSection(r: ReplayReport): PageSection {
  const rows = r.whatIf.map((w) => ({
    plan: planName(w.plan),
    policy: w.policy,
    refused: w.unsendable,
    used: w.spent,
    refunded: w.refunded,
    lost: w.lost,
    held: w.held,
    noCreditDays: w.zeroBalanceDays,
  }));
  const csv = r.whatIf.map(({ daily: _daily, ...w }) => w);
  return {
    heading: "Credits: the same log on every plan, under both policies",
    text:
      `Each row replays the whole log on one plan, all seats together: how many of its ${f0(r.log.byChannel.inmail)} InMails that plan would have let through ` +
      `(a refused InMail costs nothing and its response refunds nothing), and where the credits went: used (one per InMail sent), refunded, ` +
      `lost (expired plus forfeited to the cap) and held (the balance at the end); each plan grants its monthly allotment per seat. ` +
      `The credits granted and when each plan would first have refused an InMail are in the data.`,
    table: {
      data: rows,
      columns: {
        plan: { label: "Plan" },
        policy: { label: "Policy" },
        refused: { label: "Refused" },
        used: { label: "Used" },
        refunded: { label: "Refunded" },
        lost: { label: "Lost" },
        held: { label: "Held" },
        noCreditDays: { label: "Seat-days at 0", digits: 0 },
      },
    },
    csv: { filename: "what-if.csv", table: csv },
  };
}

function outcomeSection(r: CalibrationReport): PageSection {
  const o = r.calibration.outcomes;
  if (o.overall.length === 0) {
    return { heading: "Outcome probabilities", text: "The log has no credit-using InMail to estimate outcome probabilities from." };
  }
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
  const share = (name: string) => o.overall.find((s) => s.outcome === name)!.p;
  const responseRate = share("accepted") + share("replied") + share("declined");
  const settle =
    o.settleRule === "none"
      ? `Estimated over all ${f0(o.settled)} credit-using InMails; ${o.note}.`
      : `Estimated over the ${f0(o.settled)} credit-using InMails sent by ${date(o.settledBefore)}, ${f1(o.settleDays)} days before the end ` +
        `(the fitted delay distribution puts ${o.settleRule === "quantile-0.999" ? "99.9" : "90"}% of responses within that time); among them an InMail with no response counts as ignored. ` +
        `The ${f0(o.recent)} more recent InMails are left out, since some of their answers are still to come.` +
        (o.note === null ? "" : ` Note: ${o.note}.`);
  return {
    heading: "Outcome probabilities",
    text:
      `${settle} Response rate (accepted, replied or declined, of delivered InMails): ${pct1(responseRate)}; conversations (accepted or replied): ${pct1(share("accepted") + share("replied"))} of InMails. ` +
      `Bars show 95% Wilson intervals; the table breaks the rates down by the log's columns (message length in LinkedIn's published bands, month of sending).`,
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
  if (d === null) return { heading: "Response delay", text: `The response delay could not be fitted: ${c.delayProblem}.` };
  const bars = c.delayBins.flatMap((b) => [
    { group: b.bin, series: "observed", value: b.observed, lo: b.observedLo, hi: b.observedHi },
    { group: b.bin, series: "exponential fit", value: b.exponential },
    { group: b.bin, series: "lognormal fit", value: b.lognormal },
  ]);
  const fit = (f: (typeof d)["lognormal"]) => ({
    family: f.family,
    aic: f.aic,
    response: f.responseProbability.estimate,
    responseLo: f.responseProbability.ci95[0],
    responseHi: f.responseProbability.ci95[1],
    median: f.medianDays.estimate,
    medianLo: f.medianDays.ci95[0],
    medianHi: f.medianDays.ci95[1],
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
      `Median delay from sending to a response: ${f2(best.medianDays.estimate)} days (95% CI ${f2(best.medianDays.ci95[0])}–${f2(best.medianDays.ci95[1])}), ` +
      `mean ${f2(best.meanDays.estimate)} days; ${d.best === "lognormal" ? "a lognormal" : "an exponential"} fits better. The bars compare the observed shares of responses by delay ` +
      `(settled InMails, with 95% Wilson intervals) with each fit's.`,
    details:
      `The delay was fitted by maximum likelihood to ${f0(c.responses)} responses, with the ${f0(c.censored)} InMails that had no response by the end ` +
      `treated as right-censored (they may still be answered, or never). AIC ${f1(best.aic)} against ${f1(other.aic)} (lower is better; AIC = 2 × parameters − 2 × log-likelihood).`,
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
      },
    },
    csv: { filename: "response-delay.csv", table: c.delayBins.map((b) => ({ ...b })) },
  };
}

function forecastSection(r: CalibrationReport): PageSection {
  const f = r.forecast;
  if (f === null) return { heading: "Forecast", text: `No forecast: ${r.forecastRefused}.` };
  const mine = f.rows.filter((row) => row.policy === r.policy);
  const bars = mine.map((row) => ({
    group: planName(row.plan),
    series: "conversations",
    value: row.positives.mean,
    lo: row.positives.lo,
    hi: row.positives.hi,
  }));
  const rows = mine.map((row) => ({
    plan: planName(row.plan),
    capacity: row.capacity.mean,
    positives: row.positives.mean,
    positivesLo: row.positives.lo,
    positivesHi: row.positives.hi,
    perConversation: row.costPerConversationUsd.mean,
    meets: row.meetsDemand ? "yes" : "no",
  }));
  const limited =
    f.limitedByCredits !== null && f.limitedByCredits.shareOfSeatDaysWithoutCredits > 0.005
      ? ` The log was limited by credits (its seats held none on ${pct1(f.limitedByCredits.shareOfSeatDaysWithoutCredits)} of seat-days on ${planName(f.limitedByCredits.plan!)}), ` +
        `so the forecast sends at the rate while credits were held — the senders' demand — not at the rate the log shows.`
      : "";
  return {
    heading: "Forecast: conversations and cost per seat per month, by plan",
    text:
      (f.advice ? `Advice: ${planName(f.advice.plan)}, ${f.advice.reason}. ` : "") +
      `Each seat sends ${f2(f.sendsPerDay)} InMails a day while it holds credits, a demand of ${f0(f.demandPerSeatPerMonth)} InMails per seat per month.${limited} ` +
      `The figure and the table show, per seat per month under ${r.rules.split(" (")[0]}, InMails delivered, conversations and cost per conversation; the data has both policies and every band.`,
    details:
      `The fitted model run forward for ${f.cycles} months from ${f.startDate}: a sample of ${f.accounts} simulated seats per draw (a sample size, not your team: figures are per seat); the send rate is ${f.sendsPerDaySource}. ` +
      `Each of ${f.draws} draws takes its own outcome probabilities and delay parameters from their sampling distribution, so the bands (2.5%–97.5% over draws) ` +
      `carry the uncertainty of the fit; every plan sees the same draws.`,
    figure: groupedBars(bars, { yLabel: "Conversations per seat per month", xLabel: "Plan" }),
    table: {
      data: rows,
      columns: {
        plan: { label: "Plan" },
        capacity: { label: "InMails", digits: 1 },
        positives: { label: "Conversations", digits: 1 },
        positivesBand: { label: "95% band", interval: ["positivesLo", "positivesHi"], digits: 1 },
        perConversation: { label: "Per conversation", currency: "USD", digits: 2 },
        meets: { label: "Demand met" },
      },
    },
    csv: { filename: "forecast.csv", table: f.rows.map((row) => ({ plan: row.plan, policy: row.policy, credits: row.credits, ...flat(row) })) },
  };
}

/** A forecast row's bands as flat columns, for its CSV. */
function flat(row: NonNullable<CalibrationReport["forecast"]>["rows"][number]) {
  return {
    capacity: row.capacity.mean,
    capacityLo: row.capacity.lo,
    capacityHi: row.capacity.hi,
    conversations: row.positives.mean,
    conversationsLo: row.positives.lo,
    conversationsHi: row.positives.hi,
    priceUsdPerSeatPerMonth: row.priceUsdPerSeatPerMonth,
    illustrativePrice: row.illustrativePrice,
    costPerConversationUsd: row.costPerConversationUsd.mean,
    costPerConversationUsdLo: row.costPerConversationUsd.lo,
    costPerConversationUsdHi: row.costPerConversationUsd.hi,
    meetsDemand: row.meetsDemand,
  };
}
