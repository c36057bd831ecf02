// `npm run test:corpus`: the checks only the shared corpus can make (../shared/corpus or
// COUNTERPOINT_CORPUS_DIR): its vitest project, then its browser checks in Chromium, against
// one fresh test database. Not part of `npm test`, which needs nothing outside the repository.
import path from "node:path";
import { runCommand } from "./lib/run-command";
import { createTestDatabase } from "./lib/test-database";
import { testEnv } from "./lib/test-env";

const database = await createTestDatabase();
const env = testEnv(database);
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const vitestCode = await runCommand(bin("vitest"), ["run", "--project", "corpus"], env);
const playwrightCode = await runCommand(bin("playwright"), ["test"], {
  ...env,
  E2E_CORPUS: "1",
  PLAYWRIGHT_JSON_OUTPUT_NAME: path.resolve(".reports/playwright-corpus.json"),
});
await database.dispose();
process.exit(vitestCode || playwrightCode);
