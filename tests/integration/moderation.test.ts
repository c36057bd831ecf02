import { describe, expect, it } from "vitest";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as annotation from "@/app/api/v1/annotations/[id]/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as thread from "@/app/api/v1/annotations/[id]/thread/route";
import * as reply from "@/app/api/v1/replies/[id]/route";
import * as links from "@/app/api/v1/links/route";
import * as link from "@/app/api/v1/links/[id]/route";
import * as workspaceLinks from "@/app/api/v1/workspaces/[id]/links/route";
import * as search from "@/app/api/v1/workspaces/[id]/search/route";
import * as flags from "@/app/api/v1/flags/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as merge from "@/app/api/v1/links/[id]/merge/route";
import * as linkThread from "@/app/api/v1/links/[id]/thread/route";
import * as linkReplies from "@/app/api/v1/links/[id]/replies/route";
import * as linkVotes from "@/app/api/v1/links/[id]/votes/route";
import * as queue from "@/app/api/v1/workspaces/[id]/moderation/queue/route";
import * as auditLog from "@/app/api/v1/workspaces/[id]/audit-log/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { call, expectError, workspaceWithTeam } from "../support/api";

const TEXT = "The partnership is hardening into an alliance. Others call it a flexible alignment without obligations.";

async function setup() {
  const { owner, moderator, researcher, viewer, outsider, workspaceId } = await workspaceWithTeam("mod", "Moderated");
  const documentId = (
    await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title: "Essay", text: TEXT },
    })
  ).body.id as string;
  const annotate = async (token: string, quote: string, body: string) =>
    (
      await call(annotations.POST, {
        method: "POST",
        token,
        params: { id: documentId },
        body: { selectors: describeQuote(TEXT, quote), body },
      })
    ).body.id as string;
  const first = await annotate(owner.token, "hardening into an alliance", "A strong claim");
  const second = await annotate(researcher.token, "a flexible alignment", "The counter-reading");
  const replyId = (
    await call(replies.POST, {
      method: "POST",
      token: owner.token,
      params: { id: first },
      body: { body: "Rude and off-topic words", stance: "opposes" },
    })
  ).body.id as string;
  return { owner, moderator, researcher, viewer, outsider, workspaceId, documentId, first, second, replyId };
}

const act = (token: string, body: Record<string, unknown>) => call(actions.POST, { method: "POST", token, body });

describe("moderation", () => {
  it("flags once per member, hides from the queue with a reason, and the audit log records it", async () => {
    const { researcher, moderator, workspaceId, first, replyId } = await setup();
    expect(
      (
        await call(flags.POST, {
          method: "POST",
          token: researcher.token,
          body: { targetType: "reply", targetId: replyId, reason: "Insulting" },
        })
      ).status,
    ).toBe(201);
    expectError(
      await call(flags.POST, {
        method: "POST",
        token: researcher.token,
        body: { targetType: "reply", targetId: replyId, reason: "Again" },
      }),
      409,
    );
    expectError(
      await call(flags.POST, {
        method: "POST",
        token: researcher.token,
        body: { targetType: "reply", targetId: replyId, reason: "" },
      }),
      400,
    );

    const listed = await call(queue.GET, { token: moderator.token, params: { id: workspaceId } });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        targetType: "reply",
        targetId: replyId,
        version: 1,
        quote: "hardening into an alliance",
        flags: [expect.objectContaining({ reason: "Insulting" })],
      }),
    ]);
    expectError(await call(queue.GET, { token: researcher.token, params: { id: workspaceId } }), 403);

    expectError(
      await act(researcher.token, {
        targetType: "reply",
        targetId: replyId,
        action: "hide",
        reason: "Not mine to hide",
      }),
      403,
    );
    expectError(
      await act(moderator.token, { targetType: "reply", targetId: replyId, action: "hide", reason: "" }),
      400,
    );
    const hidden = await act(moderator.token, {
      targetType: "reply",
      targetId: replyId,
      action: "hide",
      reason: "Personal attack",
      version: 1,
    });
    expect(hidden.status).toBe(201);
    expect(hidden.body).toMatchObject({ flagsResolved: 1, target: { status: "hidden", version: 2 } });
    // Stale: the moderator's copy said version 1.
    expectError(
      await act(moderator.token, {
        targetType: "reply",
        targetId: replyId,
        action: "restore",
        reason: "Second thoughts",
        version: 1,
      }),
      409,
    );

    // Gone for researchers (thread, edit), marked for moderators.
    const researcherThread = await call(thread.GET, { token: researcher.token, params: { id: first } });
    expect(researcherThread.body.replies).toEqual([]);
    const moderatorThread = await call(thread.GET, { token: moderator.token, params: { id: first } });
    expect(moderatorThread.body.replies).toEqual([expect.objectContaining({ id: replyId, status: "hidden" })]);
    expect((await call(queue.GET, { token: moderator.token, params: { id: workspaceId } })).body.items).toEqual([]);

    const log = await call(auditLog.GET, { token: moderator.token, params: { id: workspaceId } });
    expect(log.body.items[0]).toMatchObject({
      action: "hide",
      targetType: "reply",
      targetId: replyId,
      reason: "Personal attack",
      actor: { id: moderator.id },
    });
    const csv = await call(auditLog.GET, {
      token: moderator.token,
      params: { id: workspaceId },
      path: "/x?format=csv&action=hide",
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.body).toContain(`hide,reply,“Rude and off-topic words”,${replyId},Personal attack`);
    expectError(await call(auditLog.GET, { token: researcher.token, params: { id: workspaceId } }), 403);
    expectError(
      await call(auditLog.GET, { token: moderator.token, params: { id: workspaceId }, path: "/x?action=explode" }),
      400,
    );
  });

  it("hides annotations and links everywhere for researchers and viewers, and keeps them for moderators", async () => {
    const { owner, moderator, researcher, viewer, workspaceId, documentId, first, second } = await setup();
    const linkId = (
      await call(links.POST, {
        method: "POST",
        token: researcher.token,
        body: { fromAnnotationId: second, toAnnotationId: first, relation: "contradicts" },
      })
    ).body.id as string;
    expect(
      (await act(owner.token, { targetType: "annotation", targetId: first, action: "hide", reason: "Spam" })).status,
    ).toBe(201);
    for (const user of [researcher, viewer]) {
      const list = await call(annotations.GET, { token: user.token, params: { id: documentId } });
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([second]);
      expectError(await call(annotation.GET, { token: user.token, params: { id: first } }), 404);
      expectError(await call(thread.GET, { token: user.token, params: { id: first } }), 404);
      expectError(await call(link.GET, { token: user.token, params: { id: linkId } }), 404);
      expect((await call(workspaceLinks.GET, { token: user.token, params: { id: workspaceId } })).body.items).toEqual(
        [],
      );
      expect(
        (await call(search.GET, { token: user.token, params: { id: workspaceId }, path: "/x?q=strong+claim" })).body
          .annotations,
      ).toEqual([]);
    }
    const moderated = await call(annotations.GET, { token: moderator.token, params: { id: documentId } });
    expect(moderated.body.items.find((item: { id: string }) => item.id === first)).toMatchObject({ status: "hidden" });
    expect(
      (await call(search.GET, { token: moderator.token, params: { id: workspaceId }, path: "/x?q=strong+claim" })).body
        .annotations,
    ).toHaveLength(1);
    await act(owner.token, { targetType: "annotation", targetId: first, action: "restore", reason: "Reviewed" });
    expect(
      (await call(annotations.GET, { token: researcher.token, params: { id: documentId } })).body.items,
    ).toHaveLength(2);
  });

  it("locks and pins threads, refuses what does not apply, and never half-applies an action", async () => {
    const { owner, moderator, researcher, first, replyId } = await setup();
    expect(
      (await act(moderator.token, { targetType: "annotation", targetId: first, action: "lock", reason: "Cooling off" }))
        .body.target,
    ).toMatchObject({ isLocked: true });
    expectError(
      await call(replies.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: first },
        body: { body: "Let me in", stance: "asks" },
      }),
      409,
    );
    expectError(
      await act(moderator.token, { targetType: "annotation", targetId: first, action: "lock", reason: "Again" }),
      409,
    );
    expectError(
      await act(moderator.token, {
        targetType: "reply",
        targetId: replyId,
        action: "lock",
        reason: "Replies have no lock",
      }),
      422,
    );
    expectError(
      await act(moderator.token, {
        targetType: "reply",
        targetId: replyId,
        action: "resolve-flag",
        reason: "Nothing flagged",
      }),
      409,
    );
    expectError(
      await act(moderator.token, { targetType: "reply", targetId: "nope", action: "hide", reason: "Missing" }),
      404,
    );
    expect(await db.moderationAction.count({ where: { targetId: replyId } })).toBe(0);
    await act(moderator.token, { targetType: "annotation", targetId: first, action: "unlock", reason: "Calm again" });
    const second = (
      await call(replies.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: first },
        body: { body: "A better reply", stance: "supports" },
      })
    ).body.id as string;
    expect(
      (await act(moderator.token, { targetType: "reply", targetId: second, action: "pin", reason: "Best answer" }))
        .status,
    ).toBe(201);
    const tree = await call(thread.GET, { token: owner.token, params: { id: first } });
    expect(tree.body.replies.map((node: { id: string; isPinned: boolean }) => [node.id, node.isPinned])).toEqual([
      [second, true],
      [replyId, false],
    ]);
    // The author cannot edit a reply a moderator hid.
    await act(moderator.token, { targetType: "reply", targetId: second, action: "hide", reason: "Changed my mind" });
    expectError(
      await call(reply.PATCH, {
        method: "PATCH",
        token: researcher.token,
        params: { id: second },
        body: { body: "sneaky", version: 3 },
      }),
      404,
    );
  });
});

describe("pre-moderation", () => {
  it("holds researchers' contributions for approval: their authors and moderators see them, others do not until approved", async () => {
    const { owner, moderator, researcher, viewer, workspaceId, documentId, first } = await setup();
    await call(workspace.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: workspaceId },
      body: { preModeration: true },
    });
    const held = await call(annotations.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: documentId },
      body: { selectors: describeQuote(TEXT, "Others call it"), body: "Held back" },
    });
    expect(held.body.status).toBe("pending");
    const heldReply = await call(replies.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: first },
      body: { body: "A held reply", stance: "asks" },
    });
    expect(heldReply.body.status).toBe("pending");
    const byModerator = await call(replies.POST, {
      method: "POST",
      token: moderator.token,
      params: { id: first },
      body: { body: "Moderators are not held", stance: "supports" },
    });
    expect(byModerator.body.status).toBe("visible");

    const ids = async (token: string) =>
      (await call(annotations.GET, { token, params: { id: documentId } })).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await ids(viewer.token)).not.toContain(held.body.id);
    expect(await ids(researcher.token)).toContain(held.body.id);
    const queued = (await call(queue.GET, { token: moderator.token, params: { id: workspaceId } })).body.items.map(
      (item: { targetId: string; status: string }) => [item.targetId, item.status],
    );
    expect(queued).toEqual(
      expect.arrayContaining([
        [held.body.id, "pending"],
        [heldReply.body.id, "pending"],
      ]),
    );

    expect(
      (
        await act(moderator.token, {
          targetType: "annotation",
          targetId: held.body.id,
          action: "restore",
          reason: "Approved",
        })
      ).body.target.status,
    ).toBe("visible");
    expect(await ids(viewer.token)).toContain(held.body.id);
    expect(
      (await call(thread.GET, { token: viewer.token, params: { id: first } })).body.replies.map(
        (node: { body: string }) => node.body,
      ),
    ).not.toContain("A held reply");
  });
});

describe("moderator tools for debates", () => {
  it("merges duplicate links with their replies and votes, resolves a thread with a summary, and features it", async () => {
    const { owner, moderator, researcher, viewer, first, second } = await setup();
    const create = async (token: string, from: string, to: string, relation: string) =>
      (
        await call(links.POST, {
          method: "POST",
          token,
          body: { fromAnnotationId: from, toAnnotationId: to, relation },
        })
      ).body.id as string;
    const kept = await create(owner.token, second, first, "contradicts");
    const duplicate = await create(researcher.token, first, second, "qualifies");
    expect(
      (
        await call(linkReplies.POST, {
          method: "POST",
          token: researcher.token,
          params: { id: duplicate },
          body: { body: "Said on the duplicate", stance: "supports" },
        })
      ).status,
    ).toBe(201);
    for (const [user, id, value] of [
      [researcher, duplicate, 1],
      [viewer, duplicate, 1],
      [researcher, kept, -1],
    ] as const) {
      const result = await call(linkVotes.POST, { method: "POST", token: user.token, params: { id }, body: { value } });
      expect(result.status === 200 || result.status === 403).toBe(true);
    }
    const unrelated = await create(
      owner.token,
      first,
      (
        await call(annotations.POST, {
          method: "POST",
          token: owner.token,
          params: { id: (await db.annotation.findUniqueOrThrow({ where: { id: first } })).documentId },
          body: { selectors: describeQuote(TEXT, "The partnership") },
        })
      ).body.id,
      "agrees",
    );
    expectError(
      await call(merge.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: duplicate },
        body: { intoLinkId: kept, reason: "Not my call" },
      }),
      403,
    );
    expectError(
      await call(merge.POST, {
        method: "POST",
        token: moderator.token,
        params: { id: duplicate },
        body: { intoLinkId: unrelated, reason: "Different passages" },
      }),
      422,
    );
    expect(
      (
        await call(merge.POST, {
          method: "POST",
          token: moderator.token,
          params: { id: duplicate },
          body: { intoLinkId: kept, reason: "Same argument twice" },
        })
      ).status,
    ).toBe(200);
    expectError(await call(link.GET, { token: owner.token, params: { id: duplicate } }), 404);
    const thread = await call(linkThread.GET, { token: owner.token, params: { id: kept } });
    expect(thread.body.replies.map((node: { body: string }) => node.body)).toEqual(["Said on the duplicate"]);
    // The researcher's vote on the kept link wins over their vote on the duplicate.
    expect(await db.vote.findMany({ where: { linkId: kept }, select: { userId: true, value: true } })).toEqual([
      { userId: researcher.id, value: -1 },
    ]);
    expect(thread.body.link.score).toBe(-1);

    expectError(
      await call(actions.POST, {
        method: "POST",
        token: moderator.token,
        body: { targetType: "annotation", targetId: first, action: "resolve-thread", reason: "Settled" },
      }),
      400,
    );
    const resolved = await call(actions.POST, {
      method: "POST",
      token: moderator.token,
      body: {
        targetType: "annotation",
        targetId: first,
        action: "resolve-thread",
        reason: "Settled",
        summary: "Agreed: alignment, not alliance.",
      },
    });
    expect(resolved.body.target).toMatchObject({ isResolved: true });
    expect((await call(annotation.GET, { token: viewer.token, params: { id: first } })).body.resolution).toMatchObject({
      summary: "Agreed: alignment, not alliance.",
    });
    expect(
      (
        await call(actions.POST, {
          method: "POST",
          token: moderator.token,
          body: { targetType: "annotation", targetId: first, action: "feature", reason: "Best debate" },
        })
      ).body.target,
    ).toMatchObject({ isFeatured: true });
    expectError(
      await call(actions.POST, {
        method: "POST",
        token: moderator.token,
        body: { targetType: "link", targetId: kept, action: "feature", reason: "Links are not featured" },
      }),
      422,
    );
    const log = (
      await call(auditLog.GET, {
        token: owner.token,
        params: { id: (await db.annotation.findUniqueOrThrow({ where: { id: first } })).workspaceId },
      })
    ).body.items.map((item: { action: string }) => item.action);
    expect(log.slice(0, 3)).toEqual(["feature", "resolve-thread", "merge"]);
  });
});
