/**
 * The message-levers report as a page: every sentence is written from the computed
 * numbers, every lever size is labelled LinkedIn's or ASSUMED, every figure and
 * table ships its data as a CSV.
 */
import { lengthBands, lengthMultiplier, offPeakHours, weekdayMultipliers } from "../../models/index.ts";
import { groupedBars, tornado, type Answer, type GroupedBarRow, type Page, type PageSection, type Provenance, type TornadoRow } from "../../reports/index.ts";
import { planName } from "../../models/plan-name.ts";
import { ci, estimateCell, f0, f1, f2, n1, pct, pct1, signed } from "../../reports/number-format.ts";
import { list } from "../../reports/word-list.ts";
import {
  CYCLES,
  longBodyChars,
  offPeakSendingHours,
  personaOf,
  scenarioOf,
  segmentOf,
  shortBodyChars,
  type LeverKey,
  type LeverRow,
  type MessageLeversResults,
  type SettingResult,
} from "./compute.ts";

const weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const weekdayShort = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const leverNames: Record<LeverKey, string> = {
  length: `Length ${f0(shortBodyChars)} vs ${n1(longBodyChars)} characters`,
  specificSubject: "Specific subject line",
  mutualGround: "Mutual ground",
  clearCallToAction: "Clear call to action",
  personalised: "Personalised",
  openToWorkTarget: "Open to Work members targeted",
  weekday: "Weekday effect",
  offPeak: `Off-peak sending (${offPeakSendingHours.start}:00–${offPeakSendingHours.end}:00)`,
};
const times = (m: number) => `×${f2(m)}`;
/** LinkedIn's multipliers of the length row's short and long messages (against the average InMail, not the base). */
const shortMultiplier = lengthMultiplier(shortBodyChars);
const longMultiplier = lengthMultiplier(longBodyChars);
/** Whose a lever's size is, for sentences. */
const whoseSize = (l: LeverRow) => (l.assumption ? "its size assumed" : "LinkedIn's figure");
/** "×1.20 ASSUMED" or "×1.22 / ×0.89 LinkedIn": the size and whose it is. */
function sizeText(l: LeverRow): string {
  const whose = l.assumption ? "ASSUMED" : "LinkedIn";
  if (l.key === "length") return `${times(shortMultiplier)} / ${times(longMultiplier)} ${whose}`;
  if (l.key === "weekday") return `Fri ×${f2(weekdayMultipliers[5]!)}, Sat ×${f2(weekdayMultipliers[6]!)} ${whose}`;
  return `${times(l.multipliers.high)} ${whose}`;
}
const leverLabel = (l: LeverRow) => `${leverNames[l.key]}: ${sizeText(l)}`;
const relative = (x: number, base: number) => `${signed(((x - base) / base) * 100, f1)}%`;
const dayList = (days: readonly number[]) => {
  const sorted = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  const key = sorted.join(",");
  if (key === "1,2,3,4,5") return "Monday to Friday";
  if (key === "1,2,3,4,5,6,0") return "every day";
  return list(sorted.map((d) => weekdayNames[d]!));
};

export function messageLeversPage(results: MessageLeversResults, provenance: Provenance): Page {
  const p = results.params;
  const persona = personaOf(p.persona);
  const segment = segmentOf(p.persona);
  return {
    title: p.title,
    answer: answer(results),
    guide:
      `Which message levers move conversations (an accepted or answered InMail) the most? ` +
      `The sender is ${persona.description}, on ${planName(results.plan)} (${f0(results.sender.credits)} credits a month), as in ${scenarioOf[p.persona].command} but InMail only, ` +
      `writing to ${segment.description.replace(/ \([^)]*\)$/, "")}. ` +
      `Each lever is switched on alone (or the message made short or long) against a plain ${f0(p.baseBodyChars)}-character base message with no lever and no timing effect; ` +
      `every setting is simulated with the same recipients answering the same way (common random numbers), so the differences are paired. ` +
      `Only the length bands and the weekday pattern come from LinkedIn's own studies; every other lever size is an ASSUMPTION, labelled so wherever it appears. ` +
      `Numbers are per account per month, means over ${f0(p.replications)} replications of ${f0(p.accounts)} accounts with 95% confidence intervals (CI).`,
    sections: [tornadoSection(results), lengthSection(results), weekdaySection(results), assumptionsSection(results)],
    provenance,
  };
}

/** The page's answer: the base, the lever that moves conversations most, and how much length matters. */
function answer(results: MessageLeversResults): Answer {
  const base = results.base.positives.mean;
  const span = (l: LeverRow) => Math.abs(l.high.positives.mean - (l.low ?? results.base).positives.mean);
  const top = [...results.levers].filter((l) => l.low === null).sort((x, y) => span(y) - span(x))[0]!;
  const length = results.levers.find((l) => l.key === "length")!;
  return {
    numbers: [
      { label: "Conversations a month, per account", value: f2(base), note: `the plain base message, ${f1(results.base.inmails.mean)} InMails a month` },
      {
        label: "Lever that moves them most",
        value: leverNames[top.key],
        note: `${signed(top.high.vsBase!.mean, f2)} a month (${relative(top.high.positives.mean, base)}), size ${top.assumption ? "ASSUMED" : "from LinkedIn"}`,
      },
      {
        label: "Short message vs long",
        value: `${f2(length.high.positives.mean / length.low!.positives.mean)}×`,
        note: `conversations a month, ${f0(shortBodyChars)} against ${n1(longBodyChars)} characters (LinkedIn's bands)`,
      },
    ],
  };
}

function tornadoSection(results: MessageLeversResults): PageSection {
  const p = results.params;
  const base = results.base;
  const b = base.positives.mean;
  const rows = results.levers;
  const span = (l: LeverRow) => Math.abs(l.high.positives.mean - (l.low ?? base).positives.mean);
  const ranked = [...rows].sort((x, y) => span(y) - span(x));
  const length = rows.find((l) => l.key === "length")!;
  const weekday = rows.find((l) => l.key === "weekday")!;
  const offPeak = rows.find((l) => l.key === "offPeak")!;
  const onOff = ranked.filter((l) => l.low === null);
  const top = onOff[0]!;
  const inmailChange = (s: SettingResult) => (s.inmails.mean - base.inmails.mean) / base.inmails.mean;
  const topRatio = top.high.positives.mean / b;
  const sender = results.sender;
  const worksOffPeak = sender.startHour >= offPeakHours.from || sender.endHour <= offPeakHours.before;
  const effectText = (l: LeverRow) => {
    const d = l.high.vsBase!;
    return `${signed(d.mean, f2)} (${relative(l.high.positives.mean, b)})`;
  };

  const text = [
    `Base: ${f2(b)} conversations a month (${ci(base.positives.ci95[0], base.positives.ci95[1], f2)}) from ${f1(base.inmails.mean)} InMails, ` +
      `at a response rate of ${pct(results.baseResponseRate)} for the base message (${p.responseRate === null ? `the ${segmentOf(p.persona).id} segment's, assumed` : "yours"}; ` +
      `${pct(results.audienceRate)} for a plain InMail once its length band is divided out) and ${pct(results.positiveShare)} of answers positive (the ${segmentOf(p.persona).id} segment's, assumed). ` +
      `The base message's ${f0(p.baseBodyChars)} characters put it in LinkedIn's ${bandName(p.baseBodyChars)} band.`,
    `Ranked by how far they move conversations a month: ${ranked
      .map((l) => (l.low === null ? `${leverNames[l.key]} ${effectText(l)}` : `${leverNames[l.key]} from ${f2(l.low.positives.mean)} (long) to ${f2(l.high.positives.mean)} (short)`))
      .join("; ")}. Each change is a paired difference from the base; every one's 95% CI is in the table.`,
    Math.abs(inmailChange(top.high)) < 0.005
      ? `The account sends ${f1(base.inmails.mean)} InMails a month whatever the message (its ${f0(sender.demandPerCycle)} contacts a month, not its credits, are the limit), so conversations move exactly with a lever's multiplier: ` +
        `${leverNames[top.key]} (${times(top.multipliers.high)}) gives ${f2(topRatio)} times the base.`
      : `A lever does more than its multiplier: ${leverNames[top.key]} (${whoseSize(top)}) multiplies the answer rate by ${f2(top.multipliers.high)} but conversations by ${f2(topRatio)}, ` +
        `because every answered InMail refunds its credit and the refund pays for another InMail: the account sends ${f1(top.high.inmails.mean)} InMails a month instead of ${f1(base.inmails.mean)} (${relative(top.high.inmails.mean, base.inmails.mean)}). ` +
        `Credits, not the wish to reach people, limit this sender, so a better message also buys more outreach (the guide's "your success rate dictates your outreach capacity").`,
    `Length (LinkedIn's bands): a ${f0(shortBodyChars)}-character message (${times(shortMultiplier)}) instead of a ${n1(longBodyChars)}-character one (${times(longMultiplier)}) gives ${f2(length.high.positives.mean / length.low!.positives.mean)} times the conversations a month; ` +
      `per InMail the ratio is ${f2(length.high.perInmail.mean / length.low!.perInmail.mean)} (${f2(shortMultiplier)} ÷ ${f2(longMultiplier)} = ${f2(shortMultiplier / longMultiplier)}). ` +
      `Against the base (×${f2(results.baseMultiplier)}): ${relative(length.high.positives.mean, b)} short, ${relative(length.low!.positives.mean, b)} long.`,
    `Timing: the weekday effect ${Math.abs(weekday.high.vsBase!.mean) < 0.005 * b ? "changes almost nothing here" : `costs ${f2(-weekday.high.vsBase!.mean)} a month (${relative(weekday.high.positives.mean, b)})`}: ` +
      `this sender works ${dayList(sender.weekdays)}, so ${sender.weekdays.includes(6) ? `Friday's ${times(weekdayMultipliers[5]!)} and Saturday's ${times(weekdayMultipliers[6]!)} apply` : sender.weekdays.includes(5) ? `only Friday's ${times(weekdayMultipliers[5]!)} applies, to a fifth of its InMails` : "neither Friday's nor Saturday's dip applies"} (the day-of-week figure below shows every weekday). ` +
      (worksOffPeak
        ? `It already works off-peak (${sender.startHour}:00–${sender.endHour}:00), so the off-peak row only switches the assumed ${times(offPeak.multipliers.high)} on: ${effectText(offPeak)}.`
        : `It works ${sender.startHour}:00–${sender.endHour}:00; moving its hours to ${offPeakSendingHours.start}:00–${offPeakSendingHours.end}:00 with the assumed off-peak ${times(offPeak.multipliers.high)} gives ${effectText(offPeak)}.`),
    `In the figure each bar runs from the base to the value with the lever on (blue) or, for length, with the long message (orange); levers that can only be switched on have one bar. ` +
      `Every size marked ASSUMED is the model's guess: the guide (G11) or LinkedIn's 2022 study documents the direction only. Levers are shown one at a time; together they multiply.`,
  ];

  const tornadoRows: TornadoRow[] = rows.map((l) => ({ lever: leverLabel(l), low: (l.low ?? base).positives.mean, high: l.high.positives.mean, base: b }));
  const settingName = (l: LeverRow, which: "low" | "high") => (l.key === "length" ? `Length: ${n1(which === "low" ? longBodyChars : shortBodyChars)} characters` : leverNames[l.key]);
  const diffCell = (e: { mean: number; ci95: [number, number] }) => `${signed(e.mean, f2)} (${signed(e.ci95[0], f2)} to ${signed(e.ci95[1], f2)})`;
  const tableRows = [
    { lever: `Base: ${f0(p.baseBodyChars)} characters, no lever`, size: `×${f2(results.baseMultiplier)} LinkedIn`, positives: estimateCell(base.positives, f2), diff: "", inmails: base.inmails.mean },
    ...ranked.flatMap((l) =>
      (l.low ? (["high", "low"] as const) : (["high"] as const)).map((which) => {
        const s = l[which]!;
        return {
          lever: settingName(l, which),
          size: l.key === "length" ? `${times(which === "low" ? longMultiplier : shortMultiplier)} LinkedIn` : sizeText(l),
          positives: estimateCell(s.positives, f2),
          diff: diffCell(s.vsBase!),
          inmails: s.inmails.mean,
        };
      }),
    ),
  ];
  const csv = [
    { lever: "base", setting: `bodyChars=${p.baseBodyChars}`, multiplier: results.baseMultiplier, source: "", assumption: false, ...settingCsv(base) },
    ...rows.flatMap((l) =>
      (l.low ? (["low", "high"] as const) : (["high"] as const)).map((which) => ({
        lever: l.key,
        setting: Object.entries(l[which]!.overrides)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(" "),
        multiplier: which === "low" ? l.multipliers.low : l.multipliers.high,
        source: l.source,
        assumption: l.assumption,
        ...settingCsv(l[which]!),
      })),
    ),
  ];
  return {
    heading: "Which lever moves conversations the most",
    text: [text[0]!, text[1]!, text[text.length - 1]!].join("\n\n"),
    details: text.slice(2, -1).join("\n\n"),
    detailsSummary: "Why the top lever does more than its multiplier; length and timing",
    figure: tornado(tornadoRows, {
      xLabel: "Conversations per account per month",
      lowLabel: `Long message (${n1(longBodyChars)} characters)`,
      highLabel: `Lever on (length: ${f0(shortBodyChars)} characters)`,
      width: 720,
      digits: 2,
    }),
    table: {
      data: tableRows,
      columns: {
        lever: { label: "Setting" },
        size: { label: "Size" },
        positives: { label: "Conversations / month" },
        diff: { label: "Δ vs base, paired" },
        inmails: { label: "InMails / month", digits: 1 },
      },
    },
    csv: { filename: "lever-settings.csv", table: csv },
  };
}

function settingCsv(s: SettingResult) {
  return {
    inmailsPerMonth: s.inmails.mean,
    positivesPerMonth: s.positives.mean,
    positivesLo: s.positives.ci95[0],
    positivesHi: s.positives.ci95[1],
    positivesPerInmail: s.perInmail.mean,
    vsBase: s.vsBase?.mean ?? null,
    vsBaseLo: s.vsBase?.ci95[0] ?? null,
    vsBaseHi: s.vsBase?.ci95[1] ?? null,
  };
}

/** LinkedIn's length band of a body of `chars` characters: "up to 400 characters", "401–800 characters", "over 1,200 characters". */
function bandName(chars: number): string {
  const i = lengthBands.findIndex((b) => chars <= b.maxChars);
  const band = lengthBands[i]!;
  if (i === 0) return `up to ${f0(band.maxChars)} characters`;
  const from = lengthBands[i - 1]!.maxChars;
  return Number.isFinite(band.maxChars) ? `${f0(from + 1)}–${f0(band.maxChars)} characters` : `over ${f0(from)} characters`;
}

const simulated = "Simulated";
const expected = "LinkedIn's multiplier × plain rate";

function lengthSection(results: MessageLeversResults): PageSection {
  const bands = results.bands;
  const rows: GroupedBarRow[] = bands.flatMap((b) => [
    { group: bandName(b.bodyChars).replace(" characters", ""), series: simulated, value: b.setting.perInmail.mean, lo: b.setting.perInmail.ci95[0], hi: b.setting.perInmail.ci95[1] },
    { group: bandName(b.bodyChars).replace(" characters", ""), series: expected, value: b.expectedPerInmail },
  ]);
  const worst = Math.max(...bands.map((b) => Math.abs(b.setting.perInmail.mean - b.expectedPerInmail) / b.expectedPerInmail));
  const first = bands[0]!;
  const last = bands[bands.length - 1]!;
  const text = [
    `Conversations per InMail delivered, with one message length inside each of LinkedIn's four bands (${list(bands.map((b) => `${n1(b.bodyChars)} characters`))}), nothing else changed. ` +
      `LinkedIn's 2022 recruiter study gives ${list(lengthBands.map((b) => times(b.multiplier)))} against the average InMail; the simulation gives ${list(bands.map((b) => pct1(b.setting.perInmail.mean)))}, ` +
      `${worst < 0.02 ? `within ${f1(Math.max(worst * 100, 0.1))}% of` : `up to ${f1(worst * 100)}% from`} what the multipliers imply (yellow bars). ` +
      `The shortest band gets ${f2(first.setting.perInmail.mean / last.setting.perInmail.mean)} times the replies per InMail of the longest, ` +
      `and ${f2(first.setting.positives.mean / last.setting.positives.mean)} times the conversations a month (${f2(first.setting.positives.mean)} against ${f2(last.setting.positives.mean)}).`,
    ...(worst >= 0.01 ? [`Answers still on their way when the ${f0(CYCLES)} simulated months end are not counted, which puts the simulated rates a little under the implied ones.`] : []),
  ].join("\n\n");
  return {
    heading: "Message length: LinkedIn's bands",
    layout: "beside",
    text,
    figure: groupedBars(rows, { yLabel: "Conversations per InMail (%)", xLabel: "Body length (characters)", percent: true }),
    csv: {
      filename: "length-bands.csv",
      table: bands.map((b) => ({
        bandUpToChars: Number.isFinite(b.maxChars) ? b.maxChars : null,
        bodyChars: b.bodyChars,
        multiplier: b.multiplier,
        positivesPerInmail: b.setting.perInmail.mean,
        positivesPerInmailLo: b.setting.perInmail.ci95[0],
        positivesPerInmailHi: b.setting.perInmail.ci95[1],
        expectedPerInmail: b.expectedPerInmail,
        positivesPerMonth: b.setting.positives.mean,
        inmailsPerMonth: b.setting.inmails.mean,
      })),
    },
  };
}

function weekdaySection(results: MessageLeversResults): PageSection {
  const days = results.weekdays;
  const rows: GroupedBarRow[] = days.flatMap((d) => [
    { group: weekdayShort[d.weekday]!, series: simulated, value: d.perInmail.mean, lo: d.perInmail.ci95[0], hi: d.perInmail.ci95[1] },
    { group: weekdayShort[d.weekday]!, series: expected, value: d.expectedPerInmail },
  ]);
  const midweek = days.filter((d) => [2, 3, 4].includes(d.weekday));
  const midRate = midweek.reduce((s, d) => s + d.positives, 0) / midweek.reduce((s, d) => s + d.inmails, 0);
  const day = (wd: number) => days.find((d) => d.weekday === wd)!;
  const vsMid = (wd: number) => relative(day(wd).positives / day(wd).inmails, midRate);
  const best = [...days].sort((a, b) => b.perInmail.mean - a.perInmail.mean)[0]!;
  const perDay = days.map((d) => d.inmails);
  // Friday, Saturday and Monday by name, the remaining days together when they share one multiplier.
  const dayMultiplier = (d: number) => `${weekdayNames[d]} ${times(weekdayMultipliers[d]!)}`;
  const others = [0, 2, 3, 4];
  const sameOthers = others.every((d) => weekdayMultipliers[d] === weekdayMultipliers[others[0]!]);
  const dayMultipliers = [5, 6, 1]
    .map(dayMultiplier)
    .concat(sameOthers ? [`the rest ${times(weekdayMultipliers[others[0]!]!)}`] : others.map(dayMultiplier))
    .join(", ");
  const text = [
    `Conversations per InMail by the weekday it was sent, from every InMail of ${f0(results.weekdayAccounts)} traced accounts (${f0(Math.min(...perDay))} to ${f0(Math.max(...perDay))} InMails per weekday) ` +
      `sending every day for this figure only, with LinkedIn's weekday pattern on: ${dayMultipliers}.`,
    `Against Tuesday to Thursday (${pct1(midRate)}), Friday's InMails get ${vsMid(5)} and Saturday's ${vsMid(6)}; ${weekdayNames[best.weekday]} is the best day (${pct1(best.perInmail.mean)}). ` +
      `LinkedIn's 2022 study reports Friday and Saturday lowest and the other days within about 1% of each other; an older LinkedIn figure puts Saturday at −16%. ` +
      `The Friday and Saturday sizes in the model are interpolated between those reports (medium confidence).`,
    `Blue bars show the simulated rate with its 95% CI across replications; yellow bars the rate the multipliers imply.`,
  ].join("\n\n");
  return {
    heading: "Day of the week",
    layout: "beside",
    text,
    figure: groupedBars(rows, { yLabel: "Conversations per InMail (%)", xLabel: "Weekday of sending (sender's local time)", percent: true }),
    csv: {
      filename: "weekday-effect.csv",
      table: days.map((d) => ({
        weekday: weekdayNames[d.weekday]!,
        multiplier: d.multiplier,
        inmails: d.inmails,
        positives: d.positives,
        positivesPerInmail: d.perInmail.mean,
        positivesPerInmailLo: d.perInmail.ci95[0],
        positivesPerInmailHi: d.perInmail.ci95[1],
        expectedPerInmail: d.expectedPerInmail,
      })),
    },
  };
}

function assumptionsSection(results: MessageLeversResults): PageSection {
  const p = results.params;
  const sizes = results.levers.map((l) => `${leverNames[l.key]} ${sizeText(l)} (${l.source})`);
  return {
    heading: "Assumptions and sources",
    detailsSummary: "Sender, audience, lever sizes and sources",
    details: [
      `Lever sizes: ${sizes.join("; ")}. ASSUMED means the direction is documented and the size is the model's guess; change the guess and the ranking can change.`,
      `A lever multiplies the share of recipients who answer (accepted, replied or declined); ${pct(results.positiveShare)} of answers are positive and ${pct(results.spamRate)} of recipients report spam whatever the message (segment figures, assumed). ` +
        `Timing effects use the sender's local clock as a stand-in for the recipient's. Off-peak means before ${offPeakHours.before}:00 or from ${offPeakHours.from}:00 (assumed).`,
      `The sender: ${f0(personaOf(p.persona).sendsPerDay)} InMails per working day while it has credits, at most ${f0(personaOf(p.persona).maxSendsPerDay)} a day and ${f0(results.sender.demandPerCycle)} people a month, ` +
        `${dayList(results.sender.weekdays)} ${results.sender.startHour}:00–${results.sender.endHour}:00 (persona, assumed); ${p.policy} credit policy; no connection requests.`,
      `Labelled assumptions in force: ${results.assumptions.join("; ")}.`,
    ].join("\n\n"),
  };
}
