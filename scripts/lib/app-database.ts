import path from "node:path";
import { DATA_DIR } from "./app-env";
import { migrate } from "./migrate";
import { createDatabaseIfMissing, runningPostgresUrl, startPostgres, type RunningPostgres } from "./postgres-server";

export const EMBEDDED_DATA_DIR = path.join(DATA_DIR, "postgres");
export const EMBEDDED_PORT = 54329;
export const APP_DATABASE = "counterpoint";

// The app's database for command-line tools: DATABASE_URL, else the embedded
// server of a running `npm start`, else the embedded server started just for
// this command (and stopped by `close`). Migrated either way.
export async function openAppDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  let postgres: RunningPostgres | null = null;
  let url = process.env.DATABASE_URL ?? runningPostgresUrl(EMBEDDED_DATA_DIR, APP_DATABASE);
  if (!url) {
    postgres = await startPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
    await createDatabaseIfMissing(postgres.url(), APP_DATABASE);
    url = postgres.url(APP_DATABASE);
  }
  await migrate(url);
  return { url, close: async () => void (await postgres?.stop()) };
}
