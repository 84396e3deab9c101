/** A plan's display name ("Recruiter Lite"), for sentences, table cells and figure labels. */
import { plans, type PlanId } from "./index.ts";

export const planName = (id: PlanId) => plans[id].name;
