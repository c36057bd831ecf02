import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseSearchQuery } from "@/lib/search/parse-query";
import { tsQuerySql } from "@/lib/search/search-query-sql";
import { percentile } from "./load";
import { startBenchApp, mintApiToken, type BenchApp } from "./bench-app";
import { scaleWorkspace } from "./scale-database";

// npm run bench -- search: 20 varied queries (common and rare words, phrases, a prefix
// being typed, CJK, exclusions, OR, tag filters) through the HTTP API of `next start`
// against a workspace of 10,000 documents and 100,000 annotations, against the floor:
// the index-only lookup of 20 ids for the same query in the same run (passages, annotations
// and replies that match, in parallel as the service runs them; no ranking, no snippets,
// no authorization, no HTTP). Target (issue 17): API p95 within 3× of the floor's p95.
const QUERIES: Array<{ q: string; tag?: string }> = [
  { q: "china " },
  { q: "russia " },
  { q: "alliance " },
  { q: "military cooperation " },
  { q: '"formal alliance"' },
  { q: '"no limits"' },
  { q: "partnersh" },
  { q: "trust " },
  { q: "xylographic " },
  { q: "全面 " },
  { q: "战略协作 " },
  { q: "alliance -treaty " },
  { q: "axis OR bloc " },
  { q: "unilateralism " },
  { q: "energy sanctions pipeline " },
  { q: "alliance ", tag: "claim" },
  { q: "evidence ", tag: "evidence" },
  { q: "convenience " },
  { q: "exercises drills " },
  { q: "summit statement " },
];
const ROUNDS = 5;
const DOCUMENTS = Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 10_000);

export const SEARCH_TARGET_RATIO = 3;

export type SearchScaleContext = { pool: pg.Pool; baseUrl: string; token: string; workspaceId: string };
export type SearchScaleFigures = { apiP50: number; apiP95: number; floorP50: number; floorP95: number };

// The 20 queries through the API and as the floor, alternating, ROUNDS times each after
// one warm-up round. Prints a line per query unless `quiet`.
export async function measureSearchAtScale(
  ctx: SearchScaleContext,
  options: { quiet?: boolean } = {},
): Promise<SearchScaleFigures> {
  const viaApi = async ({ q, tag }: (typeof QUERIES)[number]) => {
    const params = new URLSearchParams({ q, limit: "20", ...(tag ? { tag } : {}) });
    const response = await fetch(`${ctx.baseUrl}/api/v1/workspaces/${ctx.workspaceId}/search?${params}`, {
      headers: { authorization: `Bearer ${ctx.token}` },
    });
    const body = (await response.json()) as { documents: unknown[]; annotations: unknown[]; replies: unknown[] };
    if (!response.ok) throw new Error(`search ${q} answered ${response.status}`);
    return body.documents.length + body.annotations.length + body.replies.length;
  };
  const viaFloor = async ({ q, tag }: (typeof QUERIES)[number]) => {
    const tsQuery = tsQuerySql(parseSearchQuery(q));
    const tagged = tag ? Prisma.sql`AND a.tags @> ARRAY[${tag}]::text[]` : Prisma.empty;
    const statements = [
      ...(tag
        ? []
        : [
            Prisma.sql`SELECT u."documentId" FROM "DocumentSearchUnit" u, (SELECT ${tsQuery} AS query) q WHERE u."workspaceId" = ${ctx.workspaceId} AND u.vector @@ q.query LIMIT 20`,
            Prisma.sql`SELECT r.id FROM "Reply" r, (SELECT ${tsQuery} AS query) q WHERE r."workspaceId" = ${ctx.workspaceId} AND r."deletedAt" IS NULL AND r."searchVector" @@ q.query LIMIT 20`,
          ]),
      Prisma.sql`SELECT a.id FROM "Annotation" a, (SELECT ${tsQuery} AS query) q WHERE a."workspaceId" = ${ctx.workspaceId} AND a."deletedAt" IS NULL AND a.status = 'visible' AND a."searchVector" @@ q.query ${tagged} LIMIT 20`,
    ];
    const results = await Promise.all(statements.map((statement) => ctx.pool.query(statement.text, statement.values)));
    return results.reduce((found, result) => found + (result.rowCount ?? 0), 0);
  };

  for (const query of QUERIES) await Promise.all([viaApi(query), viaFloor(query)]); // warm both
  const api: number[] = [];
  const floor: number[] = [];
  const perQuery: Array<Record<string, string | number>> = [];
  for (const query of QUERIES) {
    const apiTimes: number[] = [];
    const floorTimes: number[] = [];
    let hits = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      let start = performance.now();
      hits = await viaApi(query);
      apiTimes.push(performance.now() - start);
      start = performance.now();
      await viaFloor(query);
      floorTimes.push(performance.now() - start);
    }
    api.push(...apiTimes);
    floor.push(...floorTimes);
    perQuery.push({
      query: `${query.q.trim()}${query.tag ? ` #${query.tag}` : ""}`,
      "hits shown": hits,
      "API p50 ms": percentile(apiTimes, 0.5).toFixed(1),
      "floor p50 ms": percentile(floorTimes, 0.5).toFixed(1),
    });
  }
  if (!options.quiet) console.table(perQuery);
  return {
    apiP50: percentile(api, 0.5),
    apiP95: percentile(api, 0.95),
    floorP50: percentile(floor, 0.5),
    floorP95: percentile(floor, 0.95),
  };
}

export async function benchSearch(): Promise<boolean> {
  const database = await scaleWorkspace(DOCUMENTS);
  let app: BenchApp | null = null;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  pool.on("error", () => {}); // an idle client cut off when the database goes away at the end
  try {
    const counts = (
      await pool.query(
        `SELECT (SELECT count(*) FROM "Document") AS documents, (SELECT count(*) FROM "Annotation") AS annotations,
                (SELECT count(*) FROM "Reply") AS replies, (SELECT sum(length(text)) FROM "Document") AS characters,
                (SELECT count(*) FROM "DocumentSearchUnit") AS units`,
      )
    ).rows[0];
    const seeded =
      database.seededMs === null
        ? "a copy of the seeded template"
        : `seeded in ${(database.seededMs / 1000).toFixed(0)} s`;
    console.log(
      `Workspace: ${counts.documents} documents (${(Number(counts.characters) / 1e6).toFixed(1)} M characters, ${counts.units} search passages), ${counts.annotations} annotations, ${counts.replies} replies; ${seeded}.`,
    );
    const token = await mintApiToken(pool, database.world.userIds[0]!);
    app = await startBenchApp(database.url);
    const { baseUrl } = app;

    const workspaceId = database.world.workspaceId;
    const figures = await measureSearchAtScale({ pool, baseUrl, token, workspaceId });
    console.table([
      {
        path: "API (HTTP, auth, ranking, snippets)",
        "p50 ms": figures.apiP50.toFixed(1),
        "p95 ms": figures.apiP95.toFixed(1),
      },
      {
        path: "floor (20 ids from the index, unranked)",
        "p50 ms": figures.floorP50.toFixed(1),
        "p95 ms": figures.floorP95.toFixed(1),
      },
    ]);
    const ratio = figures.apiP95 / figures.floorP95;
    const isMet = ratio <= SEARCH_TARGET_RATIO;
    console.log(
      `Ratio API / floor: p50 ${(figures.apiP50 / figures.floorP50).toFixed(2)}, p95 ${ratio.toFixed(2)} (target p95 ≤ ${SEARCH_TARGET_RATIO}×: ${isMet ? "met" : "MISSED"}; ${QUERIES.length} queries × ${ROUNDS} rounds, one client).`,
    );
    return isMet;
  } finally {
    await app?.stop();
    await pool.end();
    await database.dispose();
  }
}
