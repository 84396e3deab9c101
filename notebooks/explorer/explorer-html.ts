/**
 * The explorer's one self-contained HTML file: the report stylesheet and the
 * explorer's own rules, the page skeleton the page script fills in, the worker's
 * script as inert text (the page makes a Blob URL of it: browsers refuse workers
 * from file: URLs) and the page script. A Content-Security-Policy allows nothing
 * but this file's own scripts and styles and blob: workers, so the page can fetch
 * nothing. Pure: the same scripts and provenance give the same bytes.
 */
import { escapeHtml } from "../../reports/escape-html.ts";
import { pageCss } from "../../reports/page-style.ts";
import { logPanelCss, logPanelMount } from "./log-panel-html.ts";

export interface ExplorerHtml {
  /** Classic scripts from `bundleScript`. */
  readonly pageScript: string;
  readonly workerScript: string;
  readonly packageVersion: string;
  /** Short commit hash of the checkout it was built from, when there is one. */
  readonly gitCommit?: string;
  /** The command that wrote the page. */
  readonly command: string;
}

export const title = "What if: your team's InMail month";

const csp = ["default-src 'none'", "script-src 'unsafe-inline'", "worker-src blob:", "style-src 'unsafe-inline'", "img-src data:", "base-uri 'none'", "form-action 'none'"].join("; ");

const explorerCss = `
main.explorer { max-width: 80rem; }
.layout { display: grid; grid-template-columns: minmax(17rem, 24rem) minmax(0, 1fr); gap: 2rem; align-items: start; }
#inputs { position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding: 0.5rem 0.25rem 1rem 0; background: #fff; }
/* One column below 50rem (800 px): the form flows above the results, never over them; its groups fold. */
@media (max-width: 50rem) {
  .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  #inputs { position: static; max-height: none; overflow: visible; padding: 0; }
}
.input-group { border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 0.75rem; padding: 0.4rem 0.75rem 0.25rem; min-width: 0; }
.input-group summary { font-weight: 600; padding: 0.2rem 0.25rem; cursor: pointer; color: var(--fg); font-size: 1rem; }
.input-group[open] summary { margin-bottom: 0.5rem; }
.field { margin: 0 0 0.75rem; }
.field label { display: block; font-size: 0.95rem; font-weight: 600; line-height: 1.3; }
.field .control { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.2rem; }
.field input[type=text], .field select { font: inherit; font-size: 0.95rem; padding: 0.2rem 0.35rem; width: 100%; min-width: 0; }
.field input[type=range] { flex: 1 1 8rem; min-width: 0; }
.field input[type=text] { flex: 0 1 8rem; }
.field .check { display: flex; gap: 0.5rem; align-items: baseline; }
.field-help { color: var(--muted); font-size: 0.75rem; line-height: 1.35; margin: 0.15rem 0 0; }
.field-help code { font-size: 0.7rem; overflow-wrap: anywhere; }
.field-resolved { font-size: 0.85rem; margin: 0.15rem 0 0; }
.field-resolved:empty { display: none; }
.field-error { color: #b00020; font-size: 0.85rem; margin: 0.2rem 0 0; }
.field-error:empty { display: none; }
.field.invalid input, .field.invalid select { outline: 2px solid #b00020; }
.muted { color: var(--muted); }
.muted:empty { display: none; }
#status { display: flex; gap: 0.6rem; align-items: center; min-height: 2rem; font-size: 0.95rem; color: var(--muted); margin-bottom: 0.5rem; }
#status[data-state=invalid], #status[data-state=failed] { color: #b00020; }
#status progress { width: 10rem; }
.spinner { width: 1rem; height: 1rem; border: 2px solid var(--rule); border-top-color: var(--link); border-radius: 50%; visibility: hidden; flex: none; }
/* Only a computation that lasts shows its spinner (page-main.ts marks it data-slow): every frame it turns is drawn. */
#status[data-state=computing][data-slow] .spinner { visibility: visible; animation: spin 0.8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { #status[data-state=computing][data-slow] .spinner { animation: none; } }
.outputs h2:first-child { margin-top: 0; }
.outputs thead th { white-space: normal; vertical-align: bottom; }
.answer li[data-figure=best-plan] .value { font-size: 1.2rem; }
.outputs .ci { display: block; color: var(--muted); font-size: 0.8rem; }
.outputs .figure svg { max-width: 100%; height: auto; }
button { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.8rem; }
`.trim();

export function explorerHtml(page: ExplorerHtml): string {
  const built = `inmail-sim ${page.packageVersion}${page.gitCommit ? `, commit ${page.gitCommit}` : ""}`;
  return [
    `<!doctype html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${pageCss}\n${explorerCss}\n${logPanelCss}\n</style>`,
    `</head>`,
    `<body data-state="loading">`,
    `<main class="explorer">`,
    `<header>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="guide">Change any input and the page recomputes your team's month: the simulator runs here, in your browser, ` +
      `on the same seeded model as the command line, so the numbers are the command's to the last digit. ` +
      `The link in the address bar keeps your inputs: copy it to share this view.</p>`,
    `</header>`,
    `<noscript><p>This page computes everything in your browser: it needs JavaScript.</p></noscript>`,
    `<div id="status" role="status" data-state="loading"><span class="spinner" aria-hidden="true"></span><span id="status-text">Loading…</span><progress id="progress" hidden></progress></div>`,
    `<div class="layout">`,
    `<form id="inputs" aria-label="Inputs" novalidate>`,
    `<p id="form-error" class="field-error" aria-live="polite"></p>`,
    `<p id="hash-note" class="muted"></p>`,
    `</form>`,
    `<div class="outputs">`,
    `<div id="results"><p class="muted">Computing the first result…</p></div>`,
    `<div id="extras"></div>`,
    `<section id="reproduce">`,
    `<h2>Reproduce and download</h2>`,
    `<p>The command that prints exactly these numbers, as JSON:</p>`,
    `<pre><code id="command"></code></pre>`,
    `<p><button type="button" id="download-json">Download JSON</button> <button type="button" id="download-csv">Download CSV</button></p>`,
    `</section>`,
    logPanelMount(),
    `</div>`,
    `</div>`,
    `<footer class="provenance"><p>Built from ${escapeHtml(built)} by <code>${escapeHtml(page.command)}</code>. ` + `Nothing on this page is fetched: it works offline, from disk.</p></footer>`,
    `</main>`,
    `<script type="text/plain" id="explorer-worker">${page.workerScript}</script>`,
    `<script>${page.pageScript}</script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
