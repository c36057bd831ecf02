import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate } from "@/scripts/lib/migrate";
import { diffMigrationsToSchema, SCHEMA_PATH } from "@/scripts/lib/schema-engine";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;

describe("migrations", () => {
  it("agree with schema.prisma (no drift)", async () => {
    expect(await diffMigrationsToSchema(adminUrl)).toBe("");
  });

  it("detect drift when schema.prisma changes without a migration", async () => {
    const edited = readFileSync(SCHEMA_PATH, "utf8").replace("model RateLimit {", "model RateLimit {\n  note String?");
    expect(await diffMigrationsToSchema(adminUrl, edited)).toMatch(/ALTER TABLE "RateLimit" ADD COLUMN\s+"note" TEXT/);
  });

  it("are recorded in _prisma_migrations and applying again changes nothing", async () => {
    const report = await migrate(process.env.DATABASE_URL!);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBeGreaterThan(0);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`);
    await client.end();
    expect(rows.length).toBe(report.alreadyApplied);
    for (const row of rows) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keep full-text search vectors current through triggers", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u-fts', 'fts@test.example', 'F', now())`,
      );
      await client.query(`INSERT INTO "Workspace" (id, name, "updatedAt") VALUES ('w-fts', 'W', now())`);
      await client.query(
        `INSERT INTO "Document" (id, "workspaceId", title, text, "contentHash", "createdById", "updatedAt")
         VALUES ('d-fts', 'w-fts', 'Alliances', 'Cooperation deepened steadily.', 'h', 'u-fts', now())`,
      );
      const { rows } = await client.query(
        `SELECT id FROM "Document" WHERE "workspaceId" = 'w-fts' AND "searchVector" @@ websearch_to_tsquery('english', 'cooperating')`,
      );
      expect(rows.map((row) => row.id)).toEqual(["d-fts"]);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
