/**
 * How this project starts Debian's Chromium (the `chromium` package; no browser is
 * downloaded from npm): where it lives and the launch flags — headless, no sandbox (CI
 * runs as root), and no network of its own (updates, sync, QUIC), so a page is judged
 * on what it loads itself. Used by the browser checks of the tests and by the explorer's
 * driver (tools/explorer-page.ts).
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const defaults = {
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
} as const;
