/**
 * Bad inputs of the team planner (scenarios/team.ts, notebooks/team.ts): values at and
 * past the floors, combinations that cannot be, targets no plan reaches (answered at
 * once), and runs too large — pooled Recruiter contracts of many seats, long horizons,
 * the target's seat search — refused up front in the team's own words.
 */
import type { BadInputCase } from "../case.ts";

const team = "scenarios/team.ts";
const page = "notebooks/team.ts";

export const cases: BadInputCase[] = [
  // Floors: a send rate near 0 sent nothing and stalled the work calendar.
  ...["1e-12", "1e-20", "1e-300", "0", "-1", "NaN", "Infinity"].map((v): BadInputCase => ({
    kind: "runaway",
    command: team,
    args: ["--set", `sendsPerWorkingDay=${v}`, "--set", "replications=2"],
    stderr: ["sendsPerWorkingDay:", "from 0.001"],
  })),
  { kind: "runaway", command: page, args: ["--set", "sendsPerWorkingDay=1e-12", "--out", "$DIR/t.html"], stderr: ["sendsPerWorkingDay: 1e-12 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "seats=0"], stderr: ["seats: 0 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "seats=10001"], stderr: ["seats: 10001 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "months=0"], stderr: ["months: 0 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "replications=1"], stderr: ["replications: 1 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "demandPerSeat=0"], stderr: ["demandPerSeat: 0 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "responseRate=0"], stderr: ["responseRate: 0 is not allowed"] },
  { kind: "wrong number", command: team, args: ["--set", "target=0.5"], stderr: ["target:"] },
  // A target no plan can reach: answered at once, not searched.
  { kind: "runaway", command: team, args: ["--set", "positiveShare=0", "--set", "target=5"], stderr: ["target: 5 is not reachable: no conversation is possible with positiveShare 0"] },
  {
    kind: "runaway",
    command: team,
    args: ["--set", "seats=2", "--set", "target=10000000"],
    stderr: ["target: 10,000,000 is not reachable: no plan reaches 10,000,000 conversations a month with up to 10,000 seats"],
  },
  { kind: "runaway", command: page, args: ["--set", "seats=2", "--set", "target=10000000", "--out", "$DIR/t.html"], stderr: ["target: 10,000,000 is not reachable"] },
  { kind: "runaway", command: team, args: ["--set", "sendsPerWorkingDay=0.001", "--set", "target=1000"], stderr: ["target: 1,000 is not reachable"] },
  // Too large, in the team's words: pooled contracts of many seats are slow per event.
  {
    kind: "runaway",
    command: team,
    args: ["--set", "seats=10000", "--set", "months=120"],
    stderr: ["run too large:", "seats=10,000 × replications=20 × months=120", "pooled in contracts of 10,000 seats", "lower seats, months or replications"],
  },
  {
    kind: "runaway",
    command: team,
    args: ["--set", "seats=10000", "--set", "months=120", "--set", "plan=recruiter"],
    stderr: ["run too large:", "seats=10,000", "lower seats, months or replications"],
  },
  {
    kind: "runaway",
    command: team,
    args: ["--set", "seats=10000", "--set", "months=120", "--set", "replications=10000", "--set", "plan=sales-navigator"],
    stderr: ["run too large:", "seats=10,000 × replications=10,000 × months=120"],
  },
  { kind: "runaway", command: team, args: ["--set", "seats=2", "--set", "target=100000"], stderr: ["run too large:", "205 model runs", "the target's search"] },
  { kind: "runaway", command: page, args: ["--set", "seats=10000", "--set", "months=120", "--out", "$DIR/t.html"], stderr: ["run too large:", "seats=10,000", "lower seats, months or replications"] },
  { kind: "runaway", command: team, args: ["--set", "seats=10000", "--set", "months=120", "--set", "followUps.count=3", "--set", "plan=recruiter"], stderr: ["run too large:"] },
];
