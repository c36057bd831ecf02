import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db";
import { makePdfBomb } from "@/tests/support/hostile-files";
import { appEnv, waitForHealthy } from "../lib/app-env";
import { buildIfNeeded } from "../lib/build-if-needed";
import { freePort } from "../lib/postgres-server";
import { createTestDatabase } from "../lib/test-database";
import { seedApiBench } from "./api-seed";
import { percentile } from "./load";

// npm run bench -- hostile: `/api/health` latency against `next start`, first with nothing
// else running (the baseline), then while five clients send hostile imports back to back
// (deep HTML, Markdown that parses for minutes, a deep list, a PDF that inflates to 2 GiB),
// then while three clients download the PDF report of 3,000 passages. Target: p95 < 100 ms.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20); // per phase
const TARGET_P95_MS = 100;

type Phase = { name: string; latencies: number[]; answers: Map<string, number> };

export async function benchHostile(): Promise<boolean> {
  const database = await createTestDatabase();
  let app: ChildProcess | null = null;
  try {
    const world = await seedApiBench(database.url, { users: 1, annotations: 3000, replies: 0, links: 0 });
    const token = await tokenFor(database.url, "bench-api-0@bench.example");
    const port = Number(process.env.PORT) || (await freePort());
    const base = `http://localhost:${port}`;
    const env = appEnv(port, database.url);
    buildIfNeeded(env);
    // The app's own log (refusals, anything unexpected) for a look afterwards.
    mkdirSync(".reports", { recursive: true });
    const log = openSync(".reports/bench-hostile-app.log", "w");
    app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
      stdio: ["ignore", log, log],
      env,
    });
    await waitForHealthy(`${base}/api/health`);
    const bomb = await makePdfBomb(2 * 2 ** 30);
    const deep = (depth: number) => `<html><body>${"<div>".repeat(depth)}a${"</div>".repeat(depth)}</body></html>`;
    const imports: (() => RequestInit)[] = [
      () => json({ title: "t", html: deep(2000) }),
      () => json({ title: "t", markdown: "[a](".repeat(75_000) }),
      () => json({ title: "t", markdown: "*a ".repeat(100_000) }),
      () => json({ title: "t", markdown: `${"- ".repeat(3000)}a` }),
      () => {
        const form = new FormData();
        form.set("file", new File([bomb as Uint8Array<ArrayBuffer>], "bomb.pdf", { type: "application/pdf" }));
        return { method: "POST", body: form };
      },
    ];
    const send = async (url: string, init: RequestInit, answers: Map<string, number>) => {
      const response = await fetch(`${base}${url}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      answers.set(String(response.status), (answers.get(String(response.status)) ?? 0) + 1);
    };
    // Let the pool's processes finish starting (the server warms them at start-up).
    await new Promise((resolve) => setTimeout(resolve, 5000));

    const phases: Phase[] = [];
    phases.push(await measure("nothing else running", base, []));
    phases.push(
      await measure(
        "five hostile imports at once",
        base,
        imports.map((init) => (answers) => send(`/api/v1/workspaces/${world.workspaceId}/documents`, init(), answers)),
      ),
    );
    phases.push(
      await measure(
        "three PDF exports of 3,000 passages",
        base,
        [0, 1, 2].map(
          () => (answers) => send(`/api/v1/workspaces/${world.workspaceId}/export?format=pdf`, {}, answers),
        ),
      ),
    );
    const [baseline] = phases;
    console.log(`Health requested back to back (25 ms apart) for ${SECONDS} s per phase.`);
    console.log(
      "phase                               | health p50 ms | p95 ms | max ms | × baseline p95 | other answers",
    );
    let isMet = true;
    for (const phase of phases) {
      const p95 = percentile(phase.latencies, 0.95);
      isMet &&= p95 < TARGET_P95_MS;
      console.log(
        `${phase.name.padEnd(35)} | ${percentile(phase.latencies, 0.5).toFixed(1).padStart(13)} | ${p95.toFixed(1).padStart(6)} | ${Math.max(
          ...phase.latencies,
        )
          .toFixed(0)
          .padStart(
            6,
          )} | ${(p95 / percentile(baseline!.latencies, 0.95)).toFixed(2).padStart(14)} | ${[...phase.answers].map(([status, count]) => `${count} × ${status}`).join(", ") || "—"}`,
      );
    }
    console.log(`Target: health p95 < ${TARGET_P95_MS} ms in every phase: ${isMet ? "met" : "NOT met"}.`);
    return isMet;
  } finally {
    app?.kill("SIGTERM");
    await database.dispose();
  }
}

const json = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

// Health latencies while `clients` each repeat their request until the phase ends.
async function measure(
  name: string,
  base: string,
  clients: ((answers: Map<string, number>) => Promise<void>)[],
): Promise<Phase> {
  const phase: Phase = { name, latencies: [], answers: new Map() };
  const end = performance.now() + SECONDS * 1000;
  const running = clients.map(async (client) => {
    while (performance.now() < end) await client(phase.answers).catch(() => phase.answers.set("error", 1));
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // the hostile work has begun
  while (performance.now() < end) {
    const started = performance.now();
    const response = await fetch(`${base}/api/health`);
    await response.arrayBuffer();
    phase.latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await Promise.all(running);
  return phase;
}

async function tokenFor(url: string, email: string): Promise<string> {
  const db = createDb(url);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const token = `cpt_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({
    data: {
      userId: user.id,
      name: "hostile bench",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      prefix: token.slice(0, 10),
    },
  });
  await db.$disconnect();
  return token;
}
