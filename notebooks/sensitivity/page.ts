/**
 * The sensitivity report as a page: the answer first (which assumption carries the
 * spread of each output, and how to measure it), then per output the Sobol indices with
 * their 95% CIs as bars, the Morris screening, the ranges used, and the noise and runs
 * behind it. Every figure and table ships its data as a CSV.
 */
import type { PlanId } from "../../models/index.ts";
import { indexBars, type IndexBarRow, type Page, type PageSection, type Provenance } from "../../reports/index.ts";
import type { SensitivityReport } from "../../experiments/sensitivity/sensitivity-run.ts";
import { planName } from "../../models/plan-name.ts";
import { indexNoiseNote } from "../../experiments/sensitivity/index-noise.ts";
import { f1, n1, pct, range } from "../../reports/number-format.ts";

/** Column headers of the Morris table (headers do not wrap). */
const shortLabel: Record<string, string> = {
  conversationsPerMonth: "Conversations μ* (σ)",
  costPerConversation: "Cost μ* (σ)",
  capacityMultiplier: "Multiplier μ* (σ)",
};
const share = (x: number) => `${Math.round(Math.min(1, Math.max(0, x)) * 100)}%`;
const idx = (x: number) => x.toFixed(2).replace("-", "−");
const ciCell = (v: number, ci: readonly [number, number]) => `${idx(v)} (${range(idx(ci[0]), idx(ci[1]))})`;

export function sensitivityPage(r: SensitivityReport, provenance: Provenance): Page {
  const p = r.params;
  const plan = planName(p.plan as PlanId);
  const label = (id: string) => r.inputs.find((i) => i.id === id)!.label;
  return {
    title: `Which assumption matters: ${p.seats} seats on ${plan}`,
    guide:
      `How much of the spread in a team's results comes from each figure the model has to assume? ` +
      `The team is ${p.seats} seats on ${plan} under ${p.policy === "linkedin" ? "LinkedIn's" : "the guide's"} credit rules, as the team planner (scenarios/team.ts) models it. ` +
      `Each of the ${r.inputs.length} uncertain figures behind the assumptions in force is drawn over its plausible range (listed below with its source), all at once, ` +
      `and the simulator is run at ${n1(r.runs.points.morris + r.runs.points.sobol)} combinations. ` +
      `S1 is the share of an output's variance that one assumption causes alone; ST adds its interactions with the others. ` +
      `A wide bar with a narrow interval is an assumption worth measuring; a bar at 0 is one that does not matter here. ` +
      `Conversations are positive answers (accepted or replied); a month is one credit cycle.`,
    sections: [answerSection(r, label), ...r.outputs.map((o) => outputSection(r, o, label)), morrisSection(r, label), rangesSection(r), runsSection(r)],
    provenance,
  };
}

function answerSection(r: SensitivityReport, label: (id: string) => string): PageSection {
  const top = r.outputs.map((o) => {
    const rows = r.rows.filter((x) => x.output === o.id).sort((a, b) => b.S1 - a.S1 || b.ST - a.ST);
    return { o, row: rows[0]! };
  });
  const note = indexNoiseNote(
    top.map(({ row }) => row),
    label,
  );
  return {
    heading: "The answer",
    text: [...r.conclusions, ...(note === "" ? [] : [`${note} The table shows shares within 0–100%.`])].join("\n\n"),
    table: {
      data: top.map(({ o, row }) => ({
        output: o.label,
        assumption: label(row.input),
        alone: share(row.S1),
        withInteractions: share(row.ST),
      })),
      columns: {
        output: { label: "Output" },
        assumption: { label: "Matters most" },
        alone: { label: "S1 (alone)" },
        withInteractions: { label: "ST (with interactions)" },
      },
    },
  };
}

function outputSection(r: SensitivityReport, o: SensitivityReport["outputs"][number], label: (id: string) => string): PageSection {
  const rows = r.rows.filter((x) => x.output === o.id).sort((a, b) => b.ST - a.ST);
  const bars: IndexBarRow[] = rows.map((x) => ({
    input: label(x.input),
    first: x.S1,
    firstLo: x.S1ci[0],
    firstHi: x.S1ci[1],
    total: x.ST,
    totalLo: x.STci[0],
    totalHi: x.STci[1],
  }));
  const negligible = rows.filter((x) => x.STci[1] < 0.01).map((x) => label(x.input));
  const noise = indexNoiseNote(rows, label);
  return {
    heading: `What moves the ${o.label}`,
    text:
      `Sobol indices of the ${o.label} (${o.unit}), with bootstrap 95% confidence intervals, assumptions sorted by ST. ` +
      `${rows[0] ? `The ${label(rows[0].input)} leads: ${share(rows[0].S1)} alone, ${share(rows[0].ST)} with its interactions.` : ""}` +
      (negligible.length > 0 ? ` Below 1% even at the top of their interval: ${negligible.join(", ")}.` : "") +
      (noise === "" ? "" : ` ${noise}`),
    figure: indexBars(bars, { xLabel: `Share of the variance of the ${o.label}`, width: 700 }),
    csv: {
      filename: `sensitivity-${o.id}.csv`,
      table: rows.map((x) => ({ output: o.id, input: x.input, S1: x.S1, S1lo: x.S1ci[0], S1hi: x.S1ci[1], ST: x.ST, STlo: x.STci[0], SThi: x.STci[1], muStar: x.muStar, sigma: x.sigma })),
    },
  };
}

function morrisSection(r: SensitivityReport, label: (id: string) => string): PageSection {
  const data = r.inputs.map((i) => {
    const row: Record<string, string> = { input: i.label };
    for (const o of r.outputs) {
      const x = r.rows.find((y) => y.output === o.id && y.input === i.id)!;
      row[o.id] = `${x.muStar.toPrecision(3)} (σ ${x.sigma.toPrecision(3)})`;
    }
    return row;
  });
  return {
    heading: "Screening first: Morris elementary effects",
    text:
      `Before the Sobol runs, ${r.params.trajectories} Morris trajectories move one assumption at a time across its range. ` +
      `μ* is the mean absolute change of the output when an assumption moves by two thirds of its range, scaled to the whole range (output units); ` +
      `σ, the spread of those changes, is large when the effect depends on the other assumptions. The ranking should agree with ST's. ` +
      `Units: ${r.outputs.map((o) => `${shortLabel[o.id] ?? o.label} in ${o.unit}`).join("; ")}.`,
    table: {
      data,
      columns: Object.fromEntries([["input", { label: "Assumption" }], ...r.outputs.map((o) => [o.id, { label: shortLabel[o.id] ?? o.label }])]),
    },
    csv: {
      filename: "sensitivity-morris.csv",
      table: r.rows.map((x) => ({ output: x.output, input: x.input, inputLabel: label(x.input), muStar: x.muStar, sigma: x.sigma, mu: x.mu })),
    },
  };
}

function rangesSection(r: SensitivityReport): PageSection {
  return {
    heading: "The ranges used",
    text:
      "Every assumption in force, the range it was drawn from, the model's default, why that range, and what to measure to replace it with a fact. " +
      "The same table covers every assumption the model can label (experiments/sensitivity/assumption-ranges.ts)." +
      (r.held.length > 0 ? `\n\nIn force but not varied: ${r.held.map((h) => `${h.assumption} — ${h.reason}`).join("; ")}.` : ""),
    table: {
      data: r.inputs.map((i) => ({ assumption: i.label, range: i.distribution, default: i.default, source: i.source, measure: i.measure })),
      columns: {
        assumption: { label: "Assumption" },
        range: { label: "Range" },
        default: { label: "Default" },
        source: { label: "Why this range" },
        measure: { label: "To measure it" },
      },
    },
    csv: { filename: "sensitivity-ranges.csv", table: r.inputs.map((i) => ({ ...i })) },
  };
}

function runsSection(r: SensitivityReport): PageSection {
  const n = r.noise;
  return {
    heading: "Simulation noise and the runs behind this page",
    text:
      `Every point is the whole team simulated (${n1(r.runs.accountsPerPoint)} account${r.runs.accountsPerPoint === 1 ? ", a pooled contract" : "s, one per seat"}), several times. ` +
      `Points of one design row share their random numbers (the same recipients answer the same way), and rows get different ones, ` +
      `so the differences the indices are made of carry little noise. ` +
      `${n.statement}. ` +
      `Runs: ${n1(r.runs.points.morris)} Morris and ${n1(r.runs.points.sobol)} Sobol points (N = ${r.params.n}), ` +
      `${n1(r.runs.pointReplications)} point-replications, ${n1(r.runs.accountMonths)} account-months simulated.`,
    table: {
      // Share of each output's variance that is simulation noise.
      data: r.outputs.map((o) => ({ output: o.label, pilot: pct(n.morris.share[o.id]!), sobol: pct(n.sobol.share[o.id]!) })),
      columns: {
        output: { label: "Output" },
        pilot: { label: `Morris pilot (${n.morris.replications} repl.)` },
        sobol: { label: `Sobol points (${n.sobol.replications} repl.)` },
      },
    },
    csv: {
      filename: "sensitivity-runs.csv",
      table: [
        {
          morrisPoints: r.runs.points.morris,
          sobolPoints: r.runs.points.sobol,
          morrisReplications: n.morris.replications,
          sobolReplications: n.sobol.replications,
          pointReplications: r.runs.pointReplications,
          accountsPerPoint: r.runs.accountsPerPoint,
          accountMonths: r.runs.accountMonths,
        },
      ],
    },
  };
}
