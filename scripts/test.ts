// `npm test`: unit and integration tests (vitest) and browser tests
// (Playwright in Chromium) against one fresh PostgreSQL database, then one
// summary line: "N passed, N failed". The corpus suite (`npm run test:corpus`)
// is not part of it: `npm test` needs nothing outside the repository.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runCommand } from "./lib/run-command";
import { playwrightFailures, vitestFailures } from "./lib/test-failures";
import { createTestDatabase } from "./lib/test-database";
import { testEnv } from "./lib/test-env";

// Not test-results/: Playwright empties that folder when it starts.
const REPORTS = path.resolve(".reports");
mkdirSync(REPORTS, { recursive: true });
const vitestReport = path.join(REPORTS, "vitest.json");
const playwrightReport = path.join(REPORTS, "playwright.json");

const started = performance.now();
const database = await createTestDatabase();
const env = testEnv(database);
const bin = (name: string) => path.resolve("node_modules/.bin", name);

const vitestCode = await runCommand(
  bin("vitest"),
  [
    "run",
    "--project=unit",
    "--project=integration",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${vitestReport}`,
  ],
  env,
);
const playwrightCode = await runCommand(bin("playwright"), ["test"], {
  ...env,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
await database.dispose();

function readJson(file: string) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}
const vitest = readJson(vitestReport);
const playwright = readJson(playwrightReport);
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (playwright?.stats?.skipped ?? 0);
const ranNothing = !vitest || !playwright;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// CI shows only the end of its output: name every failure here, with the first line of its error.
for (const failure of [...vitestFailures(vitest), ...playwrightFailures(playwright)]) console.log(`✘ ${failure}`);
console.log(
  `\nvitest: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? "?"} failed · playwright: ${playwright?.stats?.expected ?? 0} passed, ${playwright?.stats?.unexpected ?? "?"} failed · ${seconds} s`,
);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitestCode || playwrightCode || (ranNothing ? 1 : 0));
