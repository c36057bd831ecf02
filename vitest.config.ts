import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Route handlers and services are called directly in integration tests.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Imports queue no passage-index jobs unless a test turns it on (suggestions.test.ts).
          env: { SUGGESTIONS_INDEX: "off" },
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // The shared corpus (../shared/corpus), run by `npm run test:corpus`
        // only: `npm test` runs the unit and integration projects and needs
        // nothing outside the repository.
        resolve: { alias },
        test: {
          name: "corpus",
          include: ["tests/corpus/**/*.test.ts"],
          globalSetup: ["tests/corpus/require-corpus.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
