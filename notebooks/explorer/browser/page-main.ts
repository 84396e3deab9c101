/**
 * The explorer page's script: builds the form from the team planner's parameters,
 * validates every field with the CLI's own parser (a bad value is shown next to its
 * field and never reaches the model: the page computes the other inputs with that
 * field's last accepted value), keeps the accepted inputs — and only those — in the URL
 * hash, computes each accepted set on the Web Workers — a newer one stops the running
 * computation — and shows the answer, the figures, the downloads and the command line
 * that prints the same JSON.
 */
import { InputError, parseValue, type ParamValues } from "../../../experiments/inputs/params.ts";
import { teamParams } from "../../../experiments/team/team-params.ts";
import { positiveShareOf, segmentWord } from "../../../experiments/inputs/segment-rates.ts";
import { segments, type SegmentId } from "../../../models/audiences.ts";
import { pct } from "../../../reports/number-format.ts";
import { type TeamResult } from "../../../experiments/team/team-result.ts";
import { defaultTexts, hashFromTexts, parseTexts, textsFromHash, type FieldTexts } from "../input-state.ts";
import { teamCommand } from "../team-command.ts";
import { RunTooLargeError } from "../../../runner/run-estimate.ts";
import { computeExtras, prepareTeam, runTeam } from "./compute.ts";
import { replaceChildren } from "./dom.ts";
import { download } from "./downloads.ts";
import { buildForm, type Field } from "./input-form.ts";
import { inputGroups } from "./input-groups.ts";
import "./log-panel.ts";
import { balanceFigure, capacityFigure, policyTable } from "./render-extras.ts";
import { answer, planCsv, planTable } from "./render-team.ts";
import { WebWorkerPool } from "./worker-pool.ts";

/**
 * Typing that the parser refuses waits this long (ms) for a pause before its message shows;
 * a value it accepts, a click, a choice or a slider recomputes at once (a newer input stops the computation).
 */
const typingPauseMs = 250;
/**
 * A computation shows its spinner and progress bar once it has run this long (ms); a
 * shorter one shows "Computing…" alone, and no frame is drawn for its progress (on a
 * machine of few cores, drawing takes from the workers).
 */
const progressDelayMs = 400;
/** Ms the figures wait for the answer to be painted, at most. */
const afterPaintMs = 100;
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
const fields: Map<string, Field> = buildForm(form, inputGroups(specs), specs, (name, immediate) => schedule(immediate || parses(name)));
const pool = new WebWorkerPool(byId("explorer-worker").textContent ?? "", Math.max(1, Math.min(maxWorkers, navigator.hardwareConcurrency || 2)));

/** Below this width the form flows above the results (explorer-html.ts), its groups folded. */
const narrow = matchMedia("(max-width: 50rem)");
if (narrow.matches) for (const group of form.querySelectorAll("details")) group.open = false;

let generation = 0;
/** The result on screen, and the key (teamCommand) of its values. */
let shown: { values: ParamValues; result: TeamResult; key: string } | null = null;
/** The key of the team computation under way, if any. */
let runningKey: string | null = null;
/** The key of the result on screen while its figures are computed. */
let drawingKey: string | null = null;
/** The texts of the inputs last accepted (computing or shown): what a field that does not parse stands for. */
let accepted: Record<string, string> = defaultTexts(specs);
/** Field messages now on screen. */
let fieldErrors = 0;
/** The status of the result on screen. */
let readyText = "";
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let progressTimer: ReturnType<typeof setTimeout> | undefined;
/** The hash this page wrote last: a hashchange to anything else is the user's. */
let ownHash = "";

/** Whether field `name`'s text is a value its parser accepts. */
function parses(name: string): boolean {
  const field = fields.get(name)!;
  try {
    parseValue(field.spec, field.text());
    return true;
  } catch {
    return false;
  }
}
const texts = (): FieldTexts => Object.fromEntries([...fields].map(([name, f]) => [name, f.text()]));
const keptNote = () => (shown ? " Showing the last valid result." : "");
const invalidNote = () =>
  fieldErrors === 0
    ? ""
    : ` ${fieldErrors} input${fieldErrors === 1 ? " is" : "s are"} not valid (see ${fieldErrors === 1 ? "its" : "their"} message): the result uses ${fieldErrors === 1 ? "its" : "their"} last accepted value.`;

function setState(state: "computing" | "ready" | "invalid" | "failed", text: string): void {
  document.body.dataset.state = state;
  document.body.dataset.invalidInputs = String(fieldErrors);
  status.dataset.state = state;
  statusText.textContent = text;
  if (state !== "computing") {
    clearTimeout(progressTimer);
    progress.hidden = true;
    delete status.dataset.slow;
  }
}

/** The state when nothing new is to be computed. */
function idleState(): void {
  if (runningKey !== null) setState("computing", `Computing…${invalidNote()}`);
  else if (fieldErrors > 0) setState("invalid", `${invalidNote().trim()}${shown ? " The result shown is of the other inputs." : ""}`);
  else if (shown) setState("ready", readyText);
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

/** Stops the computation under way (its workers are replaced). */
function stopRunning(): void {
  pool.cancel();
  runningKey = null;
  drawingKey = null;
}

/** Beside each input left at `segment`, the figure it stands for: the chosen audience segment's (a typed value is held and shows itself). */
function showSegmentFigures(values: ParamValues): void {
  const segment = segments[values["audience.segment"] as SegmentId];
  for (const [name, figure] of [
    ["responseRate", segment.responseRate],
    ["positiveShare", positiveShareOf(segment)],
  ] as const) {
    fields.get(name)?.showResolved(values[name] === segmentWord ? `${pct(figure)}: the ${segment.id} segment's (assumed)` : null, figure);
  }
}

/** Resolves once the page has painted what it shows (or after `afterPaintMs` where no frame comes: a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, afterPaintMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

async function recompute(): Promise<void> {
  clearTimeout(typingTimer);
  const now = texts();
  // Each field that parses stands for itself; one that does not, for its last accepted text.
  const effective: Record<string, string> = {};
  fieldErrors = 0;
  for (const [name, field] of fields) {
    try {
      parseValue(field.spec, now[name]!);
      effective[name] = now[name]!;
      field.showError(null);
    } catch (err) {
      effective[name] = accepted[name]!;
      field.showError(err instanceof Error ? err.message : String(err));
      fieldErrors++;
    }
  }
  formError.textContent = "";
  const parsed = parseTexts(specs, effective);
  if (!parsed.ok) throw new Error(`accepted inputs no longer parse: ${[...parsed.errors.values()].join("; ")}`);
  const values = parsed.values;
  showSegmentFigures(values);
  const key = teamCommand(specs, values);
  if (key === runningKey) return idleState();
  if (key === shown?.key) {
    // Back to what is on screen: whatever runs is of other inputs (but its figures may go on).
    if (drawingKey !== key) stopRunning();
    accepted = effective;
    writeHash(effective);
    return idleState();
  }
  let plan;
  try {
    plan = prepareTeam(values, pool.size);
  } catch (err) {
    if (!(err instanceof InputError || err instanceof RunTooLargeError)) throw err;
    stopRunning();
    // The planner's one line names its field first ("responseRate: …"): shown there, else above the form.
    const field = fields.get(err.message.slice(0, Math.max(0, err.message.indexOf(":"))));
    if (field) {
      field.showError(err.message);
      fieldErrors++;
    } else formError.textContent = err.message;
    setState("invalid", `${err instanceof RunTooLargeError ? "This team is too large to compute here (see the message)." : "These inputs cannot be combined (see the message)."}${keptNote()}`);
    return;
  }
  stopRunning();
  accepted = effective;
  const gen = ++generation;
  runningKey = key;
  const started = performance.now();
  progress.removeAttribute("value");
  clearTimeout(progressTimer);
  progressTimer = setTimeout(() => {
    if (runningKey !== key) return;
    progress.hidden = false;
    status.dataset.slow = "";
  }, progressDelayMs);
  // The workers start first; the page's own updates come after.
  const computing = runTeam(pool, plan, (done, total) => {
    progress.max = total;
    progress.value = done;
  });
  writeHash(effective);
  setState("computing", `Computing…${invalidNote()}`);
  try {
    const team = await computing;
    if (team === null || gen !== generation) return;
    runningKey = null;
    shown = { values, result: team.result, key };
    replaceChildren(results, answer(team.result), planTable(team.result));
    command.textContent = key;
    document.body.dataset.resultId = String(gen);
    // ms from the navigation's start to the first answer on screen (bench/explorer.ts reads it).
    document.body.dataset.firstViewMs ??= String(Math.round(performance.now()));
    readyText = `Up to date (computed in ${Math.round(performance.now() - started)} ms in this browser). Drawing the figures…`;
    setState("ready", `${readyText}${invalidNote()}`);
    drawingKey = key;
    // The answer is painted before anything of the figures is planned or drawn.
    await afterPaint();
    if (gen !== generation) return;
    const extras = await computeExtras(pool, values, team);
    if (extras === null || gen !== generation) return;
    drawingKey = null;
    const width = Math.max(320, Math.min(900, results.clientWidth));
    replaceChildren(extrasBox, capacityFigure(extras, team.result.settings.responseRate, width), balanceFigure(extras, width), policyTable(extras));
    document.body.dataset.extrasId = String(gen);
    readyText = `Up to date (team computed in ${Math.round(performance.now() - started)} ms with the figures, in this browser).`;
    setState("ready", `${readyText}${invalidNote()}`);
  } catch (err) {
    if (gen !== generation) return;
    runningKey = null;
    drawingKey = null;
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
