/**
 * The page's only stylesheet, inlined into `<style>`. System fonts (nothing to
 * fetch), one readable column that narrows to a phone, figures that scale
 * down with the column (pinch-zoom for detail on a phone), wide tables that
 * scroll inside their own box,
 * and print rules: black on white, no download links, figures kept whole.
 */
export const pageCss = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5b5b60; --rule: #d9d9de; --faint: #f5f5f7; --link: #1f56c4; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 2.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 0.75rem; }
a { color: var(--link); }
.guide { font-size: 1.05rem; color: var(--muted); border-left: 3px solid var(--rule); padding-left: 0.75rem; }
.figure { margin: 1rem 0; overflow-x: auto; }
.figure figure { margin: 0; }
.figure svg { max-width: 100%; height: auto; }
.figure figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.25rem; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
.download { display: inline-block; font-size: 0.9rem; }
.provenance { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: 0.9rem; }
.provenance h2 { margin-top: 0; }
.provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
.provenance dt { color: var(--muted); }
.provenance dd { margin: 0; overflow-wrap: anywhere; }
.params td:first-child { white-space: nowrap; }
.params td + td { overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
pre { background: var(--faint); padding: 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
@media (max-width: 30rem) {
  main { padding: 1rem 0.75rem 2rem; }
  h1 { font-size: 1.45rem; }
  .provenance dl { grid-template-columns: 1fr; }
  .provenance dd { margin-bottom: 0.4rem; }
}
@media print {
  :root { --fg: #000; --muted: #333; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a.download { display: none; }
  .figure, .table-wrap { overflow: visible; }
  .figure, table, pre, dl { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  pre { background: none; border: 1px solid var(--rule); }
}
`.trim();
