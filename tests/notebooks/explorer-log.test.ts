/**
 * The explorer's "your log" panel in Chromium: an export opened in the page gives the
 * replay `commands/replay.ts --json` prints for the same file and options — the numbers
 * shown and the downloaded JSON, byte for byte — the command's one-line messages for bad
 * input, and the planner's inputs from the log's rates on a click; nothing is fetched.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../files/write-atomic.ts";
import { explorerFixture } from "../support/explorer-fixture.ts";
import { requireChromium } from "../support/browser-check.ts";
import { newResult, resultId, settled } from "../../tools/explorer-page.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const sample = join(root, "data", "sample-send-log.csv");

/** A percent as the panel shows a rate (a tenth of a percent), from the JSON's fraction. */
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const int = (x: number) => x.toLocaleString("en-US");

describe("the explorer's log panel in Chromium", () => {
  const explorer = explorerFixture("explorer-log-");
  const { dir } = explorer;
  // The user's folder, where the files are.
  const work = join(dir, "work");

  beforeAll(async () => {
    await writeFileAtomic(join(work, "sample-send-log.csv"), readFileSync(sample, "utf8"));
  });
  const open = async (width = 1280) => {
    const session = await explorer.session();
    const page = await session.open("", width);
    expect(await settled(page)).toBe("ready");
    return page;
  };
  /**
   * The command's stdout and its one stderr line (without the command's name), run in the
   * folder of the files (the project's tsx and command by their paths: the file names stay).
   */
  const command = async (text: string) => {
    expect(text.startsWith("npx tsx commands/replay.ts ")).toBe(true);
    const local = text.replace("npx tsx commands/replay.ts", `${join(root, "node_modules/.bin/tsx")} ${join(root, "commands/replay.ts")}`);
    try {
      const r = await run("sh", ["-c", local], { cwd: work, maxBuffer: 1 << 26 });
      return { stdout: r.stdout, stderr: "", code: 0 };
    } catch (err) {
      const e = err as { stdout: string; stderr: string; code: number };
      return { stdout: e.stdout, stderr: e.stderr.trim().replace(/^commands\/replay\.ts: /, ""), code: e.code };
    }
  };
  /** Opens `file` in the panel (or changes an option) and waits for its new replay. */
  const replayed = async (page: Page, act: () => Promise<unknown>) => {
    const before = await page.evaluate(() => Number(document.getElementById("log-panel")!.dataset.logResult ?? 0));
    await act();
    await page.waitForFunction((b) => Number(document.getElementById("log-panel")!.dataset.logResult ?? 0) > b, before);
    return page.evaluate(() => document.getElementById("log-panel")!.dataset.logState);
  };
  const tile = (page: Page, name: string) => page.locator(`[data-log-figure=${name}] .value`).innerText();
  async function downloaded(page: Page): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#log-download-json")]);
    return readFileSync((await download.path())!, "utf8");
  }

  it("replays data/sample-send-log.csv as the command does: its rate, credits lost and held, and the JSON to the byte", async (ctx) => {
    requireChromium(ctx);
    const page = await open();
    expect(await replayed(page, () => page.setInputFiles("#log-file", join(work, "sample-send-log.csv")))).toBe("ready");
    const shown = await page.locator("[data-log-command]").innerText();
    expect(shown).toBe("npx tsx commands/replay.ts --log sample-send-log.csv --json");
    const cli = await command(shown);
    expect(cli.code).toBe(0);
    const json = JSON.parse(cli.stdout);
    expect(await tile(page, "response-rate")).toBe(pct(json.observed.responseRate));
    expect(await tile(page, "credits-lost")).toBe(int(json.replay.totals.lost));
    expect(await tile(page, "credits-held")).toBe(int(json.replay.totals.held));
    expect(await tile(page, "conversations")).toBe(int(json.observed.conversations));
    expect(await downloaded(page)).toBe(cli.stdout);
    // Every plan side by side, under both policies.
    expect(await page.locator("#log-plans tr[data-plan]").count()).toBe(json.whatIf.length);
    await page.screenshot({ path: join(root, "out", "explorer-log-1280.png"), fullPage: true });
    expect(explorer.current.errors).toEqual([]);
    expect(explorer.current.blocked).toEqual([]);
  });

  it("takes the command's options: the credit rules, the time zone, an opening balance", async (ctx) => {
    requireChromium(ctx);
    const page = await open();
    await replayed(page, () => page.setInputFiles("#log-file", join(work, "sample-send-log.csv")));
    await replayed(page, () => page.selectOption("[name=log-policy]", "guide"));
    await replayed(page, () => page.fill("[name=log-timezone]", "America/New_York"));
    expect(await replayed(page, () => page.fill("[name=log-opening-balance]", "100"))).toBe("ready");
    const shown = await page.locator("[data-log-command]").innerText();
    expect(shown).toBe("npx tsx commands/replay.ts --log sample-send-log.csv --json --policy guide --timezone America/New_York --opening-balance 100");
    const cli = await command(shown);
    const json = JSON.parse(cli.stdout);
    // The opening credits are lost at the guide's resets: lost is not 0 here, so the tile is a real check.
    expect(json.replay.totals.lost).toBeGreaterThan(0);
    expect(await tile(page, "credits-lost")).toBe(int(json.replay.totals.lost));
    expect(await tile(page, "credits-held")).toBe(int(json.replay.totals.held));
    expect(await downloaded(page)).toBe(cli.stdout);
  });

  it("says what the command says of bad input, in one line, and reads US dates with the date format chosen", async (ctx) => {
    requireChromium(ctx);
    const page = await open();
    // Month-first dates, none with a day above 12: ambiguous until a format is chosen.
    const us = join(work, "us-export.csv");
    writeFileSync(us, "Date Sent,Candidate,Status,Replied On,Owner\n01/05/2026 16:30,c1,Replied,01/06/2026 09:00,ann\n02/03/2026 10:00,c2,No reply,,ann\n");
    expect(await replayed(page, () => page.setInputFiles("#log-file", us))).toBe("invalid");
    const ambiguous = await command("npx tsx commands/replay.ts --log us-export.csv --json");
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe("");
    expect(await page.locator("#log-message").innerText()).toBe(ambiguous.stderr);
    expect(ambiguous.stderr).toMatch(/--date-format/);
    expect(await replayed(page, () => page.fill("[name=log-date-format]", "MM/DD/YYYY HH:mm"))).toBe("invalid");
    // Times of day without a zone: the next message names --timezone.
    const naive = await command("npx tsx commands/replay.ts --log us-export.csv --json --date-format 'MM/DD/YYYY HH:mm'");
    expect(naive.stderr).toMatch(/--timezone/);
    expect(await page.locator("#log-message").innerText()).toBe(naive.stderr);
    expect(await replayed(page, () => page.fill("[name=log-timezone]", "America/New_York"))).toBe("ready");
    const shown = await page.locator("[data-log-command]").innerText();
    expect(shown).toBe("npx tsx commands/replay.ts --log us-export.csv --json --timezone America/New_York --date-format 'MM/DD/YYYY HH:mm'");
    expect(await downloaded(page)).toBe((await command(shown)).stdout);
    // A bad option's message under its field, as the command words it.
    expect(await replayed(page, () => page.fill("[name=log-opening-balance]", "lots"))).toBe("invalid");
    const bad = await command(`${shown} --opening-balance lots`);
    expect(await page.locator("[data-log-option=opening-balance] .field-error").innerText()).toBe(bad.stderr);
    // A file that is not UTF-8: the reader's line and byte.
    const latin1 = join(work, "latin1.csv");
    writeFileSync(latin1, Buffer.concat([Buffer.from("sentAt,recipientId,outcome\n2026-01-05T10:00:00Z,Ren"), Buffer.from([0xe9]), Buffer.from("e,replied\n")]));
    expect(await replayed(page, () => page.setInputFiles("#log-file", latin1))).toBe("invalid");
    const notUtf8 = await command("npx tsx commands/replay.ts --log latin1.csv --json");
    expect(notUtf8.stderr).toMatch(/latin1\.csv:2: .*not valid UTF-8/);
    expect(await page.locator("#log-message").innerText()).toBe(notUtf8.stderr);
    expect(explorer.current.errors).toEqual([]);
  });

  it("puts the log's rates into the planner on a click, and the planner recomputes with them", async (ctx) => {
    requireChromium(ctx);
    const page = await open();
    await replayed(page, () => page.setInputFiles("#log-file", join(work, "sample-send-log.csv")));
    const teamCommand = await page.locator("[data-log-team-command]").innerText();
    const pairs = [...teamCommand.matchAll(/--set ([^=\s]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.map(([n]) => n)).toEqual(["seats", "plan", "responseRate", "positiveShare", "sendsPerWorkingDay"]);
    const before = await resultId(page);
    await page.click("#log-fill-planner");
    await newResult(page, before);
    for (const [name, value] of pairs) expect(await page.locator(`#inputs [name="${name}"]`).inputValue()).toBe(value);
    expect(Number(await page.locator("[data-slider-for=responseRate]").inputValue())).toBeCloseTo(Number(pairs[2]![1]), 6);
    expect(await page.locator("#log-planner-changes li").count()).toBe(pairs.length);
    expect(decodeURIComponent(await page.evaluate(() => location.hash))).toContain(`responseRate=${pairs[2]![1]}`);
    expect(await page.locator("#inputs [data-from-log]").count()).toBe(pairs.length);
  });

  it("opens a file dropped on it", async (ctx) => {
    requireChromium(ctx);
    const page = await open();
    const text = readFileSync(sample, "utf8");
    const state = await replayed(page, async () => {
      const transfer = await page.evaluateHandle((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], "dropped.csv", { type: "text/csv" }));
        return dt;
      }, text);
      await page.dispatchEvent("#log-panel .log-drop", "drop", { dataTransfer: transfer });
    });
    expect(state).toBe("ready");
    expect(await page.locator("[data-log-command]").innerText()).toBe("npx tsx commands/replay.ts --log dropped.csv --json");
    const cli = await command("npx tsx commands/replay.ts --log sample-send-log.csv --json");
    expect(await tile(page, "response-rate")).toBe(pct(JSON.parse(cli.stdout).observed.responseRate));
  });

  it("fits a phone: nothing wider than 390 px", async (ctx) => {
    requireChromium(ctx);
    const page = await open(390);
    await replayed(page, () => page.setInputFiles("#log-file", join(work, "sample-send-log.csv")));
    const wide = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      // Elements of the panel poking out of it, outside the tables' own scrolling frames.
      out: [...document.querySelectorAll("#log-panel *")]
        .filter((e) => !e.closest(".table-wrap") && e.getBoundingClientRect().right > document.getElementById("log-panel")!.getBoundingClientRect().right + 0.5)
        .map((e) => e.tagName + (e.id ? `#${e.id}` : "")),
    }));
    expect(wide.page).toBeLessThanOrEqual(390);
    expect(wide.out).toEqual([]);
    await page.locator("#log-panel").screenshot({ path: join(root, "out", "explorer-log-390.png") });
  });
});
