// Applies prisma/migrations/*/migration.sql in order: one transaction each,
// under an advisory lock (several app instances may start at once), recorded
// in Prisma's own _prisma_migrations table so `prisma migrate deploy/status`
// can take over wherever Prisma's native engine is available.
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { installJobQueue } from "../../lib/jobs/boss";
import { migrationDirectories } from "./schema-engine";

const LOCK_KEY = 72707369; // Prisma's own advisory lock key for migrations

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationReport = { applied: string[]; alreadyApplied: number };

export class MigrationError extends Error {}

export async function migrate(databaseUrl: string): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    const report: MigrationReport = { applied: [], alreadyApplied: 0 };
    for (const { name, sql } of migrationDirectories()) {
      const checksum = createHash("sha256").update(sql).digest("hex");
      const previous = recorded.get(name);
      if (previous?.finished_at) {
        if (previous.checksum !== checksum) {
          console.warn(`warning: migration ${name} was edited after it was applied (checksum differs).`);
        }
        report.alreadyApplied += 1;
        continue;
      }
      if (previous) {
        throw new MigrationError(
          `Migration ${name} started earlier but never finished. Inspect the database, then delete its row from _prisma_migrations.`,
        );
      }
      try {
        await client.query("BEGIN");
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${name} failed and was rolled back: ${(error as Error).message}`);
      }
      report.applied.push(name);
    }
    // The job queue's own schema (`pgboss`), created and migrated by pg-boss itself.
    await installJobQueue(databaseUrl);
    return report;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
