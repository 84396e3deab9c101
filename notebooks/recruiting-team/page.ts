/**
 * The recruiting-team report as a page: every sentence is written from the computed
 * numbers (a branch wherever the numbers could tell a different story), every figure
 * and table ships its data as a CSV.
 */
import { personas, plans, policies, recruiterFloor, segments } from "../../models/index.ts";
import type { Answer, Page, PageSection, Provenance } from "../../reports/index.ts";
import { lineChart, type LineRow } from "../../reports/figures/line-chart.ts";
import { priceParam } from "../../experiments/inputs/plan-prices.ts";
import { aPct, ci, count, estimateCell, f0, f1, f2, n1, pct, usd, usd0 } from "../../reports/number-format.ts";
import { list } from "../../reports/word-list.ts";
import { CYCLES, floorResponseRates, floorSendsPerDay, type RecruitingTeamResults, type SeatRow, type Sizing, type TeamRow } from "./compute.ts";
import { teamPlanIds, type TeamPlanId } from "./params.ts";

export const defaults = {
  /** Days restricted per seat per year below which the restriction chart is left out (the table keeps the numbers). */
  chartRestrictedFromDays: 1,
} as const;

const persona = personas.recruiter;
const leverNames: Record<string, string> = {
  specificSubject: "specific subject line",
  mutualGround: "mutual ground",
  clearCallToAction: "clear call to action",
  personalised: "personalised",
  openToWorkTarget: "Open to Work targeting",
};
const segment = segments[persona.segment];

const planLabel: Record<TeamPlanId, string> = { "recruiter-lite": "Recruiter Lite", recruiter: "Recruiter (pooled)" };
const shortLabel: Record<TeamPlanId, string> = { "recruiter-lite": "Recruiter Lite", recruiter: "Recruiter" };
const seriesLabel = {
  lite: "Recruiter Lite",
  own: "Recruiter, seats with own credits",
  pooled: "Recruiter, pooled contract",
  both: "Recruiter, own credits or pooled (the same)",
} as const;

const seats = (n: number) => count(n, "seat", "seats", f0);
/** "12.3 (95% CI 11.9 to 12.7)". */
const withCi = (e: { mean: number; ci95: [number, number] }, format: (x: number) => string) => `${format(e.mean)} (${ci(e.ci95[0], e.ci95[1], format)})`;
/** CIs that do not overlap. */
const apart = (a: { ci95: [number, number] }, b: { ci95: [number, number] }) => a.ci95[1] < b.ci95[0] || b.ci95[1] < a.ci95[0];

export function recruitingTeamPage(results: RecruitingTeamResults, provenance: Provenance): Page {
  const p = results.params;
  return {
    title: p.title,
    answer: answer(results),
    guide:
      `How many recruiting seats, and of which plan, does it take to hold ${f0(p.target)} candidate conversations a month? ` +
      `A conversation is a positive reply: the candidate accepts the InMail or writes back. ` +
      `Each seat is a recruiter sourcing ${segment.description.replace(/ \(recruiting\)$/, "")}: ${n1(p.sendsPerWorkingDay)} InMails per working day (Monday to Friday) while it has credits, up to ${f0(p.demandPerSeat)} candidates a month, ` +
      `under LinkedIn's credit rules (${p.policy} policy) with its Recruiter response-rate floor switched on. ` +
      `Recruiter Lite seats each have their own ${f0(plans["recruiter-lite"].creditsPerMonth)} credits a month; a Recruiter contract pools ${f0(p.recruiterCreditsPerSeat)} credits per seat for all its seats. ` +
      `The response rate is the share of your InMails that get an answer (accepted, replied or declined), message included, as LinkedIn's floor counts it (${pct(p.responseRate)} here). ` +
      `Teams are simulated whole, for ${CYCLES} months at a time; numbers are means with 95% confidence intervals (CI) across replications. ` +
      `Prices marked illustrative are low-confidence figures, not LinkedIn's; set yours with --set ${priceParam("recruiter")}=….`,
    sections: [headlineSection(results), perSeatSection(results), costSection(results), floorSection(results), assumptionsSection(results)],
    provenance,
  };
}

const sizingOf = (results: RecruitingTeamResults, plan: TeamPlanId, criterion: Sizing["criterion"], rate = results.params.responseRate) =>
  results.sizing.find((s) => s.plan === plan && s.criterion === criterion && s.responseRate === rate)!;
const singleOf = (results: RecruitingTeamResults, plan: TeamPlanId, rate = results.params.responseRate) => results.singles.find((s) => s.plan === plan && s.responseRate === rate)!;
const price = (results: RecruitingTeamResults, plan: TeamPlanId) => `${usd(results.params.prices[plan])} a seat${results.params.illustrativePrices[plan] ? ", illustrative" : ""}`;
/** "24 seats" or "more than 40 seats" when the search gave up. */
const sizeText = (s: Sizing) => (s.team ? seats(s.team.seats) : `more than ${seats(s.atLeast ?? 0)}`);

/** The page's answer: the cheapest team for the target on average and in most months, its cost per conversation, and each plan's conversations per seat. */
function answer(results: RecruitingTeamResults): Answer {
  const p = results.params;
  const sized = (criterion: Sizing["criterion"]) =>
    teamPlanIds
      .map((id) => sizingOf(results, id, criterion).team)
      .filter((t): t is TeamRow => t !== null)
      .sort((a, b) => a.monthlyCostUsd - b.monthlyCostUsd);
  const [cheapest, other] = sized("mean");
  const reliable = sized("months")[0];
  const team = (t: TeamRow) => `${f0(t.seats)} × ${shortLabel[t.plan]}`;
  const perSeat = (id: TeamPlanId) => `${shortLabel[id]} ${f1(singleOf(results, id).conversations.mean)}`;
  return {
    numbers: [
      cheapest === undefined
        ? { label: `Cheapest team for ${f0(p.target)} conversations a month`, value: "none found", note: "the search gave up: raise the response rate or lower the target" }
        : {
            label: `Cheapest team for ${f0(p.target)} conversations a month`,
            value: team(cheapest),
            note: `${usd0(cheapest.monthlyCostUsd)} a month for the team; ${f1(cheapest.team.mean)} conversations a month on average`,
          },
      ...(cheapest === undefined
        ? []
        : [
            {
              label: "Cost per conversation",
              value: usd(cheapest.costPerConversation),
              note: `${planLabel[cheapest.plan]}${other === undefined ? "" : `; ${planLabel[other.plan]} ${usd(other.costPerConversation)}`}`,
            },
          ]),
      reliable === undefined
        ? { label: `To reach it in ${pct(p.monthsReaching)} of months`, value: "none found", note: "the search gave up" }
        : { label: `To reach it in ${pct(p.monthsReaching)} of months`, value: team(reliable), note: `${usd0(reliable.monthlyCostUsd)} a month for the team` },
      {
        label: "Conversations per seat a month",
        value: f1(singleOf(results, "recruiter-lite").conversations.mean),
        note: `${teamPlanIds.map(perSeat).join("; ")}; at ${aPct(p.responseRate)} response rate`,
      },
    ],
  };
}

function headlineSection(results: RecruitingTeamResults): PageSection {
  const p = results.params;
  const lite = singleOf(results, "recruiter-lite");
  const own = singleOf(results, "recruiter");
  const mean = Object.fromEntries(teamPlanIds.map((id) => [id, sizingOf(results, id, "mean")])) as Record<TeamPlanId, Sizing>;
  const reliable = Object.fromEntries(teamPlanIds.map((id) => [id, sizingOf(results, id, "months")])) as Record<TeamPlanId, Sizing>;
  const blockedShare = results.blockedShare;

  const sentences: string[] = [];
  sentences.push(
    `At ${aPct(p.responseRate)} response rate a Recruiter Lite seat holds ${withCi(lite.conversations, f1)} conversations a month and a Recruiter seat ${withCi(own.conversations, f1)}. ` +
      `The difference is volume: a Lite seat sends ${f1(lite.inmails.mean)} InMails a month (its ${f0(lite.creditsPerSeat)} credits plus the refunds on answered InMails) and spends ${f1(lite.daysOutOfCredits)} days a month with no credit left, ` +
      `while a Recruiter seat sends ${f1(own.inmails.mean)} InMails a month (it wants to reach ${f0(p.demandPerSeat)} candidates)` +
      (own.daysOutOfCredits < 1 ? ` and is hardly ever out of credits.` : ` and is out of credits ${f1(own.daysOutOfCredits)} days a month.`),
  );
  const m = (id: TeamPlanId) => mean[id].team;
  const liteTeam = m("recruiter-lite");
  const recTeam = m("recruiter");
  if (liteTeam && recTeam) {
    const [cheap, dear] = liteTeam.monthlyCostUsd <= recTeam.monthlyCostUsd ? [liteTeam, recTeam] : [recTeam, liteTeam];
    sentences.push(
      `To average ${f0(p.target)} conversations a month takes ${seats(liteTeam.seats)} of Recruiter Lite (${usd0(liteTeam.monthlyCostUsd)} a month at ${price(results, "recruiter-lite")}) ` +
        `or a Recruiter contract of ${seats(recTeam.seats)} (${usd0(recTeam.monthlyCostUsd)} at ${price(results, "recruiter")}). ` +
        (cheap.monthlyCostUsd === dear.monthlyCostUsd
          ? `Both cost the same. `
          : `${shortLabel[cheap.plan]} costs ${f0((1 - cheap.monthlyCostUsd / dear.monthlyCostUsd) * 100)}% less: ${usd(cheap.costPerConversation)} per conversation against ${usd(dear.costPerConversation)}. `) +
        `One seat fewer falls short: ` +
        list([mean["recruiter-lite"], mean.recruiter].filter((s) => s.smaller !== null).map((s) => `${seats(s.smaller!.seats)} of ${shortLabel[s.plan]} average ${f1(s.smaller!.team.mean)}`)) +
        `.`,
    );
  } else {
    sentences.push(
      `To average ${f0(p.target)} conversations a month takes ${sizeText(mean["recruiter-lite"])} of Recruiter Lite or a Recruiter contract of ${sizeText(mean.recruiter)}` +
        ` (the search stops after a few sizes; raise the response rate or lower the target).`,
    );
  }
  const short = (t: TeamRow | null) => (t ? `the ${seats(t.seats)} of ${shortLabel[t.plan]} reach it in ${pct(t.shareMonthsReaching)} of simulated months` : "");
  sentences.push(
    `An average is not every month. ` +
      (liteTeam && recTeam ? `Chance moves a team's month up and down: ${list([short(liteTeam), short(recTeam)])}. ` : "") +
      `To reach ${f0(p.target)} in at least ${pct(p.monthsReaching)} of months takes ${sizeText(reliable["recruiter-lite"])} of Recruiter Lite` +
      (reliable["recruiter-lite"].team ? ` (${usd0(reliable["recruiter-lite"].team.monthlyCostUsd)} a month)` : "") +
      ` or ${sizeText(reliable.recruiter)} of Recruiter` +
      (reliable.recruiter.team ? ` (${usd0(reliable.recruiter.team.monthlyCostUsd)})` : "") +
      `. A month here is each seat's billing month; ${CYCLES} per replication, ${f0(p.teamReplications)} replications per team.`,
  );
  if (recTeam) {
    const pooled = recTeam.conversationsPerSeat;
    sentences.push(
      `Pooling: the ${seats(recTeam.seats)} of the contract share one pool of ${f0(recTeam.seats * p.recruiterCreditsPerSeat)} credits a month. ` +
        `Per seat they hold ${withCi(pooled, f1)} conversations a month, against ${withCi(own.conversations, f1)} for Recruiter seats with ${f0(p.recruiterCreditsPerSeat)} credits each of their own` +
        (apart(pooled, own.conversations)
          ? `: pooling ${pooled.mean > own.conversations.mean ? "adds" : "costs"} ${f1(Math.abs(pooled.mean - own.conversations.mean))} a seat, because a seat that runs dry draws on credits another seat has not used. `
          : `, no clear difference: these seats all send alike, so the pool only evens out chance between them. `) +
        `A pool matters most when some seats send far more than others, which this model does not simulate.`,
    );
  }
  sentences.push(
    `A conversation is an accepted or answered InMail: with the ${segment.id} segment's mix (assumed), ${pct(segment.mix.accepted + segment.mix.replied)} of answers; the rest decline. ` +
      `About ${pct(blockedShare)} of candidates block InMail (assumed): reaching them costs nothing and counts towards the ${f0(p.demandPerSeat)} a month.`,
  );

  const rows = teamPlanIds.flatMap((plan) =>
    (["mean", "months"] as const).map((criterion) => {
      const s = sizingOf(results, plan, criterion);
      const t = s.team;
      return {
        plan: planLabel[plan],
        criterion: criterion === "mean" ? "on average" : `${pct(p.monthsReaching)} of months`,
        seats: t ? f0(t.seats) : `> ${f0(s.atLeast ?? 0)}`,
        team: t ? estimateCell(t.team, f1) : "–",
        reaching: t ? t.shareMonthsReaching : null,
        cost: t ? usd0(t.monthlyCostUsd) : "–",
        perConversation: t ? usd(t.costPerConversation) : "–",
      };
    }),
  );
  const csv = teamPlanIds.flatMap((plan) =>
    (["mean", "months"] as const).map((criterion) => {
      const s = sizingOf(results, plan, criterion);
      const t = s.team;
      return {
        plan,
        pooled: plan === "recruiter",
        criterion,
        monthsReachingRequired: criterion === "months" ? p.monthsReaching : null,
        target: p.target,
        responseRate: p.responseRate,
        seats: t?.seats ?? null,
        atLeastSeats: s.atLeast,
        conversationsPerSeat: t?.conversationsPerSeat.mean ?? null,
        conversationsPerSeatLo: t?.conversationsPerSeat.ci95[0] ?? null,
        conversationsPerSeatHi: t?.conversationsPerSeat.ci95[1] ?? null,
        teamConversations: t?.team.mean ?? null,
        teamConversationsLo: t?.team.ci95[0] ?? null,
        teamConversationsHi: t?.team.ci95[1] ?? null,
        shareMonthsReaching: t?.shareMonthsReaching ?? null,
        teamMonths: t?.teamMonths ?? null,
        priceUsdPerSeat: p.prices[plan],
        priceSource: p.illustrativePrices[plan] ? "illustrative" : "user",
        monthlyCostUsd: t?.monthlyCostUsd ?? null,
        costPerConversationUsd: t?.costPerConversation ?? null,
        smallerSeats: s.smaller?.seats ?? null,
        smallerTeamConversations: s.smaller?.team.mean ?? null,
        smallerShareMonthsReaching: s.smaller?.shareMonthsReaching ?? null,
      };
    }),
  );
  return {
    heading: `Seats for ${f0(p.target)} conversations a month at ${aPct(p.responseRate)} response rate`,
    text: [
      sentences[0]!,
      `In the table, conversations / month are the team's, with their 95% CI in brackets; at target is the share of simulated team-months with at least ${f0(p.target)}; cost / month is seats × price, and cost / conversation the team's cost ÷ its conversations.`,
    ].join("\n\n"),
    details: sentences.slice(1).join("\n\n"),
    detailsSummary: "Teams, months that fall short, and pooling",
    table: {
      data: rows,
      columns: {
        plan: { label: "Plan" },
        criterion: { label: "Target met" },
        seats: { label: "Seats" },
        team: { label: "Conversations / month" },
        reaching: { label: "At target", percent: true },
        cost: { label: "Cost / month" },
        perConversation: { label: "Cost / conversation" },
      },
    },
    csv: { filename: "seats-needed.csv", table: csv },
  };
}

function perSeatSection(results: RecruitingTeamResults): PageSection {
  const p = results.params;
  const rates = results.rates;
  const [lo, hi] = [rates[0]!, rates[rates.length - 1]!];
  const rows: (LineRow & { plan: string; pooledSeats: number | null; inmails: number | null })[] = [];
  for (const rate of rates) {
    for (const [plan, series] of [
      ["recruiter-lite", seriesLabel.lite],
      ["recruiter", seriesLabel.own],
    ] as const) {
      const single = singleOf(results, plan, rate);
      const e = single.conversations;
      rows.push({ x: rate, y: e.mean, lo: e.ci95[0], hi: e.ci95[1], series, plan, pooledSeats: null, inmails: single.inmails.mean });
    }
    const pooled = sizingOf(results, "recruiter", "mean", rate).team;
    if (pooled) {
      const e = pooled.conversationsPerSeat;
      rows.push({ x: rate, y: e.mean, lo: e.ci95[0], hi: e.ci95[1], series: seriesLabel.pooled, plan: "recruiter", pooledSeats: pooled.seats, inmails: null });
    }
  }
  const at = (plan: TeamPlanId, rate: number) => singleOf(results, plan, rate);
  const growth = (plan: TeamPlanId) => at(plan, hi).conversations.mean / at(plan, lo).conversations.mean;
  const rateGrowth = hi / lo;
  const describe = (plan: TeamPlanId) =>
    `from ${f1(at(plan, lo).conversations.mean)} to ${f1(at(plan, hi).conversations.mean)} for ${shortLabel[plan]} (${f1(growth(plan))} times as many; ` +
    `InMails a month from ${f0(at(plan, lo).inmails.mean)} to ${f0(at(plan, hi).inmails.mean)})`;
  const faster = teamPlanIds.filter((id) => growth(id) > rateGrowth * 1.05);
  // Where the pooled contract's line lies within the own-credit seats' CIs, one line would hide the other: draw them as one.
  const overlaps = (a: LineRow, b: LineRow) => a.lo != null && a.hi != null && b.lo != null && b.hi != null && a.lo <= b.hi && b.lo <= a.hi;
  const pooledRows = rows.filter((r) => r.series === seriesLabel.pooled);
  const coincide =
    pooledRows.length > 0 &&
    pooledRows.every((r) =>
      overlaps(
        r,
        rows.find((o) => o.series === seriesLabel.own && o.x === r.x)!,
      ),
    );
  const drawn = coincide ? rows.filter((r) => r.series !== seriesLabel.pooled).map((r) => (r.series === seriesLabel.own ? { ...r, series: seriesLabel.both } : r)) : rows;
  const text = [
    `From ${pct(lo)} to ${pct(hi)} response rate (${f1(rateGrowth)} times as high), conversations per seat a month rise ${describe("recruiter-lite")} and ${describe("recruiter")}.`,
    (faster.length > 0
      ? `${list(faster.map((id) => shortLabel[id]))} ${faster.length === 1 ? "grows" : "grow"} faster than the response rate: every answered InMail refunds its credit, which pays for another InMail, so a seat short of credits sends more as its rate rises. `
      : "") +
      (faster.length < teamPlanIds.length
        ? `${list(teamPlanIds.filter((id) => !faster.includes(id)).map((id) => shortLabel[id]))} grows about in step with the rate: its seats are limited by the ${f0(p.demandPerSeat)} candidates a month they want to reach more than by credits. `
        : "") +
      (coincide
        ? `The pooled contract (sized for the target at each rate) is within the CIs of the Recruiter seats with their own credits at every rate, so one line shows both.`
        : `The pooled contract (dashed; sized for the target at each rate) and the Recruiter seats with their own credits part where their lines separate.`),
    `Lines are means; shaded bands their 95% CIs (narrow: many seats per point). The CSV has every value, both Recruiter series included.`,
  ];
  return {
    heading: "Conversations per seat against response rate",
    layout: "beside",
    text: text.slice(0, 2).join("\n\n"),
    details: text.slice(2).join("\n\n"),
    detailsSummary: "Bands and data",
    figure: lineChart(drawn, {
      xLabel: "Response rate (%)",
      yLabel: "Conversations per seat per month",
      xPercent: true,
      series: coincide ? [seriesLabel.lite, seriesLabel.both] : [seriesLabel.lite, seriesLabel.own, seriesLabel.pooled],
      dashed: coincide ? [] : [seriesLabel.pooled],
      xRule: { value: p.responseRate, label: `yours: ${pct(p.responseRate)}` },
    }),
    csv: {
      filename: "conversations-per-seat.csv",
      table: rows.map((r) => ({
        responseRate: r.x,
        series: r.series,
        plan: r.plan,
        pooledSeats: r.pooledSeats,
        conversationsPerSeat: r.y,
        lo: r.lo ?? null,
        hi: r.hi ?? null,
        inmailsPerSeat: r.inmails,
      })),
    },
  };
}

function costSection(results: RecruitingTeamResults): PageSection {
  const p = results.params;
  const rates = results.rates;
  const table = rates.map((rate) => {
    const lite = sizingOf(results, "recruiter-lite", "mean", rate);
    const rec = sizingOf(results, "recruiter", "mean", rate);
    return { rate, lite, rec };
  });
  const rows: LineRow[] = table.flatMap(({ rate, lite, rec }) =>
    [lite, rec].filter((s) => s.team !== null).map((s) => ({ x: rate, y: s.team!.monthlyCostUsd, series: shortLabel[s.plan], label: seats(s.team!.seats) })),
  );
  const resolved = table.filter((t) => t.lite.team && t.rec.team);
  const liteCheaper = resolved.filter((t) => t.lite.team!.monthlyCostUsd < t.rec.team!.monthlyCostUsd).map((t) => t.rate);
  const recCheaper = resolved.filter((t) => t.rec.team!.monthlyCostUsd < t.lite.team!.monthlyCostUsd).map((t) => t.rate);
  const cheaperText =
    resolved.length === 0
      ? `No rate here has both teams sized.`
      : liteCheaper.length === resolved.length
        ? `Recruiter Lite seats are the cheaper way to the target at every rate here, from ${pct(resolved[0]!.rate)} to ${pct(resolved[resolved.length - 1]!.rate)}.`
        : recCheaper.length === resolved.length
          ? `A Recruiter contract is the cheaper way to the target at every rate here, from ${pct(resolved[0]!.rate)} to ${pct(resolved[resolved.length - 1]!.rate)}.`
          : `Recruiter Lite is cheaper at ${list(liteCheaper.map(pct))}; a Recruiter contract at ${list(recCheaper.map(pct))}` +
            (resolved.length > liteCheaper.length + recCheaper.length ? `; they cost the same at the other rates.` : `.`);
  const extremes = (plan: "lite" | "rec") => {
    const sized = table.filter((t) => t[plan].team);
    const first = sized[0];
    const last = sized[sized.length - 1];
    return first && last ? `${seats(first[plan].team!.seats)} at ${pct(first.rate)} to ${seats(last[plan].team!.seats)} at ${pct(last.rate)}` : "";
  };
  const text = [
    `Smallest team that averages ${f0(p.target)} conversations a month, and what it costs, at each response rate: Recruiter Lite needs ${extremes("lite")}, Recruiter ${extremes("rec")}. ` +
      cheaperText,
    `Each point is labelled with its seat count; costs use ${price(results, "recruiter-lite")} for Recruiter Lite and ${price(results, "recruiter")} for Recruiter. ` +
      `Prices scale the two lines independently, so with your own prices the order can change: the CSV gives the seats at every rate.`,
  ].join("\n\n");
  const csv = table.flatMap(({ rate, lite, rec }) =>
    [lite, rec].map((s) => ({
      responseRate: rate,
      plan: s.plan,
      seats: s.team?.seats ?? null,
      atLeastSeats: s.atLeast,
      teamConversations: s.team?.team.mean ?? null,
      conversationsPerSeat: s.team?.conversationsPerSeat.mean ?? null,
      shareMonthsReaching: s.team?.shareMonthsReaching ?? null,
      priceUsdPerSeat: p.prices[s.plan],
      monthlyCostUsd: s.team?.monthlyCostUsd ?? null,
      costPerConversationUsd: s.team?.costPerConversation ?? null,
    })),
  );
  return {
    heading: "Seats and monthly cost against response rate",
    layout: "beside",
    text,
    ...(rows.length > 0
      ? {
          figure: lineChart(rows, {
            xLabel: "Response rate (%)",
            yLabel: `Monthly cost of the team (USD)`,
            xPercent: true,
            series: teamPlanIds.map((id) => shortLabel[id]),
            xRule: { value: p.responseRate, label: `yours: ${pct(p.responseRate)}` },
            caption: `Cost of the smallest team that averages ${f0(p.target)} conversations a month; labels give its seats.`,
          }),
        }
      : {}),
    table: {
      data: table.map(({ rate, lite, rec }) => ({
        rate,
        liteSeats: lite.team ? f0(lite.team.seats) : `> ${f0(lite.atLeast ?? 0)}`,
        liteCost: lite.team ? usd0(lite.team.monthlyCostUsd) : "–",
        recSeats: rec.team ? f0(rec.team.seats) : `> ${f0(rec.atLeast ?? 0)}`,
        recCost: rec.team ? usd0(rec.team.monthlyCostUsd) : "–",
      })),
      columns: {
        rate: { label: "Response rate", percent: true },
        liteSeats: { label: "Lite seats" },
        liteCost: { label: "Lite cost / month" },
        recSeats: { label: "Recruiter seats" },
        recCost: { label: "Recruiter cost / month" },
      },
    },
    csv: { filename: "seats-and-cost-by-response-rate.csv", table: csv },
  };
}

function floorSection(results: RecruitingTeamResults): PageSection {
  const p = results.params;
  const rule = recruiterFloor;
  const rows = results.floor;
  const n = results.floorContractSeats;
  const sendLabel = (s: number) => `${n1(s)} InMails/working day`;
  const at = (rate: number, s: number) => rows.find((r) => r.responseRate === rate && r.sendsPerDay === s)!.seat;
  const lowRate = Math.min(...floorResponseRates);
  const highRate = Math.max(...floorResponseRates);
  const below = floorResponseRates.filter((r) => r < rule.minResponseRate);
  const above = floorResponseRates.filter((r) => r >= rule.minResponseRate);
  const warned = (s: SeatRow) => s.warningsPerSeatYear >= 0.05;
  const quiet = floorSendsPerDay.filter((s) => floorResponseRates.every((r) => !warned(at(r, s))));
  const loud = floorSendsPerDay.filter((s) => !quiet.includes(s));
  const busiest = Math.max(...floorSendsPerDay);
  const perFortnight = (s: SeatRow) => (s.inmails.mean * 14) / 30;
  const maxRestricted = Math.max(...rows.map((r) => r.seat.daysRestrictedPerSeatYear));
  const worst = [...rows].sort((a, b) => b.seat.daysRestrictedPerSeatYear - a.seat.daysRestrictedPerSeatYear)[0]!;
  const lite = singleOf(results, "recruiter-lite");

  const sentences = [
    `LinkedIn's Recruiter floor: every ${f0(rule.periodDays)} days, a seat that sent at least ${f0(rule.minInmails)} InMails in the period must have an answer to at least ${pct(rule.minResponseRate)} of them. ` +
      `Below that it gets a ${f0(rule.warningDays / 7)}-week warning; ${f0(rule.graceDays)} days after the warning ends, the InMails sent during the warning are checked the same way, ` +
      `and a seat still below the floor has bulk InMail switched off for ${f0(rule.restrictionDays / 7)} weeks (one-to-one InMails only: ${f0(rule.restrictedSendsPerDay)} a day here, an assumption). ` +
      `The grid below runs a Recruiter contract of ${seats(n)} (the team that averages the target at your rate) over response rate × InMails per working day; per seat per year.`,
    quiet.length > 0
      ? `At ${list(quiet.map((s) => n1(s)))} InMails a working day no seat is ever warned: it sends ${f0(at(lowRate, quiet[0]!).inmails.mean)} InMails a month, about ${f0(perFortnight(at(lowRate, quiet[0]!)))} per ${f0(rule.periodDays)} days, so the floor never assesses it, whatever its rate.`
      : `Every send rate in the grid gets warnings at some response rate.`,
  ];
  if (loud.length > 0) {
    const lowWarn = loud.map((s, i) => `${f1(at(lowRate, s).warningsPerSeatYear)}${i === 0 ? " times a year" : ""} at ${n1(s)} a day`);
    const highWarn = at(highRate, busiest).warningsPerSeatYear;
    sentences.push(
      `From ${n1(loud[0]!)} a day up, warnings rise as the response rate falls and as sending gets faster: at ${pct(lowRate)} a seat is warned ${list(lowWarn)}. ` +
        (above.length > 0 && at(highRate, busiest).warningsPerSeatYear > 0.05
          ? `Warnings do not stop at the ${pct(rule.minResponseRate)} floor: even at ${pct(highRate)} a seat sending ${n1(busiest)} a day is warned ${f1(highWarn)} times a year. ` +
            `Two reasons: a check counts only the answers received by the check day, and InMails sent in the last days of a period have mostly not been answered yet (the answer delay is assumed: median ${n1(results.delayMedianDays)} days); ` +
            `and on 100 to 200 InMails chance alone moves a fortnight's rate by several points. Faster senders send their month's InMails in a burst right after each grant, so more of them are still unanswered at a check.`
          : `Above the floor warnings all but vanish.`),
    );
  }
  sentences.push(
    maxRestricted < 0.5
      ? `Restrictions are rare: at most ${f1(maxRestricted)} days a seat a year anywhere in the grid. A warned seat is restricted only if it sends at least ${f0(rule.minInmails)} InMails during its 2-week warning and they are answered below the floor; ` +
          `a seat sends ${f0(Math.min(...rows.filter((r) => r.sendsPerDay > Math.min(...floorSendsPerDay)).map((r) => r.seat.inmails.mean)))} to ${f0(Math.max(...rows.map((r) => r.seat.inmails.mean)))} InMails a month ` +
          `(${f0(p.recruiterCreditsPerSeat)} credits a seat and ${f0(p.demandPerSeat)} candidates a month set the limit), fewer than ${f0(rule.minInmails)} a fortnight on average, and the faster senders send them in the days after each grant, so a warning fortnight seldom holds ${f0(rule.minInmails)}. ` +
          `A seat with more credits or a larger monthly demand would be restricted more often (try --set recruiterCreditsPerSeat=400).`
      : `Restrictions take up to ${f1(maxRestricted)} days a seat a year (${pct(worst.responseRate)} response rate, ${sendLabel(worst.sendsPerDay)}). ` +
          `A warned seat is restricted only if it sends at least ${f0(rule.minInmails)} InMails during its 2-week warning and they are answered below the floor: ` +
          `seats that send their month's InMails in a burst after each grant have a quiet warning fortnight and escape, seats that spread their sending do not.`,
  );
  sentences.push(
    lite.warningsPerSeatYear === 0
      ? `Recruiter Lite seats are never warned here: a Lite seat sends ${f1(lite.inmails.mean)} InMails a month (its ${f0(lite.creditsPerSeat)} credits plus refunds), never ${f0(rule.minInmails)} in ${f0(rule.periodDays)} days.`
      : `Recruiter Lite seats are warned ${f2(lite.warningsPerSeatYear)} times a year at your rate (they send ${f1(lite.inmails.mean)} InMails a month).`,
  );
  sentences.push(`${below.length > 0 ? `The dashed line marks the ${pct(rule.minResponseRate)} floor.` : ""} Counts are per seat per year of ${CYCLES} billing months.`);

  const chart = (y: (s: SeatRow) => number, yLabel: string) =>
    lineChart(
      rows.map((r) => ({ x: r.responseRate, y: y(r.seat), series: sendLabel(r.sendsPerDay) })),
      {
        xLabel: "Response rate (%)",
        yLabel,
        xPercent: true,
        series: floorSendsPerDay.map(sendLabel),
        xRule: { value: rule.minResponseRate, label: `floor ${pct(rule.minResponseRate)}` },
        height: 260,
      },
    );
  const table = floorResponseRates.map((rate) => {
    const row: Record<string, number | string> = { rate };
    for (const s of floorSendsPerDay) row[`at${s}`] = `${f1(at(rate, s).warningsPerSeatYear)} (${f1(at(rate, s).daysRestrictedPerSeatYear)})`;
    return row;
  });
  const columns: Record<string, { label: string; percent?: boolean }> = { rate: { label: "Response rate", percent: true } };
  for (const s of floorSendsPerDay) columns[`at${s}`] = { label: `${n1(s)}/day` };
  return {
    heading: `The response-rate floor: warnings and restrictions`,
    layout: "beside",
    text: [
      ...sentences.slice(0, 2),
      `In the table, each cell is warnings per seat per year at that many InMails per working day, with days restricted per seat per year in brackets; the CSV adds InMails per seat per month and restrictions.`,
    ].join("\n\n"),
    details: sentences.slice(2).join("\n\n"),
    detailsSummary: "Why warnings rise, and why restrictions are rare or not",
    // Days restricted are charted only when they amount to something: a line between 0 and a tenth of a day a year is noise (the table still has them).
    figure:
      maxRestricted >= defaults.chartRestrictedFromDays
        ? [chart((s) => s.warningsPerSeatYear, "Warnings per seat per year"), chart((s) => s.daysRestrictedPerSeatYear, "Days restricted per seat per year")]
        : chart((s) => s.warningsPerSeatYear, "Warnings per seat per year"),
    table: { data: table, columns },
    csv: {
      filename: "floor-grid.csv",
      table: rows.map((r) => ({
        responseRate: r.responseRate,
        sendsPerWorkingDay: r.sendsPerDay,
        contractSeats: n,
        realisedResponseRate: r.seat.realisedRate,
        inmailsPerSeatMonth: r.seat.inmails.mean,
        conversationsPerSeatMonth: r.seat.conversations.mean,
        warningsPerSeatYear: r.seat.warningsPerSeatYear,
        restrictionsPerSeatYear: r.seat.restrictionsPerSeatYear,
        daysRestrictedPerSeatYear: r.seat.daysRestrictedPerSeatYear,
      })),
    },
  };
}

function assumptionsSection(results: RecruitingTeamResults): PageSection {
  const p = results.params;
  const lite = singleOf(results, "recruiter-lite");
  return {
    heading: "Assumptions and sources",
    detailsSummary: "Plans, seats, response rate, assumptions, prices and how seats are counted",
    details: [
      `Plans: Recruiter Lite grants ${f0(plans["recruiter-lite"].creditsPerMonth)} credits a month per seat (cap ${f0(plans["recruiter-lite"].capMultiplier)}×, ${f0(plans["recruiter-lite"].creditLifetimeDays)}-day credit life; LinkedIn help). ` +
        `A Recruiter contract grants ${f0(p.recruiterCreditsPerSeat)} credits per seat a month into one pool shared by its seats (LinkedIn's figure of ${f0(plans.recruiter.creditsPerMonth)} is from 2014; contracts are negotiated), cap ${f0(plans.recruiter.capMultiplier)}×. ` +
        `Under the ${p.policy} policy ${p.policy === "linkedin" ? `accepted, replied and declined InMails refund their credit within ${f0(policies.linkedin.refundWindowDays)} days, and unused credits roll over to the cap` : "accepted and replied InMails refund their credit and the balance resets each month"}.`,
      `Seats follow the recruiter persona (assumed): Monday to Friday, ${f0(persona.calendar.startHour)}:00–${f0(persona.calendar.endHour)}:00, ${n1(p.sendsPerWorkingDay)} InMails per working day on average, at most ${f0(persona.maxSendsPerDay)} a day, ${f0(p.demandPerSeat)} candidates a month, each contacted once; ` +
        `subscriptions start at staggered days of the month. The response rate you give is what the simulation produces on average (measured: ${pct(lite.realisedRate)} for Recruiter Lite at ${pct(p.responseRate)}): ` +
        `the scenario's message (${f0(results.message.bodyChars)} characters${results.message.levers.map((l) => `, ${leverNames[l] ?? l}`).join("")}: ×${f2(results.messageMultiplier)}) and the Friday dip (×${f2(results.timingMultiplier)} on average) are divided out of the audience's rate.`,
      `Labelled assumptions in force: ${results.assumptions.join("; ")}. The response delay is lognormal with a median of ${n1(results.delayMedianDays)} days (assumed: LinkedIn publishes none). ` +
        `The response-rate floor counts accepted, replied and declined InMails, not spam reports, received by the check day. Warnings and restrictions change nothing else: a restricted seat keeps sending up to ${f0(recruiterFloor.restrictedSendsPerDay)} InMails a day.`,
      `Prices a seat a month: ${teamPlanIds.map((id) => `${plans[id].name} ${usd(p.prices[id])} (${p.illustrativePrices[id] ? "illustrative, low confidence" : "yours"})`).join(", ")}. ` +
        `Team costs are seats × price; discounts, annual billing and contract terms are not modelled.`,
      `Seat counts come from simulating whole teams: the search tries sizes until it finds one that meets the target and one seat fewer that does not${results.sizing.some((s) => s.team === null) ? " (or gives up after a few passes, shown as “more than”)" : ""}. ` +
        `One more seat adds about ${f1(lite.conversations.mean)} conversations a month to a Recruiter Lite team and ${f1(singleOf(results, "recruiter").conversations.mean)} to a Recruiter contract, so a seat count near a boundary can move by one with another seed.`,
    ].join("\n\n"),
  };
}
