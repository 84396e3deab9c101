/** The plans that can send InMail (a monthly credit allotment), in the order of `planIds`. */
import { planIds, plans, type PlanId } from "./plans.ts";

export type PayingPlanId = Exclude<PlanId, "basic">;
export const payingPlanIds: readonly PayingPlanId[] = planIds.filter((id): id is PayingPlanId => plans[id].creditsPerMonth > 0);
