import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");

// Every route handler file under app/api, as "METHOD /api/…" (the catch-all 404 and next-auth excepted).
function implementedOperations(directory = API_DIR): string[] {
  const operations: string[] = [];
  for (const entry of readdirSync(directory)) {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) operations.push(...implementedOperations(full));
    else if (entry === "route.ts") {
      const route = "/api/" + path.relative(API_DIR, directory).replace(/\[([^\]]+)\]/g, "{$1}");
      if (route.includes("{...") || route.startsWith("/api/auth")) continue;
      for (const match of readFileSync(full, "utf8").matchAll(
        /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
      ))
        operations.push(`${match[1]} ${route}`);
    }
  }
  return operations;
}

describe("the OpenAPI document", () => {
  it("documents every implemented route and method, and nothing that does not exist", () => {
    const paths = buildOpenApiDocument("http://localhost:3000").paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(documented.sort()).toEqual(implementedOperations().sort());
  });
});
