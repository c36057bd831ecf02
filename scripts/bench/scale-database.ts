// Seeded scale workspaces are kept between runs: seeding 10,000 documents takes about 16 minutes
// here, while a copy of the seeded database takes seconds. Each size is seeded once into a template
// database named by the size and a fingerprint of the seed (its code and the corpus); a run measures
// a fresh copy (CREATE DATABASE … TEMPLATE), migrated to the current schema, and drops it afterwards.
// The templates live on TEST_DATABASE_URL's server when set, else on a persistent embedded
// PostgreSQL under .data/bench-scale. BENCH_SCALE_CACHE=off seeds afresh into a throwaway database.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { CORPUS_DIR } from "@/tests/support/corpus";
import { migrate } from "../lib/migrate";
import { migrationDirectories } from "../lib/schema-engine";
import { startPostgres } from "../lib/postgres-server";
import { createTestDatabase } from "../lib/test-database";
import { debateSizesFor, seedScale, seedScaleDebate, type ScaleWorld } from "./scale-seed";

export type ScaleDatabase = { url: string; world: ScaleWorld; seededMs: number | null; dispose: () => Promise<void> };
type Seed = (url: string) => Promise<ScaleWorld>;

const CACHE_DIR = path.resolve(".data/bench-scale");
const SEED_FILES = ["scripts/bench/scale-seed.ts"];

function seedFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of SEED_FILES) hash.update(readFileSync(path.resolve(file)));
  if (existsSync(CORPUS_DIR)) {
    for (const file of readdirSync(CORPUS_DIR).sort())
      hash.update(file).update(readFileSync(path.join(CORPUS_DIR, file)));
  }
  return hash.digest("hex").slice(0, 10);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const withDatabase = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

// A template whose applied migrations are all still in this checkout: a copy of it can be brought
// up to date by migrating it. (A template made on another branch's schema is left alone.)
async function usableTemplate(adminUrl: string, prefix: string): Promise<string | null> {
  const known = new Set(migrationDirectories().map((migration) => migration.name));
  const templates = await query<{ datname: string }>(
    adminUrl,
    `SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname`,
    [`${prefix}%`],
  );
  for (const { datname } of templates) {
    const applied = await query<{ migration_name: string }>(
      withDatabase(adminUrl, datname),
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    ).catch(() => null);
    const world = await storedWorld(withDatabase(adminUrl, datname)).catch(() => null);
    if (applied && world && applied.every((row) => known.has(row.migration_name))) return datname;
  }
  return null;
}

// The seeded world (workspace, users, password) is kept in the template itself, so that every
// checkout using the same server finds it.
async function storedWorld(url: string): Promise<ScaleWorld | null> {
  const rows = await query<{ world: ScaleWorld }>(url, `SELECT world FROM "_bench_scale_world"`);
  return rows[0]?.world ?? null;
}

// Started once per process: every size measured in one run shares it.
let cacheServer: Promise<string> | null = null;

function cacheServerUrl(): Promise<string> {
  if (process.env.TEST_DATABASE_URL) return Promise.resolve(process.env.TEST_DATABASE_URL);
  cacheServer ??= (async () => {
    mkdirSync(CACHE_DIR, { recursive: true });
    const server = await startPostgres({ dataDir: path.join(CACHE_DIR, "postgres") });
    process.once("exit", () => void server.stop());
    return server.url();
  })();
  return cacheServer;
}

export async function scaleDatabase(documents: number, seed: Seed): Promise<ScaleDatabase> {
  if (process.env.BENCH_SCALE_CACHE === "off") {
    const database = await createTestDatabase();
    const start = performance.now();
    const world = await seed(database.url);
    return { url: database.url, world, seededMs: performance.now() - start, dispose: database.dispose };
  }
  const adminUrl = await cacheServerUrl();
  const prefix = `scale_${documents}_${seedFingerprint()}_`;
  const lockKey = createHash("sha256").update(prefix).digest().readInt32BE(0);
  const lock = new pg.Client({ connectionString: adminUrl });
  await lock.connect();
  let seededMs: number | null = null;
  let template: string | null;
  try {
    // One seeder per template at a time, across processes sharing the server.
    await lock.query("SELECT pg_advisory_lock($1)", [lockKey]);
    template = await usableTemplate(adminUrl, prefix);
    if (!template) {
      template = `${prefix}${Date.now().toString(36)}`;
      await query(adminUrl, `CREATE DATABASE "${template}"`);
      const templateUrl = withDatabase(adminUrl, template);
      await migrate(templateUrl);
      const start = performance.now();
      const world = await seed(templateUrl);
      await query(templateUrl, "VACUUM ANALYZE");
      await query(templateUrl, `CREATE TABLE "_bench_scale_world" (world jsonb NOT NULL)`);
      await query(templateUrl, `INSERT INTO "_bench_scale_world" (world) VALUES ($1)`, [JSON.stringify(world)]);
      seededMs = performance.now() - start;
    }
  } finally {
    await lock.end();
  }
  const world = (await storedWorld(withDatabase(adminUrl, template)))!;
  const name = `scale_run_${documents}_${Date.now().toString(36)}`;
  await query(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`);
  const url = withDatabase(adminUrl, name);
  await migrate(url);
  const dispose = async () => {
    await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  return { url, world, seededMs, dispose };
}

// The seeded workspace of a size (`npm run bench -- scale` and `-- search`): 10 annotations a
// document, replies on 30% of them, and the debate (links, claims, placed passages).
export function scaleWorkspace(documents: number) {
  const sizes = { documents, annotationsPerDocument: 10, replyShare: 0.3 };
  const debate = debateSizesFor(documents);
  return scaleDatabase(documents, async (url) => {
    const world = await seedScale(url, sizes);
    await seedScaleDebate(url, world, sizes, debate);
    return world;
  });
}
