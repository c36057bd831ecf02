// `npm start`: the whole app on one command. Without DATABASE_URL it runs an
// embedded PostgreSQL with its data in .data/; then it migrates, seeds the demo
// workspace (into the embedded database only, unless SEED_DEMO=1), builds if needed and serves on http://localhost:3000 (PORT overrides).
// `npm run dev` does the same with `next dev`.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { APP_DATABASE, EMBEDDED_DATA_DIR, EMBEDDED_PORT } from "./lib/app-database";
import { appEnv, waitForHealthy } from "./lib/app-env";
import { buildIfNeeded } from "./lib/build-if-needed";
import { migrate, MigrationError } from "./lib/migrate";
import {
  createDatabaseIfMissing,
  PostgresSetupError,
  startPostgres,
  type RunningPostgres,
} from "./lib/postgres-server";
import { createDb } from "../lib/db";
import { seedDemo } from "../prisma/seed/seed-demo";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-content";
import { shouldSeedDemo } from "./lib/seed-policy";

const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const startedAt = performance.now();
let postgres: RunningPostgres | null = null;
let app: ChildProcess | null = null;

let isShuttingDown = false;
const APP_STOP_GRACE_MS = 5_000;

// Next runs its server in a child process of its own; open event streams would keep that
// process alive after `next start` exits. The app runs in its own process group, and the
// whole group is stopped: politely, then for good after a grace period.
async function stopApp(): Promise<void> {
  const pid = app?.pid;
  if (!pid) return;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  signalGroup("SIGTERM");
  const deadline = Date.now() + APP_STOP_GRACE_MS;
  while (signalGroup(0) && Date.now() < deadline) await delay(100);
  signalGroup("SIGKILL");
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function shutdown(code: number) {
  if (isShuttingDown) return;
  isShuttingDown = true;
  await stopApp();
  if (postgres) {
    console.log("Stopping PostgreSQL…");
    await postgres.stop();
  }
  process.exit(code);
}

async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) {
    console.log("Using the PostgreSQL server at DATABASE_URL.");
    return process.env.DATABASE_URL;
  }
  postgres = await startPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  console.log(`Embedded PostgreSQL is running on port ${postgres.port} (data in ${postgres.dataDir}).`);
  // Without its database the app can only fail: stop it too, and say why.
  postgres.onUnexpectedExit((code) => {
    console.error(
      `\nPostgreSQL stopped unexpectedly (exit code ${code}); stopping Counterpoint. Run \`npm start\` again.`,
    );
    postgres = null;
    void shutdown(1);
  });
  await createDatabaseIfMissing(postgres.url(), APP_DATABASE);
  return postgres.url(APP_DATABASE);
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const url = await databaseUrl();
  const report = await migrate(url);
  if (report.applied.length) console.log(`Applied migrations: ${report.applied.join(", ")}`);
  const seedPolicy = shouldSeedDemo(process.env);
  if (seedPolicy.seed) {
    const db = createDb(url);
    const { created } = await seedDemo(db);
    await db.$disconnect();
    if (created) console.log(`Seeded the demo workspace (${seedPolicy.reason}).`);
  } else {
    console.log(`Not seeding the demo workspace: ${seedPolicy.reason}.`);
  }

  // The app watches this process and exits if it disappears (instrumentation.ts): killed
  // outright, this start leaves nothing of the app behind.
  const env = { ...appEnv(port, url), COUNTERPOINT_SUPERVISOR_PID: String(process.pid) };
  if (!isDev) buildIfNeeded(env);
  const next = path.resolve("node_modules/.bin/next");
  app = spawn(next, [isDev ? "dev" : "start", "-p", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env,
    detached: true,
  });
  app.on("exit", (code) => {
    if (!isShuttingDown) console.error(`\nThe app stopped unexpectedly (exit code ${code}); stopping PostgreSQL.`);
    void shutdown(code ?? 1);
  });
  await waitForHealthy(`http://localhost:${port}/api/health`, isDev ? 180_000 : 60_000);

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const demo = seedPolicy.seed
    ? `
  Demo sign-ins (password for all: ${DEMO_PASSWORD})
${DEMO_USERS.map((user) => `    ${user.role.padEnd(11)} ${user.email}`).join("\n")}
`
    : "";
  console.log(`
  Counterpoint is ready at http://localhost:${port}  (started in ${seconds} s)
${demo}
  Press Ctrl-C to stop.
`);
}

main().catch(async (error) => {
  const isExpected = error instanceof PostgresSetupError || error instanceof MigrationError;
  console.error(`\nCounterpoint could not start: ${isExpected ? error.message : ((error as Error).message ?? error)}`);
  if (!isExpected && process.env.DEBUG) console.error(error);
  await shutdown(1);
});
