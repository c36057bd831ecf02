import { defineConfig } from "prisma/config";

// `prisma generate` needs no database, so a missing DATABASE_URL must not throw.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:5432/placeholder",
  },
});
