// Every reader may flag; nobody votes on what they wrote; the document list counts
// annotations as the reader shows them; roles are listed by power; claim matrix
// cells name the passages behind them.
import { describe, expect, it } from "vitest";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as member from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as replyVotes from "@/app/api/v1/replies/[id]/votes/route";
import * as links from "@/app/api/v1/links/route";
import * as linkVotes from "@/app/api/v1/links/[id]/votes/route";
import * as flags from "@/app/api/v1/flags/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as claimPassages from "@/app/api/v1/claims/[id]/passages/route";
import * as claimMatrix from "@/app/api/v1/workspaces/[id]/claim-matrix/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { call, expectError, workspaceWithTeam } from "../support/api";

const TEXT = "Trade grew for a decade. Joint exercises became routine. Neither side promised to fight for the other.";

async function setup(label: string) {
  const team = await workspaceWithTeam(label, `Readers ${label}`);
  const documentId = (
    await call(documents.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { title: "Essay", text: TEXT },
    })
  ).body.id as string;
  const annotate = async (token: string, quote: string) => {
    const created = await call(annotations.POST, {
      method: "POST",
      token,
      params: { id: documentId },
      body: { selectors: describeQuote(TEXT, quote), body: "Note" },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  return { ...team, documentId, annotate };
}

const post = (handler: Parameters<typeof call>[0], token: string | undefined, body: unknown, id = "") =>
  call(handler, { method: "POST", token, params: { id }, body });

describe("readers", () => {
  it("lets every reader flag, viewers and signed-in readers of a public workspace included, but not moderate", async () => {
    const { owner, viewer, outsider, workspaceId, annotate } = await setup("flag");
    const annotationId = await annotate(owner.token, "Trade grew for a decade.");
    const flag = (token: string | undefined, reason: string) =>
      post(flags.POST, token, { targetType: "annotation", targetId: annotationId, reason });

    expect((await flag(viewer.token, "Misquotes the source")).status).toBe(201);
    expectError(
      await post(actions.POST, viewer.token, {
        targetType: "annotation",
        targetId: annotationId,
        action: "hide",
        reason: "I may report, not rule",
      }),
      403,
    );
    // A private workspace does not exist for outsiders.
    expectError(await flag(outsider.token, "Spam"), 404);
    await call(workspace.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: workspaceId },
      body: { visibility: "public" },
    });
    expect((await flag(outsider.token, "Spam")).status).toBe(201);
    expectError(await flag(undefined, "Anonymous"), 401);
  });

  it("refuses votes on your own reply or link, with a reason", async () => {
    const { researcher, moderator, annotate } = await setup("vote");
    const first = await annotate(researcher.token, "Trade grew for a decade.");
    const second = await annotate(moderator.token, "Joint exercises became routine.");
    const replyId = (await post(replies.POST, researcher.token, { body: "My own point", stance: "supports" }, first))
      .body.id as string;
    const own = await post(replyVotes.POST, researcher.token, { value: 1 }, replyId);
    expectError(own, 403);
    expect(own.body.error.message).toBe("You cannot vote on your own reply.");
    expect((await post(replyVotes.POST, moderator.token, { value: 1 }, replyId)).body).toMatchObject({ score: 1 });

    const linkId = (
      await post(links.POST, researcher.token, { fromAnnotationId: first, toAnnotationId: second, relation: "agrees" })
    ).body.id as string;
    expectError(await post(linkVotes.POST, researcher.token, { value: 1 }, linkId), 403);
    expect((await post(linkVotes.POST, moderator.token, { value: -1 }, linkId)).body).toMatchObject({ score: -1 });
  });

  it("counts in the document list the annotations the reader shows to each person", async () => {
    const { owner, moderator, researcher, viewer, workspaceId, documentId, annotate } = await setup("count");
    const hidden = await annotate(owner.token, "Trade grew for a decade.");
    await annotate(owner.token, "Joint exercises became routine.");
    await post(actions.POST, moderator.token, {
      targetType: "annotation",
      targetId: hidden,
      action: "hide",
      reason: "Off topic",
    });
    await call(workspace.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: workspaceId },
      body: { preModeration: true },
    });
    await annotate(researcher.token, "Neither side promised");

    for (const [person, expected] of [
      [viewer, 1],
      [researcher, 2],
      [moderator, 3],
    ] as const) {
      const listed = await call(documents.GET, { token: person.token, params: { id: workspaceId } });
      const inReader = await call(annotations.GET, { token: person.token, params: { id: documentId } });
      expect(inReader.body.items).toHaveLength(expected);
      expect(listed.body.items[0].annotationCount).toBe(expected);
    }
  });

  it("lists members by power: owner, moderator, researcher, viewer", async () => {
    const { owner, moderator, viewer, workspaceId } = await setup("roles");
    // Swapped after joining, so the order of joining is not the order of power.
    for (const [user, role] of [
      [moderator, "viewer"],
      [viewer, "moderator"],
    ] as const) {
      const changed = await call(member.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id: workspaceId, userId: user.id },
        body: { role },
      });
      expect(changed.status).toBe(200);
    }
    const listed = await call(members.GET, { token: owner.token, params: { id: workspaceId } });
    expect(listed.body.items.map((member: { role: string }) => member.role)).toEqual([
      "owner",
      "moderator",
      "researcher",
      "viewer",
    ]);
  });

  it("names the passages behind each claim matrix cell, placed or linked", async () => {
    const { researcher, viewer, workspaceId, annotate } = await setup("matrix");
    const placed = await annotate(researcher.token, "Trade grew for a decade.");
    const linked = await annotate(researcher.token, "Neither side promised to fight for the other.");
    const claimId = (await post(claims.POST, researcher.token, { title: "Is it an alliance?" }, workspaceId)).body
      .id as string;
    await post(claimPassages.POST, researcher.token, { annotationId: placed, stance: "supports" }, claimId);
    await post(links.POST, researcher.token, {
      fromAnnotationId: linked,
      toAnnotationId: placed,
      relation: "contradicts",
    });
    const matrix = await call(claimMatrix.GET, { token: viewer.token, params: { id: workspaceId } });
    expect(matrix.body.cells).toHaveLength(1);
    expect(matrix.body.cells[0]).toMatchObject({ stance: "mixed" });
    expect(matrix.body.cells[0].passages).toEqual([
      { annotationId: placed, quote: "Trade grew for a decade.", stance: "supports", isLinked: false },
      {
        annotationId: linked,
        quote: "Neither side promised to fight for the other.",
        stance: "opposes",
        isLinked: true,
      },
    ]);
  });
});
