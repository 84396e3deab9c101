import { describe, expect, it } from "vitest";
import { teamNotebook } from "../../notebooks/team.ts";
import { notebookProvenance } from "../../cli/notebook-cli.ts";
import { escapeHtml, renderPage } from "../../reports/index.ts";
import { resolve } from "../../experiments/inputs/params.ts";
import { teamCli } from "../../scenarios/team.ts";
import { figureRows, followUpAnswers, followUpRows } from "../../experiments/team/team-text.ts";
import type { TeamResult } from "../../experiments/team/team-result.ts";

const sets = ["seats=6", "plan=recruiter-lite", "responseRate=15%", "demandPerSeat=250", "replications=3", "months=6"];

describe("notebooks/team.ts", () => {
  it("shows the same numbers as scenarios/team.ts for the same settings, the answer first", async () => {
    const out = await teamCli.prepare(resolve(teamCli.params, sets), { workers: 1, big: false }).run({ workers: 1, big: false });
    const result = out.json as TeamResult;
    const values = resolve(teamNotebook.params, sets);
    const html = renderPage(await teamNotebook.run(values, { workers: 1, provenance: notebookProvenance(teamNotebook, values, undefined) }));
    const r = result.plans[0]!;
    const cells = figureRows(r).flatMap((f) => [f.perMonth, f.perQuarter]);
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) {
      // The command prints each cell; the page shows the same text.
      expect(out.text).toContain(cell);
      expect(html).toContain(escapeHtml(cell));
    }
    const answer = html.indexOf("The answer");
    expect(answer).toBeGreaterThan(0);
    expect(answer).toBeLessThan(html.indexOf("Month by month"));
    const perConversation = r.costPerConversationUsd!.mean.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(html.slice(answer, html.indexOf("Month by month"))).toContain(`$${perConversation}`);
  });
});

describe("notebooks/team.ts with follow-ups", () => {
  it("shows the follow-up comparison after the answer, with the command's rows and each plan's answer", async () => {
    const fuSets = ["seats=2", "plan=sales-navigator", "followUps.count=1", "replications=3", "months=3"];
    const out = await teamCli.prepare(resolve(teamCli.params, fuSets), { workers: 1, big: false }).run({ workers: 1, big: false });
    const result = out.json as TeamResult;
    const values = resolve(teamNotebook.params, fuSets);
    const html = renderPage(await teamNotebook.run(values, { workers: 1, provenance: notebookProvenance(teamNotebook, values, undefined) }));
    const section = html.indexOf("Should the team send follow-ups?");
    expect(section).toBeGreaterThan(html.indexOf("The answer"));
    expect(section).toBeLessThan(html.indexOf("Month by month"));
    const rows = followUpRows(result.followUps!).slice(1);
    expect(rows).toHaveLength(3);
    for (const row of rows) for (const cell of row.slice(2)) expect(html).toContain(escapeHtml(cell));
    for (const line of followUpAnswers(result.followUps!)) {
      expect(out.text).toContain(line);
      expect(html).toContain(escapeHtml(line));
    }
  });
});
