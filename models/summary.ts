/**
 * Summaries of replication tallies: capacity with its 95% CI across replications,
 * per-cycle means per account, ledger totals, and the per-replication values that
 * paired comparisons need. Pure functions of the tallies.
 */
import { summarize as estimate } from "../sim/index.ts";
import { MICRODAYS_PER_DAY, type Tally, type TallyField } from "./tally.ts";

export interface CycleRow {
  cycle: number;
  /** InMails delivered (credit-paid and free). */
  sends: number;
  positives: number;
  responses: number;
  refunds: number;
  expired: number;
  forfeited: number;
  granted: number;
  blocked: number;
  freeSends: number;
  connectionRequests: number;
  spamReports: number;
  warnings: number;
  restrictions: number;
  daysOutOfCredits: number;
  daysRestricted: number;
  poolExhausted: number;
}

export interface LedgerTotals {
  granted: number;
  spent: number;
  refunded: number;
  expired: number;
  forfeited: number;
  closingBalance: number;
}

/** Mean and Student-t 95% CI of a list of values (the engine's `summarize`). */
export { estimate };
export type Estimate = ReturnType<typeof estimate>;

/** Per-account-per-cycle measures, one value per replication (replication order). */
export interface ReplicationValues {
  capacity: number[];
  positives: number[];
  /** Credits used: spent − refunded. */
  creditsUsed: number[];
  followUpsSent: number[];
  /** Credits follow-ups used: taken for them − given back for them. */
  followUpCredits: number[];
  followUpConversations: number[];
}

/** What follow-ups did, per account per cycle (mean and 95% CI across replications). */
export interface FollowUpSummary {
  /** Follow-ups delivered. */
  sent: Estimate;
  /** Credits taken for follow-ups, and given back (answered in the refund window, or not delivered). */
  creditsTaken: Estimate;
  creditsGivenBack: Estimate;
  /** Credits follow-ups used: taken − given back. */
  creditsUsed: Estimate;
  /** Conversations whose answer was to a follow-up (counted in the positives too). */
  conversations: Estimate;
  /** Follow-ups the member could not receive. */
  undelivered: Estimate;
}

export interface Summary {
  /** InMails delivered per account per cycle. */
  capacity: Estimate;
  positivesPerCycle: Estimate;
  /** Responses (accepted, replied, declined; not spam reports) ÷ contacts (InMails and connection requests; all replications pooled). */
  responseRate: number;
  perCycle: CycleRow[];
  ledger: LedgerTotals;
  replications: ReplicationValues;
  /** Credits used (spent − refunded) per account per cycle. */
  creditsUsedPerCycle: Estimate;
  followUps: FollowUpSummary;
  /** Logical events: 1 per send (first InMail or follow-up), 1 per positive response, 1 per account per cycle start. */
  events: number;
}

function sum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

/** Per-replication per-account-per-cycle values of a tally field. */
function perAccountCycle(tallies: readonly Tally[], field: TallyField): number[] {
  return tallies.map((t) => sum(t.perCycle[field]) / (t.accounts * t.cycles));
}

export function summarize(tallies: readonly Tally[]): Summary {
  const first = tallies[0];
  if (!first) throw new RangeError("summarize needs at least one replication");
  const cycles = first.cycles;
  const n = tallies.reduce((s, t) => s + t.accounts, 0);
  const perCycle: CycleRow[] = [];
  for (let c = 0; c < cycles; c++) {
    const mean = (f: TallyField) => tallies.reduce((s, t) => s + t.perCycle[f][c]!, 0) / n;
    perCycle.push({
      cycle: c + 1,
      sends: mean("sends"),
      positives: mean("positives"),
      responses: mean("responses"),
      refunds: mean("refunds"),
      expired: mean("expired"),
      forfeited: mean("forfeited"),
      granted: mean("granted"),
      blocked: mean("blocked"),
      freeSends: mean("freeSends"),
      connectionRequests: mean("connectionRequests"),
      spamReports: mean("spamReports"),
      warnings: mean("warnings"),
      restrictions: mean("restrictions"),
      daysOutOfCredits: mean("outOfCreditMicrodays") / MICRODAYS_PER_DAY,
      daysRestricted: mean("restrictedMicrodays") / MICRODAYS_PER_DAY,
      poolExhausted: mean("poolExhausted"),
    });
  }
  const ledger: LedgerTotals = { granted: 0, spent: 0, refunded: 0, expired: 0, forfeited: 0, closingBalance: 0 };
  let events = 0;
  let sends = 0;
  let responses = 0;
  for (const t of tallies) {
    ledger.granted += t.ledger.granted;
    ledger.spent += t.ledger.spent;
    ledger.refunded += t.ledger.refunded;
    ledger.expired += t.ledger.expired;
    ledger.forfeited += t.ledger.forfeited;
    ledger.closingBalance += t.closingBalance;
    sends += sum(t.perCycle.sends) + sum(t.perCycle.connectionRequests);
    responses += sum(t.perCycle.responses) - sum(t.perCycle.spamReports);
    events += sum(t.perCycle.sends) + sum(t.perCycle.followUpsSent) + sum(t.perCycle.positives) + t.accounts * t.cycles;
  }
  const taken = perAccountCycle(tallies, "followUpCredits");
  const givenBack = perAccountCycle(tallies, "followUpRefunds");
  const replications: ReplicationValues = {
    capacity: perAccountCycle(tallies, "sends"),
    positives: perAccountCycle(tallies, "positives"),
    creditsUsed: tallies.map((t) => (t.ledger.spent - t.ledger.refunded) / (t.accounts * t.cycles)),
    followUpsSent: perAccountCycle(tallies, "followUpsSent"),
    followUpCredits: taken.map((x, i) => x - givenBack[i]!),
    followUpConversations: perAccountCycle(tallies, "followUpConversations"),
  };
  return {
    capacity: estimate(replications.capacity),
    positivesPerCycle: estimate(replications.positives),
    responseRate: sends > 0 ? responses / sends : 0,
    perCycle,
    ledger,
    replications,
    creditsUsedPerCycle: estimate(replications.creditsUsed),
    followUps: {
      sent: estimate(replications.followUpsSent),
      creditsTaken: estimate(taken),
      creditsGivenBack: estimate(givenBack),
      creditsUsed: estimate(replications.followUpCredits),
      conversations: estimate(replications.followUpConversations),
      undelivered: estimate(perAccountCycle(tallies, "followUpsUndelivered")),
    },
    events,
  };
}
