import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createDb } from "@/lib/db";
import { appEnv, waitForHealthy } from "../lib/app-env";
import { buildIfNeeded } from "../lib/build-if-needed";
import { freePort } from "../lib/postgres-server";
import { createTestDatabase } from "../lib/test-database";
import { seedTeamWithDocument } from "./bench-team";
import { percentile } from "./load";

// npm run bench -- notify: against two `next start` processes on one database, one writing
// notifications and one with NOTIFICATIONS=off, in the same run:
// 1. one reply that mentions 500 members, each with their bell's event stream open: the
//    notification rows written, the reply's latency, and the time until the last bell heard;
// 2. 1,000 replies in a minute, sent alternately to both servers (each mentioning a member,
//    in a thread whose author's bell is open): the replies' write latency with and without
//    notifications, the rows written, and when the author's bell had counted them all.
const MEMBERS = 500;
const REPLIERS = 20;
const REPLIES = 1_000;
const MINUTE_MS = 60_000;

type Bell = { close: () => void; counts: number[]; heardAt: number | null };

export async function benchNotify(): Promise<boolean> {
  const database = await createTestDatabase();
  const apps: ChildProcess[] = [];
  const bells: Bell[] = [];
  try {
    const world = await seed(database.url);
    const [onPort, offPort] = [await freePort(), await freePort()];
    buildIfNeeded(appEnv(onPort, database.url));
    for (const [port, notifications] of [
      [onPort, "on"],
      [offPort, "off"],
    ] as const)
      apps.push(
        spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
          stdio: "ignore",
          env: { ...appEnv(port, database.url), NOTIFICATIONS: notifications },
        }),
      );
    const on = `http://localhost:${onPort}`;
    const off = `http://localhost:${offPort}`;
    await Promise.all([waitForHealthy(`${on}/api/health`), waitForHealthy(`${off}/api/health`)]);
    const post = async (base: string, token: string, body: string, annotationId = world.annotationId) => {
      const sent = performance.now();
      const response = await fetch(`${base}/api/v1/annotations/${annotationId}/replies`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ body, stance: "opposes" }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`A reply answered ${response.status}`);
      return performance.now() - sent;
    };
    // In the burst a busy server may answer 503 (pool or database wait): counted, not fatal.
    const refused = { on: 0, off: 0 };
    // Warm both servers' routes.
    for (const base of [on, off]) for (let i = 0; i < 5; i += 1) await post(base, world.tokens[1]!, "Warming up");
    await db(database.url, (client) => client.notification.deleteMany({}));

    // 1. A mention of 500 members, each bell open.
    for (let i = 0; i < MEMBERS; i += 25)
      bells.push(...(await Promise.all(world.tokens.slice(1 + i, 1 + i + 25).map((token) => bell(on, token)))));
    await waitFor(() => bells.every((b) => b.counts.length > 0), 20_000);
    const everyone = world.handles
      .slice(1)
      .map((handle) => `@${handle}`)
      .join(" ");
    const started = performance.now();
    const mentionLatency = await post(on, world.tokens[0]!, `Calling everyone: ${everyone}`);
    await waitFor(() => bells.every((b) => b.counts.some((count) => count > 0)), 30_000);
    const lastBell = Math.max(...bells.map((b) => b.heardAt!)) - started;
    const mentionRows = await db(database.url, (client) => client.notification.count({ where: { kind: "mention" } }));
    console.log(
      `Mention of ${MEMBERS} members: ${mentionRows} notification rows written; reply answered in ${mentionLatency.toFixed(0)} ms; ` +
        `last of ${bells.length} bells updated ${lastBell.toFixed(0)} ms after it was sent.`,
    );
    while (bells.length) bells.pop()!.close();

    // 2. 1,000 replies in a minute, alternately with and without notifications.
    const authorBell = await bell(on, world.tokens[0]!);
    await waitFor(() => authorBell.counts.length > 0, 10_000);
    bells.push(authorBell);
    const before = await db(database.url, (client) => client.notification.count());
    const latencies: Record<"on" | "off", number[]> = { on: [], off: [] };
    const sends: Promise<void>[] = [];
    const burstStarted = performance.now();
    let lastSentOnAt = 0;
    for (let i = 0; i < REPLIES; i += 1) {
      const due = burstStarted + (i * MINUTE_MS) / REPLIES;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const mode = i % 2 === 0 ? "on" : "off";
      const token = world.tokens[1 + (i % REPLIERS)]!;
      const mentioned = world.handles[1 + REPLIERS + (i % (MEMBERS - REPLIERS))]!;
      const thread = mode === "on" ? world.annotationId : world.otherAnnotationId;
      if (mode === "on") lastSentOnAt = performance.now();
      sends.push(
        post(mode === "on" ? on : off, token, `Reply ${i}, to @${mentioned}`, thread).then(
          (ms) => void latencies[mode].push(ms),
          () => void (refused[mode] += 1),
        ),
      );
    }
    await Promise.all(sends);
    const sentOn = latencies.on.length;
    await waitFor(() => authorBell.counts.at(-1)! >= sentOn, 30_000);
    const lastBellAfterBurst = authorBell.heardAt! - lastSentOnAt;
    const written = (await db(database.url, (client) => client.notification.count())) - before;
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    const [onP50, onP95, offP50, offP95] = [
      percentile(latencies.on, 0.5),
      percentile(latencies.on, 0.95),
      percentile(latencies.off, 0.5),
      percentile(latencies.off, 0.95),
    ];
    console.log(
      `${REPLIES} replies in ${burstSeconds.toFixed(0)} s: ${written} notification rows written (${sentOn} replies with notifications, ` +
        `each telling the thread's author and the member it mentions).\n` +
        `Reply write latency with notifications: p50 ${onP50.toFixed(1)} ms, p95 ${onP95.toFixed(1)} ms; ` +
        `with NOTIFICATIONS=off: p50 ${offP50.toFixed(1)} ms, p95 ${offP95.toFixed(1)} ms; ` +
        `ratio p50 ${(onP50 / offP50).toFixed(2)}×, p95 ${(onP95 / offP95).toFixed(2)}×.\n` +
        `The author's bell counted its last one ${lastBellAfterBurst.toFixed(0)} ms after the last reply was sent.` +
        (refused.on + refused.off
          ? `\nRefused while busy (503): ${refused.on} with notifications, ${refused.off} without.`
          : ""),
    );
    const isMet = mentionRows === MEMBERS && written === sentOn * 2 && onP95 / offP95 < 2 && !refused.on;
    console.log(isMet ? "Targets met." : "Target missed (every row written, p95 with notifications < 2× without).");
    return isMet;
  } finally {
    for (const open of bells) open.close();
    for (const app of apps) app.kill("SIGTERM");
    await database.dispose();
  }
}

// One bell: the notifications event stream, its `unread` counts as they arrive.
async function bell(base: string, token: string): Promise<Bell> {
  const abort = new AbortController();
  const result: Bell = { close: () => abort.abort(), counts: [], heardAt: null };
  const response = await fetch(`${base}/api/v1/notifications/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (!response.ok) throw new Error(`The bell's stream answered ${response.status}`);
  const stream = response.body!.getReader();
  const decoder = new TextDecoder();
  let tail = "";
  void (async () => {
    for (;;) {
      const { done, value } = await stream.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      const text = tail + decoder.decode(value, { stream: true });
      const events = text.split("\n\n");
      tail = events.pop() ?? "";
      for (const event of events) {
        const match = /event: unread\ndata: (.*)/.exec(event);
        if (!match) continue;
        result.counts.push((JSON.parse(match[1]!) as { count: number }).count);
        result.heardAt = performance.now();
      }
    }
  })();
  return result;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for the bells");
    await sleep(20);
  }
}

async function db<T>(url: string, work: (client: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const client = createDb(url);
  try {
    return await work(client);
  } finally {
    await client.$disconnect();
  }
}

// 1 + 500 members with API tokens, one document with two passages by the first.
async function seed(url: string) {
  return db(url, async (client) => {
    const text = "A passage to argue over. Another passage to argue over.";
    const { users, workspace, document, tokens } = await seedTeamWithDocument(client, {
      count: 1 + MEMBERS,
      email: (index) => `bench-notify-${index}@bench.example`,
      name: (index) => `Member${index}`,
      role: "researcher",
      workspaceName: "Notification benchmark",
      title: "Argued over",
      text,
    });
    const passage = (start: number, end: number) =>
      client.annotation.create({
        data: {
          workspaceId: workspace.id,
          documentId: document.id,
          creatorId: users[0]!.id,
          selectors: [],
          start,
          end,
          quote: text.slice(start, end),
        },
      });
    const annotation = await passage(0, 24);
    const other = await passage(25, text.length);
    return {
      annotationId: annotation.id,
      otherAnnotationId: other.id,
      tokens,
      handles: users.map((user) => user.name),
    };
  });
}
