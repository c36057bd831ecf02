import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/respond";
import { createDb } from "@/lib/db";
import { startScratchPostgres } from "@/scripts/lib/scratch-postgres";

// A database that is down, or goes away in the middle of a request, is "try again
// later" (503 with Retry-After), never a 500: the chaos benchmark kills PostgreSQL
// under writers, and this is the answer they must get while `npm start` recovers.
describe("database outage", () => {
  let server: Awaited<ReturnType<typeof startScratchPostgres>>;
  beforeAll(async () => {
    server = await startScratchPostgres();
  });
  afterAll(async () => {
    await server.cleanup();
  });

  async function statusOf(run: () => Promise<unknown>) {
    const error = await run().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    const response = errorResponse(error);
    return { status: response.status, retryAfter: response.headers.get("Retry-After"), body: await response.json() };
  }

  it("answers 503 with Retry-After when nothing listens where the database should be", async () => {
    const db = createDb(`postgresql://nobody:nothing@127.0.0.1:1/none`, { connectionWaitMs: 2_000 });
    const answer = await statusOf(() => db.$queryRaw`SELECT 1`);
    expect(answer).toMatchObject({ status: 503, body: { error: { code: "unavailable" } } });
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    await db.$disconnect();
  });

  it("answers 503 when the server ends the connection under a running query", async () => {
    const db = createDb(server.url(), { poolSize: 2, connectionWaitMs: 2_000 });
    const admin = createDb(server.url(), { poolSize: 1 });
    const running = statusOf(() => db.$queryRaw`SELECT pg_sleep(5)::text`);
    // End the backend that runs the query, once it runs.
    for (let ended = 0; !ended;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ended = (
        await admin.$queryRaw<unknown[]>`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE query LIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()`
      ).length;
    }
    const answer = await running;
    expect(answer).toMatchObject({ status: 503, body: { error: { code: "unavailable" } } });
    await Promise.all([db.$disconnect(), admin.$disconnect()]);
  });
});
