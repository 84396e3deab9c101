import { parseHTML } from "linkedom";

/** Parses figure or page markup into a queryable linkedom document. */
export function parseMarkup(markup: string): Document {
  const { document } = parseHTML(markup.trimStart().startsWith("<!doctype") ? markup : `<!doctype html><html><body>${markup}</body></html>`);
  return document as unknown as Document;
}

/** Text of every element matching `selector`, in document order. */
export function texts(document: Document, selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((el) => el.textContent ?? "");
}
