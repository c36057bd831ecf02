import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseSearchQuery } from "@/lib/search/parse-query";
import { tsQuerySql } from "@/lib/search/search-query-sql";
import { appEnv, waitForHealthy } from "../lib/app-env";
import { buildIfNeeded } from "../lib/build-if-needed";
import { freePort } from "../lib/postgres-server";
import { createTestDatabase } from "../lib/test-database";
import { percentile } from "./load";
import { seedScale } from "./scale-seed";

// npm run bench -- search: 20 varied queries (common and rare words, phrases, a prefix
// being typed, CJK, exclusions, OR, tag filters) through the HTTP API of `next start`
// against a workspace of 10,000 documents and 100,000 annotations, and the same matches
// as raw SQL through pg in the same run (the ranked ids of documents, annotations and
// replies, without snippets, authorization or HTTP). Figures, no target: issue 17 sets them.
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
const SIZES = {
  documents: Number(process.env.BENCH_SEARCH_DOCUMENTS ?? 10_000),
  annotationsPerDocument: 10,
  replyShare: 0.3,
};

export async function benchSearch(): Promise<boolean> {
  const database = await createTestDatabase();
  let app: ChildProcess | null = null;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    const seedStart = performance.now();
    const world = await seedScale(database.url, SIZES);
    const counts = (
      await pool.query(
        `SELECT (SELECT count(*) FROM "Document") AS documents, (SELECT count(*) FROM "Annotation") AS annotations,
                (SELECT count(*) FROM "Reply") AS replies, (SELECT sum(length(text)) FROM "Document") AS characters`,
      )
    ).rows[0];
    console.log(
      `Workspace: ${counts.documents} documents (${(Number(counts.characters) / 1e6).toFixed(1)} M characters), ${counts.annotations} annotations, ${counts.replies} replies; seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s.`,
    );
    const token = `cpt_${randomBytes(24).toString("base64url")}`;
    await pool.query(
      `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix) VALUES ($1, $2, 'bench', $3, 'cpt_be')`,
      [`t${Date.now()}`, world.userIds[0], createHash("sha256").update(token).digest("hex")],
    );
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const env = { ...appEnv(port, database.url), RATE_LIMIT_TOKEN: "1000000" };
    buildIfNeeded(env);
    app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], { stdio: "ignore", env });
    await waitForHealthy(`${base}/api/health`);

    const viaApi = async ({ q, tag }: (typeof QUERIES)[number]) => {
      const params = new URLSearchParams({ q, limit: "20", ...(tag ? { tag } : {}) });
      const response = await fetch(`${base}/api/v1/workspaces/${world.workspaceId}/search?${params}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { documents: unknown[]; annotations: unknown[] };
      if (!response.ok) throw new Error(`search ${q} answered ${response.status}`);
      return body.documents.length + body.annotations.length;
    };
    const viaSql = async ({ q, tag }: (typeof QUERIES)[number]) => {
      const tsQuery = tsQuerySql(parseSearchQuery(q));
      const tagged = tag ? Prisma.sql`AND a.tags @> ARRAY[${tag}]::text[]` : Prisma.empty;
      const statements = [
        ...(tag
          ? []
          : [
              Prisma.sql`SELECT d.id FROM "Document" d, (SELECT ${tsQuery} AS query) q WHERE d."workspaceId" = ${world.workspaceId} AND d."deletedAt" IS NULL AND d."searchVector" @@ q.query ORDER BY ts_rank_cd(d."searchVector", q.query) DESC LIMIT 21`,
              Prisma.sql`SELECT r.id FROM "Reply" r, (SELECT ${tsQuery} AS query) q WHERE r."workspaceId" = ${world.workspaceId} AND r."deletedAt" IS NULL AND r."searchVector" @@ q.query ORDER BY ts_rank_cd(r."searchVector", q.query) DESC LIMIT 21`,
            ]),
        Prisma.sql`SELECT a.id FROM "Annotation" a, (SELECT ${tsQuery} AS query) q WHERE a."workspaceId" = ${world.workspaceId} AND a."deletedAt" IS NULL AND a.status = 'visible' AND a."searchVector" @@ q.query ${tagged} ORDER BY ts_rank_cd(a."searchVector", q.query) DESC LIMIT 21`,
      ];
      // In parallel, as the service runs them.
      const results = await Promise.all(statements.map((statement) => pool.query(statement.text, statement.values)));
      return results.reduce((found, result) => found + (result.rowCount ?? 0), 0);
    };

    for (const query of QUERIES) await Promise.all([viaApi(query), viaSql(query)]); // warm both
    const api: number[] = [];
    const sql: number[] = [];
    const perQuery: Array<Record<string, string | number>> = [];
    for (const query of QUERIES) {
      const apiTimes: number[] = [];
      const sqlTimes: number[] = [];
      let hits = 0;
      for (let round = 0; round < ROUNDS; round += 1) {
        let start = performance.now();
        hits = await viaApi(query);
        apiTimes.push(performance.now() - start);
        start = performance.now();
        await viaSql(query);
        sqlTimes.push(performance.now() - start);
      }
      api.push(...apiTimes);
      sql.push(...sqlTimes);
      perQuery.push({
        query: `${query.q.trim()}${query.tag ? ` #${query.tag}` : ""}`,
        "hits shown": hits,
        "API p50 ms": percentile(apiTimes, 0.5).toFixed(1),
        "SQL p50 ms": percentile(sqlTimes, 0.5).toFixed(1),
      });
    }
    console.table(perQuery);
    console.table([
      {
        path: "API (HTTP, auth, snippets)",
        "p50 ms": percentile(api, 0.5).toFixed(1),
        "p95 ms": percentile(api, 0.95).toFixed(1),
      },
      {
        path: "raw SQL (ranked ids)",
        "p50 ms": percentile(sql, 0.5).toFixed(1),
        "p95 ms": percentile(sql, 0.95).toFixed(1),
      },
    ]);
    console.log(
      `Ratio API / raw SQL: p50 ${(percentile(api, 0.5) / percentile(sql, 0.5)).toFixed(2)}, p95 ${(percentile(api, 0.95) / percentile(sql, 0.95)).toFixed(2)} (${QUERIES.length} queries × ${ROUNDS} rounds, one client).`,
    );
    return true;
  } finally {
    app?.kill("SIGTERM");
    await pool.end();
    await database.dispose();
  }
}
