// Runs one command against a fresh test database: tsx scripts/with-test-db.ts <command> [args…]
import path from "node:path";
import { runCommand } from "./lib/run-command";
import { createTestDatabase } from "./lib/test-database";
import { testEnv } from "./lib/test-env";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: tsx scripts/with-test-db.ts <command> [args…]");
  process.exit(2);
}
const database = await createTestDatabase();
const code = await runCommand(path.resolve("node_modules/.bin", command), args, testEnv(database));
await database.dispose();
process.exit(code);
