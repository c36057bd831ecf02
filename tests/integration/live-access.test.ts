import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMemberByInvitation, makeUser, call, workspaceWithTeam } from "../support/api";

// Open streams re-check access every LIVE_ACCESS_CHECK_MS; short here so the test is quick.
process.env.LIVE_ACCESS_CHECK_MS = "300";

async function openStream(token: string, workspaceId: string) {
  const { GET } = await import("@/app/api/v1/workspaces/[id]/events/route");
  const abort = new AbortController();
  const request = new Request(`http://localhost/api/v1/workspaces/${workspaceId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const response = await GET(request, { params: Promise.resolve({ id: workspaceId }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  // One read at a time: a read still pending when time runs out is kept for the next call.
  let pending: ReturnType<typeof reader.read> | null = null;
  // Reads until the stream ends or the time runs out; returns what arrived and whether it ended.
  const readFor = async (ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return { received, hasEnded: false };
      pending ??= reader.read();
      const next = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (next === null) return { received, hasEnded: false };
      pending = null;
      if (next.done) return { received, hasEnded: true };
      received += decoder.decode(next.value);
    }
  };
  return { readFor, close: () => abort.abort() };
}

describe("event streams end with access", () => {
  it("a removed member's open stream ends within seconds, saying why", async () => {
    const team = await workspaceWithTeam("live-access", "Live access");
    const stream = await openStream(team.researcher.token, team.workspaceId);
    expect((await stream.readFor(500)).received).toContain("event: ready");
    const { DELETE } = await import("@/app/api/v1/workspaces/[id]/members/[userId]/route");
    const removed = await call(DELETE, {
      method: "DELETE",
      token: team.owner.token,
      params: { id: team.workspaceId, userId: team.researcher.id },
    });
    expect(removed.status).toBe(204);
    const after = await stream.readFor(3_000);
    expect(after.hasEnded).toBe(true);
    expect(after.received).toContain("event: denied");
  });

  it("a revoked token's open stream ends too; a member's keeps going", async () => {
    const team = await workspaceWithTeam("live-token", "Live tokens");
    const member = await makeUser("live-token-member");
    await addMemberByInvitation(team.owner.token, team.workspaceId, member, "viewer");
    const revoked = await openStream(member.token, team.workspaceId);
    const kept = await openStream(team.viewer.token, team.workspaceId);
    await revoked.readFor(300);
    await db.apiToken.deleteMany({ where: { userId: member.id } });
    expect((await revoked.readFor(3_000)).hasEnded).toBe(true);
    expect((await kept.readFor(1_000)).hasEnded).toBe(false);
    kept.close();
  });
});
