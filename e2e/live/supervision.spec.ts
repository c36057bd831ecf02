import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// `npm start` with its own embedded PostgreSQL in a temporary data folder, on its own port:
// killed outright it leaves no app behind and the next start recovers by itself; a database
// that dies takes the app down with a clear message instead of failing every request.
const PORT = Number(process.env.E2E_SUPERVISION_PORT ?? 3198);
const ORIGIN = `http://localhost:${PORT}`;

type Started = { child: ChildProcess; output: () => string };

// A temporary data folder the `postgres` user can reach (PostgreSQL runs as that user under root).
function temporaryDataDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "counterpoint-supervision-"));
  chmodSync(dir, 0o755);
  return dir;
}

function startApp(dataDir: string): Started {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    NEXTAUTH_URL: ORIGIN,
    COUNTERPOINT_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], { env, detached: true });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

const isUp = () =>
  fetch(`${ORIGIN}/api/health`).then(
    (response) => response.ok,
    () => false,
  );

const processes = () =>
  spawnSync("ps", ["-e", "-o", "pid=,ppid=,args="], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .map((line) => {
      const [pid, ppid, ...args] = line.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), args: args.join(" ") };
    });

// The node process that runs start.ts itself (tsx runs it in a child of its own).
const startScriptPid = (root: number) =>
  processes().find(
    (entry) => entry.args.includes("scripts/start.ts") && entry.args.includes("loader") && isBelow(entry.pid, root),
  )!.pid;

function isBelow(pid: number, root: number): boolean {
  const parents = new Map(processes().map((entry) => [entry.pid, entry.ppid]));
  for (let current: number | undefined = pid; current; current = parents.get(current))
    if (current === root) return true;
  return false;
}

const postgresPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);

// Running, not a zombie (in a container, PID 1 may never reap the processes it adopts).
const isAlive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
};

async function stop(started: Started) {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  process.kill(-started.child.pid!, "SIGINT");
  await new Promise((resolve) => started.child.once("exit", resolve));
}

test.describe.configure({ mode: "serial" });

test("killed outright, npm start leaves no app behind, and the next start recovers on its own", async () => {
  test.setTimeout(240_000);
  const dataDir = temporaryDataDir();
  let started = startApp(dataDir);
  try {
    await expect.poll(isUp, { timeout: 120_000 }).toBe(true);
    const appProcesses = processes().filter(
      (entry) => /^next-server|next start/.test(entry.args) && isBelow(entry.pid, started.child.pid!),
    );
    expect(appProcesses.length).toBeGreaterThan(0);
    const database = postgresPid(dataDir);
    process.kill(startScriptPid(started.child.pid!), "SIGKILL");
    // The app notices its supervisor is gone and exits; the port is free again.
    await expect.poll(() => appProcesses.filter((entry) => isAlive(entry.pid)).length, { timeout: 15_000 }).toBe(0);
    expect(await isUp()).toBe(false);
    expect(isAlive(database)).toBe(true); // left behind, adopted by init

    // The next start stops that leftover database itself and comes up.
    started = startApp(dataDir);
    await expect.poll(isUp, { timeout: 120_000 }).toBe(true);
    expect(isAlive(database)).toBe(false);
    expect(started.output()).toContain("left behind by an earlier start");
  } finally {
    await stop(started);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("when PostgreSQL dies, npm start stops the app and says why", async () => {
  test.setTimeout(240_000);
  const dataDir = temporaryDataDir();
  const started = startApp(dataDir);
  try {
    await expect.poll(isUp, { timeout: 120_000 }).toBe(true);
    const exited = new Promise<number | null>((resolve) => started.child.once("exit", resolve));
    process.kill(postgresPid(dataDir), "SIGKILL");
    expect(await exited).toBe(1);
    expect(started.output()).toContain("PostgreSQL stopped unexpectedly");
    expect(await isUp()).toBe(false);
  } finally {
    await stop(started);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("a server whose output is no longer read exits instead of spinning on failed log writes", async () => {
  test.setTimeout(120_000);
  const port = PORT - 1;
  // No database at all: the health check logs an error on every request.
  const env = {
    ...process.env,
    PORT: String(port),
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: "supervision-secret",
    DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:9/none",
  };
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], { env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const answers = () =>
      fetch(`http://localhost:${port}/api/health`).then(
        (response) => response.status,
        () => 0,
      );
    await expect.poll(answers, { timeout: 60_000 }).toBe(503);
    // Whoever started it goes away: its output pipes are closed; the next log line fails.
    child.stdout!.destroy();
    child.stderr!.destroy();
    await answers();
    await Promise.race([
      exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error("still running 15 s later")), 15_000)),
    ]);
    expect(child.exitCode ?? child.signalCode).not.toBeNull();
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
});
