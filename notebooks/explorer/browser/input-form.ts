/**
 * The explorer's form: one labelled, keyboard-usable control per parameter, built from
 * its ParamSpec — a select for a choice, a checkbox for true/false, a text box for the
 * rest (the CLI's own grammar: `unlimited`, `plan`…), with a slider beside a share
 * from 0 to 1 — and a message slot under each that shows why a value is refused.
 */
import { allowed, type ParamSpec } from "../../../experiments/inputs/params.ts";
import { defaultText } from "../input-state.ts";
import { el } from "./dom.ts";

export interface InputGroup {
  readonly legend: string;
  /** Parameter names, in order; names the planner does not have are skipped. */
  readonly names: readonly string[];
  /** Shown collapsed (a `details` element). */
  readonly collapsed?: boolean;
}

export interface Field {
  readonly spec: ParamSpec;
  /** The field's text, as parseValue reads it. */
  text(): string;
  setText(text: string): void;
  /** Shows `message` under the field (null clears it). */
  showError(message: string | null): void;
}

/** `immediate`: a discrete change (select, checkbox, slider); otherwise typing, which waits for a pause. */
export type OnFieldChange = (name: string, immediate: boolean) => void;

const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function buildForm(
  form: HTMLElement,
  groups: readonly InputGroup[],
  specs: readonly ParamSpec[],
  onChange: OnFieldChange,
): Map<string, Field> {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const fields = new Map<string, Field>();
  for (const group of groups) {
    const names = group.names.filter((n) => byName.has(n) && !fields.has(n));
    if (names.length === 0) continue;
    const box = group.collapsed ? el("details", { class: "input-group" }, el("summary", {}, group.legend)) : el("fieldset", { class: "input-group" }, el("legend", {}, group.legend));
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
  const describedBy = `${helpId} ${errorId}`;
  const error = el("p", { class: "field-error", id: errorId, "aria-live": "polite" });
  const help = el("p", { class: "field-help", id: helpId }, allowed(spec), spec.unit ? ` (${spec.unit})` : "");
  const label = el("label", { for: id }, el("span", { class: "field-label" }, spec.description), " ", el("code", {}, spec.name));
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
      if (slider) syncSlider(slider, text.value);
      onChange(spec.name, false);
    });
    text.addEventListener("change", () => onChange(spec.name, true));
    control = text;
    if (spec.kind === "number" && spec.min >= 0 && spec.max <= 1) {
      slider = el("input", {
        type: "range",
        min: String(spec.min),
        max: String(spec.max),
        step: "any",
        "aria-label": `${spec.description} (slider)`,
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
  row.append(...(isBox ? [el("div", { class: "check" }, control, label)] : [label, el("div", { class: "control" }, control, slider)]), help, error);
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
      if (slider) syncSlider(slider, text);
    },
    showError: (message) => {
      error.textContent = message ?? "";
      row.classList.toggle("invalid", message !== null);
      if (message === null) control.removeAttribute("aria-invalid");
      else control.setAttribute("aria-invalid", "true");
    },
  };
  field.setText(defaultText(spec));
  return { field, row };
}

function syncSlider(slider: HTMLInputElement, text: string): void {
  const n = Number(text.trim());
  if (text.trim() !== "" && Number.isFinite(n)) slider.value = String(n);
}
