import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as annotationRoute from "@/app/api/v1/annotations/[id]/route";
import * as replyRoute from "@/app/api/v1/replies/[id]/route";
import * as replyVotes from "@/app/api/v1/replies/[id]/votes/route";
import * as links from "@/app/api/v1/links/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as member from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as markRead from "@/app/api/v1/notifications/read/route";
import * as follows from "@/app/api/v1/follows/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { notifyReply } from "@/lib/notifications/notify-events";
import { AXIS_TITLE, NO_ALLIANCE, readFixture } from "../fixtures/texts";
import { addMemberByInvitation, call, makeUser, workspaceWithTeam } from "../support/api";
import { openEventStream } from "../support/event-stream";
import { responseSchemaErrors } from "../support/response-schemas";

const axisEssay = readFixture("axis").trim();
const allianceEssay = readFixture("alliance").trim();
const handle = (user: { name: string }) => `@${user.name.replace(/\s+/g, "")}`;

type Token = { token: string };
const post = (handler: Parameters<typeof call>[0], who: Token, id: string, body: unknown) =>
  call(handler, { method: "POST", token: who.token, params: { id }, body });

async function setup(label: string) {
  const team = await workspaceWithTeam(label, `Notify ${label}`);
  const importText = async (title: string, text: string) =>
    (await post(documents.POST, team.owner, team.workspaceId, { title, text })).body.id as string;
  const axisDoc = await importText("Lin 2023", axisEssay);
  const allianceDoc = await importText("Alliance essay", allianceEssay);
  const annotate = async (who: Token, documentId: string, text: string, quote: string, body = "A passage") => {
    const created = await post(annotations.POST, who, documentId, { selectors: describeQuote(text, quote)!, body });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  // The researcher's passage in "Lin 2023", the owner's in the alliance essay.
  const passage = await annotate(team.researcher, axisDoc, axisEssay, AXIS_TITLE);
  const other = await annotate(team.owner, allianceDoc, allianceEssay, NO_ALLIANCE);
  // Invitations made on the way are not what these tests look at.
  await db.notification.deleteMany({ where: { workspaceId: team.workspaceId } });
  return { ...team, axisDoc, allianceDoc, passage, other, annotate };
}

async function inbox(who: Token, query = "") {
  const listed = await call(notifications.GET, { token: who.token, path: `/api/v1/notifications${query}` });
  expect(listed.status).toBe(200);
  expect(responseSchemaErrors("/api/v1/notifications", "GET", 200, listed.body)).toEqual([]);
  return listed.body as {
    items: { id: string; kind: string; text: string; href: string; readAt: string | null; replyId: string | null }[];
    nextCursor: string | null;
    unreadCount: number;
  };
}

const reply = async (who: Token, annotationId: string, body: string, stance = "opposes", parentId?: string) => {
  const created = await post(replies.POST, who, annotationId, { body, stance, ...(parentId ? { parentId } : {}) });
  expect(created.status).toBe(201);
  return created.body as { id: string; status: string };
};

describe("notifications of replies and mentions", () => {
  it("tells the passage's author, never the replier, outsiders or anyone twice", async () => {
    const t = await setup("reply");
    const answer = await reply(t.owner, t.passage, "I read it **otherwise**.");
    const got = await inbox(t.researcher);
    expect(got.items).toHaveLength(1);
    expect(got.items[0]).toMatchObject({ kind: "reply", replyId: answer.id });
    expect(got.items[0]!.text).toBe("Test reply-owner replied opposes to your passage in Lin 2023");
    expect(got.items[0]!.href).toBe(`/documents/${t.axisDoc}?reply=${answer.id}#annotation-${t.passage}`);
    expect(got.unreadCount).toBe(1);
    for (const someone of [t.owner, t.moderator, t.viewer, t.outsider])
      expect((await inbox(someone)).items).toEqual([]);
    // The same event written again (an approval, a retry) notifies nobody twice.
    const row = await db.reply.findUniqueOrThrow({ where: { id: answer.id } });
    await db.$transaction((tx) => notifyReply(tx, row, [t.axisDoc]));
    expect((await inbox(t.researcher)).items).toHaveLength(1);
    // A nested reply notifies the author of the reply it answers.
    await reply(t.researcher, t.passage, "Then read again.", "supports", answer.id);
    expect((await inbox(t.owner)).items[0]!.text).toBe(
      "Test reply-researcher replied supports to your reply in Lin 2023",
    );
  });

  it("mentions members once (a mention outranks a reply), never non-members or the author", async () => {
    const t = await setup("mention");
    const text = `${handle(t.researcher)} ${handle(t.viewer)} ${handle(t.outsider)} ${handle(t.owner)} see this`;
    const posted = (await reply(t.owner, t.passage, text)) as { bodyHtml?: string };
    // The renderer links the members it names, and only them.
    expect(posted.bodyHtml).toContain(
      `<a href="/workspaces/${t.workspaceId}/search?author=${t.researcher.id}">${handle(t.researcher)}</a>`,
    );
    expect(posted.bodyHtml).toContain(` ${handle(t.outsider)} `);
    const researcher = await inbox(t.researcher);
    expect(researcher.items.map((item) => item.kind)).toEqual(["mention"]);
    expect(researcher.items[0]!.text).toBe("Test mention-owner mentioned you in Lin 2023");
    expect((await inbox(t.viewer)).items.map((item) => item.kind)).toEqual(["mention"]);
    expect((await inbox(t.outsider)).items).toEqual([]);
    expect((await inbox(t.owner)).items).toEqual([]);
    // In an annotation's comment too.
    await t.annotate(t.researcher, t.allianceDoc, allianceEssay, "formal alliance", `Over to ${handle(t.moderator)}`);
    expect((await inbox(t.moderator)).items.map((item) => item.kind)).toEqual(["mention"]);
  });

  it("tells members an edit names for the first time, once, and nobody it already named", async () => {
    const t = await setup("edit-mention");
    const first = (await reply(t.owner, t.passage, `Over to ${handle(t.viewer)}`)) as unknown as {
      id: string;
      version: number;
    };
    expect((await inbox(t.viewer)).items.map((item) => item.kind)).toEqual(["mention"]);
    const edit = (id: string, body: string, version: number) =>
      call(replyRoute.PATCH, { method: "PATCH", token: t.owner.token, params: { id }, body: { body, version } });
    const edited = await edit(first.id, `Over to ${handle(t.viewer)} and ${handle(t.moderator)}`, first.version);
    expect(edited.status).toBe(200);
    expect((await inbox(t.moderator)).items.map((item) => item.text)).toEqual([
      "Test edit-mention-owner mentioned you in Lin 2023",
    ]);
    expect((await inbox(t.viewer)).items).toHaveLength(1);
    // Named, dropped and named again: still told once for this reply.
    const dropped = await edit(first.id, `Over to ${handle(t.viewer)}`, edited.body.version);
    await edit(first.id, `Over to ${handle(t.viewer)} and ${handle(t.moderator)}`, dropped.body.version);
    expect((await inbox(t.moderator)).items).toHaveLength(1);
    // A passage's comment, edited to name someone.
    const passage = await call(annotationRoute.GET, { token: t.researcher.token, params: { id: t.passage } });
    const changed = await call(annotationRoute.PATCH, {
      method: "PATCH",
      token: t.researcher.token,
      params: { id: t.passage },
      body: { body: `Worth a look, ${handle(t.owner)}`, version: passage.body.version },
    });
    expect(changed.status).toBe(200);
    expect((await inbox(t.owner)).items.map((item) => item.kind)).toEqual(["mention"]);
    // The one who edits is never told of their own edit (the researcher heard only of the reply).
    expect((await inbox(t.researcher)).items.map((item) => item.kind)).toEqual(["reply"]);
  });

  it("says nothing of what the recipient may not see: hidden passages, pending replies, members who left", async () => {
    const t = await setup("hidden");
    const hidden = await post(actions.POST, t.moderator, "", {
      targetType: "annotation",
      targetId: t.passage,
      action: "hide",
      reason: "Off topic here",
    });
    expect(hidden.status).toBe(201);
    await db.notification.deleteMany({ where: { workspaceId: t.workspaceId } });
    await reply(t.moderator, t.passage, `${handle(t.viewer)} ${handle(t.owner)} look`);
    // The viewer and the passage's author may not see the hidden passage; the owner moderates.
    expect((await inbox(t.viewer)).items).toEqual([]);
    expect((await inbox(t.researcher)).items).toEqual([]);
    expect((await inbox(t.owner)).items.map((item) => item.kind)).toEqual(["mention"]);

    // A member who left hears nothing more.
    const removed = await call(member.DELETE, {
      method: "DELETE",
      token: t.owner.token,
      params: { id: t.workspaceId, userId: t.viewer.id },
    });
    expect(removed.status).toBe(204);
    await reply(t.owner, t.other, `${handle(t.viewer)} still there?`);
    expect((await inbox(t.viewer)).items).toEqual([]);
  });

  it("holds a pending reply's notifications until it is approved, then tells its author and the others", async () => {
    const t = await setup("pending");
    await call(workspace.PATCH, {
      method: "PATCH",
      token: t.owner.token,
      params: { id: t.workspaceId },
      body: { preModeration: true },
    });
    const held = await reply(t.researcher, t.other, `${handle(t.viewer)} what do you think?`);
    expect(held.status).toBe("pending");
    expect((await inbox(t.viewer)).items).toEqual([]);
    // The passage's author moderates, so sees pending replies: told at once.
    expect((await inbox(t.owner)).items.map((item) => item.kind)).toEqual(["reply"]);
    const approved = await post(actions.POST, t.moderator, "", {
      targetType: "reply",
      targetId: held.id,
      action: "restore",
      reason: "Fine to publish",
    });
    expect(approved.status).toBe(201);
    expect((await inbox(t.viewer)).items.map((item) => item.kind)).toEqual(["mention"]);
    expect((await inbox(t.owner)).items).toHaveLength(1);
    const author = await inbox(t.researcher);
    expect(author.items.map((item) => item.text)).toEqual([
      "Test pending-moderator approved your reply in Alliance essay: Fine to publish",
    ]);
  });
});

describe("notifications of links, votes, moderation and invitations", () => {
  it("a link tells the authors of both passages, each pointed at their own", async () => {
    const t = await setup("link");
    const third = await t.annotate(t.moderator, t.allianceDoc, allianceEssay, "formal alliance");
    const linked = await call(links.POST, {
      method: "POST",
      token: t.moderator.token,
      body: { fromAnnotationId: third, toAnnotationId: t.passage, relation: "contradicts", rationale: "Not so" },
    });
    expect(linked.status).toBe(201);
    const researcher = await inbox(t.researcher);
    expect(researcher.items.map((item) => item.text)).toEqual([
      "Test link-moderator linked your passage in Lin 2023 (contradicts)",
    ]);
    expect(researcher.items[0]!.href).toContain(`#annotation-${t.passage}`);
    expect((await inbox(t.moderator)).items).toEqual([]);
  });

  it("votes notify at milestones (1, 5, …) once each", async () => {
    const t = await setup("vote");
    const answer = await reply(t.researcher, t.other, "A reply worth voting on");
    await db.notification.deleteMany({ where: { workspaceId: t.workspaceId } });
    const vote = (who: Token, value: number) => post(replyVotes.POST, who, answer.id, { value });
    expect((await vote(t.owner, 1)).status).toBe(200);
    await vote(t.owner, 0);
    await vote(t.owner, 1);
    let got = await inbox(t.researcher);
    expect(got.items.map((item) => item.text)).toEqual(["Your reply in Alliance essay reached 1 upvote"]);
    const voters = await Promise.all([1, 2, 3, 4].map((n) => makeUser(`vote-extra-${n}`)));
    for (const voter of voters) await addMemberByInvitation(t.owner.token, t.workspaceId, voter, "researcher");
    for (const voter of voters) expect((await vote(voter, 1)).status).toBe(200);
    got = await inbox(t.researcher);
    expect(got.items.map((item) => item.text)).toEqual([
      "Your reply in Alliance essay reached 5 upvotes",
      "Your reply in Alliance essay reached 1 upvote",
    ]);
  });

  it("moderation tells the author with the reason; resolving tells those who took part", async () => {
    const t = await setup("moderation");
    const answer = await reply(t.researcher, t.other, "My view");
    await db.notification.deleteMany({ where: { workspaceId: t.workspaceId } });
    await post(actions.POST, t.moderator, "", {
      targetType: "reply",
      targetId: answer.id,
      action: "hide",
      reason: "Personal attack",
    });
    expect((await inbox(t.researcher)).items.map((item) => item.text)).toEqual([
      "Test moderation-moderator hid your reply in Alliance essay: Personal attack",
    ]);
    await post(actions.POST, t.moderator, "", {
      targetType: "reply",
      targetId: answer.id,
      action: "restore",
      reason: "On reflection, fair",
    });
    const resolved = await post(actions.POST, t.moderator, "", {
      targetType: "annotation",
      targetId: t.other,
      action: "resolve-thread",
      reason: "Settled",
      summary: "Both sides agree",
    });
    expect(resolved.status).toBe(201);
    expect((await inbox(t.owner)).items.map((item) => item.kind)).toContain("moderation");
    expect((await inbox(t.researcher)).items.map((item) => item.text)[0]).toBe(
      "Test moderation-moderator resolved a thread in Alliance essay: Both sides agree",
    );
    expect((await inbox(t.viewer)).items).toEqual([]);
  });

  it("an invitation tells the invitee who has an account (the answer is the same either way)", async () => {
    const t = await setup("invite");
    const invitee = await makeUser("invitee");
    const invited = await post(members.POST, t.owner, t.workspaceId, { email: invitee.email, role: "viewer" });
    const stranger = await post(members.POST, t.owner, t.workspaceId, {
      email: "nobody-here@test.example",
      role: "viewer",
    });
    expect(Object.keys(invited.body).sort()).toEqual(Object.keys(stranger.body).sort());
    const got = await inbox(invitee);
    expect(got.items.map((item) => [item.text, item.href])).toEqual([
      ["Test invite-owner invited you to Notify invite as viewer", "/workspaces"],
    ]);
  });
});

describe("follows", () => {
  it("followers of a document hear of new passages and replies; an unfollowed thread stays quiet", async () => {
    const t = await setup("follow");
    const followed = await post(follows.POST, t.viewer, "", { targetType: "document", targetId: t.axisDoc });
    expect(followed.status).toBe(200);
    expect(followed.body).toEqual({ targetType: "document", targetId: t.axisDoc, following: true });
    const first = await reply(t.owner, t.passage, "A first reply");
    expect((await inbox(t.viewer)).items.map((item) => item.text)).toEqual([
      "Test follow-owner replied opposes in a thread you follow in Lin 2023",
    ]);
    // The passage's author follows their thread by default: a reply to someone else's reply there.
    await reply(t.moderator, t.passage, "Answering the owner", "asks", first.id);
    expect((await inbox(t.researcher)).items.map((item) => item.kind)).toEqual(["follow", "reply"]);
    const state = await call(follows.GET, {
      token: t.researcher.token,
      path: `/api/v1/follows?targetType=annotation&targetId=${t.passage}`,
    });
    expect(state.body.following).toBe(true);
    // Unfollowing overrides that default.
    const unfollowed = await call(follows.DELETE, {
      method: "DELETE",
      token: t.researcher.token,
      body: { targetType: "annotation", targetId: t.passage },
    });
    expect(unfollowed.body.following).toBe(false);
    await reply(t.moderator, t.passage, "And again", "asks", first.id);
    expect((await inbox(t.researcher)).items).toHaveLength(2);
    // Nobody follows what they may not read.
    const refused = await post(follows.POST, t.outsider, "", { targetType: "document", targetId: t.axisDoc });
    expect(refused.status).toBe(404);
  });
});

describe("the inbox", () => {
  it("pages newest first, filters unread, marks one or all read, and only ever mine", async () => {
    const t = await setup("inbox");
    for (const n of [1, 2, 3]) await reply(t.owner, t.passage, `Reply ${n}`);
    const first = await inbox(t.researcher, "?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.unreadCount).toBe(3);
    const rest = await inbox(t.researcher, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const oneId = first.items[0]!.id;
    // Someone else cannot mark mine.
    const theirs = await post(markRead.POST, t.owner, "", { ids: [oneId] });
    expect(theirs.body.read).toBe(0);
    const mine = await post(markRead.POST, t.researcher, "", { ids: [oneId] });
    expect(mine.body).toEqual({ read: 1, unreadCount: 2 });
    expect((await inbox(t.researcher, "?unread=true")).items.map((item) => item.id)).not.toContain(oneId);
    expect((await post(markRead.POST, t.researcher, "", {})).body).toEqual({ read: 2, unreadCount: 0 });
    expect((await inbox(t.researcher, "?unread=true")).items).toEqual([]);
    expect((await call(notifications.GET, {})).status).toBe(401);
  });
});

describe("the bell's stream", () => {
  async function openBell(who: Token) {
    const { GET } = await import("@/app/api/v1/notifications/events/route");
    const stream = await openEventStream(GET, "http://localhost/api/v1/notifications/events", { token: who.token });
    const readFor = async (ms: number) => (await stream.readFor(ms)).received;
    const counts = () =>
      Array.from(stream.received().matchAll(/event: unread\ndata: (\{[^\n]*\})/g), (m) => JSON.parse(m[1]!).count);
    return { readFor, counts, close: stream.close };
  }

  it("tells each person their own unread count, live, and never anyone else's", async () => {
    const t = await setup("bell");
    const mine = await openBell(t.researcher);
    const theirs = await openBell(t.viewer);
    await mine.readFor(300);
    await theirs.readFor(300);
    expect(mine.counts()).toEqual([0]);
    expect(theirs.counts()).toEqual([0]);
    await reply(t.owner, t.passage, "Live to the researcher only");
    await mine.readFor(1_500);
    await theirs.readFor(500);
    expect(mine.counts()).toEqual([0, 1]);
    expect(theirs.counts()).toEqual([0]);
    // Read elsewhere: the open bell drops to 0.
    await post(markRead.POST, t.researcher, "", {});
    await mine.readFor(1_500);
    expect(mine.counts()).toEqual([0, 1, 0]);
    expect(theirs.counts()).toEqual([0]);
    mine.close();
    theirs.close();
    expect((await call((await import("@/app/api/v1/notifications/events/route")).GET, {})).status).toBe(401);
  });
});
