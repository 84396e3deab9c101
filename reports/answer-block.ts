import { escapeHtml } from "./escape-html.ts";

/** One number of a report's answer: what it is, the number with its unit, and what it rests on. */
export interface AnswerNumber {
  /** What the number answers, e.g. "Cheapest per positive reply". */
  readonly label: string;
  /** The number as the reader should see it, unit included, e.g. "$7.25" or "61 InMails/month per account". */
  readonly value: string;
  /** One short line of context, e.g. "Sales Navigator, illustrative price". Default none. */
  readonly note?: string;
}

/** The answer a report opens with: a few numbers, then at most one sentence. */
export interface Answer {
  /** 1 to 6 numbers, shown as a row of cards (they wrap on a narrow screen). */
  readonly numbers: readonly AnswerNumber[];
  /** One plain-text sentence or two under the numbers. Default none. */
  readonly text?: string;
}

export const defaults = {
  maxNumbers: 6,
} as const;

/**
 * Renders the answer block: a list of number cards, then the sentence.
 * Everything is escaped. Throws an Error naming the field (`answer.numbers[2].value`)
 * for an empty or too long list or an empty label or value.
 */
export function answerToHtml(answer: Answer): string {
  checkAnswer(answer);
  const cards = answer.numbers.map(
    (n) =>
      `<li><span class="label">${escapeHtml(n.label)}</span><span class="value">${escapeHtml(n.value)}</span>` +
      (n.note === undefined ? "" : `<span class="note">${escapeHtml(n.note)}</span>`) +
      `</li>`,
  );
  return [
    `<ul class="answer" aria-label="The answer in numbers">${cards.join("")}</ul>`,
    ...(answer.text === undefined || answer.text.trim() === "" ? [] : [`<p class="answer-text">${escapeHtml(answer.text.trim())}</p>`]),
  ].join("\n");
}

function checkAnswer(answer: Answer): void {
  if (answer === null || typeof answer !== "object" || !Array.isArray(answer.numbers)) fail("answer.numbers", "must be an array");
  const { length } = answer.numbers;
  if (length < 1 || length > defaults.maxNumbers) fail("answer.numbers", `must hold 1 to ${defaults.maxNumbers} numbers, got ${length}`);
  answer.numbers.forEach((n, i) => {
    for (const key of ["label", "value"] as const) {
      if (typeof n[key] !== "string" || n[key].trim() === "") fail(`answer.numbers[${i}].${key}`, "must be a non-empty string");
    }
    if (n.note !== undefined && typeof n.note !== "string") fail(`answer.numbers[${i}].note`, "must be a string");
  });
  if (answer.text !== undefined && typeof answer.text !== "string") fail("answer.text", "must be a string");
}

function fail(at: string, message: string): never {
  throw new Error(`page ${at}: ${message}`);
}
