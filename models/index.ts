export { AccountSimulation } from "./account-simulation.ts";
export { defaultSender, defaultStartDate, type AccountModel, type ConnectionSpec, type OpenProfileSpec, type SenderSpec, type TraceKind, type TraceSink } from "./account-model.ts";
export { CreditLedger } from "./ledger.ts";
export {
  followUpRuleForPlan,
  followUpRules,
  maxFollowUps,
  premiumFollowUpRules,
  recruiterFollowUpDays,
  sendsFollowUps,
  type FollowUpRule,
  type FollowUpSpec,
  type PremiumFollowUpRule,
} from "./follow-ups.ts";
export { OUTCOME_CODE, outcomes, isPositive, type Outcome } from "./outcome.ts";
export { channels, type Channel } from "./channel.ts";
export { plans, planIds, PlanCannotSendError, type Plan, type PlanId } from "./plans.ts";
export { creditRules, rulesForPlan, policies, policyIds, refundAgings, type CreditRules, type CreditRulesInput, type PolicyId, type PolicyPreset, type RefundAging } from "./policy.ts";
export { delayDistribution, replyRateResponse, type DelaySpec, type ResponseSpec } from "./response-model.ts";
export { ChunkSimulator, planChunks, simulateAll, simulateChunk, tallyByReplication, traceAccount, type Chunk } from "./simulate.ts";
export { estimate, summarize, type CycleRow, type Estimate, type FollowUpSummary, type LedgerTotals, type ReplicationValues, type Summary } from "./summary.ts";
export { addTally, clearTally, createTally, MICRODAYS_PER_DAY, packTally, tallyFields, unpackTally, type Tally, type TallyField } from "./tally.ts";
export { segmentIds, segments, type Segment, type SegmentId } from "./audiences.ts";
export {
  complaintVerdict,
  DayCounters,
  floorVerdict,
  guideComplaintRule,
  lockoutDays,
  noEnforcement,
  recruiterContentRule,
  recruiterFloor,
  type ComplaintRule,
  type ContentRule,
  type Enforcement,
  type ResponseRateFloor,
} from "./enforcement.ts";
export { grantTimes, type GrantSchedule } from "./grant-schedule.ts";
export { leverEffects, leverIds, leverMultiplier, lengthBands, lengthMultiplier, offPeakHours, weekdayMultipliers, type Effect, type LeverId } from "./levers.ts";
export { bodyChars, connectionNoteProblems, inmailProblems, limits, messageMultiplier, subjectChars, type Message } from "./message.ts";
export { personaIds, personas, type Persona, type PersonaId } from "./personas.ts";
export { compileCalendar, weekdayOf, type CompiledCalendar, type WorkCalendar } from "./work-calendar.ts";
