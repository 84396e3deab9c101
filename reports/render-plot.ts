import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** Plot options applied under the caller's. Width in CSS px (SVG user units). */
export const defaults = {
  width: 640,
} as const;

/**
 * Renders an Observable Plot spec without a browser, using a fresh linkedom
 * document per call, and returns its markup: an `<svg>`, or a `<figure>` when
 * the plot has a legend or caption.
 *
 * Output is a pure function of `options`: Plot's process-wide id counters
 * (clip paths, patterns, markers) are renumbered per figure, and attribute
 * values never contain a raw `<` or `>`. Plot's own class name (`plot-d6a7b5`)
 * is a constant of the Plot version, so it is left alone.
 *
 * Throws whatever Plot throws for an invalid spec.
 */
export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  // linkedom's Document is a structural subset of the DOM one; Plot uses only that subset.
  const node = Plot.plot({ ...defaults, ...options, document: document as unknown as Document });
  return renumberIds(escapeAttributeBrackets(node.outerHTML));
}

const PLOT_ID = /plot-(?:clip|pattern|marker)-\d+(?!\d)/g;

/**
 * Replaces Plot's global-counter ids with `plot-<hash>-<n>`, where the hash is
 * of the markup with ids blanked: identical figures get identical ids (their
 * definitions are identical too, so sharing a page is harmless) and distinct
 * figures on one page do not collide.
 */
function renumberIds(markup: string): string {
  const order = new Map<string, number>();
  for (const [id] of markup.matchAll(PLOT_ID)) if (!order.has(id)) order.set(id, order.size);
  if (order.size === 0) return markup;
  const prefix = `plot-${fnv1a(markup.replace(PLOT_ID, (id) => `#${order.get(id)}`))}`;
  return markup.replace(PLOT_ID, (id) => `${prefix}-${order.get(id)}`);
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ++i) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * linkedom escapes `&` and `"` in attribute values but not `<`/`>`. Those are
 * legal there, yet a user string like `<script>` would then appear verbatim in
 * the file; entity-encode them so it never does. Text nodes are already
 * escaped, so every raw `<` outside a quoted value starts a tag (Plot emits no
 * comments, and its `<style>` text contains no `<`).
 */
function escapeAttributeBrackets(markup: string): string {
  let out = "";
  let quote = "";
  let inTag = false;
  for (const c of markup) {
    if (quote) {
      if (c === quote) quote = "";
      out += c === "<" ? "&lt;" : c === ">" ? "&gt;" : c;
      continue;
    }
    if (inTag) {
      if (c === '"' || c === "'") quote = c;
      else if (c === ">") inTag = false;
    } else if (c === "<") {
      inTag = true;
    }
    out += c;
  }
  return out;
}
