import pg from "pg";
import { describe, expect, it } from "vitest";
import { addMemberByInvitation, call, makeUser, workspaceWithTeam } from "../support/api";

// Heartbeats every 200 ms instead of 15 s, so a few seconds show what minutes would.
process.env.LIVE_HEARTBEAT_MS = "200";

async function openStream(token: string, workspaceId: string, documentId: string) {
  const { GET } = await import("@/app/api/v1/workspaces/[id]/events/route");
  const abort = new AbortController();
  const request = new Request(`http://localhost/api/v1/workspaces/${workspaceId}/events?documentId=${documentId}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const response = await GET(request, { params: Promise.resolve({ id: workspaceId }) });
  const counts = { viewers: 0, last: "" };
  if (response.ok) {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return;
        const text = decoder.decode(value);
        for (const match of text.matchAll(/event: viewers\ndata: (.*)\n/g)) {
          counts.viewers += 1;
          counts.last = match[1]!;
        }
      }
    })();
  }
  return { status: response.status, counts, close: () => abort.abort() };
}

// A document in the team's workspace, imported by its owner; returns its id.
async function importText(team: Awaited<ReturnType<typeof workspaceWithTeam>>, title: string, text: string) {
  const { POST } = await import("@/app/api/v1/workspaces/[id]/documents/route");
  const created = await call(POST, {
    method: "POST",
    token: team.owner.token,
    params: { id: team.workspaceId },
    body: { title, text },
  });
  return created.body.id as string;
}

describe("presence scales with readers", () => {
  // Thirty readers each join by invitation and acceptance: the setup needs more than the default minute.
  it(
    "a reader's heartbeats tell nobody anything; joins reach each reader in a few coalesced frames",
    { timeout: 180_000 },
    async () => {
      const team = await workspaceWithTeam("presence", "Presence");
      const documentId = await importText(team, "Read together", "A text many people read at once.");
      const readers = [];
      for (let index = 0; index < 30; index += 1) {
        const user = await makeUser(`presence-${index}`);
        await addMemberByInvitation(team.owner.token, team.workspaceId, user, "viewer");
        readers.push(user);
      }
      const streams = await Promise.all(
        readers.map((reader) => openStream(reader.token, team.workspaceId, documentId)),
      );
      // What travels on the channel: heartbeat notices (each a query through the pool).
      const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await listener.connect();
      let beatNotices = 0;
      listener.on("notification", (message) => {
        if (message.payload?.includes('"action":"beat"')) beatNotices += 1;
      });
      await listener.query("LISTEN counterpoint_live");
      // About 15 heartbeats of every reader.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await listener.end();
      // The instance beats for all its readers in a few notices per heartbeat (as many as fit in
      // a notice's payload), not one per reader (30 × 15 = 450).
      expect(beatNotices).toBeGreaterThan(0);
      expect(beatNotices).toBeLessThan(60);
      const frames = streams.reduce((sum, stream) => sum + stream.counts.viewers, 0);
      // Each reader hears of the joins in a handful of frames; telling every reader of every
      // heartbeat would be 30 × 30 × 15 = 13,500.
      expect(frames).toBeLessThan(30 * 6);
      for (const stream of streams) expect(JSON.parse(stream.counts.last)).toHaveLength(30);
      for (const stream of streams) stream.close();
    },
  );

  it("caps the live streams one person may hold open", async () => {
    const team = await workspaceWithTeam("stream-cap", "Stream cap");
    const documentId = await importText(team, "Tabs", "Too many tabs.");
    const open = [];
    for (let index = 0; index < 20; index += 1)
      open.push(await openStream(team.viewer.token, team.workspaceId, documentId));
    expect(open.every((stream) => stream.status === 200)).toBe(true);
    const refused = await openStream(team.viewer.token, team.workspaceId, documentId);
    expect(refused.status).toBe(429);
    for (const stream of open) stream.close();
  });
});
