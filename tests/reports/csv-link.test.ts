import { describe, expect, it } from "vitest";
import { csvDataUri, csvDownloadLink } from "../../reports/csv-link.ts";
import { parseMarkup } from "../support/parse-markup.ts";

describe("csvDataUri", () => {
  it("percent-encodes the CSV so decodeURIComponent gives it back", () => {
    const csv = 'plan,note\n"A, ""x""",50% & <b>\n';
    const uri = csvDataUri(csv);
    expect(uri.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    expect(uri).not.toMatch(/[\s"<>&]/);
    expect(decodeURIComponent(uri.slice(uri.indexOf(",") + 1))).toBe(csv);
  });
});

describe("csvDownloadLink", () => {
  it("is an escaped download link carrying the table", () => {
    const doc = parseMarkup(csvDownloadLink({ filename: "x.csv", table: [{ a: 1 }, { a: 2 }] }));
    const a = doc.querySelector("a[download]")!;
    expect(a.getAttribute("download")).toBe("x.csv");
    expect(a.textContent).toBe("Download the data (x.csv, 2 rows)");
    const href = a.getAttribute("href")!;
    expect(decodeURIComponent(href.slice(href.indexOf(",") + 1))).toBe("a\n1\n2\n");
  });
});
