import { defineConfig } from "vitest/config";
import { endToEnd } from "./tests/support/test-sets.ts";

// Two sets: `fast` (npm run test:fast, `vitest run --project fast`), the units that start
// nothing; `end-to-end`, the files listed in tests/support/test-sets.ts (commands run as a
// user types them, Chromium, Redis, the bad-input corpus). `npm test` runs both.
const slow = Object.keys(endToEnd);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ["default", ["json", { outputFile: "out/test-results.json" }]],
    projects: [
      // A project's include and exclude add to the root's: the root names no test file.
      // The fast set shares each worker's loaded modules between files (isolate: false): most
      // of its time was loading the same modules again for every file, and the project keeps no
      // module-level mutable state that one file could leave to the next.
      { extends: true, test: { name: "fast", include: ["tests/**/*.test.ts"], exclude: slow, isolate: false } },
      { extends: true, test: { name: "end-to-end", include: slow } },
    ],
  },
});
