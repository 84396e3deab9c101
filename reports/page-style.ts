/**
 * The page's only stylesheet, inlined into `<style>`. System fonts (nothing to
 * fetch); a column as wide as a 1280 px screen allows (75rem), with prose kept
 * to a readable measure; the answer block first; a section's text beside its
 * figure when the screen is wide enough (`.beside`), under it otherwise;
 * small multiples side by side at their own width, wrapping, bottoms aligned so their axes line up (`.figures`); figures that scale down with the
 * column; wide tables inside a frame that scrolls on its own and shows a shadow
 * at the edge that hides columns; method text folded into `<details>`; every
 * text at least 12 px, figure text included (Plot's own 10 px is overridden);
 * print rules: black on white, no download links, figures kept whole.
 */
export const pageCss = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5b5b60; --rule: #d9d9de; --faint: #f5f5f7; --link: #1f56c4; --accent: #1f56c4; --measure: 44rem; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 75rem; margin: 0 auto; padding: 1.25rem 1rem 2rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 0.75rem; }
h2 { font-size: 1.3rem; line-height: 1.25; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
p { margin: 0 0 0.6rem; max-width: var(--measure); }
a { color: var(--link); }
.guide { font-size: 1rem; color: var(--muted); }
.answer { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); gap: 0.75rem; margin: 0 0 0.75rem; padding: 0; list-style: none; }
.answer li { border: 1px solid var(--rule); border-top: 4px solid var(--accent); border-radius: 4px; padding: 0.5rem 0.75rem 0.6rem; background: #fff; }
.answer .label { display: block; color: var(--muted); font-size: 0.875rem; }
.answer .value { display: block; font-size: 1.6rem; line-height: 1.2; font-weight: 650; font-variant-numeric: tabular-nums; }
.answer .note { display: block; font-size: 0.875rem; line-height: 1.35; }
.answer-text { max-width: none; font-size: 1.05rem; }
details { margin: 0.5rem 0; max-width: var(--measure); }
details > summary { cursor: pointer; color: var(--link); font-size: 0.95rem; }
details[open] > summary { margin-bottom: 0.4rem; }
.beside { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 1.5rem; align-items: start; }
.beside > .prose { grid-column: 1; grid-row: 1; min-width: 0; }
.beside > .figure, .beside > .figures, .beside > .table-wrap { grid-column: 2; grid-row: 1; margin-top: 0; max-width: 40rem; }
.beside > .figure ~ .table-wrap, .beside > .figures ~ .table-wrap { grid-column: 1 / -1; grid-row: 2; max-width: 100%; }
.figure { margin: 0.75rem 0; overflow-x: auto; }
.figure figure { margin: 0; }
.figure svg { max-width: 100%; height: auto; }
.figure svg, .figure [class*="-swatches"] { font-size: 12px; }
.figure figcaption { color: var(--muted); font-size: 0.85rem; margin-top: 0.25rem; }
.figures { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem; margin: 0.75rem 0; }
.figures > .figure { margin: 0; flex: 0 1 auto; min-width: 0; max-width: 100%; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0; max-width: 100%;
  background: linear-gradient(to right, #fff 30%, rgba(255,255,255,0)), linear-gradient(to left, #fff 30%, rgba(255,255,255,0)) 100% 0,
    radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), rgba(0,0,0,0)), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) 100% 0;
  background-repeat: no-repeat; background-size: 2.5rem 100%, 2.5rem 100%, 0.9rem 100%, 0.9rem 100%; background-attachment: local, local, scroll, scroll; }
.table-wrap:focus-visible { outline: 2px solid var(--link); }
table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
.download { display: inline-block; font-size: 0.9rem; }
.provenance { margin-top: 2rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font-size: 0.9rem; }
.provenance h2 { margin-top: 0; }
.provenance dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr)); gap: 0.2rem 1rem; margin: 0 0 0.5rem; }
.provenance dl > div { display: flex; gap: 0.5rem; }
.provenance dt { color: var(--muted); }
.provenance dd { margin: 0; overflow-wrap: anywhere; }
.provenance details { max-width: none; }
.params td:first-child { white-space: nowrap; }
.params td + td { overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
.provenance code, .provenance pre { font-size: 0.8125rem; }
pre { background: var(--faint); padding: 0.5rem 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
@media (max-width: 62rem) {
  .beside { display: block; }
  .beside > .figure, .beside > .figures, .beside > .table-wrap { max-width: none; }
}
@media (max-width: 30rem) {
  main { padding: 1rem 0.75rem 2rem; }
  h1 { font-size: 1.45rem; }
  /* On a phone a column is as wide as its figures, not its heading: "conversations / month" takes two lines. */
  thead th { white-space: normal; min-width: 4.5rem; }
}
@media print {
  :root { --fg: #000; --muted: #333; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a.download { display: none; }
  .figure, .table-wrap { overflow: visible; background: none; }
  .figure, table, pre, dl, .answer li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  pre { background: none; border: 1px solid var(--rule); }
}
`.trim();
