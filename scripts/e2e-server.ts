// The app as Playwright sees it: built if needed, then `next start` on E2E_PORT
// against the test database that scripts/test.ts (or with-test-db.ts) provides.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./lib/build-if-needed";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: run the browser tests through `npm test` or `npm run test:e2e`.");
  process.exit(2);
}
buildIfNeeded(process.env);
const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", process.env.E2E_PORT ?? "3100"], {
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));
