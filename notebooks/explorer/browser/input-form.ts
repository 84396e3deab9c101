/**
 * The explorer's form: one labelled, keyboard-usable control per parameter, built from
 * its ParamSpec — a select for a choice, a checkbox for true/false, a text box for the
 * rest (the CLI's own grammar: `unlimited`, `plan`…), with a slider beside a share
 * from 0 to 1 that follows every form of a value the parser accepts (`25%`, `0.25`) —
 * under a short label, with what a default word stands for (`segment`: the segment's
 * rate), the parameter's help sentence beneath and a message slot that shows why a
 * value is refused. Each group is a `details` element, so a narrow
 * screen can fold the form away above the results.
 */
import { allowed, parseValue, type ParamSpec } from "../../../experiments/inputs/params.ts";
import { fieldLabel } from "../field-labels.ts";
import { defaultText } from "../input-state.ts";
import { el } from "./dom.ts";

export interface InputGroup {
  readonly legend: string;
  /** Parameter names, in order; names the planner does not have are skipped. */
  readonly names: readonly string[];
  /** Shown folded (its `details` element closed) on every screen. */
  readonly collapsed?: boolean;
}

export interface Field {
  readonly spec: ParamSpec;
  /** The field's text, as parseValue reads it. */
  text(): string;
  setText(text: string): void;
  /** Shows `message` under the field (null clears it). */
  showError(message: string | null): void;
  /**
   * What the field's word stands for now (e.g. `segment`: the chosen segment's 18%), shown
   * beside it, with its slider at `value`; null clears it (a typed value shows itself).
   */
  showResolved(note: string | null, value?: number): void;
}

/** `immediate`: a discrete change (select, checkbox, slider); otherwise typing, which waits for a pause. */
export type OnFieldChange = (name: string, immediate: boolean) => void;

const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function buildForm(form: HTMLElement, groups: readonly InputGroup[], specs: readonly ParamSpec[], onChange: OnFieldChange): Map<string, Field> {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const fields = new Map<string, Field>();
  for (const group of groups) {
    const names = group.names.filter((n) => byName.has(n) && !fields.has(n));
    if (names.length === 0) continue;
    const box = el("details", { class: "input-group", open: !group.collapsed, "data-collapsed": group.collapsed ? "true" : undefined }, el("summary", {}, group.legend));
    for (const name of names) {
      const field = buildField(byName.get(name)!, onChange);
      fields.set(name, field.field);
      box.appendChild(field.row);
    }
    form.appendChild(box);
  }
  return fields;
}

function buildField(spec: ParamSpec, onChange: OnFieldChange): { field: Field; row: HTMLElement } {
  const id = fieldId(spec.name);
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = `${helpId} ${id}-resolved ${errorId}`;
  const error = el("p", { class: "field-error", id: errorId, "aria-live": "polite" });
  const resolved = el("p", { class: "field-resolved", id: `${id}-resolved`, "aria-live": "polite" });
  const sentence = capitalised(spec.description);
  const help = el("p", { class: "field-help", id: helpId }, `${sentence}. `, capitalised(allowed(spec)), spec.unit ? ` (${spec.unit})` : "", " ", el("code", {}, spec.name));
  const label = el("label", { for: id }, fieldLabel(spec));
  const row = el("div", { class: "field", "data-name": spec.name });
  let control: HTMLInputElement | HTMLSelectElement;
  let slider: HTMLInputElement | null = null;
  if (spec.kind === "enum") {
    const select = el("select", { id, name: spec.name, "aria-describedby": describedBy });
    for (const value of spec.values) select.appendChild(el("option", { value }, value));
    select.addEventListener("change", () => onChange(spec.name, true));
    control = select;
  } else if (spec.kind === "boolean") {
    const box = el("input", { id, name: spec.name, type: "checkbox", "aria-describedby": describedBy });
    box.addEventListener("change", () => onChange(spec.name, true));
    control = box;
  } else {
    const text = el("input", {
      id,
      name: spec.name,
      type: "text",
      inputmode: spec.kind === "string" ? undefined : "decimal",
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": describedBy,
    });
    text.addEventListener("input", () => {
      if (slider) syncSlider(slider, spec, text.value);
      onChange(spec.name, false);
    });
    text.addEventListener("change", () => onChange(spec.name, true));
    control = text;
    if ((spec.kind === "number" || spec.kind === "override") && spec.min >= 0 && spec.max <= 1) {
      slider = el("input", {
        type: "range",
        min: String(spec.min),
        max: String(spec.max),
        step: "any",
        "aria-label": `${fieldLabel(spec)} (slider)`,
        "data-slider-for": spec.name,
      });
      const s = slider;
      s.addEventListener("input", () => {
        // Two decimals (a whole percent) as a person would type it, kept within the range.
        text.value = String(Math.min(spec.max, Math.max(spec.min, Math.round(Number(s.value) * 100) / 100)));
        onChange(spec.name, true);
      });
    }
  }
  const isBox = control instanceof HTMLInputElement && control.type === "checkbox";
  row.append(...(isBox ? [el("div", { class: "check" }, control, label)] : [label, el("div", { class: "control" }, control, slider)]), resolved, help, error);
  const field: Field = {
    spec,
    text: () => (isBox ? String((control as HTMLInputElement).checked) : control.value),
    setText: (text) => {
      if (isBox) (control as HTMLInputElement).checked = text === "true";
      else if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === text)) {
        // A value from a link that is no choice: shown as it is, so its message makes sense.
        control.appendChild(el("option", { value: text }, text));
        control.value = text;
      } else control.value = text;
      if (slider) syncSlider(slider, spec, text);
    },
    showResolved: (note, value) => {
      resolved.textContent = note ?? "";
      if (slider && note !== null && value !== undefined) slider.value = String(value);
    },
    showError: (message) => {
      // Unchanged text is not written again: every field is told on every input, and a write re-lays out and repaints the page.
      if (error.textContent !== (message ?? "")) error.textContent = message ?? "";
      row.classList.toggle("invalid", message !== null);
      // A message is never folded away.
      const group = row.closest("details");
      if (message !== null && group) group.open = true;
      if (message === null) control.removeAttribute("aria-invalid");
      else control.setAttribute("aria-invalid", "true");
    },
  };
  field.setText(defaultText(spec));
  return { field, row };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Puts the slider at the value `text` means, in any form the parser accepts; a text it refuses leaves the slider where it is. */
function syncSlider(slider: HTMLInputElement, spec: ParamSpec, text: string): void {
  let value: unknown;
  try {
    value = parseValue(spec, text);
  } catch {
    return;
  }
  if (typeof value === "number") slider.value = String(value);
}
