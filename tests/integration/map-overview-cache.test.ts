// The map's overview is cached per (workspace, map version, visibility class): every change that
// can change it bumps the version in its own transaction (triggers), and each reader still gets
// exactly what the one visibility rule lets them see. Each check warms the cache first, so a
// stale entry would show.
import { beforeAll, describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as links from "@/app/api/v1/links/route";
import * as link from "@/app/api/v1/links/[id]/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { loadMapOverview } from "@/lib/links/map-overview";
import { call, workspaceWithTeam } from "../support/api";

const TEXT = "One claim here. Two claim there. Three claim elsewhere. Four claim last.";
const QUOTES = ["One claim", "Two claim", "Three claim", "Four claim"];

type Team = Awaited<ReturnType<typeof workspaceWithTeam>>;
let team: Team;
let workspaceId: string;
const passages: Record<"a" | "b" | "c", string[]> = { a: [], b: [], c: [] };
const docs: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };

const makeLink = async (from: string, to: string, relation: string) => {
  const response = await call(links.POST, {
    method: "POST",
    token: team.researcher.token,
    body: { fromAnnotationId: from, toAnnotationId: to, relation, rationale: "" },
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
};
const moderate = async (targetType: string, targetId: string, action: "hide" | "restore") => {
  const response = await call(actions.POST, {
    method: "POST",
    token: team.moderator.token,
    body: { targetType, targetId, action, reason: "Checking the map" },
  });
  expect(response.status).toBe(201);
};
const linksSeenBy = async (member: keyof Omit<Team, "workspaceId" | "outsider">) =>
  (await loadMapOverview(team[member], workspaceId)).totals.links;
const version = async () => (await db.workspaceMapVersion.findUnique({ where: { workspaceId } }))?.version ?? 0;

beforeAll(async () => {
  team = await workspaceWithTeam("map-cache", "Map cache");
  workspaceId = team.workspaceId;
  for (const [key, title] of [
    ["a", "Alpha"],
    ["b", "Beta"],
    ["c", "Gamma"],
  ] as const) {
    const text = `${title}. ${TEXT}`;
    const created = await call(documents.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: workspaceId },
      body: { title, text },
    });
    expect(created.status).toBe(201);
    docs[key] = created.body.id as string;
    for (const quote of QUOTES) {
      const passage = await call(annotations.POST, {
        method: "POST",
        token: team.researcher.token,
        params: { id: docs[key] },
        body: { selectors: describeQuote(text, quote), body: quote, tags: [] },
      });
      expect(passage.status).toBe(201);
      passages[key].push(passage.body.id as string);
    }
  }
  await makeLink(passages.a[0]!, passages.b[0]!, "agrees");
  await makeLink(passages.a[1]!, passages.b[1]!, "contradicts");
});

describe("the map's overview, cached per map version", () => {
  it("counts a new link and forgets a deleted one", async () => {
    const before = await linksSeenBy("viewer");
    const added = await makeLink(passages.a[2]!, passages.c[0]!, "qualifies");
    expect(await linksSeenBy("viewer")).toBe(before + 1);
    const overview = await loadMapOverview(team.viewer, workspaceId);
    expect(overview.edges).toContainEqual({ from: docs.a, to: docs.c, relation: "qualifies", count: 1 });
    expect(
      (await call(link.DELETE, { method: "DELETE", token: team.researcher.token, params: { id: added } })).status,
    ).toBe(204);
    expect(await linksSeenBy("viewer")).toBe(before);
  });

  it("drops a hidden link for a viewer and keeps it for a moderator, until it is restored", async () => {
    const hidden = await makeLink(passages.b[2]!, passages.c[1]!, "agrees");
    const [viewer, moderator] = [await linksSeenBy("viewer"), await linksSeenBy("moderator")];
    await moderate("link", hidden, "hide");
    expect(await linksSeenBy("viewer")).toBe(viewer - 1);
    expect(await linksSeenBy("moderator")).toBe(moderator);
    expect((await loadMapOverview(team.viewer, workspaceId)).edges.map((edge) => edge.to)).not.toContain(docs.c);
    await moderate("link", hidden, "restore");
    expect(await linksSeenBy("viewer")).toBe(viewer);
  });

  it("drops the links of a hidden or deleted passage", async () => {
    const end = passages.c[2]!;
    await makeLink(passages.a[3]!, end, "elaborates");
    const viewer = await linksSeenBy("viewer");
    await moderate("annotation", end, "hide");
    expect(await linksSeenBy("viewer")).toBe(viewer - 1);
    await moderate("annotation", end, "restore");
    expect(await linksSeenBy("viewer")).toBe(viewer);
    const deleted = await call(annotation.DELETE, {
      method: "DELETE",
      token: team.researcher.token,
      params: { id: end },
    });
    expect(deleted.status).toBeLessThan(300);
    expect(await linksSeenBy("moderator")).toBe(viewer - 1);
  });

  it("counts a pending link for its author and moderators only", async () => {
    const pending = await makeLink(passages.b[3]!, passages.c[3]!, "contradicts");
    const [viewer, author, moderator] = [
      await linksSeenBy("viewer"),
      await linksSeenBy("researcher"),
      await linksSeenBy("moderator"),
    ];
    await db.passageLink.update({ where: { id: pending }, data: { status: "pending" } });
    expect(await linksSeenBy("viewer")).toBe(viewer - 1);
    expect(await linksSeenBy("owner")).toBe(moderator);
    expect(await linksSeenBy("researcher")).toBe(author);
    expect(await linksSeenBy("moderator")).toBe(moderator);
  });

  it("follows a renamed document and drops a deleted one", async () => {
    const renamed = await call(document.PATCH, {
      method: "PATCH",
      token: team.owner.token,
      params: { id: docs.c },
      body: { title: "Gamma, renamed", metadataVersion: 1 },
    });
    expect(renamed.status).toBe(200);
    const clusters = (await loadMapOverview(team.viewer, workspaceId)).clusters;
    expect(clusters.find((cluster) => cluster.id === docs.c)?.title).toBe("Gamma, renamed");
    expect(
      (await call(document.DELETE, { method: "DELETE", token: team.owner.token, params: { id: docs.c } })).status,
    ).toBeLessThan(300);
    const after = await loadMapOverview(team.viewer, workspaceId);
    expect(after.clusters.map((cluster) => cluster.id)).not.toContain(docs.c);
    expect(after.edges.filter((edge) => edge.from === docs.c || edge.to === docs.c)).toEqual([]);
  });

  it("keeps its version when a link's rationale or score changes, and bumps it in the writing transaction", async () => {
    const kept = await makeLink(passages.a[0]!, passages.b[3]!, "agrees");
    const at = await version();
    await db.passageLink.update({ where: { id: kept }, data: { rationale: "Because", score: { increment: 1 } } });
    expect(await version()).toBe(at);
    // A rolled-back change leaves the version (and so the cached counts) as they were.
    await expect(
      db.$transaction(async (tx) => {
        await tx.passageLink.update({ where: { id: kept }, data: { status: "hidden" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(at);
    await db.passageLink.update({ where: { id: kept }, data: { status: "hidden" } });
    expect(await version()).toBe(at + 1);
  });
});
