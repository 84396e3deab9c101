/**
 * The explorer page's script: builds the form from the planner's parameters, keeps
 * the inputs in the URL hash, validates every field with the CLI's own parser (a bad
 * value is shown next to its field and never reaches the model), sends each valid set
 * of values to the Web Worker — a newer one supersedes the running computation — and
 * shows the result, its downloads and the command line that reproduces it.
 */
import type { ParamValues } from "../../../scenarios/params.ts";
import { hashFromTexts, parseTexts, textsFromHash, type FieldTexts } from "../input-state.ts";
import type { ComputeRequest, WorkerReply } from "../messages.ts";
import { teamParams } from "../planner.ts";
import { teamCommand } from "../team-command.ts";
import { el, replaceChildren } from "./dom.ts";
import { download } from "./downloads.ts";
import { buildForm, type Field } from "./input-form.ts";
import { inputGroups, renderResult, resultCsv, resultJson } from "./render-result.ts";

/** Typing waits this long (ms) for a pause before it recomputes; a click, choice or slider does not wait. */
const typingPauseMs = 250;

const specs = teamParams;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>("inputs");
const status = byId<HTMLElement>("status");
const statusText = byId<HTMLElement>("status-text");
const progress = byId<HTMLProgressElement>("progress");
const formError = byId<HTMLElement>("form-error");
const results = byId<HTMLElement>("results");
const command = byId<HTMLElement>("command");
const hashNote = byId<HTMLElement>("hash-note");

form.addEventListener("submit", (event) => event.preventDefault());
const fields: Map<string, Field> = buildForm(form, inputGroups(specs), specs, (_name, immediate) => schedule(immediate));

const workerUrl = URL.createObjectURL(new Blob([byId("explorer-worker").textContent ?? ""], { type: "text/javascript" }));
const worker = new Worker(workerUrl);

let requested = 0;
let startedAt = 0;
let pending: ParamValues | null = null;
let shown: { values: ParamValues; result: unknown } | null = null;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** The hash this page wrote last: a hashchange to anything else is the user's. */
let ownHash = "";

function texts(): FieldTexts {
  return Object.fromEntries([...fields].map(([name, f]) => [name, f.text()]));
}

function setState(state: "computing" | "ready" | "invalid" | "failed", text: string): void {
  document.body.dataset.state = state;
  status.dataset.state = state;
  statusText.textContent = text;
  progress.hidden = state !== "computing";
}

function schedule(immediate: boolean): void {
  clearTimeout(typingTimer);
  if (immediate) recompute();
  else typingTimer = setTimeout(recompute, typingPauseMs);
}

function recompute(): void {
  clearTimeout(typingTimer);
  const now = texts();
  ownHash = hashFromTexts(specs, now);
  if (location.hash.replace(/^#/, "") !== ownHash) history.replaceState(null, "", ownHash === "" ? location.pathname + location.search : `#${ownHash}`);
  const parsed = parseTexts(specs, now);
  for (const [name, field] of fields) field.showError(parsed.ok ? null : (parsed.errors.get(name) ?? null));
  formError.textContent = "";
  if (!parsed.ok) {
    // Stops whatever is running: its result would not be of these inputs.
    requested++;
    pending = null;
    worker.postMessage({ id: requested, values: null } satisfies ComputeRequest);
    const n = parsed.errors.size;
    setState("invalid", `${n} input${n === 1 ? " is" : "s are"} not valid (see ${n === 1 ? "its" : "their"} message). ${shown ? "Showing the last valid result." : "Nothing computed yet."}`);
    return;
  }
  requested++;
  startedAt = performance.now();
  progress.removeAttribute("value");
  setState("computing", "Computing…");
  pending = parsed.values;
  worker.postMessage({ id: requested, values: parsed.values } satisfies ComputeRequest);
}

worker.onmessage = (event: MessageEvent<WorkerReply>) => {
  const reply = event.data;
  if (reply.id !== requested) return;
  if (reply.kind === "progress") {
    progress.max = reply.total;
    progress.value = reply.done;
    return;
  }
  if (reply.kind === "result") {
    if (pending === null) return;
    shown = { values: pending, result: reply.result };
    renderResult(results, reply.result, pending);
    command.textContent = teamCommand(specs, pending);
    document.body.dataset.resultId = String(reply.id);
    setState("ready", `Up to date (computed in ${Math.round(performance.now() - startedAt)} ms in this browser).`);
    return;
  }
  if (reply.kind === "invalid") {
    // The planner's one line names its field first ("seats: …"): shown there, or above the form.
    const name = reply.message.slice(0, Math.max(0, reply.message.indexOf(":")));
    const field = fields.get(name);
    if (field) field.showError(reply.message);
    else formError.textContent = reply.message;
    setState("invalid", `These inputs cannot be combined (see the message). ${shown ? "Showing the last valid result." : ""}`);
    return;
  }
  setState("failed", `The computation failed: ${reply.message}`);
};
worker.onerror = (event) => setState("failed", `The computation failed: ${event.message}`);

byId("download-json").addEventListener("click", () => {
  if (shown) download("team.json", "application/json", resultJson(shown.result));
});
byId("download-csv").addEventListener("click", () => {
  if (shown) download("team.csv", "text/csv", resultCsv(shown.result));
});

function loadHash(): void {
  const { texts: fromHash, unknown } = textsFromHash(specs, location.hash);
  for (const [name, field] of fields) field.setText(fromHash[name]!);
  replaceChildren(hashNote, unknown.length > 0 ? `Ignored in the link (no such input): ${unknown.join(", ")}.` : null);
  recompute();
}

window.addEventListener("hashchange", () => {
  if (location.hash.replace(/^#/, "") !== ownHash) loadHash();
});
replaceChildren(results, el("p", { class: "muted" }, "Computing the first result…"));
loadHash();
