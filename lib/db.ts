import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// How long a request may queue for one of the pool's connections before it is
// told to come back later (503 with Retry-After, see lib/api/respond.ts). The
// pool and interactive transactions share this one bound, so a burst queues
// rather than fails, and no request waits for a connection without limit.
export const CONNECTION_WAIT_MS = Number(process.env.DATABASE_WAIT_MS ?? 15_000);
// How long an interactive transaction may run once it has its connection
// (waiting for a row lock held by another transaction included).
export const TRANSACTION_TIMEOUT_MS = Number(process.env.DATABASE_TRANSACTION_TIMEOUT_MS ?? 15_000);
// What a caller turned away by a full pool is told to wait before retrying.
export const BUSY_RETRY_AFTER_SECONDS = 5;

// The only place that constructs Prisma clients. The app uses one pool per
// process (`db`), reused across hot reloads in development; scripts may make
// their own for another database with createDb(url).
export function createDb(
  connectionString = process.env.DATABASE_URL,
  { poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionWaitMs = CONNECTION_WAIT_MS } = {},
) {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a database.");
  }
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: connectionWaitMs,
  });
  return new PrismaClient({
    adapter,
    // The pool gives up first, so Prisma never abandons a connection the pool later hands out.
    transactionOptions: { maxWait: connectionWaitMs + 1_000, timeout: TRANSACTION_TIMEOUT_MS },
  });
}

// True for the errors that mean "no database for now", not "the query was wrong": the
// pool's own timeouts, Prisma's transaction-start timeout (P2028) and pool timeout (P2024),
// a server refusing connections for now (53300 too many connections, 57P03 cannot connect
// now), and a server that is down or went away mid-request (Prisma P1001/P1017, admin or
// crash shutdown 57P01/57P02, the SQLSTATE 08 connection class, refused or reset sockets).
// The caller is told to try again (503 with Retry-After), never shown a 500.
const UNAVAILABLE_CODES = new Set([
  "P1001",
  "P1002",
  "P1017",
  "P2024",
  "53300",
  "57P01",
  "57P02",
  "57P03",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
]);
// What the driver adapter reports when the server is gone (Prisma wraps it in meta).
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|connection timeout|connection terminated|terminating connection|encountered a connection error|can't reach database server|server has closed the connection|ECONNREFUSED|ECONNRESET/i;

export function isDatabaseBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "P2028") return /start a transaction|timeout|expired/i.test(error.message);
  const cause = (error as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } }).meta
    ?.driverAdapterError?.cause;
  const codes = [code, cause?.code, cause?.originalCode].filter((value) => typeof value === "string") as string[];
  if (codes.some((value) => UNAVAILABLE_CODES.has(value) || /^08[0-9A-Z]{3}$/.test(value))) return true;
  if (typeof cause?.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseBusy(error.cause);
}

type Db = ReturnType<typeof createDb>;
const globalForPrisma = globalThis as unknown as { prisma?: Db };

// Created on first use, so importing this module never needs a database (e.g. during `next build`).
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = (globalForPrisma.prisma ??= createDb());
    const value = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Db };
