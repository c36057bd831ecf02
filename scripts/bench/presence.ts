import { loadavg } from "node:os";
import { createDb } from "@/lib/db";
import { createTestDatabase } from "../lib/test-database";
import { percentile } from "./load";
import { seedTeamWithDocument } from "./bench-team";
import { startBenchApp, type BenchApp } from "./bench-app";

// npm run bench -- presence: many readers of one document, each an open event stream with
// its presence heartbeats (several people, as streams are capped per person), against
// `next start` in another process. At each level: the latency of `/api/health` probed
// back to back, and the presence (`viewers`) frames the readers receive per minute while
// one reader a second leaves and another joins. The first level, no readers, is the baseline;
// it is measured again at the end, after the readers left, to show how much the machine drifts.
const LEVELS = [0, 100, 200, 300, 0];
const USERS = 20;
const WINDOW_MS = 20_000;
const SETTLE_MS = 3_000;
const CHURN_MS = 1_000;
const TARGET_P95_MS = 100;

type Reader = { close: () => void; frames: { viewers: number } };

export async function benchPresence(): Promise<boolean> {
  const database = await createTestDatabase();
  let app: BenchApp | null = null;
  const readers: Reader[] = [];
  try {
    const world = await seed(database.url);
    app = await startBenchApp(database.url);
    const base = app.baseUrl;
    const url = `${base}/api/v1/workspaces/${world.workspaceId}/events?documentId=${world.documentId}`;
    let opened = 0;
    const open = async () => reader(url, world.tokens[opened++ % world.tokens.length]!);
    // Warm the routes so the first level does not pay for compilation caches.
    for (let index = 0; index < 20; index += 1) await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
    (await open()).close();

    const rows: { readers: number; p50: number; p95: number; framesPerMinute: number }[] = [];
    for (const level of LEVELS) {
      while (readers.length > level) readers.pop()!.close();
      while (readers.length < level) {
        const batch = await Promise.all(Array.from({ length: Math.min(25, level - readers.length) }, open));
        readers.push(...batch);
      }
      await sleep(SETTLE_MS);
      const framesBefore = readers.reduce((sum, r) => sum + r.frames.viewers, 0);
      let churnFrames = 0;
      const joins: Promise<void>[] = [];
      const churn = level
        ? setInterval(() => {
            const index = Math.floor(Math.random() * readers.length);
            const leaving = readers[index]!;
            churnFrames += leaving.frames.viewers;
            leaving.close();
            joins.push(
              open().then((joined) => {
                readers[index] = joined;
              }),
            );
          }, CHURN_MS)
        : null;
      const latencies: number[] = [];
      const started = performance.now();
      while (performance.now() - started < WINDOW_MS) {
        const sent = performance.now();
        const response = await fetch(`${base}/api/health`);
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        await sleep(25);
      }
      if (churn) clearInterval(churn);
      const elapsed = performance.now() - started;
      // Every reader that was joining has joined before the level changes.
      await Promise.all(joins);
      const frames = readers.reduce((sum, r) => sum + r.frames.viewers, 0) + churnFrames - framesBefore;
      rows.push({
        readers: level,
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        framesPerMinute: (frames * 60_000) / elapsed,
      });
      const row = rows.at(-1)!;
      console.log(
        `${String(level).padStart(3)} readers: health p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms` +
          ` (${latencies.length} probes); presence frames ${Math.round(row.framesPerMinute).toLocaleString("en")}/min` +
          (level ? ` (${(row.framesPerMinute / level).toFixed(0)} per reader)` : "") +
          `; load average ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    const baseline = rows[0]!;
    const after = rows.at(-1)!;
    const top = rows.findLast((row) => row.readers === Math.max(...LEVELS))!;
    const perReader = rows.filter((row) => row.readers).map((row) => row.framesPerMinute / row.readers);
    const spread = Math.max(...perReader) / Math.min(...perReader);
    console.log(
      `\n${top.readers} readers vs none: health p95 ${top.p95.toFixed(1)} ms vs ${baseline.p95.toFixed(1)} ms ` +
        `(${(top.p95 / baseline.p95).toFixed(2)}×), p50 ${top.p50.toFixed(1)} vs ${baseline.p50.toFixed(1)} ms; ` +
        `none again afterwards: p95 ${after.p95.toFixed(1)} ms. ` +
        `Frames per reader per minute vary ${spread.toFixed(2)}× across levels (linear growth: ≤ 1.5×).`,
    );
    const isMet = top.p95 < TARGET_P95_MS && spread <= 1.5;
    console.log(isMet ? "Targets met." : `Target missed (p95 < ${TARGET_P95_MS} ms and linear frames).`);
    return isMet;
  } finally {
    for (const open of readers) open.close();
    await app?.stop();
    await database.dispose();
  }
}

// One reader: an event stream read as it arrives, its `viewers` frames counted.
async function reader(url: string, token: string): Promise<Reader> {
  const abort = new AbortController();
  const frames = { viewers: 0 };
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  if (!response.ok) throw new Error(`The event stream answered ${response.status}`);
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
      for (const event of events) if (event.includes("event: viewers\n")) frames.viewers += 1;
    }
  })();
  return { close: () => abort.abort(), frames };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Readers with API tokens, members of one workspace with one document.
async function seed(url: string) {
  const db = createDb(url);
  try {
    const { workspace, document, tokens } = await seedTeamWithDocument(db, {
      count: USERS,
      email: (index) => `bench-presence-${index}@bench.example`,
      name: (index) => `Bench Reader ${index}`,
      role: "viewer",
      workspaceName: "Presence benchmark",
      title: "Read together",
      text: "A document many people read at once.",
    });
    return { workspaceId: workspace.id, documentId: document.id, tokens };
  } finally {
    await db.$disconnect();
  }
}
