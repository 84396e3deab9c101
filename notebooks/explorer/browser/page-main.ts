/**
 * The explorer page's script: builds the form from the team planner's parameters,
 * keeps the inputs in the URL hash, validates every field with the CLI's own parser (a
 * bad value is shown next to its field and never reaches the model), computes each
 * valid set of values on the Web Workers — a newer one supersedes the running
 * computation — and shows the answer, the figures, the downloads and the command line
 * that prints the same JSON.
 */
import { InputError, type ParamValues } from "../../../experiments/inputs/params.ts";
import { teamParams, type TeamResult } from "../../../experiments/team/team-plan.ts";
import { hashFromTexts, parseTexts, textsFromHash, type FieldTexts } from "../input-state.ts";
import { teamCommand } from "../team-command.ts";
import { computeExtras, computeTeam } from "./compute.ts";
import { replaceChildren } from "./dom.ts";
import { download } from "./downloads.ts";
import { buildForm, type Field } from "./input-form.ts";
import { inputGroups } from "./input-groups.ts";
import "./log-panel.ts";
import { balanceFigure, capacityFigure, policyTable } from "./render-extras.ts";
import { answer, planCsv, planTable } from "./render-team.ts";
import { WebWorkerPool } from "./worker-pool.ts";

/** Typing waits this long (ms) for a pause before it recomputes; a click, a choice or a slider does not wait. */
const typingPauseMs = 250;
/** Most Web Workers, whatever the machine has. */
const maxWorkers = 4;

const specs = teamParams;
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>("inputs");
const status = byId<HTMLElement>("status");
const statusText = byId<HTMLElement>("status-text");
const progress = byId<HTMLProgressElement>("progress");
const formError = byId<HTMLElement>("form-error");
const results = byId<HTMLElement>("results");
const extrasBox = byId<HTMLElement>("extras");
const command = byId<HTMLElement>("command");
const hashNote = byId<HTMLElement>("hash-note");

form.addEventListener("submit", (event) => event.preventDefault());
const fields: Map<string, Field> = buildForm(form, inputGroups(specs), specs, (_name, immediate) => schedule(immediate));
const pool = new WebWorkerPool(byId("explorer-worker").textContent ?? "", Math.max(1, Math.min(maxWorkers, navigator.hardwareConcurrency || 2)));

let generation = 0;
let shown: { values: ParamValues; result: TeamResult } | null = null;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** The hash this page wrote last: a hashchange to anything else is the user's. */
let ownHash = "";

const texts = (): FieldTexts => Object.fromEntries([...fields].map(([name, f]) => [name, f.text()]));
const keptNote = () => (shown ? " Showing the last valid result." : "");

function setState(state: "computing" | "ready" | "invalid" | "failed", text: string): void {
  document.body.dataset.state = state;
  status.dataset.state = state;
  statusText.textContent = text;
  progress.hidden = state !== "computing";
}

function schedule(immediate: boolean): void {
  clearTimeout(typingTimer);
  if (immediate) void recompute();
  else typingTimer = setTimeout(() => void recompute(), typingPauseMs);
}

function writeHash(now: FieldTexts): void {
  ownHash = hashFromTexts(specs, now);
  if (location.hash.replace(/^#/, "") !== ownHash) history.replaceState(null, "", ownHash === "" ? location.pathname + location.search : `#${ownHash}`);
}

async function recompute(): Promise<void> {
  clearTimeout(typingTimer);
  const gen = ++generation;
  const now = texts();
  writeHash(now);
  const parsed = parseTexts(specs, now);
  for (const [name, field] of fields) field.showError(parsed.ok ? null : (parsed.errors.get(name) ?? null));
  formError.textContent = "";
  if (!parsed.ok) {
    // Stops whatever runs: its result would not be of these inputs.
    pool.cancel();
    const n = parsed.errors.size;
    setState("invalid", `${n} input${n === 1 ? " is" : "s are"} not valid (see ${n === 1 ? "its" : "their"} message).${keptNote()}`);
    return;
  }
  const values = parsed.values;
  const started = performance.now();
  progress.removeAttribute("value");
  setState("computing", "Computing…");
  try {
    const team = await computeTeam(pool, values, (done, total) => {
      progress.max = total;
      progress.value = done;
    });
    if (team === null || gen !== generation) return;
    shown = { values, result: team.result };
    replaceChildren(results, answer(team.result), planTable(team.result));
    command.textContent = teamCommand(specs, values);
    document.body.dataset.resultId = String(gen);
    setState("ready", `Up to date (computed in ${Math.round(performance.now() - started)} ms in this browser). Drawing the figures…`);
    const extras = await computeExtras(pool, values, team);
    if (extras === null || gen !== generation) return;
    const width = Math.max(320, Math.min(900, results.clientWidth));
    replaceChildren(extrasBox, capacityFigure(extras, team.result.settings.responseRate, width), balanceFigure(extras, width), policyTable(extras));
    document.body.dataset.extrasId = String(gen);
    setState("ready", `Up to date (team computed in ${Math.round(performance.now() - started)} ms with the figures, in this browser).`);
  } catch (err) {
    if (gen !== generation) return;
    if (err instanceof InputError) {
      // The planner's one line names its field first ("responseRate: …"): shown there, else above the form.
      const field = fields.get(err.message.slice(0, Math.max(0, err.message.indexOf(":"))));
      if (field) field.showError(err.message);
      else formError.textContent = err.message;
      setState("invalid", `These inputs cannot be combined (see the message).${keptNote()}`);
      return;
    }
    setState("failed", `The computation failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

byId("download-json").addEventListener("click", () => {
  if (shown) download("team.json", "application/json", `${JSON.stringify(shown.result, null, 2)}\n`);
});
byId("download-csv").addEventListener("click", () => {
  if (shown) download("team-plans.csv", "text/csv", planCsv(shown.result));
});

function loadHash(): void {
  const { texts: fromHash, unknown } = textsFromHash(specs, location.hash);
  for (const [name, field] of fields) field.setText(fromHash[name]!);
  replaceChildren(hashNote, unknown.length > 0 ? `Ignored in the link (no such input): ${unknown.join(", ")}.` : null);
  void recompute();
}

window.addEventListener("hashchange", () => {
  if (location.hash.replace(/^#/, "") !== ownHash) loadHash();
});
loadHash();
