import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The only place that constructs Prisma clients. The app uses one pool per
// process (`db`), reused across hot reloads in development; scripts may make
// their own for another database with createDb(url).
export function createDb(connectionString = process.env.DATABASE_URL) {
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides a database.");
  }
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter });
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
