// Drives Prisma's schema engine compiled to WebAssembly, so migrations can be
// diffed without Prisma's native binary (which cannot be downloaded here).
// The wasm API is internal to Prisma: everything that touches it stays in this file.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

// The adapter cannot type two catalog column types the engine reads: "char"
// (oid 18, e.g. pg_constraint.contype), which the engine wants as a Character,
// and name[] (oid 1003), which is plain text[].
const PG_CHAR = 18;
const PG_NAME_ARRAY = 1003;
const PG_TEXT = 25;
const PG_TEXT_ARRAY = 1009;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

type QueryResultLike = { fields: { dataTypeID: number }[]; rows: unknown[] };
type RawResultLike = { rows: unknown[]; columnTypes: number[] };

// The parts of @prisma/adapter-pg's adapter object that are patched below.
type PgAdapter = {
  onError(error: unknown): never;
  performIO(query: unknown): Promise<QueryResultLike>;
  queryRaw(query: unknown): Promise<unknown>;
  executeScript(script: string): Promise<void>;
  underlyingDriver(): unknown;
  dispose(): Promise<void>;
};

function readCatalogTypes(adapter: PgAdapter): PgAdapter {
  const charColumns = new WeakMap<unknown[], number[]>();
  const performIO = adapter.performIO.bind(adapter);
  adapter.performIO = async (query) => {
    const result = await performIO(query);
    const chars: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR) {
        field.dataTypeID = PG_TEXT;
        chars.push(index);
      } else if (field.dataTypeID === PG_NAME_ARRAY) {
        field.dataTypeID = PG_TEXT_ARRAY;
      }
    });
    if (chars.length) charColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = (await queryRaw(query)) as unknown as RawResultLike;
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
  return adapter;
}

// The stock adapter splits scripts on ";", which breaks dollar-quoted function
// bodies; PostgreSQL's simple query protocol runs a whole script as it is.
function runScriptsWhole(adapter: PgAdapter): PgAdapter {
  readCatalogTypes(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await (adapter.underlyingDriver() as pg.Pool).query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

function makeAdapterFactory(url: string) {
  const pool = () => new pg.Pool({ connectionString: url, allowExitOnIdle: true, max: 4 });
  const base = new PrismaPg(pool(), { disposeExternalPool: true });
  // The stock shadow-database cleanup drops the database before closing its pool,
  // which PostgreSQL refuses; close first, then drop WITH (FORCE).
  const factory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => runScriptsWhole((await base.connect()) as unknown as PgAdapter),
    async connectToShadowDb() {
      const name = `prisma_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = await new PrismaPg(
        new pg.Pool({ connectionString: shadowUrl.toString(), allowExitOnIdle: true, max: 4 }),
        { disposeExternalPool: true },
      ).connect();
      runScriptsWhole(shadow as unknown as PgAdapter);
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return shadow;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(
    factory as unknown as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0],
  );
}

// The engine reports panics through this global before it throws.
const panic = { message: "" };
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    panic.message = message;
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error(message);
  },
};

let loaded: ReturnType<typeof instantiateWasm> | undefined;
// The wasm module keeps global state: instantiate it once per process.
const loadWasm = () => (loaded ??= instantiateWasm());

async function instantiateWasm() {
  const entry = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(entry);
  const bytes = readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bindings as {
    SchemaEngine: { new: (o: unknown, log: (m: string) => void, adapter: unknown) => Promise<Engine> };
  };
}

export async function withSchemaEngine<T>(url: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadWasm();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, makeAdapterFactory(url));
  try {
    return await run(engine);
  } catch (error) {
    if (panic.message) throw new Error(`Prisma's schema engine panicked: ${panic.message}`, { cause: error });
    throw error;
  } finally {
    engine.free();
  }
}

export function migrationDirectories() {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") }));
}

function migrationsTarget() {
  return {
    tag: "migrations",
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: migrationDirectories().map(({ name, sql }) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: sql } },
    })),
  };
}

// SQL that takes a database built from the migrations to what schema.prisma declares.
// Empty when they agree. Needs a server on which it may create a shadow database.
export async function diffMigrationsToSchema(url: string, schema = readFileSync(SCHEMA_PATH, "utf8")): Promise<string> {
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.diff({
      from: migrationDirectories().length ? migrationsTarget() : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
  });
}
