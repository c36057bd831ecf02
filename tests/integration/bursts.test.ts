import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as replyVotes from "@/app/api/v1/replies/[id]/votes/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { hashPassword } from "@/lib/auth/password";
import { createDb, db } from "@/lib/db";
import { errorResponse } from "@/lib/api/respond";
import { createToken } from "@/lib/tokens/tokens";
import { call, uniqueEmail, workspaceWithTeam } from "../support/api";

const BURST = 500;
const TEXT = "A short essay.\n\nIts second paragraph holds the passage under debate, and nothing else.";

// A thread, and BURST researchers in its workspace (made straight in the database: the burst is under test).
async function crowdedThread(label: string) {
  const { owner, workspaceId } = await workspaceWithTeam(label, `Burst ${label}`);
  const documentId = (
    await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Essay", text: TEXT },
    })
  ).body.id as string;
  const annotationId = (
    await call(annotations.POST, {
      method: "POST",
      token: owner.token,
      params: { id: documentId },
      body: { selectors: describeQuote(TEXT, "the passage under debate")!, body: "This one" },
    })
  ).body.id as string;
  const passwordHash = await hashPassword("correct horse battery");
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: BURST }, (_, index) => ({
      email: uniqueEmail(`${label}-${index}`),
      name: `Member ${index}`,
      passwordHash,
    })),
    select: { id: true },
  });
  await db.membership.createMany({
    data: users.map((user) => ({ workspaceId, userId: user.id, role: "researcher" as const })),
  });
  const tokens = await Promise.all(users.map((user) => createToken(user.id, "tests").then((made) => made.token)));
  return { owner, annotationId, tokens };
}

type Result = Awaited<ReturnType<typeof call>>;

// A burst may be told to come back later (503 with Retry-After), never 500.
function expectServedOrDeferred(results: Result[], success: number) {
  const statuses = results.reduce<Record<number, number>>((counts, result) => {
    counts[result.status] = (counts[result.status] ?? 0) + 1;
    return counts;
  }, {});
  for (const status of Object.keys(statuses).map(Number))
    expect([success, 503], `statuses ${JSON.stringify(statuses)}`).toContain(status);
  for (const result of results.filter((result) => result.status === 503)) {
    expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(result.body.error.code).toBe("unavailable");
  }
  return results.filter((result) => result.status === success).length;
}

// Generous: the machine running the suite may be busy, and a burst this size takes a while.
describe("bursts of writes", { timeout: 180_000 }, () => {
  it(`answers ${BURST} concurrent votes on one reply without a 500, and keeps the score right`, async () => {
    const { owner, annotationId, tokens } = await crowdedThread("votes");
    const reply = await call(replies.POST, {
      method: "POST",
      token: owner.token,
      params: { id: annotationId },
      body: { body: "Vote on me", stance: "supports" },
    });
    expect(reply.status).toBe(201);
    const results = await Promise.all(
      tokens.map((token, index) =>
        call(replyVotes.POST, {
          method: "POST",
          token,
          params: { id: reply.body.id },
          body: { value: index % 3 === 0 ? -1 : 1 },
        }),
      ),
    );
    expectServedOrDeferred(results, 200);
    const stored = await db.vote.findMany({ where: { replyId: reply.body.id }, select: { value: true } });
    const { score } = await db.reply.findUniqueOrThrow({ where: { id: reply.body.id }, select: { score: true } });
    expect(score).toBe(stored.reduce((sum, vote) => sum + vote.value, 0));
    // Every accepted vote is stored, and the last answer reports the final tally.
    expect(stored).toHaveLength(results.filter((result) => result.status === 200).length);
    expect(Math.max(...results.filter((r) => r.status === 200).map((r) => r.body.up + r.body.down))).toBe(
      stored.length,
    );
  });

  it(`answers ${BURST} concurrent replies to one thread without a 500, and stores each accepted one`, async () => {
    const { annotationId, tokens } = await crowdedThread("replies");
    const results = await Promise.all(
      tokens.map((token, index) =>
        call(replies.POST, {
          method: "POST",
          token,
          params: { id: annotationId },
          body: { body: `Reply number ${index}`, stance: "supports" },
        }),
      ),
    );
    const accepted = expectServedOrDeferred(results, 201);
    expect(await db.reply.count({ where: { annotationId } })).toBe(accepted);
  });
});

describe("a full connection pool", () => {
  it("answers 503 with Retry-After, for queries and for transactions, once the wait for a connection runs out", async () => {
    const tiny = createDb(process.env.DATABASE_URL, { poolSize: 1, connectionWaitMs: 1_000 });
    try {
      await tiny.user.count(); // the pool's one connection, opened before the wait is measured
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const holder = tiny.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await held;
      });
      // Give the holder its connection before the others queue behind it.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const failures = await Promise.all([
        tiny.user.count().then(
          () => null,
          (error: unknown) => error,
        ),
        tiny
          .$transaction(async (tx) => tx.user.count())
          .then(
            () => null,
            (error: unknown) => error,
          ),
      ]);
      release();
      await holder;
      for (const failure of failures) {
        expect(failure, "the queued call should have given up").not.toBeNull();
        const response = errorResponse(failure);
        expect(response.status).toBe(503);
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await response.json()).error.code).toBe("unavailable");
      }
      // Once the pool is free again, it serves.
      expect(await tiny.user.count()).toBeGreaterThanOrEqual(0);
    } finally {
      await tiny.$disconnect();
    }
  });
});
