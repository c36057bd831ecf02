import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as thread from "@/app/api/v1/annotations/[id]/thread/route";
import * as annotationLinks from "@/app/api/v1/annotations/[id]/links/route";
import * as documentLinks from "@/app/api/v1/documents/[id]/links/route";
import * as reply from "@/app/api/v1/replies/[id]/route";
import * as replyEdits from "@/app/api/v1/replies/[id]/edits/route";
import * as replyVotes from "@/app/api/v1/replies/[id]/votes/route";
import * as links from "@/app/api/v1/links/route";
import * as link from "@/app/api/v1/links/[id]/route";
import * as linkReplies from "@/app/api/v1/links/[id]/replies/route";
import * as linkThread from "@/app/api/v1/links/[id]/thread/route";
import * as linkVotes from "@/app/api/v1/links/[id]/votes/route";
import * as workspaceLinks from "@/app/api/v1/workspaces/[id]/links/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as claimPassages from "@/app/api/v1/claims/[id]/passages/route";
import * as claimMatrix from "@/app/api/v1/workspaces/[id]/claim-matrix/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { AXIS_TITLE, NO_ALLIANCE, readFixture } from "../fixtures/texts";
import { addMemberByInvitation, call, expectError, makeUser, workspaceWithTeam } from "../support/api";

const axisEssay = readFixture("axis").trim();
const allianceEssay = readFixture("alliance").trim();
const AXIS = AXIS_TITLE;

async function setup() {
  const { owner, moderator, researcher, viewer, outsider, workspaceId } = await workspaceWithTeam("debate", "Debate");
  const importText = async (title: string, text: string) =>
    (
      await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title, text },
      })
    ).body.id as string;
  const axisDocId = await importText("Axis essay", axisEssay);
  const allianceDocId = await importText("Alliance essay", allianceEssay);
  const annotate = async (token: string, documentId: string, text: string, quote: string) =>
    (
      await call(annotations.POST, {
        method: "POST",
        token,
        params: { id: documentId },
        body: { selectors: describeQuote(text, quote)!, body: "A passage" },
      })
    ).body.id as string;
  const axis = await annotate(owner.token, axisDocId, axisEssay, AXIS);
  const noAlliance = await annotate(researcher.token, allianceDocId, allianceEssay, NO_ALLIANCE);
  return { owner, researcher, moderator, viewer, outsider, workspaceId, axisDocId, allianceDocId, axis, noAlliance };
}

async function setupViewerToken(workspaceId: string, ownerToken: string) {
  const viewer = await makeUser("link-viewer");
  await addMemberByInvitation(ownerToken, workspaceId, viewer, "viewer");
  return viewer.token;
}

const post = (handler: Parameters<typeof call>[0], token: string, id: string, body: unknown) =>
  call(handler, { method: "POST", token, params: { id }, body });

describe("threads", () => {
  it("nests replies with stances, keeps edit history, mentions members and tallies votes", async () => {
    const { owner, researcher, moderator, axis } = await setup();
    const first = await post(replies.POST, researcher.token, axis, {
      body: "An axis is not an **alliance**, @TestDebate-owner",
      stance: "opposes",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ stance: "opposes", parentId: null, votes: { score: 0 } });
    expect(first.body.bodyHtml).toContain("<strong>alliance</strong>");
    const stored = await db.reply.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(stored.mentionedIds).toEqual([owner.id]);
    const answer = await post(replies.POST, owner.token, axis, {
      body: "What would count as one?",
      stance: "asks",
      parentId: first.body.id,
    });
    const deeper = await post(replies.POST, researcher.token, axis, {
      body: "A mutual defence clause.",
      stance: "qualifies",
      parentId: answer.body.id,
    });
    expect(deeper.status).toBe(201);

    expect((await post(replyVotes.POST, owner.token, first.body.id, { value: 1 })).body).toMatchObject({
      score: 1,
      up: 1,
      mine: 1,
    });
    expect((await post(replyVotes.POST, moderator.token, first.body.id, { value: -1 })).body).toMatchObject({
      score: 0,
      up: 1,
      down: 1,
    });
    expect((await post(replyVotes.POST, moderator.token, first.body.id, { value: 1 })).body).toMatchObject({
      score: 2,
      up: 2,
      down: 0,
    });
    expect((await post(replyVotes.POST, owner.token, first.body.id, { value: 0 })).body).toMatchObject({
      score: 1,
      up: 1,
    });

    const edited = await call(reply.PATCH, {
      method: "PATCH",
      token: researcher.token,
      params: { id: first.body.id },
      body: { body: "An axis is not an alliance.", version: 1 },
    });
    expect(edited.body).toMatchObject({ body: "An axis is not an alliance.", version: 2, editCount: 1 });
    expectError(
      await call(reply.PATCH, {
        method: "PATCH",
        token: researcher.token,
        params: { id: first.body.id },
        body: { body: "stale", version: 1 },
      }),
      409,
    );
    expectError(
      await call(reply.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id: first.body.id },
        body: { body: "not mine", version: 2 },
      }),
      403,
    );
    expect((await call(replyEdits.GET, { token: owner.token, params: { id: first.body.id } })).body.items).toEqual([
      expect.objectContaining({ body: "An axis is not an **alliance**, @TestDebate-owner" }),
    ]);

    const tree = await call(thread.GET, { token: moderator.token, params: { id: axis } });
    expect(tree.body.annotation.id).toBe(axis);
    expect(tree.body.count).toBe(3);
    const [root] = tree.body.replies;
    expect(root).toMatchObject({
      id: first.body.id,
      stance: "opposes",
      author: { id: researcher.id },
      votes: { score: 1, mine: 1 },
    });
    expect(root.replies[0]).toMatchObject({
      stance: "asks",
      replies: [expect.objectContaining({ stance: "qualifies", body: "A mutual defence clause." })],
    });
  });

  it("checks roles, parents, stances and locks", async () => {
    const { viewer, outsider, researcher, allianceDocId, axis, noAlliance } = await setup();
    expectError(await post(replies.POST, viewer.token, axis, { body: "I may only read.", stance: "supports" }), 403);
    expectError(await post(replies.POST, outsider.token, axis, { body: "Who am I?", stance: "supports" }), 404);
    expectError(await call(thread.GET, { token: outsider.token, params: { id: axis } }), 404);
    expectError(await post(replies.POST, researcher.token, axis, { body: "", stance: "supports" }), 400);
    expectError(await post(replies.POST, researcher.token, axis, { body: "Hm", stance: "shrugs" }), 400);
    const elsewhere = await post(replies.POST, researcher.token, noAlliance, {
      body: "In another thread",
      stance: "supports",
    });
    expectError(
      await post(replies.POST, researcher.token, axis, {
        body: "Wrong parent",
        stance: "supports",
        parentId: elsewhere.body.id,
      }),
      422,
    );
    expectError(await post(replyVotes.POST, viewer.token, elsewhere.body.id, { value: 1 }), 403);
    expectError(await post(replyVotes.POST, researcher.token, elsewhere.body.id, { value: 2 }), 400);

    await db.annotation.update({ where: { id: axis }, data: { lockedAt: new Date() } });
    const locked = await post(replies.POST, researcher.token, axis, { body: "Too late", stance: "supports" });
    expectError(locked, 409);
    expect(locked.body.error.message).toMatch(/locked/);
    expect((await call(thread.GET, { token: researcher.token, params: { id: axis } })).body.locked).toBe(true);
    expect(await db.reply.count({ where: { annotationId: axis } })).toBe(0);
    expect(allianceDocId).toBeTruthy();
  });

  it("stores 100 concurrent replies to one thread, all of them, in the order they were stored", async () => {
    const { researcher, owner, axis } = await setup();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        post(replies.POST, index % 2 ? researcher.token : owner.token, axis, {
          body: `Reply number ${index}`,
          stance: "supports",
        }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array(100).fill(201));
    const tree = await call(thread.GET, { token: owner.token, params: { id: axis } });
    expect(tree.body.count).toBe(100);
    const ids = tree.body.replies.map((node: { id: string }) => node.id);
    expect(new Set(ids).size).toBe(100);
    // The thread lists them in commit order (the sequence the database assigned), each once.
    const stored = await db.reply.findMany({
      where: { annotationId: axis },
      orderBy: { sequence: "asc" },
      select: { id: true, body: true },
    });
    expect(ids).toEqual(stored.map((row) => row.id));
    expect(stored.map((row) => row.body).sort()).toEqual(
      Array.from({ length: 100 }, (_, index) => `Reply number ${index}`).sort(),
    );
  });
});

describe("passage links", () => {
  it("links passages across documents, shows both ends, and gives each link a thread and votes", async () => {
    const { researcher, owner, moderator, workspaceId, axisDocId, allianceDocId, axis, noAlliance } = await setup();
    const created = await post(links.POST, researcher.token, "", {
      fromAnnotationId: noAlliance,
      toAnnotationId: axis,
      relation: "contradicts",
      rationale: "Cooperation, explicitly not an alliance.",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      relation: "contradicts",
      from: { annotationId: noAlliance, documentId: allianceDocId, documentTitle: "Alliance essay" },
      to: { annotationId: axis, documentId: axisDocId, quote: AXIS },
    });
    expectError(
      await post(links.POST, researcher.token, "", {
        fromAnnotationId: noAlliance,
        toAnnotationId: axis,
        relation: "contradicts",
      }),
      409,
    );
    expect(
      (
        await post(links.POST, researcher.token, "", {
          fromAnnotationId: noAlliance,
          toAnnotationId: axis,
          relation: "qualifies",
        })
      ).status,
    ).toBe(201);
    expectError(
      await post(links.POST, researcher.token, "", {
        fromAnnotationId: axis,
        toAnnotationId: axis,
        relation: "agrees",
      }),
      422,
    );
    expectError(
      await post(links.POST, researcher.token, "", {
        fromAnnotationId: axis,
        toAnnotationId: noAlliance,
        relation: "refutes",
      }),
      400,
    );

    for (const [id, documentId] of [
      [axis, axisDocId],
      [noAlliance, allianceDocId],
    ] as const) {
      expect((await call(annotationLinks.GET, { token: owner.token, params: { id } })).body.items).toHaveLength(2);
      expect(
        (await call(documentLinks.GET, { token: owner.token, params: { id: documentId } })).body.items,
      ).toHaveLength(2);
    }
    const contradicting = await call(workspaceLinks.GET, {
      token: owner.token,
      params: { id: workspaceId },
      path: "/x?relation=contradicts",
    });
    expect(contradicting.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);

    const linkReply = await post(linkReplies.POST, owner.token, created.body.id, {
      body: "The axis essay would answer that blocs need no treaty.",
      stance: "opposes",
    });
    expect(linkReply.status).toBe(201);
    expect((await post(linkVotes.POST, moderator.token, created.body.id, { value: 1 })).body).toMatchObject({
      score: 1,
    });
    const linkTree = await call(linkThread.GET, { token: researcher.token, params: { id: created.body.id } });
    expect(linkTree.body).toMatchObject({ link: { id: created.body.id, score: 1, replyCount: 1 }, count: 1 });

    expectError(
      await call(link.DELETE, {
        method: "DELETE",
        token: (await makeUser("stranger")).token,
        params: { id: created.body.id },
      }),
      404,
    );
    expectError(
      await call(link.DELETE, {
        method: "DELETE",
        token: await setupViewerToken(workspaceId, owner.token),
        params: { id: created.body.id },
      }),
      403,
    );
    expect(
      (await call(link.DELETE, { method: "DELETE", token: researcher.token, params: { id: created.body.id } })).status,
    ).toBe(204);
    expectError(await call(link.GET, { token: researcher.token, params: { id: created.body.id } }), 404);
  });

  it("keeps links inside one workspace and away from viewers and outsiders", async () => {
    const first = await setup();
    const second = await setup();
    expectError(
      await post(links.POST, first.owner.token, "", {
        fromAnnotationId: first.axis,
        toAnnotationId: second.noAlliance,
        relation: "agrees",
      }),
      422,
    );
    expectError(
      await post(links.POST, first.viewer.token, "", {
        fromAnnotationId: first.axis,
        toAnnotationId: first.noAlliance,
        relation: "agrees",
      }),
      403,
    );
    expectError(
      await post(links.POST, first.outsider.token, "", {
        fromAnnotationId: first.axis,
        toAnnotationId: first.noAlliance,
        relation: "agrees",
      }),
      404,
    );
    expectError(
      await call(workspaceLinks.GET, { token: first.outsider.token, params: { id: first.workspaceId } }),
      404,
    );
    expect(
      await db.passageLink.count({ where: { workspaceId: { in: [first.workspaceId, second.workspaceId] } } }),
    ).toBe(0);
  });
});

describe("claims", () => {
  it("derives each document's stance on a claim from placed and linked passages", async () => {
    const { researcher, viewer, workspaceId, axisDocId, allianceDocId, axis, noAlliance } = await setup();
    const claim = await post(claims.POST, researcher.token, workspaceId, {
      title: "Is China–Russia cooperation an alliance?",
    });
    expect(claim.status).toBe(201);
    expectError(await post(claims.POST, viewer.token, workspaceId, { title: "Viewers cannot" }), 403);
    expect(
      (await post(claimPassages.POST, researcher.token, claim.body.id, { annotationId: axis, stance: "supports" }))
        .status,
    ).toBe(201);
    const contradiction = await post(links.POST, researcher.token, "", {
      fromAnnotationId: noAlliance,
      toAnnotationId: axis,
      relation: "contradicts",
    });
    const matrix = await call(claimMatrix.GET, { token: viewer.token, params: { id: workspaceId } });
    expect(matrix.body.claims).toEqual([
      expect.objectContaining({ title: "Is China–Russia cooperation an alliance?" }),
    ]);
    expect(matrix.body.documents.map((document: { id: string }) => document.id)).toEqual([axisDocId, allianceDocId]);
    const stanceOf = (documentId: string) =>
      matrix.body.cells.find((cell: { documentId: string }) => cell.documentId === documentId)?.stance;
    expect(stanceOf(axisDocId)).toBe("supports");
    expect(stanceOf(allianceDocId)).toBe("opposes");
    // A document that takes no stance is not a column, only counted; columns come a page at a time.
    await call(documents.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: workspaceId },
      body: { title: "Silent essay", text: "Nothing here on alliances, only on trade and tariffs." },
    });
    const paged = await call(claimMatrix.GET, {
      token: viewer.token,
      params: { id: workspaceId },
      path: "/x?limit=1",
    });
    expect(paged.body).toMatchObject({ stanceTakingDocuments: 2, otherDocuments: 1, nextCursor: "1" });
    expect(paged.body.documents.map((document: { id: string }) => document.id)).toEqual([axisDocId]);
    expect(paged.body.cells.map((cell: { documentId: string }) => cell.documentId)).toEqual([axisDocId]);
    const second = await call(claimMatrix.GET, {
      token: viewer.token,
      params: { id: workspaceId },
      path: `/x?limit=1&cursor=${paged.body.nextCursor}`,
    });
    expect(second.body.documents.map((document: { id: string }) => document.id)).toEqual([allianceDocId]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.cells[0].passages).toEqual([
      expect.objectContaining({ annotationId: noAlliance, quote: expect.stringContaining("alliance") }),
    ]);
    // The links behind the matrix are kept per map version: a deleted link leaves it at once.
    expect(
      (await call(link.DELETE, { method: "DELETE", token: researcher.token, params: { id: contradiction.body.id } }))
        .status,
    ).toBe(204);
    const afterDelete = await call(claimMatrix.GET, { token: viewer.token, params: { id: workspaceId } });
    expect(afterDelete.body.documents.map((document: { id: string }) => document.id)).toEqual([axisDocId]);
    expect(afterDelete.body).toMatchObject({ stanceTakingDocuments: 1, otherDocuments: 2 });
    expectError(
      await post(claimPassages.POST, researcher.token, claim.body.id, { annotationId: "nope", stance: "supports" }),
      422,
    );
    expect(
      (await call(claims.GET, { token: viewer.token, params: { id: workspaceId } })).body.items[0].passages,
    ).toHaveLength(1);
  });
});
