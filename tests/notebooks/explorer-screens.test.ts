import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { explorerFixture } from "../support/explorer-fixture.ts";
import { requireChromium } from "../support/browser-check.ts";
import { settled } from "../../tools/explorer-page.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const small = "seats=2&plan=recruiter-lite&months=3&replications=3";

/** Whether the element at the centre of `selector`'s box, once scrolled there, is that element or inside it. */
async function ownCentre(page: Page, selector: string): Promise<{ ok: boolean; top: string }> {
  return page
    .locator(selector)
    .first()
    .evaluate((node) => {
      node.scrollIntoView({ block: "center" });
      const box = node.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { ok: top !== null && node.contains(top), top: top ? `${top.tagName.toLowerCase()}#${top.id}.${top.className}` : "nothing" };
    });
}

describe("the explorer on a phone and on a laptop", () => {
  const explorer = explorerFixture("explorer-screens-");

  for (const [width, height] of [
    [390, 800],
    [1280, 900],
  ] as const) {
    it(`at ${width} × ${height}: the form never covers the answer, and nothing scrolls sideways`, async (ctx) => {
      requireChromium(ctx);
      const session = await explorer.session();
      const page = await session.open(small, width, height);
      expect(await settled(page, { extras: true })).toBe("ready");
      // Folded (phone) or open (laptop) as the page chose, then with every group of the form open.
      for (const unfold of [false, true]) {
        if (unfold) await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>("#inputs details").forEach((d) => (d.open = true)));
        for (const card of ["#answer .answer li", "#plans .table-wrap", "#capacity svg"]) {
          const centre = await ownCentre(page, card);
          expect(centre, `${card}${unfold ? " with the form unfolded" : ""}: ${centre.top} is on top`).toMatchObject({ ok: true });
        }
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(sideways).toBeLessThanOrEqual(0);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(root, "out", `explorer-${width}.png`), fullPage: width > 800 });
      expect(session.errors).toEqual([]);
    });
  }

  it("at 390 px the form's groups start folded above the answer, and a short label names each field", async (ctx) => {
    requireChromium(ctx);
    const session = await explorer.session();
    const page = await session.open(small, 390, 800);
    await settled(page);
    const groups = await page.locator("#inputs details").evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open));
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((open) => !open)).toBe(true);
    // The answer's first number is on the first screen.
    const top = await page
      .locator("#answer .answer li")
      .first()
      .evaluate((n) => n.getBoundingClientRect().bottom);
    expect(top).toBeLessThanOrEqual(800);
    expect(await page.locator('label[for="field-seats"]').textContent()).toBe("Seats");
    expect(await page.locator('label[for="field-responseRate"]').textContent()).toBe("Response rate");
    // The help sentence beneath, tied to the field for screen readers.
    const help = await page.locator("#field-responseRate").getAttribute("aria-describedby");
    expect(await page.locator(`#${help!.split(" ")[0]}`).textContent()).toMatch(/^Response rate the team observes today.*A number from 0\.001 to 0\.95, or segment responseRate$/);
  });
});
