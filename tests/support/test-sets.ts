/**
 * The two test sets (vitest.config.ts's projects): `fast` (npm run test:fast) is every
 * test file but those listed here, which make `end-to-end`; npm test runs both. A file is
 * listed for what it starts or costs — a command run as a user types it (`tsx`), another
 * process, Chromium, a Redis — and tests/test-sets.test.ts checks both ways: no file of
 * the fast set starts one, and every file listed for one still does.
 */
export type Reason =
  /** Runs a command of ours in a child process (`tsx FILE`, run-cli.ts). */
  | "tsx"
  /** Starts another process of its own (node, sh). */
  | "process"
  /** Drives Chromium (browser-check.ts, tools/explorer-page.ts). */
  | "chromium"
  /** Starts a redis-server (tools/redis-server.ts). */
  | "redis"
  /** Long: every command's bad-input corpus (over 250 runs, most in this process). */
  | "slow";

/** Test files outside the fast set, from the repository root, with what puts each there. */
export const endToEnd: Readonly<Record<string, readonly Reason[]>> = {
  "tests/bad-input/bad-input.test.ts": ["slow", "tsx", "redis"],
  "tests/cli/help.test.ts": ["process"],
  "tests/notebooks/explorer-inputs.test.ts": ["chromium"],
  "tests/notebooks/explorer-log-replay.test.ts": ["tsx"],
  "tests/notebooks/explorer-log.test.ts": ["process", "chromium"],
  "tests/notebooks/explorer-screens.test.ts": ["chromium"],
  "tests/commands/calibrate.test.ts": ["tsx"],
  "tests/commands/replay.test.ts": ["tsx"],
  "tests/commands/sensitivity.test.ts": ["tsx"],
  "tests/experiments/general/scenario.test.ts": ["tsx"],
  "tests/experiments/team/team-follow-ups.test.ts": ["tsx"],
  "tests/notebooks/capacity-by-plan.test.ts": ["tsx", "chromium"],
  "tests/notebooks/explorer.test.ts": ["process", "chromium"],
  "tests/notebooks/job-seeker.test.ts": ["tsx", "chromium"],
  "tests/notebooks/message-levers.test.ts": ["tsx", "chromium"],
  "tests/notebooks/recruiting-team.test.ts": ["tsx", "chromium"],
  "tests/notebooks/replay.test.ts": ["tsx", "chromium"],
  "tests/reports/browser.test.ts": ["chromium"],
  "tests/runner/pool.test.ts": ["process"],
  "tests/runner/queue-faults.test.ts": ["process", "redis"],
  "tests/runner/queue.test.ts": ["process", "redis"],
  "tests/runner/shard.test.ts": ["tsx"],
  "tests/runner/signals.test.ts": ["process", "redis"],
  "tests/scenarios/capacity.test.ts": ["tsx"],
  "tests/scenarios/team.test.ts": ["tsx"],
};

/** How a test file's text shows each reason (the fast set shows none). */
export const shows: Readonly<Record<Exclude<Reason, "slow">, RegExp>> = {
  tsx: /\brunTsx\(/,
  process: /from\s+["'](?:node:)?child_process["']/,
  chromium: /support\/browser-check\.ts|tools\/explorer-page\.ts|["']playwright-core["']/,
  redis: /tools\/redis-server\.ts/,
};

/** Fast-set files that show a reason but start nothing of the kind, with why. */
export const fastDespite: Readonly<Record<string, string>> = {
  "tests/reports/provenance.test.ts": "runs git (a few ms), as reports/provenance.ts itself does",
};
