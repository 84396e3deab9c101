/** The planner the explorer runs: its parameters, its model runs and its result. */
export { planTeam, teamParams, teamResult, type TeamPlan } from "./stand-in-plan.ts";
