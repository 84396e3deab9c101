/**
 * Replays a real send log through a plan's credit rules (trace-driven: the log's sends
 * and responses, the plan's credits), then the same log on every other plan under both
 * policies, side by side.
 *
 *   npx tsx scenarios/replay.ts --log FILE --plan PLAN [--policy guide|linkedin] [--json] [--skip-bad] ...
 */
import { formatDate, formatIso, DAY_MS } from "../models/iso-time.ts";
import { replayPlan, whatIf, type BillingCycle } from "../models/plan-replay.ts";
import { plans, type PlanId } from "../models/plans.ts";
import type { PolicyId, RefundAging } from "../models/policy.ts";
import type { ReplayResult, ReplayTotals } from "../models/replay.ts";
import { channels, type BadRow, type SendLog } from "../models/send-log.ts";
import {
  helpText,
  isMain,
  loadLog,
  logOptions,
  logSwitches,
  parseOptions,
  replaySettings,
  resolvePlan,
  resolveWindow,
  runCommand,
  type CommandSpec,
} from "./log-cli.ts";

export const replaySpec: CommandSpec = {
  command: "scenarios/replay.ts",
  usage: "npx tsx scenarios/replay.ts --log FILE [--plan PLAN] [--policy guide|linkedin] [--json] [--skip-bad] [options]",
  description:
    "Replays a send log through a plan's credit rules: balance over time, grants, spends, refunds, expiries, forfeits, " +
    "time without credits, and the InMails that plan could not have sent (and when); then the same log on every plan " +
    "under both policies. Open-profile and connection rows use no credit. A response still pending at the end refunds nothing.",
  options: logOptions,
  switches: logSwitches,
};

export interface ReplaySettingsResolved {
  readonly plan: PlanId;
  readonly policy: PolicyId;
  readonly refundAging: RefundAging;
  readonly billingCycle: BillingCycle;
  readonly anchorMs: number;
  readonly endMs: number;
}

/** What the log holds, for the JSON and the report. */
export function logSummary(log: SendLog, endMs: number) {
  const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as Record<(typeof channels)[number], number>;
  for (let i = 0; i < log.rows; i++) byChannel[channels[log.channel[i]!]!]++;
  return {
    file: log.file,
    rows: log.rows,
    skipped: log.skipped.length,
    accounts: log.accounts.length,
    byChannel,
    columns: log.columns,
    ignoredColumns: log.ignoredColumns,
    firstSentAt: formatIso(log.firstSentAtMs),
    lastTimestamp: formatIso(log.lastTimestampMs),
    end: formatIso(endMs),
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

/** The replay on the chosen plan and the what-if table, as plain JSON-ready data. */
export function runReplay(log: SendLog, s: ReplaySettingsResolved) {
  const common = { anchorMs: s.anchorMs, endMs: s.endMs, refundAging: s.refundAging, billingCycle: s.billingCycle };
  const r = replayPlan(log, s.plan, s.policy, common);
  const table = whatIf(log, common);
  return {
    scenario: "replay" as const,
    log: logSummary(log, s.endMs),
    params: {
      plan: s.plan,
      policy: s.policy,
      refundAging: s.refundAging,
      billingCycle: s.billingCycle,
      anchor: formatIso(s.anchorMs),
      end: formatIso(s.endMs),
    },
    replay: {
      totals: r.totals,
      grants: r.grantTimesMs.map(formatIso),
      firstUnsendableAt: Number.isNaN(r.firstUnsendableMs) ? null : formatIso(r.firstUnsendableMs),
      unsendable: [...r.unsendableRows].map((i) => ({
        line: log.line[i]!,
        account: log.accounts[log.account[i]!]!,
        sentAt: formatIso(log.sentAtMs[i]!),
      })),
      accounts: r.accounts.map(({ firstUnsendableMs, ...a }) => ({
        ...a,
        firstUnsendableAt: Number.isNaN(firstUnsendableMs) ? null : formatIso(firstUnsendableMs),
      })),
      daily: dailyRows(r),
    },
    whatIf: table.map(({ result, firstUnsendableMs, ...row }) => ({
      ...row,
      firstUnsendableAt: Number.isNaN(firstUnsendableMs) ? null : formatIso(firstUnsendableMs),
      daily: dailyRows(result).map(({ date, day, balance, granted, expired, forfeited }) => ({ date, day, balance, granted, expired, forfeited })),
    })),
    skipped: log.skipped as readonly BadRow[],
  };
}

export type ReplayReport = ReturnType<typeof runReplay>;

const int = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 0 });
const one = (x: number) => x.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: (i: number) => boolean): string[] {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `  ${r.map((c, i) => (numeric(i) ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join("  ")}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function creditsLine(t: ReplayTotals): string {
  return `granted ${int(t.granted)}, spent ${int(t.spent)}, refunded ${int(t.refunded)}, expired ${int(t.expired)}, forfeited ${int(t.forfeited)}, closing balance ${int(t.closingBalance)}`;
}

export function replayText(r: ReplayReport): string {
  const p = r.params;
  const t = r.replay.totals;
  const l = r.log;
  const spanDays = (Date.parse(l.end) - Date.parse(r.replay.grants[0] ?? l.end)) / DAY_MS;
  const free = channels.filter((c) => c !== "inmail" && l.byChannel[c] > 0).map((c) => `${int(l.byChannel[c])} ${c}`);
  const out = [
    `replay of ${l.file} on ${p.plan} (${plans[p.plan].name}), policy ${p.policy}`,
    `  log: ${int(l.rows)} rows (${int(l.byChannel.inmail)} InMails using credit${free.length ? `; free: ${free.join(", ")}` : ""}), ` +
      `${int(l.accounts)} ${l.accounts === 1 ? "account" : "accounts"}, ${l.firstSentAt.slice(0, 10)} to ${l.end.slice(0, 10)} (end, exclusive)` +
      (l.skipped ? `; ${int(l.skipped)} bad rows skipped` : ""),
    `  grants: ${r.replay.grants.length} per account of ${plans[p.plan].creditsPerMonth} credits, ${r.replay.grants[0]?.slice(0, 10) ?? "none"} to ${r.replay.grants.at(-1)?.slice(0, 10) ?? "none"}` +
      ` (${plans[p.plan].grantSchedule === "calendar-month" ? "at the anchor, then the 1st of each month, UTC" : p.billingCycle === "monthly" ? "monthly on the anchor's day" : "every 30 days from the anchor"})`,
    `  credits (all accounts): ${creditsLine(t)}`,
    `  time with no credits: ${one(t.zeroBalanceDays)} account-days` +
      (spanDays > 0 ? ` (${one((100 * t.zeroBalanceDays) / (spanDays * l.accounts))}% of the time)` : ""),
    `  InMails that could not have been sent: ${int(t.unsendable)} of ${int(t.inmails)}` +
      (r.replay.firstUnsendableAt ? ` (first ${r.replay.firstUnsendableAt})` : ""),
  ];
  if (r.replay.accounts.length > 1 && r.replay.accounts.length <= 20) {
    out.push("", "per account:");
    out.push(
      ...table(
        ["account", "InMails", "unsendable", "granted", "spent", "refunded", "expired", "forfeited", "closing", "no-credit days"],
        r.replay.accounts.map((a) => [
          a.account || "(none)",
          int(a.inmails),
          int(a.unsendable),
          int(a.granted),
          int(a.spent),
          int(a.refunded),
          int(a.expired),
          int(a.forfeited),
          int(a.closingBalance),
          one(a.zeroBalanceDays),
        ]),
        (i) => i > 0,
      ),
    );
  }
  if (r.replay.unsendable.length > 0) {
    const shown = r.replay.unsendable.slice(0, 10);
    out.push("", `InMails that could not have been sent${t.unsendable > shown.length ? ` (first ${shown.length} of ${int(t.unsendable)}; all with --json)` : ""}:`);
    for (const u of shown) out.push(`  line ${u.line}  ${u.sentAt}  ${u.account || ""}`.trimEnd());
  }
  out.push("", "what if — the same log on every plan, under both policies:");
  out.push(
    ...table(
      ["plan", "policy", "credits", "sent", "unsendable", "first unsendable", "granted", "spent", "refunded", "expired", "forfeited", "closing", "no-credit days"],
      r.whatIf.map((w) => [
        w.plan,
        w.policy,
        int(w.credits),
        int(w.sent),
        int(w.unsendable),
        w.firstUnsendableAt?.slice(0, 16).replace("T", " ") ?? "–",
        int(w.granted),
        int(w.spent),
        int(w.refunded),
        int(w.expired),
        int(w.forfeited),
        int(w.closingBalance),
        one(w.zeroBalanceDays),
      ]),
      (i) => i >= 2 && i !== 5,
    ),
  );
  return out.join("\n");
}

if (isMain(import.meta.url)) {
  runCommand(replaySpec.command, async () => {
    const o = parseOptions(replaySpec, process.argv.slice(2));
    if (o.help) {
      process.stdout.write(helpText(replaySpec));
      return;
    }
    const log = await loadLog(o.values.log as string, o.switches["skip-bad"]!, process.stderr, replaySpec.command);
    const report = runReplay(log, { plan: resolvePlan(log, o.values), ...replaySettings(o.values), ...resolveWindow(log, o.values) });
    process.stdout.write(o.switches.json ? `${JSON.stringify(report, null, 2)}\n` : `${replayText(report)}\n`);
  });
}
