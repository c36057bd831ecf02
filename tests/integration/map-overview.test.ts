// The debate map at any size: the overview's clusters and aggregated links are counted in
// SQL (per pair of documents and relation) over what each reader may see, and a cluster
// opens into the passages of its one document and their links. Limits are counted, not silent.
import { beforeAll, describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as links from "@/app/api/v1/links/route";
import * as map from "@/app/api/v1/workspaces/[id]/map/route";
import * as mapDocument from "@/app/api/v1/workspaces/[id]/map/documents/[documentId]/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { loadMapDocument, loadMapOverview } from "@/lib/links/map-overview";
import { call, workspaceWithTeam } from "../support/api";
import { responseSchemaErrors } from "../support/response-schemas";

const TEXT = "First point here. Second point there. Third point elsewhere. Fourth point last.";
const QUOTES = ["First point", "Second point", "Third point", "Fourth point"];

let world: {
  workspaceId: string;
  team: Awaited<ReturnType<typeof workspaceWithTeam>>;
  docs: Record<"a" | "b" | "c" | "gone", string>;
  passages: Record<"a" | "b" | "c" | "gone", string[]>;
  hiddenLinkId: string;
};

beforeAll(async () => {
  const team = await workspaceWithTeam("map-overview", "Map overview");
  const { owner, researcher, workspaceId } = team;
  const makeDocument = async (title: string) => {
    const response = await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title, text: `${title}. ${TEXT}` },
    });
    expect(response.status).toBe(201);
    const documentId = response.body.id as string;
    const passageIds: string[] = [];
    for (const quote of QUOTES) {
      const created = await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: describeQuote(`${title}. ${TEXT}`, quote), body: quote, tags: [] },
      });
      expect(created.status).toBe(201);
      passageIds.push(created.body.id as string);
    }
    return { documentId, passageIds };
  };
  const a = await makeDocument("Alpha");
  const b = await makeDocument("Beta");
  const c = await makeDocument("Gamma");
  const gone = await makeDocument("Deleted later");
  const link = async (from: string, to: string, relation: string) => {
    const response = await call(links.POST, {
      method: "POST",
      token: researcher.token,
      body: { fromAnnotationId: from, toAnnotationId: to, relation, rationale: "" },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const [a0, a1, a2, a3] = a.passageIds as [string, string, string, string];
  const [b0, b1, b2] = b.passageIds as [string, string, string];
  const [c0, c1] = c.passageIds as [string, string];
  // Alpha → Beta: agrees ×2, contradicts ×1; Beta → Gamma: qualifies; inside Alpha: elaborates.
  await link(a0, b0, "agrees");
  await link(a1, b1, "agrees");
  await link(a0, b1, "contradicts");
  await link(b2, c0, "qualifies");
  await link(a2, a0, "elaborates");
  // Seen by moderators only: a hidden link, and a link to a hidden passage.
  const hiddenLinkId = await link(a3, c1, "agrees");
  await db.passageLink.update({ where: { id: hiddenLinkId }, data: { status: "hidden" } });
  const hiddenEnd = await link(a1, c.passageIds[3]!, "contradicts");
  await db.annotation.update({ where: { id: c.passageIds[3]! }, data: { status: "hidden" } });
  expect(hiddenEnd).toBeTruthy();
  // A link into a deleted document is no one's to see.
  await link(a0, gone.passageIds[0]!, "agrees");
  await db.document.update({ where: { id: gone.documentId }, data: { deletedAt: new Date() } });
  world = {
    workspaceId,
    team,
    docs: { a: a.documentId, b: b.documentId, c: c.documentId, gone: gone.documentId },
    passages: { a: a.passageIds, b: b.passageIds, c: c.passageIds, gone: gone.passageIds },
    hiddenLinkId,
  };
});

const edgeKey = (edge: { from: string; to: string; relation: string; count: number }) =>
  `${edge.from}>${edge.to}:${edge.relation}=${edge.count}`;

describe("the map's overview", () => {
  it("counts the links a researcher may see per pair of documents and relation", async () => {
    const { docs } = world;
    const response = await call(map.GET, { token: world.team.viewer.token, params: { id: world.workspaceId } });
    expect(response.status).toBe(200);
    expect(responseSchemaErrors("/api/v1/workspaces/{id}/map", "get", 200, response.body)).toEqual([]);
    const overview = response.body;
    expect(overview.edges.map(edgeKey).sort()).toEqual(
      [
        `${docs.a}>${docs.b}:agrees=2`,
        `${docs.a}>${docs.b}:contradicts=1`,
        `${docs.b}>${docs.c}:qualifies=1`,
        `${docs.a}>${docs.a}:elaborates=1`,
      ].sort(),
    );
    // Alpha: 4 links touch it (the one inside it counted once) over 3 linked passages.
    expect(overview.clusters).toEqual([
      { id: docs.a, kind: "document", title: "Alpha", links: 4, passages: 3 },
      { id: docs.b, kind: "document", title: "Beta", links: 4, passages: 3 },
      { id: docs.c, kind: "document", title: "Gamma", links: 1, passages: 1 },
    ]);
    expect(overview.totals).toEqual({ documents: 3, links: 5 });
    expect(overview.others).toEqual({ documents: 0, links: 0 });
  });

  it("shows a moderator the hidden link and the link to a hidden passage too", async () => {
    const { docs } = world;
    const overview = await loadMapOverview(world.team.moderator, world.workspaceId);
    expect(overview.totals).toEqual({ documents: 3, links: 7 });
    expect(overview.edges.map(edgeKey)).toContain(`${docs.a}>${docs.c}:agrees=1`);
    expect(overview.edges.map(edgeKey)).toContain(`${docs.a}>${docs.c}:contradicts=1`);
    expect(overview.clusters.find((cluster) => cluster.id === docs.c)).toMatchObject({ links: 3, passages: 3 });
  });

  it("draws the documents over its limit as one cluster, with every link still counted", async () => {
    const { docs } = world;
    const overview = await loadMapOverview(world.team.researcher, world.workspaceId, { maxClusters: 2 });
    expect(overview.clusters.map((cluster) => [cluster.id, cluster.kind])).toEqual([
      [docs.a, "document"],
      [docs.b, "document"],
      ["others", "others"],
    ]);
    expect(overview.clusters[2]).toMatchObject({ title: "1 other document", links: 1, passages: 1 });
    // Gamma is in the "others" cluster, with the one link that touches it.
    expect(overview.others).toEqual({ documents: 1, links: 1 });
    expect(overview.edges.map(edgeKey)).toContain(`${docs.b}>others:qualifies=1`);
    expect(overview.edges.reduce((sum, edge) => sum + edge.count, 0)).toBe(5);
    // The same through the API's clusters parameter.
    const response = await call(map.GET, {
      token: world.team.researcher.token,
      params: { id: world.workspaceId },
      path: "/api/test?clusters=2",
    });
    expect(response.body.others).toEqual({ documents: 1, links: 1 });
    expect(
      (
        await call(map.GET, {
          token: world.team.researcher.token,
          params: { id: world.workspaceId },
          path: "/api/test?clusters=0",
        })
      ).status,
    ).toBe(400);
  });
});

describe("a cluster opened", () => {
  it("holds the passages of its one document, the links touching them and their other ends", async () => {
    const { docs, passages } = world;
    const response = await call(mapDocument.GET, {
      token: world.team.viewer.token,
      params: { id: world.workspaceId, documentId: docs.b },
    });
    expect(response.status).toBe(200);
    expect(
      responseSchemaErrors("/api/v1/workspaces/{id}/map/documents/{documentId}", "get", 200, response.body),
    ).toEqual([]);
    const opened = response.body;
    expect(opened.document).toEqual({ id: docs.b, title: "Beta" });
    const own = opened.passages.filter((passage: { documentId: string }) => passage.documentId === docs.b);
    expect(own.map((passage: { id: string }) => passage.id).sort()).toEqual(passages.b.slice(0, 3).sort());
    expect(opened.links).toHaveLength(4);
    expect(new Set(opened.passages.map((passage: { documentId: string }) => passage.documentId))).toEqual(
      new Set([docs.a, docs.b, docs.c]),
    );
    expect(opened.documents.map((document: { title: string }) => document.title)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(opened.leftOut).toEqual({ passages: 0, links: 0 });
  });

  it("leaves out hidden links for a researcher and shows them to a moderator", async () => {
    const { docs } = world;
    const researcher = await loadMapDocument(world.team.researcher, world.workspaceId, docs.c, {
      includeUnlinked: false,
    });
    expect(researcher.links.map((link) => link.relation)).toEqual(["qualifies"]);
    const moderator = await loadMapDocument(world.team.moderator, world.workspaceId, docs.c, {
      includeUnlinked: false,
    });
    expect(moderator.links.map((link) => link.id)).toContain(world.hiddenLinkId);
    expect(moderator.links).toHaveLength(3);
  });

  it("includes unlinked passages when asked, and counts those over its limit", async () => {
    const { docs } = world;
    const all = await loadMapDocument(world.team.researcher, world.workspaceId, docs.c, { includeUnlinked: true });
    // Gamma's fourth passage is hidden: three to see.
    expect(all.passages.filter((passage) => passage.documentId === docs.c)).toHaveLength(3);
    const capped = await loadMapDocument(world.team.researcher, world.workspaceId, docs.a, {
      includeUnlinked: false,
      maxPassages: 1,
    });
    // The first passage is drawn with its three links (one from the third, drawn as their end);
    // the second passage and its one link are counted as left out.
    expect(capped.totals).toEqual({ passages: 3, links: 4 });
    expect(capped.links).toHaveLength(3);
    expect(capped.leftOut).toEqual({ passages: 1, links: 1 });
  });

  it("is not found for a document of another workspace or a deleted one", async () => {
    const response = await call(mapDocument.GET, {
      token: world.team.owner.token,
      params: { id: world.workspaceId, documentId: world.docs.gone },
    });
    expect(response.status).toBe(404);
    const outsider = await call(mapDocument.GET, {
      token: world.team.outsider.token,
      params: { id: world.workspaceId, documentId: world.docs.a },
    });
    expect(outsider.status).toBe(404);
  });
});
