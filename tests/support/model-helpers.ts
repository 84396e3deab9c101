/** Small builders for model tests. */
import { creditRules, OUTCOME_CODE, outcomes, type AccountModel, type Outcome, type PolicyId, type TraceSink } from "../../models/index.ts";

export interface TestModel {
  policy?: PolicyId;
  credits?: number;
  cycleDays?: number;
  cycles?: number;
  sendsPerDay?: number;
  blockedShare?: number;
  /** Outcome probabilities by name; the rest is `ignored`. */
  outcomes?: Partial<Record<Outcome, number>>;
  meanDelayDays?: number;
  refundWindowDays?: number;
  capMultiplier?: number;
  creditLifetimeDays?: number;
  refundAging?: "original" | "fresh";
}

export function model(t: TestModel = {}): AccountModel {
  const p = outcomes.map(() => 0);
  let rest = 1;
  for (const [o, v] of Object.entries(t.outcomes ?? {})) {
    p[OUTCOME_CODE[o as Outcome]] = v;
    rest -= v;
  }
  p[OUTCOME_CODE.ignored] = p[OUTCOME_CODE.ignored]! + rest;
  return {
    rules: creditRules({
      policy: t.policy ?? "guide",
      creditsPerCycle: t.credits ?? 50,
      capMultiplier: t.capMultiplier ?? 3,
      creditLifetimeDays: t.creditLifetimeDays ?? 90,
      ...(t.refundWindowDays !== undefined ? { refundWindowDays: t.refundWindowDays } : {}),
      refundAging: t.refundAging ?? "original",
    }),
    cycleDays: t.cycleDays ?? 30,
    cycles: t.cycles ?? 6,
    sendsPerDay: t.sendsPerDay ?? 20,
    blockedShare: t.blockedShare ?? 0,
    response: { outcomeProbabilities: p, delay: { kind: "exponential", meanDays: t.meanDelayDays ?? 3 } },
  };
}

export interface TraceRow {
  t: number;
  kind: string;
  credits: number;
  balance: number;
  seat: number | undefined;
}

export function recorder(): TraceSink & { rows: TraceRow[] } {
  const rows: TraceRow[] = [];
  return {
    rows,
    record(t, kind, credits, balance, seat) {
      rows.push({ t, kind, credits, balance, seat });
    },
  };
}
