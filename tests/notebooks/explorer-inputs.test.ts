import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { explorerFixture } from "../support/explorer-fixture.ts";
import { requireChromium } from "../support/browser-check.ts";
import { newResult, resultId, settled } from "../../tools/explorer-page.ts";

const small = "seats=2&plan=recruiter-lite&months=3&replications=3";
const smallCommand = "npx tsx scenarios/team.ts --json --set seats=2 --set plan=recruiter-lite --set months=3 --set replications=3";

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const slider = (page: Page, name: string) => page.locator(`[data-slider-for="${name}"]`);
const hash = (page: Page) => decodeURIComponent(new URL(page.url()).hash);
const command = (page: Page) => page.locator("#command").innerText();

describe("the explorer's inputs agree with themselves and with the link", () => {
  const explorer = explorerFixture("explorer-inputs-");
  const open = async (link: string) => {
    const session = await explorer.session();
    return session.open(link);
  };

  it("puts the slider at the value typed in any accepted form, and at a link's", async (ctx) => {
    requireChromium(ctx);
    const page = await open(`${small}&responseRate=25%25`);
    expect(await settled(page)).toBe("ready");
    expect(await field(page, "responseRate").inputValue()).toBe("25%");
    expect(Number(await slider(page, "responseRate").inputValue())).toBe(0.25);
    for (const [typed, at] of [
      ["0.3", 0.3],
      ["12.5%", 0.125],
      [" 40 % ", 0.4],
    ] as const) {
      await field(page, "responseRate").fill(typed);
      expect(Number(await slider(page, "responseRate").inputValue()), typed).toBe(at);
    }
    // A value the parser refuses leaves the slider at the last it accepted.
    await field(page, "responseRate").fill("2.5");
    expect(Number(await slider(page, "responseRate").inputValue())).toBe(0.4);
  });

  it("never writes an invalid value into the link; a link with one opens with its message and the result of the other inputs", async (ctx) => {
    requireChromium(ctx);
    const page = await open(`${small}&responseRate=2.5`);
    expect(await settled(page)).toBe("ready");
    expect(await page.locator('[data-name="responseRate"] .field-error').innerText()).toBe("responseRate: 2.5 is not allowed; expected a number from 0.001 to 0.95, or segment");
    expect(await page.locator('[data-name="responseRate"]').evaluate((n) => (n.closest("details") as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator("#status-text").innerText()).toMatch(/1 input is not valid/);
    // The result of the other inputs, the response rate at its default.
    expect(await command(page)).toBe(smallCommand);
    expect(await page.locator("[data-answer=sentence]").innerText()).toMatch(/at a 18\.0% response rate/);
    expect(hash(page)).not.toMatch(/responseRate/);
    // Typed, it stays out of the link, while a valid change beside it goes in and is computed.
    let id = await resultId(page);
    await field(page, "responseRate").fill("0.3");
    await newResult(page, id);
    expect(hash(page)).toMatch(/responseRate=0\.3/);
    await field(page, "responseRate").fill("2.5");
    await field(page, "responseRate").press("Tab");
    await page.waitForFunction(() => document.body.dataset.state === "invalid");
    expect(hash(page)).toMatch(/responseRate=0\.3/);
    id = await resultId(page);
    await field(page, "seats").fill("3");
    await newResult(page, id);
    expect(hash(page)).toMatch(/seats=3/);
    expect(hash(page)).toMatch(/responseRate=0\.3/);
    expect(hash(page)).not.toMatch(/2\.5/);
    expect(await command(page)).toMatch(/--set seats=3 .*--set responseRate=0\.3/);
    expect(explorer.current.errors).toEqual([]);
  });

  it("shows and uses the chosen segment's rate until one is typed; a typed rate stays when the segment changes", async (ctx) => {
    requireChromium(ctx);
    const page = await open(small);
    expect(await settled(page)).toBe("ready");
    const note = (name: string) => page.locator(`[data-name="${name}"] .field-resolved`).innerText();
    const sentence = () => page.locator('[data-answer="sentence"]').innerText();
    expect(await field(page, "responseRate").inputValue()).toBe("segment");
    expect(await note("responseRate")).toBe("18%: the passive-candidates segment's (assumed)");
    expect(Number(await slider(page, "responseRate").inputValue())).toBe(0.18);
    let id = await resultId(page);
    await field(page, "audience.segment").selectOption("executives");
    await newResult(page, id);
    expect(await note("responseRate")).toBe("10%: the executives segment's (assumed)");
    expect(await note("positiveShare")).toBe("60%: the executives segment's (assumed)");
    expect(Number(await slider(page, "responseRate").inputValue())).toBe(0.1);
    expect(await sentence()).toContain("at a 10.0% response rate (the executives segment's, assumed).");
    expect(await command(page)).toBe(`${smallCommand} --set audience.segment=executives`);
    id = await resultId(page);
    await field(page, "responseRate").fill("18%");
    await newResult(page, id);
    expect(await page.locator('[data-name="responseRate"] .field-resolved').count()).toBe(1);
    expect(await note("responseRate").catch(() => "")).toBe("");
    id = await resultId(page);
    await field(page, "audience.segment").selectOption("prospects");
    await newResult(page, id);
    expect(await field(page, "responseRate").inputValue()).toBe("18%");
    expect(await sentence()).toMatch(/at a 18\.0% response rate\.$/);
    expect(await command(page)).toBe(
      "npx tsx scenarios/team.ts --json --set seats=2 --set plan=recruiter-lite --set responseRate=0.18 --set months=3 --set replications=3 --set audience.segment=prospects",
    );
    expect(await note("positiveShare")).toBe("65%: the prospects segment's (assumed)");
    expect(explorer.current.errors).toEqual([]);
  });

  it("gives, after a burst of superseded changes, the numbers a fresh page gives for the same inputs", async (ctx) => {
    requireChromium(ctx);
    const page = await open(small);
    await settled(page);
    const id = await resultId(page);
    for (const seats of ["1", "12", "30", "4"]) {
      await field(page, "seats").fill(seats);
      await page.waitForTimeout(30);
    }
    await field(page, "policy").selectOption("both");
    await newResult(page, id, { extras: true });
    const link = hash(page).slice(1);
    expect(link).toMatch(/seats=4.*policy=both/);
    const shown = await page.locator("#results").innerText();
    const fresh = await explorer.current.open(link);
    expect(await settled(fresh)).toBe("ready");
    expect(await fresh.locator("#results").innerText()).toBe(shown);
  });

  // The issue's two links (now a field's message and a refusal), and a team the page accepts whose every job
  // (one replication of a 3,000-seat contract) runs for half a minute: its workers must be stopped.
  for (const stuck of [`${small}&sendsPerWorkingDay=1e-12`, "plan=recruiter&seats=10000&months=6", "plan=recruiter&seats=3000&months=12&replications=2"]) {
    it(`stops a computation that is superseded: after #${stuck}, a later valid input is computed`, async (ctx) => {
      requireChromium(ctx);
      const page = await open(stuck);
      // Whatever the page makes of the link (a long computation, a refusal, or a field's message), give it a moment.
      await page.waitForTimeout(1500);
      const id = await resultId(page);
      await field(page, "sendsPerWorkingDay").fill("12");
      await field(page, "seats").fill("2");
      await field(page, "plan").selectOption("recruiter-lite");
      // Inputs unlike any the page had: their result is a new one.
      await field(page, "months").fill("2");
      await field(page, "months").press("Tab");
      await page.waitForFunction((a) => Number(document.body.dataset.resultId ?? -1) > a && document.body.dataset.state === "ready", id, { timeout: 20_000 });
      const replications = /replications=\d+/.exec(stuck)?.[0];
      expect(await command(page)).toBe(`npx tsx scenarios/team.ts --json --set seats=2 --set plan=recruiter-lite --set months=2${replications ? ` --set ${replications}` : ""}`);
      expect(explorer.current.errors).toEqual([]);
    });
  }
});
