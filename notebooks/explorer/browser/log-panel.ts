/**
 * The explorer's "your log" panel: open (or drop) a CSV or JSON-lines export and the page
 * replays it here, in the browser — the command's reader and messages, its options
 * (plan, credit rules, time zone, date format, delimiter, opening balance), its JSON to
 * the byte (notebooks/explorer/log-replay.ts) — shows the credits and the log's rates,
 * and on a click puts those rates into the planner's form (by the form's own controls
 * and events, so the planner recomputes as if typed). The file is read with the File
 * API; nothing leaves the machine. Mounts itself on the page's `#log-panel`.
 */
import { allowed, type ParamSpec } from "../../../experiments/inputs/params.ts";
import { dateFormats } from "../../../logs/log-dates.ts";
import { logPanelId } from "../log-panel-ids.ts";
import { decodeLog, defaultOptionText, panelOptions, plannerInputs, replayCommand, replayLog, type OptionTexts, type PanelOption, type ReplayOutcome } from "../log-replay.ts";
import { el, replaceChildren } from "./dom.ts";
import { download } from "./downloads.ts";
import { changesList, creditsSection, logAnswer, observedSection, plansSection, reproduceSection } from "./log-render.ts";

/** Typing waits this long (ms) for a pause before it replays again, as the planner's fields do. */
const typingPauseMs = 250;

/** Short labels; the command's own sentence goes beneath. */
const labels: Readonly<Record<PanelOption, string>> = {
  plan: "Plan the log was sent on",
  policy: "Credit rules",
  timezone: "Time zone of times without one",
  "date-format": "Date format",
  delimiter: "CSV delimiter",
  "opening-balance": "Opening balance (credits a seat)",
};

/** Choices offered where the command takes text. */
const suggestions: Partial<Record<PanelOption, () => readonly string[]>> = {
  "date-format": () => dateFormats.flatMap((d) => [d, `${d} HH:mm`, `${d} h:mm A`]),
  timezone: () => (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [],
  "opening-balance": () => ["0", "auto"],
};

const delimiterChoices: readonly [string, string][] = [
  ["", "from the header line"],
  [",", "comma ,"],
  [";", "semicolon ;"],
  ["tab", "tab"],
  ["|", "pipe |"],
];

interface Control {
  readonly name: PanelOption;
  readonly input: HTMLInputElement | HTMLSelectElement;
  readonly error: HTMLElement;
}

function control(spec: ParamSpec, name: PanelOption, onChange: (immediate: boolean) => void): { row: HTMLElement; control: Control } {
  const id = `log-option-${name}`;
  let input: HTMLInputElement | HTMLSelectElement;
  let list: HTMLElement | null = null;
  if (spec.kind === "enum" || name === "delimiter") {
    const choices: [string, string][] =
      spec.kind !== "enum"
        ? [...delimiterChoices]
        : [
            ...(spec.default === "" ? ([["", "from the log's plan column"]] as [string, string][]) : []),
            ...spec.values.map((v): [string, string] => [v, spec.labels?.[v] ? `${spec.labels[v]} (${v})` : v]),
          ];
    input = el("select", { id, name: `log-${name}`, "aria-describedby": `${id}-help ${id}-error` }, ...choices.map(([value, text]) => el("option", { value }, text)));
    input.addEventListener("change", () => onChange(true));
  } else {
    const options = suggestions[name]?.() ?? [];
    input = el("input", {
      id,
      name: `log-${name}`,
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      list: options.length > 0 ? `${id}-list` : undefined,
      "aria-describedby": `${id}-help ${id}-error`,
    });
    if (options.length > 0) list = el("datalist", { id: `${id}-list` }, ...options.map((o) => el("option", { value: o })));
    input.addEventListener("input", () => onChange(false));
    input.addEventListener("change", () => onChange(true));
  }
  input.value = defaultOptionText(spec);
  const error = el("p", { class: "field-error", id: `${id}-error`, "aria-live": "polite" });
  const help = el("p", { class: "field-help", id: `${id}-help` }, spec.description, spec.kind === "enum" || name === "delimiter" ? "" : ` (${allowed(spec)})`);
  const row = el("div", { class: "field", "data-log-option": name }, el("label", { for: id }, labels[name], " ", el("code", {}, `--${name}`)), input, list, help, error);
  return { row, control: { name, input, error } };
}

/** Sets the planner's fields from the log's rates through their own controls; what changed, and the inputs it does not have. */
function fillPlanner(pairs: readonly [string, string][]): { changes: { name: string; before: string; after: string }[]; missing: string[] } {
  const form = document.getElementById("inputs");
  const changes: { name: string; before: string; after: string }[] = [];
  const missing: string[] = [];
  for (const old of document.querySelectorAll("[data-from-log]")) old.removeAttribute("data-from-log");
  for (const [name, value] of pairs) {
    const input = form?.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`);
    if (!input || (input instanceof HTMLSelectElement && ![...input.options].some((o) => o.value === value))) {
      missing.push(`${name}=${value}`);
      continue;
    }
    const before = input.value;
    changes.push({ name, before, after: value });
    input.setAttribute("data-from-log", "");
    if (before === value) continue;
    input.value = value;
    // The events a person's typing or choosing fires: the planner syncs its slider and recomputes.
    if (input instanceof HTMLInputElement) input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
  return { changes, missing };
}

function mount(panel: HTMLElement): void {
  // The replay command's option specs, from the page's HTML (log-panel-html.ts).
  const specs = JSON.parse(panel.dataset.options ?? "[]") as ParamSpec[];
  let file: { name: string; text: string; opened: number } | null = null;
  let opened = 0;
  /** The file and option texts of the replay shown: a change event that changes nothing replays nothing. */
  let shownKey = "";
  let outcome: ReplayOutcome | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (immediate: boolean) => {
    clearTimeout(timer);
    timer = setTimeout(replay, immediate ? 0 : typingPauseMs);
  };
  const controls: Control[] = [];
  const rows: HTMLElement[] = [];
  for (const name of panelOptions) {
    const spec = specs.find((s) => s.name === name);
    if (spec === undefined) continue;
    const built = control(spec, name, schedule);
    controls.push(built.control);
    rows.push(built.row);
  }
  const texts = (): OptionTexts => Object.fromEntries(controls.map((c) => [c.name, c.input.value]));

  const picker = el("input", { type: "file", id: "log-file", accept: ".csv,.tsv,.txt,.jsonl,.ndjson,text/csv,application/x-ndjson" });
  const drop = el("div", { class: "log-drop" }, el("label", { for: "log-file" }, "Open a send log — a CSV or JSON-lines export — or drop it here: "), picker);
  const status = el("p", { class: "muted", role: "status", id: "log-status" }, "No log opened yet.");
  const message = el("p", { class: "log-message", role: "alert", id: "log-message" });
  const results = el("div", { id: "log-results" });
  const fill = el("button", { type: "button", id: "log-fill-planner" }, "Use these numbers in the planner");
  const changes = el("div", { id: "log-planner-changes", "aria-live": "polite" });
  const save = el("button", { type: "button", id: "log-download-json" }, "Download JSON");

  replaceChildren(
    panel,
    el("h2", { id: `${logPanelId}-heading` }, "Your send log"),
    el(
      "p",
      {},
      "What does your own export say? The page reads it here, in your browser, with the command line's reader, and replays it through the plan's credit rules: " +
        "the file is never sent anywhere. Dates as spreadsheets write them (a day above 12 shows the order, or choose the date format); Excel serial dates are read as they are.",
    ),
    drop,
    el("div", { class: "log-options" }, ...rows),
    status,
    message,
    results,
  );
  panel.dataset.logState = "empty";

  function replay(): void {
    if (file === null) return;
    const key = JSON.stringify([file.opened, texts()]);
    if (key === shownKey) return;
    shownKey = key;
    const gen = ++generation;
    for (const c of controls) c.error.textContent = "";
    message.textContent = "";
    const started = performance.now();
    const result = replayLog(file.text, file.name, texts(), specs);
    outcome = result;
    if (gen !== generation) return;
    panel.dataset.logResult = String(gen);
    if (!result.ok) {
      const at = result.option === undefined ? undefined : controls.find((c) => c.name === result.option);
      if (at) at.error.textContent = result.message;
      else message.textContent = result.message;
      replaceChildren(status, `${file.name} could not be replayed with these options (see the message).`);
      replaceChildren(results);
      panel.dataset.logState = "invalid";
      return;
    }
    const r = result.report;
    replaceChildren(changes);
    replaceChildren(results, logAnswer(r), creditsSection(r), observedSection(r, fill, changes), plansSection(r), reproduceSection(replayCommand(file.name, texts(), specs), save));
    replaceChildren(status, `Replayed ${file.name} in ${Math.round(performance.now() - started)} ms, here in your browser.`);
    panel.dataset.logState = "ready";
  }

  async function open(chosen: File): Promise<void> {
    replaceChildren(status, `Reading ${chosen.name}…`);
    message.textContent = "";
    replaceChildren(results);
    const decoded = decodeLog(new Uint8Array(await chosen.arrayBuffer()), chosen.name);
    if (!decoded.ok) {
      file = null;
      outcome = null;
      message.textContent = decoded.message;
      replaceChildren(status, `${chosen.name} could not be read (see the message).`);
      panel.dataset.logState = "invalid";
      panel.dataset.logResult = String(++generation);
      return;
    }
    file = { name: chosen.name, text: decoded.text, opened: ++opened };
    // A moment for the status to show before a large log is replayed.
    schedule(true);
  }

  picker.addEventListener("change", () => {
    const chosen = picker.files?.[0];
    if (chosen) void open(chosen);
  });
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.dataset.over = "";
  });
  drop.addEventListener("dragleave", () => delete drop.dataset.over);
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    delete drop.dataset.over;
    const chosen = event.dataTransfer?.files[0];
    if (chosen) void open(chosen);
  });
  // A file dropped beside the zone is not opened by the browser in place of the page (and its inputs).
  for (const type of ["dragover", "drop"] as const) {
    window.addEventListener(type, (event) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    });
  }
  fill.addEventListener("click", () => {
    if (!outcome?.ok) return;
    const done = fillPlanner(plannerInputs(outcome.report));
    replaceChildren(changes, ...changesList(done.changes, done.missing));
  });
  save.addEventListener("click", () => {
    if (outcome?.ok && file) download(`replay-${file.name.replace(/\.[^.]*$/, "")}.json`, "application/json", outcome.json);
  });
}

const panel = document.getElementById(logPanelId);
if (panel) mount(panel);
