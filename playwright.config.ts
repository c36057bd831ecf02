import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  // The browser checks on the shared corpus live apart, run by `npm run test:corpus` only.
  testDir: process.env.E2E_CORPUS === "1" ? "tests/corpus/e2e" : "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? ".reports/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    // Cookie-authenticated writes need a same-origin Origin (lib/security/same-origin.ts); browsers
    // send one, Playwright's request API does not, so tests that write through page.request send ours.
    extraHTTPHeaders: { Origin: `http://localhost:${port}` },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
