/**
 * Plans × reply rates: the same senders (same seed, so the same recipients answer
 * the same way) on every paid plan, at several response rates. Differences from the
 * first point are paired, replication by replication.
 *
 *   npx tsx scenarios/plan-comparison.ts [--json] [--set path=value]... [--grid path=v1,v2]... [--out DIR]
 */
import { isMain } from "../cli/command-line.ts";
import { sweepMain, sweepTable, type SweepScenario } from "../cli/scenario-cli.ts";
import { payingPlanIds } from "../models/paying-plans.ts";

export const planComparison: SweepScenario = {
  command: "scenarios/plan-comparison.ts",
  name: "plan-comparison",
  description: "Every paid plan at several response rates, on the same sellers (common random numbers),\n" + "sending around the clock as long as credits last, under LinkedIn's rules.",
  persona: "seller",
  defaults: {
    accounts: 100,
    replications: 10,
    "sender.demandPerCycle": Infinity,
    "sender.maxSendsPerDay": Infinity,
    "sender.sendsPerDay": 20,
    "sender.workdays": "every-day",
    "sender.startHour": 0,
    "sender.endHour": 24,
    "audience.blockedShare": 0,
    "timing.weekdayEffect": false,
    "timing.offPeakEffect": false,
  },
  grid: [
    { name: "plan", values: [...payingPlanIds] },
    { name: "audience.responseRate", values: [0.1, 0.18, 0.3] },
  ],
  text: (r) => `plan comparison — capacity by plan and response rate, paired with the first point\n\n${sweepTable(r)}`,
};

if (isMain(import.meta.url)) sweepMain(planComparison);
