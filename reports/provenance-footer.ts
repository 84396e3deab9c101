import { escapeHtml } from "./escape-html.ts";
import { packageName, packageVersion, type Provenance } from "./provenance.ts";

/**
 * Renders provenance as the page's `<footer>`: scenario, seed, replications,
 * package version, git commit (when known), the reproducing command, and,
 * folded behind `<details>`, every resolved parameter as a dotted path
 * (`ledger.expiryDays`) with its value (arrays and other objects as JSON).
 * Everything is escaped. Values are shown in full precision, not rounded.
 */
export function provenanceToHtml(provenance: Provenance): string {
  const facts: [string, string][] = [
    ["Scenario", provenance.scenario],
    ["Seed", String(provenance.seed)],
    ["Replications", String(provenance.replications)],
    ["Package version", `${packageName} ${provenance.packageVersion ?? packageVersion}`],
  ];
  if (provenance.gitCommit !== undefined) facts.push(["Git commit", provenance.gitCommit]);
  const params = flattenParams(provenance.params);
  return [
    `<footer class="provenance">`,
    `<h2>Provenance</h2>`,
    `<dl>${facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join("")}</dl>`,
    `<h3>Reproduce</h3>`,
    `<pre class="command"><code>${escapeHtml(provenance.command)}</code></pre>`,
    `<details>`,
    `<summary>Resolved parameters (${params.length})</summary>`,
    params.length === 0
      ? `<p>None.</p>`
      : `<div class="table-wrap" tabindex="0" role="region" aria-label="Resolved parameters (table)"><table class="params"><thead><tr><th scope="col">Parameter</th><th scope="col">Value</th></tr></thead><tbody>${params
          .map(([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td><code>${escapeHtml(v)}</code></td></tr>`)
          .join("\n")}</tbody></table></div>`,
    `</details>`,
    `</footer>`,
  ].join("\n");
}

/** Nested plain objects become dotted paths; arrays and other values become one entry. */
function flattenParams(params: Readonly<Record<string, unknown>>, prefix = ""): [string, string][] {
  return Object.entries(params).flatMap(([key, value]): [string, string][] => {
    const path = prefix + key;
    if (isPlainObject(value) && Object.keys(value).length > 0) return flattenParams(value, `${path}.`);
    return [[path, showValue(value)]];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function showValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  if (typeof value === "bigint") return `${value}n`;
  // Arrays get a space after each comma so long lists wrap between items.
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item) ?? "null").join(", ")}]`;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
