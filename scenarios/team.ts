/**
 * The team planner's command: a team's totals per month and per quarter — InMails
 * delivered, conversations, credits granted / used / refunded / lost / held, cost and
 * cost per conversation — on one plan or every paid plan side by side, under LinkedIn's
 * rules, the guide's or both; with `--set target=N`, the cheapest plan and seat count
 * that reaches N conversations a month (on average, and in 90% of months). Words as in
 * GLOSSARY.md.
 *
 *   npx tsx scenarios/team.ts [--json] [--set name=value]... [--workers N] [--trace FILE]
 */
import { runModels } from "../runner/run-models.ts";
import { isMain, main, type ScenarioCli } from "../cli/command-line.ts";
import { teamParams } from "../experiments/team/team-params.ts";
import { planTeam, teamSizeWords } from "../experiments/team/team-plan.ts";
import { teamResult } from "../experiments/team/team-result.ts";
import { teamText } from "../experiments/team/team-text.ts";

export const teamCli: ScenarioCli = {
  command: "scenarios/team.ts",
  description:
    "A team's InMail totals per month and per quarter (95% CIs): InMails delivered, conversations, credits granted,\n" +
    "used, refunded, lost and held, cost and cost per conversation, on one plan or every paid plan side by side\n" +
    "(Recruiter as one contract pooling the team's seats). The response rate is the one the team observes today\n" +
    "(accepted, replied or declined among delivered InMails); rates take 15% or 0.15. With target=N: the cheapest\n" +
    "plan and seat count reaching N conversations a month. A month is one grant cycle of the plan. See GLOSSARY.md.",
  params: teamParams,
  prepare(values) {
    const plan = planTeam(values);
    const first = plan.runs[0]!;
    return {
      trace: { model: first.model, seed: first.seed, accounts: first.accounts },
      runs: plan.runs,
      sizeWords: teamSizeWords,
      async run(options) {
        const tallies = await runModels(plan.runs, { workers: options.workers, big: options.big, label: "team", sizeWords: teamSizeWords });
        const result = teamResult(plan, tallies);
        return { json: result, text: teamText(result) };
      },
    };
  },
};

if (isMain(import.meta.url)) main(teamCli);
