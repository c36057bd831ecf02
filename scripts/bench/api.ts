import { chromium, type Browser } from "@playwright/test";
import pg from "pg";
import { seededRandom } from "@/tests/support/simulate-revision";
import { createTestDatabase } from "../lib/test-database";
import { BENCH_PASSWORD, seedApiBench, type ApiBenchWorld } from "./api-seed";
import { signIn } from "./sign-in";
import { mean, percentile, runLoad, type LoadResult, type Operation } from "./load";
import { rawReads } from "./raw-reads";
import { chromiumLaunchOptions } from "../lib/chromium";
import { startBenchApp, type BenchApp } from "./bench-app";

// npm run bench -- api: a mixed load (reads of documents' annotations, threads
// and links; writes of replies and votes) from this process against `next start`
// in another, at rising concurrency; the same reads as raw SQL through pg in the
// same run; then the time from a reply's commit to its appearance in a browser.
const LEVELS = [1, 8, 16, 32, 64];
const SECONDS = 6;

export async function benchApi(): Promise<boolean> {
  const database = await createTestDatabase();
  let app: BenchApp | null = null;
  let browser: Browser | null = null;
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  try {
    const seedStart = performance.now();
    const world = await seedApiBench(database.url);
    console.log(
      `Workspace: 4 documents, ${world.annotationIds.length} annotations, ${world.replyIds.length} replies, 500 links, ${world.users.length} researchers (seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s).`,
    );
    app = await startBenchApp(database.url, { RATE_LIMIT_SIGNIN: "100000" });
    const base = app.baseUrl;
    const cookies = await Promise.all(world.users.map((user) => signIn(base, user.email, BENCH_PASSWORD)));
    const userIds = (
      await pool.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email LIKE 'bench-api-%'`)
    ).rows;
    const idOf = new Map(userIds.map((row) => [row.email, row.id]));
    const random = seededRandom(9);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const cookieOf = (client: number) => cookies[client % cookies.length]!;

    const request = async (client: number, url: string, body?: unknown) => {
      const response = await fetch(`${base}${url}`, {
        method: body === undefined ? "GET" : "POST",
        // A browser page of ours sends its Origin with every write (lib/security/same-origin.ts).
        headers: {
          cookie: cookieOf(client),
          ...(body === undefined ? {} : { "content-type": "application/json", origin: base }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    };
    const appOperations: Operation[] = [
      {
        name: "document annotations",
        kind: "read",
        weight: 10,
        run: (client) => request(client, `/api/v1/documents/${pick(world.documentIds)}/annotations`),
      },
      {
        name: "thread",
        kind: "read",
        weight: 35,
        run: (client) => request(client, `/api/v1/annotations/${pick(world.annotationIds)}/thread`),
      },
      {
        name: "passage links",
        kind: "read",
        weight: 15,
        run: (client) => request(client, `/api/v1/annotations/${pick(world.annotationIds)}/links`),
      },
      {
        name: "reply",
        kind: "write",
        weight: 20,
        run: (client) =>
          request(client, `/api/v1/annotations/${pick(world.annotationIds)}/replies`, {
            body: "A benchmark reply with **an argument**.",
            stance: pick(["supports", "opposes", "qualifies", "asks"]),
          }),
      },
      {
        name: "vote",
        kind: "write",
        weight: 20,
        run: (client) => {
          // A reply by someone else: one's own cannot be voted on (403).
          let index = Math.floor(random() * world.replyIds.length);
          while (world.replyAuthors[index] === client % world.users.length) index = (index + 1) % world.replyIds.length;
          return request(client, `/api/v1/replies/${world.replyIds[index]}/votes`, { value: random() < 0.7 ? 1 : -1 });
        },
      },
    ];
    const appReadOperations = appOperations.filter((operation) => operation.kind === "read");
    const raw = rawReads(
      pool,
      (client) => idOf.get(world.users[client % world.users.length]!.email)!,
      world.workspaceId,
    );
    const rawOperations: Operation[] = [
      {
        name: "document annotations",
        kind: "read",
        weight: 10,
        run: (client) => raw.documentAnnotations(client, pick(world.documentIds)),
      },
      { name: "thread", kind: "read", weight: 35, run: (client) => raw.thread(client, pick(world.annotationIds)) },
      {
        name: "passage links",
        kind: "read",
        weight: 15,
        run: (client) => raw.links(client, pick(world.annotationIds)),
      },
    ];

    await runLoad(appOperations, 8, 3, random);
    await runLoad(rawOperations, 8, 2, random);
    const rows = [];
    const ratioAt = new Map<number, number>();
    for (const concurrency of LEVELS) {
      const appResult = await runLoad(appOperations, concurrency, SECONDS, random);
      // Like with like: the same reads, alone, through the app and as raw SQL.
      const appReadResult = await runLoad(appReadOperations, concurrency, SECONDS, random);
      const rawResult = await runLoad(rawOperations, concurrency, SECONDS, random);
      const all = allLatencies(appResult);
      const appReads = latenciesOf(appResult, appOperations, "read");
      const appWrites = latenciesOf(appResult, appOperations, "write");
      const rawReadLatencies = latenciesOf(rawResult, rawOperations, "read");
      const ratio = mean(allLatencies(appReadResult)) / mean(rawReadLatencies);
      ratioAt.set(concurrency, ratio);
      rows.push({
        clients: concurrency,
        "app req/s": (appResult.count / appResult.seconds).toFixed(0),
        "p50 ms": percentile(all, 0.5).toFixed(1),
        "p99 ms": percentile(all, 0.99).toFixed(1),
        "reads p50/p99": `${percentile(appReads, 0.5).toFixed(1)} / ${percentile(appReads, 0.99).toFixed(1)}`,
        "writes p50/p99": `${percentile(appWrites, 0.5).toFixed(1)} / ${percentile(appWrites, 0.99).toFixed(1)}`,
        errors: appResult.errors,
        "app reads alone/s": (appReadResult.count / appReadResult.seconds).toFixed(0),
        "raw SQL reads/s": (rawResult.count / rawResult.seconds).toFixed(0),
        "raw p50/p99": `${percentile(rawReadLatencies, 0.5).toFixed(1)} / ${percentile(rawReadLatencies, 0.99).toFixed(1)}`,
        "read ratio app/raw (mean latency)": ratio.toFixed(2),
      });
    }
    console.table(rows);
    const perOperation = await runLoad(appOperations, 32, SECONDS, random);
    console.log(
      "At 32 clients, per operation (p50 / p99 ms): " +
        appOperations
          .map(
            (operation) =>
              `${operation.name} ${percentile(perOperation.latencies.get(operation.name)!, 0.5).toFixed(1)} / ${percentile(perOperation.latencies.get(operation.name)!, 0.99).toFixed(1)}`,
          )
          .join("; "),
    );

    // The framework's floor on this machine: the cheapest route there is (one SELECT 1), same clients.
    const floor = await runLoad(
      [
        {
          name: "health",
          kind: "read",
          weight: 1,
          run: async () => void (await (await fetch(`${base}/api/health`)).arrayBuffer()),
        },
      ],
      32,
      SECONDS,
      random,
    );
    const floorLatencies = allLatencies(floor);
    console.log(
      `Floor at 32 clients, GET /api/health (no auth, one SELECT 1): ${(floor.count / floor.seconds).toFixed(0)} req/s, p50 ${percentile(floorLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(floorLatencies, 0.99).toFixed(1)} ms.`,
    );

    browser = await chromium.launch({
      ...chromiumLaunchOptions,
    });
    const live = await liveLatency(browser, base, world, cookies);
    console.log(
      `Live updates: reply posted → shown in a second browser, ${live.length} replies: p50 ${percentile(live, 0.5).toFixed(0)} ms, p95 ${percentile(live, 0.95).toFixed(0)} ms, max ${Math.max(...live).toFixed(0)} ms (target p95 < 1000 ms).`,
    );

    // Issue 17: the read ratio app/raw at 1 and 32 clients, reported (absolute p99 targets are
    // dropped: on two shared cores the load generator sets them); live p95 under a second.
    const isLiveMet = percentile(live, 0.95) < 1000;
    console.log(
      `Read ratio app/raw (mean latency of the same reads): ${ratioAt.get(1)?.toFixed(2)}× at 1 client, ${ratioAt.get(32)?.toFixed(2)}× at 32 clients. Live p95 ${isLiveMet ? "met" : "NOT met"}.`,
    );
    return isLiveMet;
  } finally {
    await browser?.close();
    await pool.end();
    await app?.stop();
    await database.dispose();
  }
}

const allLatencies = (result: LoadResult) => Array.from(result.latencies.values()).flat();
const latenciesOf = (result: LoadResult, operations: Operation[], kind: Operation["kind"]) =>
  operations
    .filter((operation) => operation.kind === kind)
    .flatMap((operation) => result.latencies.get(operation.name) ?? []);

// A second browser has an annotation's thread open; replies posted through the API
// one at a time; the time from sending each to its appearance on that page.
async function liveLatency(browser: Browser, base: string, world: ApiBenchWorld, cookies: string[]): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = cookies[1]!.split("=") as [string, string];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const documentId = world.documentIds[1]!;
  const annotationId = (
    await (
      await fetch(`${base}/api/v1/documents/${documentId}/annotations`, { headers: { cookie: cookies[1]! } })
    ).json()
  ).items[3].id as string;
  await page.goto(`${base}/documents/${documentId}#annotation-${annotationId}`);
  await page.getByTestId("thread").waitFor();
  await page.getByTestId("viewers").getByText("Live", { exact: true }).waitFor();
  const latencies: number[] = [];
  for (let index = 0; index < 25; index += 1) {
    const marker = `live-${index}-${Date.now()}`;
    const appeared = page.evaluate(
      (wanted) =>
        new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector("[data-testid=thread]")?.textContent?.includes(wanted)) {
              observer.disconnect();
              resolve(Date.now());
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      marker,
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const sent = Date.now();
    const response = await fetch(`${base}/api/v1/annotations/${annotationId}/replies`, {
      method: "POST",
      headers: { cookie: cookies[0]!, "content-type": "application/json", origin: base },
      body: JSON.stringify({ body: `Live check ${marker}`, stance: "asks" }),
    });
    if (response.status !== 201) throw new Error(`Reply answered ${response.status}`);
    latencies.push((await appeared) - sent);
  }
  await context.close();
  return latencies;
}
