// A throwaway PostgreSQL server for tools and tests: DATABASE_URL's server when
// TEST_DATABASE_URL is set, else an embedded one in a temporary data directory.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPostgres, type RunningPostgres } from "./postgres-server";

export async function startScratchPostgres(): Promise<RunningPostgres & { cleanup: () => Promise<void> }> {
  const base = mkdtempSync(path.join(os.tmpdir(), "counterpoint-scratch-"));
  const server = await startPostgres({ dataDir: path.join(base, "data") });
  const cleanup = async () => {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(`${server.dataDir}.password`, { force: true });
    rmSync(base, { recursive: true, force: true });
  };
  return { ...server, cleanup };
}

export async function withScratchPostgres<T>(run: (adminUrl: string) => Promise<T>): Promise<T> {
  if (process.env.TEST_DATABASE_URL) return run(process.env.TEST_DATABASE_URL);
  const server = await startScratchPostgres();
  try {
    return await run(server.url());
  } finally {
    await server.cleanup();
  }
}
