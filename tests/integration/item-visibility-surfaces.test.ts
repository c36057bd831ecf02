// One rule for who sees hidden and pending items (lib/policies/item-visibility.ts), checked
// on every surface that shows them: for one public workspace holding a visible, a hidden and
// a pending annotation, reply and link (all by one author), each kind of reader must see
// the same items everywhere — visible ones: everybody; pending ones: also their author;
// hidden ones: moderators and owners only.
import { beforeAll, describe, expect, it } from "vitest";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as annotationThread from "@/app/api/v1/annotations/[id]/thread/route";
import * as annotationLinks from "@/app/api/v1/annotations/[id]/links/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as links from "@/app/api/v1/links/route";
import * as documentLinks from "@/app/api/v1/documents/[id]/links/route";
import * as workspaceLinks from "@/app/api/v1/workspaces/[id]/links/route";
import * as search from "@/app/api/v1/workspaces/[id]/search/route";
import * as tags from "@/app/api/v1/workspaces/[id]/tags/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as claimMatrix from "@/app/api/v1/workspaces/[id]/claim-matrix/route";
import * as claimPassages from "@/app/api/v1/claims/[id]/passages/route";
import * as collections from "@/app/api/v1/workspaces/[id]/collections/route";
import * as collection from "@/app/api/v1/collections/[id]/route";
import * as collectionItems from "@/app/api/v1/collections/[id]/items/route";
import * as workspaceExport from "@/app/api/v1/workspaces/[id]/export/route";
import * as replyVotes from "@/app/api/v1/replies/[id]/votes/route";
import * as flags from "@/app/api/v1/flags/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { loadMapDocument, loadMapOverview } from "@/lib/links/map-overview";
import { call, makeUser, workspaceWithTeam } from "../support/api";
import { responseSchemaErrors } from "../support/response-schemas";

const TEXT =
  "Cooperation deepens every year. An alliance is avoided by both. Both sides hedge their bets. Trade grows slowly.";
const STATUSES = ["visible", "hidden", "pending"] as const;
type Status = (typeof STATUSES)[number];
type Reader = "author" | "researcher" | "viewer" | "moderator" | "owner" | "anonymous";
const READERS: Reader[] = ["author", "researcher", "viewer", "moderator", "owner", "anonymous"];
// The rule, stated once for the test: what each reader sees of the author's items.
const EXPECTED: Record<Reader, Status[]> = {
  author: ["visible", "pending"],
  researcher: ["visible"],
  viewer: ["visible"],
  moderator: ["visible", "hidden", "pending"],
  owner: ["visible", "hidden", "pending"],
  anonymous: ["visible"],
};

type Ids = Record<Status, string>;
let world: {
  workspaceId: string;
  documentId: string;
  base: string;
  passages: Ids;
  replies: Ids;
  links: Ids;
  claimId: string;
  collectionId: string;
  tokens: Record<Reader, string | undefined>;
  actors: Record<Reader, { id: string; email: string; name: string } | null>;
};

// Which of the three items (by status) a list of ids holds.
const which = (ids: Ids, shown: Iterable<string>) => {
  const set = new Set(shown);
  return STATUSES.filter((status) => set.has(ids[status]));
};

beforeAll(async () => {
  const team = await workspaceWithTeam("visibility", "Visibility on every surface");
  const { owner, moderator, researcher: author, viewer, workspaceId } = team;
  // Another researcher, who did not write the items.
  const researcher = await makeUser("visibility-other");
  await db.membership.create({ data: { workspaceId, userId: researcher.id, role: "researcher" } });
  expect(
    (
      await call(workspace.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id: workspaceId },
        body: { visibility: "public" },
      })
    ).status,
  ).toBe(200);
  const documentId = (
    await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Hedging", text: TEXT },
    })
  ).body.id as string;
  const annotate = async (token: string, quote: string, body: string, tag: string) => {
    const response = await call(annotations.POST, {
      method: "POST",
      token,
      params: { id: documentId },
      body: { selectors: describeQuote(TEXT, quote), body, tags: [tag] },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const base = await annotate(owner.token, "Trade grows slowly", "A base passage", "tag-base");
  const passages: Ids = {
    visible: await annotate(author.token, "Cooperation deepens", "Marmot visibleword", "tag-visible"),
    hidden: await annotate(author.token, "An alliance is avoided", "Marmot hiddenword", "tag-hidden"),
    pending: await annotate(author.token, "Both sides hedge", "Marmot pendingword", "tag-pending"),
  };
  const replyTo = async (body: string) => {
    const response = await call(replies.POST, {
      method: "POST",
      token: author.token,
      params: { id: base },
      body: { body, stance: "asks" },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const replyIds: Ids = {
    visible: await replyTo("Ocelot visiblereply"),
    hidden: await replyTo("Ocelot hiddenreply"),
    pending: await replyTo("Ocelot pendingreply"),
  };
  // Each link joins the base passage (visible) to the visible passage, so only its own status differs.
  const linkWith = async (relation: string) => {
    const response = await call(links.POST, {
      method: "POST",
      token: author.token,
      body: { fromAnnotationId: base, toAnnotationId: passages.visible, relation, rationale: relation },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const linkIds: Ids = {
    visible: await linkWith("agrees"),
    hidden: await linkWith("contradicts"),
    pending: await linkWith("qualifies"),
  };
  const claimId = (
    await call(claims.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Hedge" },
    })
  ).body.id as string;
  for (const status of STATUSES) {
    const placed = await call(claimPassages.POST, {
      method: "POST",
      token: owner.token,
      params: { id: claimId },
      body: { annotationId: passages[status], stance: "supports" },
    });
    expect(placed.status).toBe(201);
  }
  const collectionId = (
    await call(collections.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Picks", description: "" },
    })
  ).body.id as string;
  for (const [type, ids] of [
    ["annotation", passages],
    ["link", linkIds],
  ] as const) {
    for (const status of STATUSES) {
      const added = await call(collectionItems.POST, {
        method: "POST",
        token: owner.token,
        params: { id: collectionId },
        body: { type, id: ids[status], note: "" },
      });
      expect(added.status).toBe(201);
    }
  }
  // Now the statuses: hidden as a moderator hides, pending as pre-moderation holds.
  for (const status of ["hidden", "pending"] as const) {
    await db.annotation.update({ where: { id: passages[status] }, data: { status } });
    await db.reply.update({ where: { id: replyIds[status] }, data: { status } });
    await db.passageLink.update({ where: { id: linkIds[status] }, data: { status } });
  }
  const users = { author, researcher, viewer, moderator, owner };
  world = {
    workspaceId,
    documentId,
    base,
    passages,
    replies: replyIds,
    links: linkIds,
    claimId,
    collectionId,
    tokens: {
      ...Object.fromEntries(Object.entries(users).map(([key, user]) => [key, user.token])),
      anonymous: undefined,
    } as Record<Reader, string | undefined>,
    actors: {
      ...(Object.fromEntries(
        Object.entries(users).map(([key, user]) => [key, { id: user.id, email: user.email, name: user.name }]),
      ) as Record<Exclude<Reader, "anonymous">, { id: string; email: string; name: string }>),
      anonymous: null,
    },
  };
});

// A GET as this reader; the answer must also have the shape the OpenAPI document gives it.
const get = async (
  route: string,
  handler: Parameters<typeof call>[0],
  reader: Reader,
  params: Record<string, string>,
  path?: string,
) => {
  const response = await call(handler, { token: world.tokens[reader], params, path });
  expect(response.status, `${reader}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(200);
  expect(responseSchemaErrors(route, "GET", 200, response.body)).toEqual([]);
  return response.body;
};

describe.each(READERS)("what %s sees", (reader) => {
  const expected = EXPECTED[reader];

  it("in the annotation list, with reply counts of the thread as seen", async () => {
    const body = await get("/api/v1/documents/{id}/annotations", annotations.GET, reader, { id: world.documentId });
    const items = body.items as Array<{ id: string; replyCount: number }>;
    expect(
      which(
        world.passages,
        items.map((item) => item.id),
      ),
    ).toEqual(expected);
    expect(items.find((item) => item.id === world.base)!.replyCount).toBe(expected.length);
  });

  it("one by one", async () => {
    for (const status of STATUSES) {
      const response = await call(annotation.GET, {
        token: world.tokens[reader],
        params: { id: world.passages[status] },
      });
      expect(response.status, status).toBe(expected.includes(status) ? 200 : 404);
    }
  });

  it("in a thread", async () => {
    const body = await get("/api/v1/annotations/{id}/thread", annotationThread.GET, reader, { id: world.base });
    expect(
      which(
        world.replies,
        body.replies.map((node: { id: string }) => node.id),
      ),
    ).toEqual(expected);
    expect(body.annotation.replyCount).toBe(expected.length);
  });

  it("in search", async () => {
    const passagesFound = await get(
      "/api/v1/workspaces/{id}/search",
      search.GET,
      reader,
      { id: world.workspaceId },
      "/api/test?q=marmot",
    );
    expect(
      which(
        world.passages,
        passagesFound.annotations.map((hit: { id: string }) => hit.id),
      ),
    ).toEqual(expected);
    const repliesFound = await get(
      "/api/v1/workspaces/{id}/search",
      search.GET,
      reader,
      { id: world.workspaceId },
      "/api/test?q=ocelot",
    );
    expect(
      which(
        world.replies,
        repliesFound.replies.map((hit: { id: string }) => hit.id),
      ),
    ).toEqual(expected);
  });

  it("on the debate map", async () => {
    const map = await loadMapDocument(world.actors[reader], world.workspaceId, world.documentId, {
      includeUnlinked: true,
    });
    expect(
      which(
        world.passages,
        map.passages.map((passage) => passage.id),
      ),
    ).toEqual(expected);
    expect(
      which(
        world.links,
        map.links.map((link) => link.id),
      ),
    ).toEqual(expected);
    // What the map says it leaves out counts only what this reader may see: here, nothing.
    expect(map.leftOut).toEqual({ passages: 0, links: 0 });
    // The overview counts the same links, one relation each (agrees, contradicts, qualifies).
    const relationOf: Record<Status, string> = { visible: "agrees", hidden: "contradicts", pending: "qualifies" };
    const overview = await loadMapOverview(world.actors[reader], world.workspaceId);
    expect(overview.edges.map((edge) => edge.relation).sort()).toEqual(
      expected.map((status) => relationOf[status]).sort(),
    );
    expect(overview.totals.links).toBe(expected.length);
  });

  it("in claims and the claim matrix", async () => {
    const body = await get("/api/v1/workspaces/{id}/claims", claims.GET, reader, { id: world.workspaceId });
    const claim = body.items.find((item: { id: string }) => item.id === world.claimId);
    expect(
      which(
        world.passages,
        claim.passages.map((passage: { annotationId: string }) => passage.annotationId),
      ),
    ).toEqual(expected);
    const matrix = await get("/api/v1/workspaces/{id}/claim-matrix", claimMatrix.GET, reader, {
      id: world.workspaceId,
    });
    const cited = matrix.cells.flatMap((cell: { passages: Array<{ annotationId: string }> }) =>
      cell.passages.map((passage) => passage.annotationId),
    );
    expect(which(world.passages, cited)).toEqual(expected);
  });

  it("in links (of a passage, a document, a workspace)", async () => {
    for (const [route, handler, id] of [
      ["/api/v1/annotations/{id}/links", annotationLinks.GET, world.base],
      ["/api/v1/documents/{id}/links", documentLinks.GET, world.documentId],
      ["/api/v1/workspaces/{id}/links", workspaceLinks.GET, world.workspaceId],
    ] as const) {
      const body = await get(route, handler, reader, { id });
      expect(
        which(
          world.links,
          body.items.map((link: { id: string }) => link.id),
        ),
      ).toEqual(expected);
    }
  });

  it("in tags", async () => {
    const body = await get("/api/v1/workspaces/{id}/tags", tags.GET, reader, { id: world.workspaceId });
    const shown = new Set(body.items as string[]);
    expect(STATUSES.filter((status) => shown.has(`tag-${status}`))).toEqual(expected);
  });

  it("in a collection", async () => {
    const body = await get("/api/v1/collections/{id}", collection.GET, reader, { id: world.collectionId });
    const targets = body.items.map((item: { targetId: string }) => item.targetId);
    expect(which(world.passages, targets)).toEqual(expected);
    expect(which(world.links, targets)).toEqual(expected);
  });

  it("in an export", async () => {
    const response = await call(workspaceExport.GET, {
      token: world.tokens[reader],
      params: { id: world.workspaceId },
      path: "/api/test?format=json",
    });
    expect(response.status).toBe(200);
    const report = response.body as {
      documents: Array<{ annotations: Array<{ ref: string; replies: Array<{ ref: string }> }> }>;
      links: Array<{ ref: string }>;
    };
    const passages = report.documents.flatMap((document) => document.annotations);
    expect(
      which(
        world.passages,
        passages.map((passage) => passage.ref),
      ),
    ).toEqual(expected);
    expect(
      which(
        world.replies,
        passages.flatMap((passage) => passage.replies.map((node) => node.ref)),
      ),
    ).toEqual(expected);
    expect(
      which(
        world.links,
        report.links.map((link) => link.ref),
      ),
    ).toEqual(expected);
  });

  it("in the document list's counts", async () => {
    const body = await get("/api/v1/workspaces/{id}/documents", documents.GET, reader, { id: world.workspaceId });
    const listed = body.items.find((item: { id: string }) => item.id === world.documentId);
    // The base passage and the author's passages this reader sees.
    expect(listed.annotationCount).toBe(1 + expected.length);
  });
});

// Acting on an item needs seeing it, by the same rule: run last, as it adds to the world.
describe("acting on what one sees", () => {
  const post = (handler: Parameters<typeof call>[0], reader: Reader, body: unknown, params = {}) =>
    call(handler, { method: "POST", token: world.tokens[reader], params, body }).then((response) => response.status);

  it("votes on a reply only the voter may see", async () => {
    const vote = (reader: Reader, status: Status) =>
      post(replyVotes.POST, reader, { value: 1 }, { id: world.replies[status] });
    expect(await vote("researcher", "visible")).toBe(200);
    expect(await vote("researcher", "pending")).toBe(404);
    expect(await vote("researcher", "hidden")).toBe(404);
    expect(await vote("moderator", "pending")).toBe(200);
    expect(await vote("moderator", "hidden")).toBe(200);
  });

  it("answers only a reply the writer may see", async () => {
    const answer = (reader: Reader, status: Status) =>
      post(
        replies.POST,
        reader,
        { body: "An answer", stance: "asks", parentId: world.replies[status] },
        { id: world.base },
      );
    expect(await answer("researcher", "pending")).toBe(422);
    expect(await answer("researcher", "hidden")).toBe(422);
    expect(await answer("author", "hidden")).toBe(422);
    expect(await answer("author", "pending")).toBe(201);
  });

  it("links and places under a claim only passages the linker may see", async () => {
    // Both directions between the same passages on purpose: not a duplicate here.
    const linkFrom = (reader: Reader, status: Status) =>
      post(links.POST, reader, {
        fromAnnotationId: world.passages[status],
        toAnnotationId: world.base,
        relation: "elaborates",
        allowDuplicate: true,
      });
    const linkTo = (reader: Reader, status: Status) =>
      post(links.POST, reader, {
        fromAnnotationId: world.base,
        toAnnotationId: world.passages[status],
        relation: "elaborates",
        allowDuplicate: true,
      });
    expect(await linkFrom("researcher", "pending")).toBe(404);
    expect(await linkFrom("researcher", "hidden")).toBe(404);
    expect(await linkTo("researcher", "pending")).toBe(422);
    expect(await linkTo("author", "hidden")).toBe(422);
    expect(await linkFrom("author", "pending")).toBe(201);
    expect(await linkTo("author", "pending")).toBe(201);

    const claim = await call(claims.POST, {
      method: "POST",
      token: world.tokens.author,
      params: { id: world.workspaceId },
      body: { title: "The author's claim" },
    });
    const place = (reader: Reader, status: Status) =>
      post(
        claimPassages.POST,
        reader,
        { annotationId: world.passages[status], stance: "opposes" },
        { id: claim.body.id },
      );
    expect(await place("researcher", "pending")).toBe(422);
    expect(await place("author", "hidden")).toBe(422);
    expect(await place("author", "pending")).toBe(201);
    expect(await place("moderator", "hidden")).toBe(201);
  });

  it("flags only what the flagger may see", async () => {
    const flag = (reader: Reader, status: Status) =>
      post(flags.POST, reader, { targetType: "annotation", targetId: world.passages[status], reason: "Check this" });
    expect(await flag("viewer", "pending")).toBe(404);
    expect(await flag("viewer", "hidden")).toBe(404);
    expect(await flag("author", "hidden")).toBe(404);
    expect(await flag("author", "pending")).toBe(201);
    expect(await flag("moderator", "hidden")).toBe(201);
  });
});
