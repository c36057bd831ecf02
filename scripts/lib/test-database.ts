// A fresh, migrated database for a test run: on TEST_DATABASE_URL's server when
// set (a uniquely named database, dropped afterwards), else on a throwaway
// embedded PostgreSQL. Never the demo data.
import pg from "pg";
import { migrate } from "./migrate";
import { startScratchPostgres } from "./scratch-postgres";

export type TestDatabase = { adminUrl: string; url: string; dispose: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  const server = external ? null : await startScratchPostgres();
  const adminUrl = external ?? server!.url();
  const name = `counterpoint_test_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const dispose = async () => {
    if (server) return server.cleanup();
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
  return { adminUrl, url: url.toString(), dispose };
}
