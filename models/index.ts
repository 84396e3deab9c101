export { AccountSimulation, type AccountModel, type TraceKind, type TraceSink } from "./account-simulation.ts";
export { CreditLedger } from "./ledger.ts";
export { OUTCOME_CODE, outcomes, isPositive, type Outcome } from "./outcome.ts";
export { plans, planIds, PlanCannotSendError, type Plan, type PlanId } from "./plans.ts";
export {
  creditRules,
  rulesForPlan,
  policies,
  policyIds,
  refundAgings,
  type CreditRules,
  type CreditRulesInput,
  type PolicyId,
  type PolicyPreset,
  type RefundAging,
} from "./policy.ts";
export {
  ResponseSampler,
  delaySampler,
  meanDelayDays,
  replyRateResponse,
  type DelaySpec,
  type ResponseSpec,
} from "./response-model.ts";
export { planChunks, simulateAll, simulateChunk, tallyByReplication, traceAccount, type Chunk } from "./simulate.ts";
export { summarize, type CycleRow, type LedgerTotals, type Summary } from "./summary.ts";
export {
  addTally,
  createTally,
  MICRODAYS_PER_DAY,
  packTally,
  tallyFields,
  unpackTally,
  type Tally,
  type TallyField,
} from "./tally.ts";
