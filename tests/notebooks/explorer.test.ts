import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { explorerFixture } from "../support/explorer-fixture.ts";
import { requireChromium } from "../support/browser-check.ts";
import { newResult, resultId, settled } from "../../tools/explorer-page.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
/** A small team, so each computation takes a moment. */
const small = "seats=2&plan=recruiter-lite&months=3&replications=3";

const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);
const resultsText = (page: Page) => page.locator("#results").innerText();

async function downloaded(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
  return readFileSync((await download.path())!, "utf8");
}

describe("the explorer page in Chromium", () => {
  const explorer = explorerFixture("explorer-");
  const open = async (hash?: string) => {
    const session = await explorer.session();
    return session.open(hash);
  };

  it("opens from file:// with its defaults, draws every figure, fetches nothing, logs no error", async (ctx) => {
    requireChromium(ctx);
    const page = await open();
    expect(await settled(page, { extras: true })).toBe("ready");
    expect(await page.locator("[data-answer=sentence]").innerText()).toMatch(/conversations a month/);
    for (const id of ["#answer", "#plans", "#capacity svg", "#balance svg", "#policies table"]) expect(await page.locator(id).count()).toBeGreaterThan(0);
    // No element wider than the page at 1280 px, no table wider than its column.
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll(".outputs table")].map((t) => t.getBoundingClientRect().width - t.parentElement!.clientWidth),
    }));
    expect(widths.page).toBeLessThanOrEqual(1280);
    for (const overflow of widths.tables) expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(root, "out", "explorer-1280.png"), fullPage: true });
    expect(explorer.current.errors).toEqual([]);
    expect(explorer.current.blocked).toEqual([]);
  });

  it("gives exactly the JSON of the command line it shows", async (ctx) => {
    requireChromium(ctx);
    const page = await open(`${small}&responseRate=25%25&policy=both`);
    expect(await settled(page)).toBe("ready");
    const command = await page.locator("#command").innerText();
    expect(command).toBe("npx tsx scenarios/team.ts --json --set seats=2 --set plan=recruiter-lite --set policy=both --set responseRate=0.25 --set months=3 --set replications=3");
    const json = await downloaded(page, "#download-json");
    const cli = await run("sh", ["-c", command], { cwd: root, maxBuffer: 1 << 26 });
    expect(json).toBe(cli.stdout);
    expect(JSON.parse(json).settings.seats).toBe(2);
    // What limits each plan: the JSON's words, in the plan table and the list under it.
    for (const p of JSON.parse(json).plans as { plan: string; policy: string; limitedBy: string; limitText: string }[]) {
      const at = `[data-plan="${p.plan}"][data-policy="${p.policy}"]`;
      expect(await page.locator(`#plans tr${at} [data-limited-by]`).innerText()).toBe(`limited by ${p.limitedBy}`);
      expect(await page.locator(`#plans ul.limits li${at}`).innerText()).toContain(p.limitText);
    }
    const csv = await downloaded(page, "#download-csv");
    expect(csv.split("\n")[0]).toMatch(/^plan,policy,seats,conversationsPerTeamPerMonth,/);
    expect(csv.trim().split("\n")).toHaveLength(3);
    // Each figure rounded to its precision: no float noise (76.99999999999999).
    for (const cell of csv
      .trim()
      .split("\n")
      .slice(1)
      .flatMap((line) => line.split(",")))
      expect(cell).not.toMatch(/\.\d{3,}/);
  });

  it("gives the command line's JSON after a change of seats too (the seats it simulated before are not simulated again)", async (ctx) => {
    requireChromium(ctx);
    // Every plan (the pooled contract among them) and both policies, so the figures' runs are in what it knows.
    const page = await open("seats=2&months=3&replications=3&policy=both");
    await settled(page, { extras: true });
    for (const seats of ["3", "2"]) {
      const id = await resultId(page);
      await field(page, "seats").fill(seats);
      await newResult(page, id, { extras: true });
      const command = await page.locator("#command").innerText();
      expect(command).toContain(`--set seats=${seats} `);
      const cli = await run("sh", ["-c", command], { cwd: root, maxBuffer: 1 << 26 });
      expect(await downloaded(page, "#download-json")).toBe(cli.stdout);
    }
    expect(explorer.current.errors).toEqual([]);
  });

  it("recomputes on every kind of input: a number typed, a slider, a choice, a checkbox", async (ctx) => {
    requireChromium(ctx);
    const page = await open(small);
    await settled(page);
    const changes: [string, (p: Page) => Promise<void>][] = [
      ["seats typed", (p) => field(p, "seats").fill("3")],
      ["response-rate slider", (p) => p.locator('[data-slider-for="responseRate"]').fill("0.3")],
      ["policy chosen", async (p) => void (await field(p, "policy").selectOption("guide"))],
      ["weekday effect unticked", (p) => field(p, "timing.weekdayEffect").uncheck()],
    ];
    for (const [what, change] of changes) {
      const before = await resultsText(page);
      const id = await resultId(page);
      await change(page);
      await newResult(page, id);
      expect(await resultsText(page), what).not.toBe(before);
    }
    expect(await field(page, "responseRate").inputValue()).toBe("0.3");
    expect(page.url()).toMatch(/#.*seats=3.*policy=guide.*responseRate=0\.3.*timing\.weekdayEffect=false/);
    expect(explorer.current.errors).toEqual([]);
  });

  it("reopens a copied link with the same inputs and the same numbers", async (ctx) => {
    requireChromium(ctx);
    const page = await open(small);
    await settled(page);
    const id = await resultId(page);
    await field(page, "positiveShare").fill("50%");
    await newResult(page, id);
    const link = page.url();
    const shown = await resultsText(page);
    const again = await explorer.current.open(link.slice(link.indexOf("#") + 1));
    expect(await settled(again)).toBe("ready");
    expect(await field(again, "positiveShare").inputValue()).toBe("50%");
    expect(await resultsText(again)).toBe(shown);
  });

  it("shows a bad value next to its field or a team too large, keeps the last valid result and computes nothing", async (ctx) => {
    requireChromium(ctx);
    const page = await open(small);
    await settled(page);
    const shown = await resultsText(page);
    const id = await resultId(page);
    await field(page, "seats").fill("2.5");
    await field(page, "seats").press("Tab");
    await page.waitForFunction(() => document.body.dataset.state === "invalid");
    expect(await page.locator('[data-name="seats"] .field-error').innerText()).toBe("seats: 2.5 is not allowed; expected an integer from 1 to 10000");
    expect(await field(page, "seats").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#status-text").innerText()).toMatch(/1 input is not valid .*last accepted value.*result shown is of the other inputs/);
    expect(await resultsText(page)).toBe(shown);
    expect(await resultId(page)).toBe(id);
    // A team the command line refuses is refused here in its words, before anything runs…
    await field(page, "seats").fill("10000");
    await field(page, "replications").fill("10000");
    await field(page, "replications").press("Tab");
    await page.waitForFunction(() => /run too large/.test(document.getElementById("form-error")!.textContent ?? ""));
    expect(await page.locator("#form-error").innerText()).toMatch(
      /^run too large: about .+ events .*replications=10,000 .*the limit is 15 minutes .*pass --big to the command line to run it anyway; the command: npx tsx scenarios\/team\.ts --json --set seats=10000 .*--big$/,
    );
    expect(await resultsText(page)).toBe(shown);
    expect(await resultId(page)).toBe(id);
    // …and one above the page's own limit (a minute, by the same estimate) with the command to run instead.
    await field(page, "replications").fill("40");
    await field(page, "months").fill("120");
    await field(page, "months").press("Tab");
    await page.waitForFunction(() => /for this page/.test(document.getElementById("form-error")!.textContent ?? ""));
    expect(await page.locator("#form-error").innerText()).toMatch(
      /^run too large for this page: about .+ on \d Web Workers .*the page computes up to 60 s: .*or run npx tsx scenarios\/team\.ts --json --set seats=10000 /,
    );
    expect(await resultId(page)).toBe(id);
    // Neither refused set went into the link.
    expect(page.url()).not.toMatch(/replications=10000|months=120/);
    // Typed text is shown as text, never run or parsed as markup.
    await page.locator("details.input-group[data-collapsed] summary").click();
    await field(page, "message.subject").fill('<img src=x onerror="document.title=1">');
    await page.waitForTimeout(400);
    expect(await page.locator("#results img, #inputs img").count()).toBe(0);
    expect(explorer.current.blocked).toEqual([]);
  });
});
