import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createWorkspace, signUp, uniqueEmail } from "../support";

// `npm start` as a person runs it, on its own port against the test database: Ctrl-C (SIGINT
// to its process group, as a terminal sends it) must stop everything it started even while a
// browser holds an event stream open, and a tab left open must notice, say so, reconnect to
// the next start and catch up.
const PORT = Number(process.env.E2E_RESTART_PORT ?? 3199);
const ORIGIN = `http://localhost:${PORT}`;

function startApp(): ChildProcess {
  return spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), NEXTAUTH_URL: ORIGIN },
    stdio: "ignore",
    detached: true,
  });
}

async function waitForHealth(isUp: boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await fetch(`${ORIGIN}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up === isUp) return;
    if (Date.now() > deadline) throw new Error(`the app did not become ${isUp ? "healthy" : "unreachable"} in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function descendantsOf(pid: number): number[] {
  const rows = spawnSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    for (const [child, ppid] of rows) {
      if (ppid !== parent) continue;
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test("Ctrl-C stops every process even with a stream open; the open tab reconnects and catches up", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  let app = startApp();
  try {
    await waitForHealth(true, 120_000);
    // Its own origin, also for the Origin header API writes carry (the config names the test server's).
    const context = await browser.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { Origin: ORIGIN } });
    const page = await context.newPage();
    await signUp(page, "Rhea Restart", uniqueEmail("restart"));
    const workspaceId = await createWorkspace(page, "Restarts");
    const documentId = (
      await (
        await page.request.post(`/api/v1/workspaces/${workspaceId}/documents`, {
          data: { title: "Still here", text: "Nothing is lost when the server restarts.\n\nEvery change arrives." },
        })
      ).json()
    ).id as string;
    await page.goto(`/documents/${documentId}`);
    await expect(page.getByTestId("live-status")).toHaveText("Live");

    // Ctrl-C with the stream open: every process of the app is gone within seconds.
    const processes = descendantsOf(app.pid!);
    expect(processes.length).toBeGreaterThan(1);
    process.kill(-app.pid!, "SIGINT");
    await new Promise((resolve) => app.once("exit", resolve));
    await expect.poll(() => processes.filter(isAlive), { timeout: 15_000 }).toEqual([]);
    await waitForHealth(false, 5_000);
    await expect(page.getByTestId("live-status")).toHaveText("Reconnecting…", { timeout: 15_000 });

    // The next start: the tab reconnects by itself, and a change made meanwhile shows up.
    app = startApp();
    await waitForHealth(true, 120_000);
    const created = await page.request.post(`/api/v1/documents/${documentId}/annotations`, {
      data: {
        selectors: [{ type: "TextQuoteSelector", exact: "Every change arrives" }],
        body: "Made after the restart.",
      },
    });
    expect(created.status()).toBe(201);
    await expect(page.getByTestId("live-status")).toHaveText("Live", { timeout: 60_000 });
    await expect(page.getByTestId("annotation-card").filter({ hasText: "Made after the restart." })).toBeVisible();
  } finally {
    if (app.exitCode === null) {
      process.kill(-app.pid!, "SIGINT");
      await new Promise((resolve) => app.once("exit", resolve));
    }
  }
});
