/** Quotes `text` for a POSIX shell when it needs it (single quotes; a `'` inside as `'\''`). */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=,+@%-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
