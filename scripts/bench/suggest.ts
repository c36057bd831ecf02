import { spawn } from "node:child_process";
import path from "node:path";
import { createTestDatabase } from "../lib/test-database";
import { seedScale } from "./scale-seed";

// npm run bench -- suggest: suggested links for 100 annotations in a workspace of 300
// documents cut from the corpus (scripts/bench/scale-seed.ts), through the service as the
// route calls it, against a plain read of the annotation and the lexical ranking alone in
// the same run; and the index update for a new 30,000-character document. The measuring
// runs in a child process with the server's module conditions (the services are server-only).
const SIZES = {
  documents: Number(process.env.BENCH_SUGGEST_DOCUMENTS ?? 300),
  annotationsPerDocument: 1,
  replyShare: 0,
};

export async function benchSuggest(): Promise<boolean> {
  const database = await createTestDatabase();
  try {
    const world = await seedScale(database.url, SIZES);
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "--conditions", "react-server", path.resolve("scripts/bench/suggest-run.ts")],
        {
          stdio: "inherit",
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            BENCH_WORKSPACE: world.workspaceId,
            BENCH_USER: world.userIds[0],
          },
        },
      );
      child.on("error", reject);
      child.on("exit", (status) => resolve(status ?? 1));
    });
    return code === 0;
  } finally {
    await database.dispose();
  }
}
