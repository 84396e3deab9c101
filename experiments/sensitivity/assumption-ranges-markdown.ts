/**
 * The assumption-ranges table as Markdown, for docs/model.md (a test checks docs/model.md
 * holds exactly this, so the two cannot drift apart).
 *
 *   npx tsx experiments/sensitivity/assumption-ranges-markdown.ts   # prints the table
 */
import { describeDistribution } from "../../analysis/input-distribution.ts";
import { assumptionRanges } from "./assumption-ranges.ts";
import { pathToFileURL } from "node:url";

const cell = (text: string) => text.replaceAll("|", "\\|");

export function assumptionRangesMarkdown(): string {
  const rows = assumptionRanges.flatMap((r) =>
    r.inputs.length === 0 || r.notVaried !== undefined
      ? [
          [
            r.labels[0]!,
            r.inputs.map((i) => i.label).join(", ") || "—",
            r.inputs.map((i) => describeDistribution(i.distribution, i.unit)).join("; ") || "—",
            r.inputs.map((i) => i.source).join("; ") || "—",
            `not varied for a team: ${r.notVaried}`,
          ],
        ]
      : r.inputs.map((i, k) => [
          k === 0 ? r.labels[0]! : "″",
          `${i.label} (\`${i.target.kind === "param" ? i.target.path : i.id}\`)`,
          describeDistribution(i.distribution, i.unit),
          i.source,
          i.measure,
        ]),
  );
  return ["| assumption | input | range | why | to measure it |", "|---|---|---|---|---|", ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

// Run as a script (experiments/ stands below cli/, so not through its isMain).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.stdout.write(`${assumptionRangesMarkdown()}\n`);
