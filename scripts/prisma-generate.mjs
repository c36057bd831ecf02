// Runs `prisma generate` without Prisma's native schema engine, which cannot be
// downloaded on locked-down machines: the Rust-free client generator never calls
// it, so any executable that exits 1 satisfies the CLI's lookup.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync("/bin/false")) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/false";
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
