/**
 * The canonical capacity scenario (docs/model.md, "The canonical capacity scenario"): `accounts` accounts, each granted
 * `credits` at t = 0 and every `cycleDays` days for `cycles` cycles. While its
 * balance is above 0 an account sends, with exponential gaps of mean 1/sendsPerDay
 * days; at 0 it waits for a refund or the next grant. Each InMail gets a
 * refund-eligible reply with probability `replyRate` after an exponential delay of
 * mean `responseDelayDays` (an assumption: LinkedIn publishes no delay data); the
 * credit returns if that delay is within `refundWindowDays`. No blocked recipients,
 * no enforcement. A plain configuration of the general account model.
 *
 *   npx tsx scenarios/capacity.ts [--json] [--set name=value]... [--workers N] [--trace FILE]
 */
import { isMain, main, type ScenarioCli } from "../cli/command-line.ts";
import type { ParamValues } from "../experiments/inputs/params.ts";

import { capacityModel, capacityParams, capacityText, runCapacity, type CapacityParams } from "../experiments/capacity/capacity.ts";

export const capacityCli: ScenarioCli = {
  command: "scenarios/capacity.ts",
  description:
    "Effective outreach capacity of accounts that send while credits last, with refunds on replies.\n" +
    "Prints a summary, or JSON with --json (params, capacity, multiplier, perCycle, ledger, analytic, perf).",
  params: capacityParams,
  prepare(values: ParamValues) {
    const p = values as unknown as CapacityParams;
    return {
      trace: { model: capacityModel(p), seed: p.seed, accounts: p.accounts },
      runs: [{ model: capacityModel(p), accounts: p.accounts, replications: p.replications }],
      async run(options) {
        const r = await runCapacity(p, options);
        return { json: r, text: capacityText(r) };
      },
    };
  },
};

if (isMain(import.meta.url)) main(capacityCli);
