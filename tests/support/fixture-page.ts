import { balanceTimeline } from "../../reports/figures/balance-timeline.ts";
import { capacityVsReplyRate } from "../../reports/figures/capacity-vs-reply-rate.ts";
import { costPerReply } from "../../reports/figures/cost-per-reply.ts";
import { groupedBars } from "../../reports/figures/grouped-bars.ts";
import { multiplierHeatmap } from "../../reports/figures/multiplier-heatmap.ts";
import { tornado } from "../../reports/figures/tornado.ts";
import type { Page } from "../../reports/page.ts";
import { balance, capacityRows, costRows, groupedRows, multiplierRows, tornadoRows } from "./fixtures.ts";

/** A page with every figure type, a formatted table and full provenance, built from the fixtures. */
export function fixturePage(overrides: Partial<Page> = {}): Page {
  const summary = capacityRows.filter((r) => r.replyRate === 0.3);
  return {
    title: "Effective outreach capacity by plan and reply rate",
    guide:
      "Each plan grants InMail credits monthly; replies can earn credits back, so the InMails an account can actually send depend on the reply rate. Lines show simulated means with 95% intervals; dashed lines show the closed form for comparison.",
    sections: [
      {
        heading: "Capacity by plan and reply rate",
        text: "Under the LinkedIn policy, capacity follows the closed form closely.\n\nUnder the guide policy it falls short as reply rates rise.",
        figure: capacityVsReplyRate(capacityRows),
        csv: { filename: "capacity-vs-reply-rate.csv", table: capacityRows },
      },
      {
        heading: "Capacity at a 30% reply rate",
        table: {
          data: summary,
          columns: {
            policy: { label: "Policy" },
            plan: { label: "Plan" },
            replyRate: { label: "Reply rate", percent: true },
            mean: { label: "InMails / month", digits: 1 },
            ci: { label: "95% CI", interval: ["lo", "hi"], digits: 1 },
          },
        },
        csv: { filename: "capacity-at-30-percent.csv", table: summary },
      },
      {
        heading: "Capacity multiplier by reply rate and response delay",
        figure: multiplierHeatmap(multiplierRows),
        csv: { filename: "multiplier-heatmap.csv", table: multiplierRows },
      },
      {
        heading: "Credit balance over three months",
        figure: balanceTimeline(balance.balances, { events: balance.events }),
        csv: { filename: "balance-timeline.csv", table: balance.balances },
      },
      {
        heading: "Cost per positive reply",
        figure: costPerReply(costRows),
        csv: { filename: "cost-per-reply.csv", table: costRows },
      },
      {
        heading: "Message levers",
        figure: tornado(tornadoRows),
        csv: { filename: "message-levers.csv", table: tornadoRows },
      },
      {
        heading: "Replies per month by plan",
        figure: groupedBars(groupedRows, { yLabel: "Positive replies per account per month", xLabel: "Plan" }),
        csv: { filename: "replies-by-plan.csv", table: groupedRows },
      },
    ],
    provenance: {
      scenario: "capacity-by-plan",
      params: { plans: ["Premium Career", "Premium Business", "Sales Navigator Core"], replyRates: [0, 0.1, 0.2, 0.3, 0.4, 0.5], ledger: { refundWindowDays: 90, expiryDays: 90 } },
      seed: 20240611,
      replications: 200,
      packageVersion: "0.1.0",
      gitCommit: "abc1234",
      command: "npx tsx notebooks/capacity-by-plan.ts --seed 20240611 --replications 200 --out out/capacity-by-plan.html",
    },
    ...overrides,
  };
}
