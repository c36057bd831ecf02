// What the benchmarks against `next start` share: a production server on a free port over a
// given database (built first if needed), and an API token minted straight into the database.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { appEnv, waitForHealthy } from "../lib/app-env";
import { buildIfNeeded } from "../lib/build-if-needed";
import { freePort } from "../lib/postgres-server";

// `stop` resolves once the server has exited: no bench leaves one behind.
export type BenchApp = { baseUrl: string; port: number; stop: (signal?: NodeJS.Signals) => Promise<void> };

export async function startBenchApp(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<BenchApp> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...appEnv(port, databaseUrl), RATE_LIMIT_TOKEN: "1000000", ...extraEnv };
  // Built, if it must be, without the server's own flags (a profiler, say).
  buildIfNeeded({ ...env, NODE_OPTIONS: undefined });
  const app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], { stdio: "ignore", env });
  const baseUrl = `http://localhost:${port}`;
  await waitForHealthy(`${baseUrl}/api/health`);
  const exited = new Promise<void>((resolve) => app.once("exit", () => resolve()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (app.exitCode === null && app.signalCode === null) app.kill(signal);
    await exited;
  };
  return { baseUrl, port, stop };
}

export async function mintApiToken(pool: pg.Pool, userId: string): Promise<string> {
  const token = `cpt_${randomBytes(24).toString("base64url")}`;
  await pool.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ($1, $2, 'bench', $3, $4)`,
    [
      `t${randomBytes(8).toString("hex")}`,
      userId,
      createHash("sha256").update(token).digest("hex"),
      token.slice(0, 10),
    ],
  );
  return token;
}
