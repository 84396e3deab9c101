/**
 * A send log's replay as the explorer's "your log" panel shows it, from the report of
 * `commands/replay.ts --json` (logs/replay-report.ts): the answer first — the log's
 * observed response rate, its conversations, the credits lost and held on the plan it
 * was sent on and what a conversation cost — then that plan's credits, the log's own
 * rates with the planner's inputs they give, and the same log on every plan side by side.
 * Words as in the glossary; units in every label.
 */
import { numberFormatter } from "../../../reports/number-format.ts";
import { plans, type PlanId } from "../../../models/plans.ts";
import type { ReplayReport } from "../../../logs/replay-report.ts";
import { dateReadingText } from "../../../logs/log-dates.ts";
import { zonedTimeText } from "../../../logs/log-time-text.ts";
import { el, type Child } from "./dom.ts";

const count = numberFormatter({ digits: 0 });
const count1 = numberFormatter({ digits: 1 });
const two = numberFormatter({ digits: 2 });
const usd = numberFormatter({ currency: "USD" });
/** Rates to a tenth of a percent, as the command's text prints them. */
export const rate = numberFormatter({ percent: true, digits: 1 });

const rulesName = (policy: string) => (policy === "linkedin" ? "LinkedIn's rules" : "the guide's rules");
const planName = (plan: string) => plans[plan as PlanId]?.name ?? plan;
type WhatIfRow = ReplayReport["whatIf"][number];

function tile(what: string, value: string, detail: string, name: string): HTMLElement {
  return el("li", { "data-log-figure": name }, el("span", { class: "label" }, what), el("span", { class: "value" }, value), el("span", { class: "note" }, detail));
}

/** The row of the plan the log was sent on, under the policy replayed. */
const ownRow = (r: ReplayReport): WhatIfRow | undefined => r.whatIf.find((w) => w.plan === r.params.plan && w.policy === r.params.policy);

/** The answer: what the log holds, in one sentence, and its headline numbers. */
export function logAnswer(r: ReplayReport): HTMLElement {
  const l = r.log;
  const o = r.observed;
  const p = r.params;
  const t = r.replay?.totals;
  const own = ownRow(r);
  const dates = dateReadingText(l.dates);
  const sentence =
    `${l.file}: ${count(l.rows)} rows (${count(l.byChannel.inmail)} InMails using credit), ${count(l.accounts)} ${l.accounts === 1 ? "seat" : "seats"}, ` +
    `${l.firstSentAt.slice(0, 10)} to ${l.end.slice(0, 10)} (end, exclusive)` +
    (p.plan === null ? ", no plan known: every plan side by side below." : `, replayed on ${planName(p.plan)} with ${rulesName(p.policy)}.`);
  const onPlan = p.plan === null ? "choose the plan the log was sent on" : `on ${planName(p.plan)}, all seats`;
  const windowNote = o.windowsOpen ? `of all ${count(o.inmails)} InMails (no 30-day window ended yet)` : `of the ${count(o.inmailsWithWindowClosed)} InMails whose 30 days had ended`;
  return el(
    "div",
    { id: "log-answer" },
    el("p", { class: "answer-text", "data-log-answer": "sentence" }, sentence),
    dates === undefined ? null : el("p", { class: "muted" }, `The ${dates}.`),
    el(
      "ul",
      { class: "answer" },
      tile("observed response rate", rate(o.responseRate), `95% CI ${rate(o.responseRateCi95[0])} – ${rate(o.responseRateCi95[1])}, ${windowNote}`, "response-rate"),
      tile("conversations (accepted or replied)", count(o.conversations), `${two(o.conversationsPerSeatPerWorkingDay)} per seat per working day`, "conversations"),
      tile("credits lost (expired or forfeited)", t ? count(t.lost) : "n/a", t ? `expired ${count(t.expired)}, forfeited ${count(t.forfeited)}; ${onPlan}` : onPlan, "credits-lost"),
      tile("credits held at the end", t ? count(t.held) : "n/a", onPlan, "credits-held"),
      own
        ? tile(
            "USD per conversation",
            own.costPerConversationUsd === null ? "n/a" : usd(own.costPerConversationUsd),
            `${count(l.accounts)} × ${own.months} months × ${usd(own.priceUsdPerSeatPerMonth)} a seat${own.illustrativePrice ? " (illustrative price)" : ""}`,
            "cost-per-conversation",
          )
        : null,
    ),
  );
}

/** The credits of the plan the log was sent on: granted, used, refunded, lost and held; whether they held the log back. */
export function creditsSection(r: ReplayReport): HTMLElement | null {
  const rp = r.replay;
  const p = r.params;
  if (rp === null || p.plan === null) return null;
  const t = rp.totals;
  const c = rp.creditLimits;
  const plan = plans[p.plan as PlanId];
  const rows: [string, number][] = [
    ...(t.opening > 0 ? ([["opening balance, all seats", t.opening]] as [string, number][]) : []),
    ["granted", t.granted],
    ["used (one per InMail delivered)", t.spent],
    ["refunded (answered in time)", t.refunded],
    ["lost: expired", t.expired],
    ["lost: forfeited", t.forfeited],
    ["held at the end", t.held],
  ];
  const need = rp.openingBalanceNeeded;
  const first = rp.firstUnsendableAt === null ? "" : ` (the first ${zonedTimeText(Date.parse(rp.firstUnsendableAt), p.timezone)})`;
  const unsendable =
    t.unsendable === 0
      ? `Every logged InMail (${count(t.inmails)}) could have been sent on these credits.`
      : `The log sends ${count(t.unsendable)} more InMails than ${count(p.openingBalance)} opening credits a seat and the plan's grants allow${first}` +
        (p.openingBalanceAuto || need === undefined
          ? "."
          : need.least !== null
            ? `: the seats probably held credits at the start — set the opening balance (auto finds ${count(need.least)}).`
            : ": no opening balance covers them all; the log was probably sent on a plan with more credits.");
  return el(
    "section",
    { id: "log-credits" },
    el("h3", {}, `Credits on ${plan?.name ?? p.plan}, all seats`),
    el(
      "p",
      {},
      `${rp.grants.length} grants a seat of ${plan?.creditsPerMonth ?? "?"} credits, ${rp.grants[0]?.slice(0, 10) ?? "none"} to ${rp.grants.at(-1)?.slice(0, 10) ?? "none"}; ` +
        (p.openingBalanceAuto
          ? `opening balance ${count(p.openingBalance)} credits a seat (auto: the least that makes every logged InMail sendable).`
          : `opening balance ${count(p.openingBalance)} credits a seat.`),
    ),
    el(
      "div",
      { class: "table-wrap" },
      el(
        "table",
        {},
        el("thead", {}, el("tr", {}, el("th", {}, "credits"), el("th", { class: "num" }, "count"))),
        el("tbody", {}, ...rows.map(([what, n]) => el("tr", {}, el("td", {}, what), el("td", { class: "num" }, count(n))))),
      ),
    ),
    el(
      "p",
      {},
      c.seatDaysWithoutCredits > 0
        ? `Limited by credits: the seats held none on ${rate(c.shareWithoutCredits)} of seat-days (${count1(c.seatDaysWithoutCredits)} of ${count1(c.seatDays)}); ` +
            `at the ${two(c.sendsPerSeatPerDayWithCredits)} InMails a seat sent per day while holding credits, about ${count(c.deferredInMails)} InMails were probably deferred.`
        : "Not limited by credits: the seats always held some.",
    ),
    el("p", {}, unsendable),
  );
}

/** The log's own rates, and the planner's inputs they give; `fill` is the button that puts them in the planner. */
export function observedSection(r: ReplayReport, fill: HTMLElement, changes: HTMLElement): HTMLElement {
  const o = r.observed;
  const limited = (r.replay?.creditLimits.seatDaysWithoutCredits ?? 0) > 0;
  return el(
    "section",
    { id: "log-observed" },
    el("h3", {}, "Your log's rates"),
    el(
      "p",
      {},
      `Response rate ${rate(o.responseRate)} (accepted, replied or declined within ${o.responseWindowDays} days, LinkedIn's definition); ` +
        `positive share ${rate(o.positiveShare)} (95% CI ${rate(o.positiveShareCi95[0])} – ${rate(o.positiveShareCi95[1])}); ` +
        `per seat per working day (Monday to Friday, ${count(o.workingDays)} days): ${two(o.inmailsPerSeatPerWorkingDay)} InMails, ${two(o.conversationsPerSeatPerWorkingDay)} conversations.`,
    ),
    limited ? el("p", { class: "muted" }, "The log was limited by credits: its sends are what the credits allowed, a floor of the demand.") : null,
    el("p", {}, "The planner with these numbers:"),
    el("pre", {}, el("code", { "data-log-team-command": "" }, o.teamCommand)),
    o.teamCommandNote === "" ? null : el("p", { class: "muted" }, `${o.teamCommandNote[0]!.toUpperCase()}${o.teamCommandNote.slice(1)}.`),
    el("p", {}, fill),
    changes,
  );
}

function planRows(rows: readonly WhatIfRow[], own: string | null): HTMLElement {
  const head = ["plan", "credits a month", "sent", "refused", "conversations", "credits lost", "credits held at the end", "USD a seat a month", "USD per conversation"];
  const num = (text: string) => el("td", { class: "num" }, text);
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, ...head.map((h, i) => el("th", i === 0 ? {} : { class: "num" }, h)))),
      el(
        "tbody",
        {},
        ...rows.map((w) =>
          el(
            "tr",
            { "data-plan": w.plan, "data-policy": w.policy },
            el("td", {}, planName(w.plan), w.plan === own ? " (the log's)" : "", w.illustrativePrice ? " *" : ""),
            num(count(w.credits)),
            num(count(w.sent)),
            num(count(w.unsendable)),
            num(count(w.conversations)),
            num(count(w.lost)),
            num(count(w.held)),
            num(usd(w.priceUsdPerSeatPerMonth)),
            num(w.costPerConversationUsd === null ? "n/a" : usd(w.costPerConversationUsd)),
          ),
        ),
      ),
    ),
  );
}

/** The same log on every plan, under the rules replayed; the other rules folded beneath. */
export function plansSection(r: ReplayReport): HTMLElement {
  const policy = r.params.policy;
  const other = r.whatIf.find((w) => w.policy !== policy)?.policy;
  const illustrative = r.params.illustrativePrices.length > 0;
  return el(
    "section",
    { id: "log-plans" },
    el("h3", {}, `The same log on every plan, ${rulesName(policy)}`),
    el(
      "p",
      {},
      "All seats, the whole log: InMails a plan's credits could not have covered are refused; lost credits expired or were forfeited. The JSON holds every plan's credits granted, used and refunded.",
    ),
    planRows(
      r.whatIf.filter((w) => w.policy === policy),
      r.params.plan,
    ),
    other === undefined
      ? null
      : el(
          "details",
          {},
          el("summary", {}, `Under ${rulesName(other)}`),
          planRows(
            r.whatIf.filter((w) => w.policy === other),
            r.params.plan,
          ),
        ),
    illustrative ? el("p", { class: "muted" }, "* built-in illustrative price (low confidence: LinkedIn publishes none); the command sets yours with --set price.PLAN=USD.") : null,
  );
}

/** Where the replay's JSON comes from: the command that prints it, and the download. */
export function reproduceSection(command: string, download: HTMLElement): HTMLElement {
  return el(
    "section",
    { id: "log-reproduce" },
    el("h3", {}, "Reproduce and download"),
    el("p", {}, 'In the project\'s folder, with the file there, this command prints exactly the JSON the button saves (another path to the file changes only its "file" field):'),
    el("pre", {}, el("code", { "data-log-command": "" }, command)),
    el("p", {}, download),
  );
}

/** The list of planner inputs a click changed (or left as they were). */
export function changesList(changes: readonly { name: string; before: string; after: string }[], missing: readonly string[]): Child[] {
  if (changes.length === 0 && missing.length === 0) return [];
  return [
    el("p", {}, "The planner's inputs, from your log (marked in the form):"),
    el("ul", { class: "log-changes" }, ...changes.map((c) => el("li", {}, el("code", {}, c.name), c.before === c.after ? `: ${c.after} (unchanged)` : `: ${c.before} → ${c.after}`))),
    missing.length > 0 ? el("p", { class: "muted" }, `Not in this planner: ${missing.join(", ")}.`) : null,
  ];
}
