/**
 * The two policy presets on the same senders: the guide's (reset to zero each
 * cycle, no refund on declines) against LinkedIn's help pages (roll over to a cap,
 * 90-day credit life, refund on declines). Same seed, so the same recipients answer
 * the same way under both; the difference is paired, replication by replication.
 *
 *   npx tsx scenarios/guide-vs-linkedin.ts [--json] [--set path=value]... [--grid path=v1,v2]... [--out DIR]
 */
import { isMain } from "../cli/command-line.ts";
import { sweepMain, sweepTable, type SweepScenario } from "../cli/scenario-cli.ts";

export const guideVsLinkedin: SweepScenario = {
  command: "scenarios/guide-vs-linkedin.ts",
  name: "guide-vs-linkedin",
  description: "Sellers on Sales Navigator under both policy presets, everything else equal (common random numbers).",
  persona: "seller",
  defaults: { accounts: 100, replications: 20 },
  grid: [{ name: "policy", values: ["guide", "linkedin"] }],
  text: (r) => {
    const [g, l] = r.points;
    const lines = [`guide vs linkedin — same senders, same recipients, paired by replication`, ``, sweepTable(r)];
    if (g && l && l.vsBaseline) {
      const d = l.vsBaseline.capacity;
      const a = (p: typeof g) => p.result.perAccountCycle;
      const lost = (p: typeof g) => p.result.perSeatPerMonth.creditsLost.mean;
      const held = (p: typeof g) => p.result.creditsHeldPerSeatAtEnd;
      lines.push(
        ``,
        `  LinkedIn's rules deliver ${d.mean >= 0 ? "+" : ""}${d.mean.toFixed(2)} InMails per seat per month against the guide's ` +
          `(paired 95% CI ${d.ci95[0].toFixed(2)} – ${d.ci95[1].toFixed(2)}).`,
        `  Refunds per seat per month: guide ${a(g).refunds.toFixed(2)}, linkedin ${a(l).refunds.toFixed(2)} (declines refund only under linkedin).`,
        `  Credits lost per seat per month (expired, forfeited to the cap, or reset under the guide): guide ${lost(g).toFixed(2)}, linkedin ${lost(l).toFixed(2)}; ` +
          `per seat per quarter: guide ${(3 * lost(g)).toFixed(2)}, linkedin ${(3 * lost(l)).toFixed(2)}.`,
        `  Credits held at the end of month ${r.points[0]!.result.params.cycles}, per seat (still usable, not lost): guide ${held(g).toFixed(2)}, linkedin ${held(l).toFixed(2)}.`,
      );
    }
    return lines.join("\n");
  },
};

if (isMain(import.meta.url)) sweepMain(guideVsLinkedin);
