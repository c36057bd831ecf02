import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMemberByInvitation, makeUser, call, workspaceWithTeam } from "../support/api";
import { openEventStream } from "../support/event-stream";

// Open streams re-check access every LIVE_ACCESS_CHECK_MS; short here so the test is quick.
process.env.LIVE_ACCESS_CHECK_MS = "300";

async function openStream(token: string, workspaceId: string, lastEventId?: string) {
  const { GET } = await import("@/app/api/v1/workspaces/[id]/events/route");
  return openEventStream(GET, `http://localhost/api/v1/workspaces/${workspaceId}/events`, {
    token,
    params: { id: workspaceId },
    headers: lastEventId ? { "last-event-id": lastEventId } : {},
  });
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

describe("event streams tell only those who may see an item", () => {
  it("a pending annotation's id reaches its author and the moderators, live and replayed, nobody else", async () => {
    const team = await workspaceWithTeam("live-pending", "Live pending");
    const workspaceRoute = await import("@/app/api/v1/workspaces/[id]/route");
    const documentsRoute = await import("@/app/api/v1/workspaces/[id]/documents/route");
    const annotationsRoute = await import("@/app/api/v1/documents/[id]/annotations/route");
    await call(workspaceRoute.PATCH, {
      method: "PATCH",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { preModeration: true },
    });
    const document = await call(documentsRoute.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { title: "Held back", text: "A passage that waits for a moderator before anyone reads it." },
    });
    const streams = {
      author: await openStream(team.researcher.token, team.workspaceId),
      moderator: await openStream(team.moderator.token, team.workspaceId),
      viewer: await openStream(team.viewer.token, team.workspaceId),
    };
    const opened = await Promise.all(Object.values(streams).map((stream) => stream.readFor(500)));
    for (const { received } of opened) expect(received).toContain("event: ready");
    // Where the viewer's stream began in the event log: a reconnection from there is sent what followed.
    const head = /id: (\d+)\nevent: ready/.exec(opened[2]!.received)?.[1];
    expect(head).toBeDefined();
    const exact = "waits for a moderator";
    const start = "A passage that ".length;
    const created = await call(annotationsRoute.POST, {
      method: "POST",
      token: team.researcher.token,
      params: { id: document.body.id },
      body: {
        selectors: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
        body: "Pending until approved.",
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await streams.author.readFor(1_500)).received).toContain(id);
    expect((await streams.moderator.readFor(500)).received).toContain(id);
    const heardByViewer = (await streams.viewer.readFor(500)).received;
    expect(heardByViewer).not.toContain(id);
    expect(heardByViewer).not.toContain("audience");
    // A viewer reconnecting from before it is sent what followed, but not it.
    const replayed = await openStream(team.viewer.token, team.workspaceId, head);
    const missed = (await replayed.readFor(1_000)).received;
    expect(missed).not.toContain("event: reload");
    expect(missed).not.toContain(id);
    for (const stream of [...Object.values(streams), replayed]) stream.close();
  });
});
