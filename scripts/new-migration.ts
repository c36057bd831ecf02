// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// brings the existing migrations up to prisma/schema.prisma.
// Usage: npm run db:new-migration -- <name>
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema, MIGRATIONS_DIR } from "./lib/schema-engine";
import { withScratchPostgres } from "./lib/scratch-postgres";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:new-migration -- <name>");
  process.exit(2);
}

const sql = await withScratchPostgres((url) => diffMigrationsToSchema(url));
if (!sql) {
  console.log("schema.prisma and the migrations already agree: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
console.log(
  `Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, add hand-written SQL (triggers, extensions) below.`,
);
