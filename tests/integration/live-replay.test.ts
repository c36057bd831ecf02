import pg from "pg";
import { describe, expect, it } from "vitest";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import { db } from "@/lib/db";
import { pruneLog } from "@/lib/live/event-log";
import { call, workspaceWithTeam } from "../support/api";

// The hub probes its listener every LIVE_PROBE_MS; short here so a dead one is replaced quickly.
process.env.LIVE_PROBE_MS = "400";
const hub = async () => (await import("@/lib/live/hub")).liveHub;

type Frame = { event: string; id: string | null; data: string };

// Opens the events route as a browser would, and reads its frames as they come.
async function openStream(
  token: string,
  workspaceId: string,
  { documentId, lastEventId, asHeader = false }: { documentId?: string; lastEventId?: string; asHeader?: boolean } = {},
) {
  const { GET } = await import("@/app/api/v1/workspaces/[id]/events/route");
  const abort = new AbortController();
  const query = new URLSearchParams();
  if (documentId) query.set("documentId", documentId);
  if (lastEventId && !asHeader) query.set("lastEventId", lastEventId);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (lastEventId && asHeader) headers["last-event-id"] = lastEventId;
  const request = new Request(`http://localhost/api/v1/workspaces/${workspaceId}/events?${query}`, {
    headers,
    signal: abort.signal,
  });
  const response = await GET(request, { params: Promise.resolve({ id: workspaceId }) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = "";
  let hasEnded = false;
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) {
        hasEnded = true;
        return;
      }
      buffer += decoder.decode(value);
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split("\n")
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2) ?? null;
        const event = field("event");
        if (event) frames.push({ event, id: field("id"), data: field("data") ?? "" });
      }
    }
  })();
  // Waits until `isDone(frames)` or the time runs out.
  const waitFor = async (isDone: (frames: Frame[]) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!isDone(frames) && !hasEnded && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return frames;
  };
  const changes = () =>
    frames.filter((frame) => frame.event === "change").map((frame) => ({ ...JSON.parse(frame.data), seq: frame.id }));
  return { frames, changes, waitFor, hasEnded: () => hasEnded, close: () => abort.abort() };
}

async function makeDocument(token: string, workspaceId: string, title: string) {
  const created = await call(documents.POST, {
    method: "POST",
    token,
    params: { id: workspaceId },
    // Each its own text: the same text twice in a workspace is a duplicate.
    body: { title, text: `${title}. One passage to mark, and another passage to mark.` },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function annotate(token: string, documentId: string, body: string) {
  const created = await call(annotations.POST, {
    method: "POST",
    token,
    params: { id: documentId },
    body: { selectors: [{ type: "TextQuoteSelector", exact: "passage to mark" }], body },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const isReady = (frames: Frame[]) => frames.some((frame) => frame.event === "ready");

describe("live updates survive a lost LISTEN connection", () => {
  it("keeps the stream open and delivers every event written while the connection was down, once", async () => {
    const team = await workspaceWithTeam("listen-kill", "Listen kill");
    const documentId = await makeDocument(team.owner.token, team.workspaceId, "Failover");
    const stream = await openStream(team.viewer.token, team.workspaceId);
    expect(isReady(await stream.waitFor(isReady, 2_000))).toBe(true);

    const pid = await (await hub()).listenerPid();
    expect(pid).not.toBeNull();
    await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
    // Written at once, while the listener is gone or reconnecting, and after.
    const written: string[] = [];
    for (let index = 0; index < 8; index += 1) written.push(await annotate(team.owner.token, documentId, `#${index}`));

    const arrived = () => stream.changes().filter((change) => change.type === "annotation.created");
    await stream.waitFor(() => arrived().length >= written.length, 2_000);
    expect(stream.hasEnded()).toBe(false);
    expect(arrived().map((change) => change.id)).toEqual(written);
    // A new listening connection, not the one that was ended.
    const newPid = await (await hub()).listenerPid();
    expect(newPid).not.toBeNull();
    expect(newPid).not.toBe(pid);
    // And it keeps delivering.
    const later = await annotate(team.owner.token, documentId, "later");
    await stream.waitFor(() => arrived().length > written.length, 2_000);
    expect(arrived().map((change) => change.id)).toEqual([...written, later]);
    stream.close();
  });

  it("recovers when the database refuses connections for a while: the events written meanwhile arrive", async () => {
    const team = await workspaceWithTeam("listen-down", "Listen down");
    const documentId = await makeDocument(team.owner.token, team.workspaceId, "Outage");
    const stream = await openStream(team.viewer.token, team.workspaceId);
    expect(isReady(await stream.waitFor(isReady, 2_000))).toBe(true);
    const [{ name }] = (await db.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`) as [
      { name: string },
    ];
    const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const pid = await (await hub()).listenerPid();
    const written: string[] = [];
    // No new connection is accepted (the pool keeps the ones it has): the listener cannot
    // come back by itself while events are written.
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    try {
      await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)`;
      for (let index = 0; index < 3; index += 1)
        written.push(await annotate(team.owner.token, documentId, `#${index}`));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const arrived = () => stream.changes().filter((change) => change.type === "annotation.created");
    await stream.waitFor(() => arrived().length >= written.length, 3_000);
    expect(stream.hasEnded()).toBe(false);
    expect(arrived().map((change) => change.id)).toEqual(written);
    stream.close();
  });
});

describe("a reconnecting reader is sent what it missed", () => {
  it("replays exactly the missed events of its scope, in order, by header or query", async () => {
    const team = await workspaceWithTeam("replay", "Replay");
    const elsewhere = await workspaceWithTeam("replay-other", "Replay elsewhere");
    const followed = await makeDocument(team.owner.token, team.workspaceId, "Followed");
    const other = await makeDocument(team.owner.token, team.workspaceId, "Other");
    const foreign = await makeDocument(elsewhere.owner.token, elsewhere.workspaceId, "Foreign");

    const first = await openStream(team.viewer.token, team.workspaceId, { documentId: followed });
    await first.waitFor(isReady, 2_000);
    const seen = await annotate(team.owner.token, followed, "seen");
    await first.waitFor(() => first.changes().length > 0, 2_000);
    expect(first.changes().map((change) => change.id)).toEqual([seen]);
    const lastEventId = first.changes()[0]!.seq as string;
    expect(lastEventId).toMatch(/^\d+$/);
    first.close();

    // While the reader is away: its document, another document, another workspace.
    const missed1 = await annotate(team.owner.token, followed, "missed 1");
    const otherDocument = await annotate(team.owner.token, other, "other document");
    const foreignWorkspace = await annotate(elsewhere.owner.token, foreign, "other workspace");
    const missed2 = await annotate(team.researcher.token, followed, "missed 2");

    for (const asHeader of [false, true]) {
      const again = await openStream(team.viewer.token, team.workspaceId, {
        documentId: followed,
        lastEventId,
        asHeader,
      });
      const frames = await again.waitFor(isReady, 2_000);
      const readyAt = frames.findIndex((frame) => frame.event === "ready");
      expect(frames.slice(0, readyAt).map((frame) => frame.event)).toEqual(["change", "change"]);
      expect(again.changes().map((change) => change.id)).toEqual([missed1, missed2]);
      expect(frames.some((frame) => frame.event === "reload")).toBe(false);
      // Their ids are in order, and the ready frame's id is the log's head.
      const ids = again.changes().map((change) => BigInt(change.seq));
      expect(ids[0]! > BigInt(lastEventId) && ids[1]! > ids[0]!).toBe(true);
      expect(BigInt(frames[readyAt]!.id!) >= ids[1]!).toBe(true);
      again.close();
    }

    // The whole workspace's stream hears the other document too, never the other workspace.
    const workspaceWide = await openStream(team.viewer.token, team.workspaceId, { lastEventId });
    await workspaceWide.waitFor(isReady, 2_000);
    expect(workspaceWide.changes().map((change) => change.id)).toEqual([missed1, otherDocument, missed2]);
    expect(workspaceWide.changes().map((change) => change.id)).not.toContain(foreignWorkspace);
    workspaceWide.close();

    // A reader at the head missed nothing.
    const atHead = await openStream(team.viewer.token, team.workspaceId, { documentId: followed });
    const readyId = (await atHead.waitFor(isReady, 2_000)).find((frame) => frame.event === "ready")!.id!;
    atHead.close();
    const resumed = await openStream(team.viewer.token, team.workspaceId, {
      documentId: followed,
      lastEventId: readyId,
    });
    const resumedFrames = await resumed.waitFor(isReady, 2_000);
    expect(resumedFrames.filter((frame) => ["change", "reload"].includes(frame.event))).toEqual([]);
    resumed.close();
  });

  it("tells a reader whose id is older than the window, or unknown, to reload", async () => {
    const team = await workspaceWithTeam("replay-old", "Replay old");
    const documentId = await makeDocument(team.owner.token, team.workspaceId, "Old news");
    const stream = await openStream(team.viewer.token, team.workspaceId, { documentId });
    await stream.waitFor(isReady, 2_000);
    await annotate(team.owner.token, documentId, "long ago");
    await stream.waitFor(() => stream.changes().length > 0, 2_000);
    const oldId = stream.changes()[0]!.seq as string;
    stream.close();
    const alsoOld = await annotate(team.owner.token, documentId, "also long ago");
    // Those two (and all before them) fall out of the window and are pruned; a newer one stays.
    await db.$executeRaw`
      UPDATE "LiveEventLog" SET "createdAt" = now() - interval '1 hour'
      WHERE id <= (SELECT id FROM "LiveEventLog" WHERE payload->>'id' = ${alsoOld})`;
    await annotate(team.owner.token, documentId, "recent");
    await pruneLog();

    for (const lastEventId of [oldId, "99999999999999", "not-an-id"]) {
      const again = await openStream(team.viewer.token, team.workspaceId, { documentId, lastEventId });
      const frames = await again.waitFor(isReady, 2_000);
      expect(frames.map((frame) => frame.event).filter((event) => event !== "viewers")).toEqual(["reload", "ready"]);
      again.close();
    }
  });
});
