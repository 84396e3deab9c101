/**
 * What the explorer's HTML holds for the "your log" panel: its mount point (the page
 * script, browser/log-panel.ts, fills it in), its style rules (in the explorer's own
 * vocabulary: fields, messages, answer tiles, framed tables), and the replay command's
 * option specs as JSON data, so the page parses and explains every option exactly as
 * `commands/replay.ts` does.
 */
import { logOptions } from "../../cli/log-cli.ts";

import { escapeHtml } from "../../reports/escape-html.ts";
import { logPanelId } from "./log-panel-ids.ts";

export const logPanelCss = `
#log-panel { margin-top: 2rem; }
#log-panel .log-drop { border: 2px dashed var(--rule); border-radius: 6px; padding: 0.75rem; margin: 0 0 1rem; }
#log-panel .log-drop[data-over] { border-color: var(--link); background: var(--faint); }
#log-panel .log-drop input[type=file] { font: inherit; font-size: 0.9rem; max-width: 100%; }
#log-panel .log-options { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); gap: 0 1rem; }
#log-panel .log-options input[type=text], #log-panel .log-options select { font: inherit; font-size: 0.95rem; padding: 0.2rem 0.35rem; width: 100%; min-width: 0; box-sizing: border-box; }
#log-panel .field label { display: block; font-size: 0.9rem; line-height: 1.3; }
#log-panel .log-message { color: #b00020; font-size: 0.95rem; overflow-wrap: anywhere; }
#log-panel .log-message:empty { display: none; }
#log-panel .answer-text { overflow-wrap: anywhere; }
#log-panel pre { white-space: pre-wrap; overflow-wrap: anywhere; }
#log-panel .log-changes li { font-variant-numeric: tabular-nums; }
#inputs [data-from-log] { outline: 2px solid var(--accent); outline-offset: 1px; }
`.trim();

/**
 * The panel's mount point, holding the replay command's option specs as JSON (those the
 * panel shows and the defaults of the rest); browser/log-panel.ts builds what is in it.
 */
export function logPanelMount(): string {
  return `<section id="${logPanelId}" aria-labelledby="${logPanelId}-heading" data-options="${escapeHtml(JSON.stringify(logOptions))}"></section>`;
}
