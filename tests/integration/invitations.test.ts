import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as invitationRoute from "@/app/api/v1/workspaces/[id]/invitations/[invitationId]/route";
import * as mine from "@/app/api/v1/me/invitations/route";
import * as accept from "@/app/api/v1/me/invitations/[invitationId]/accept/route";
import * as decline from "@/app/api/v1/me/invitations/[invitationId]/decline/route";
import * as link from "@/app/api/v1/invitations/[token]/route";
import * as users from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { call, expectError, makeUser, uniqueEmail } from "../support/api";

type Person = { id: string; email: string; token: string };

async function setup(label: string) {
  const owner = await makeUser(`${label}-owner`);
  const workspaceId = (
    await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: `Invitations ${label}` } })
  ).body.id as string;
  return { owner, workspaceId };
}

const invite = (owner: Person, workspaceId: string, email: string, role = "researcher") =>
  call(members.POST, { method: "POST", token: owner.token, params: { id: workspaceId }, body: { email, role } });

const answer = (handler: typeof accept.POST, as: Person, invitationId: string) =>
  call(handler, { method: "POST", token: as.token, params: { invitationId } });

const tokenOf = (acceptPath: string) => acceptPath.split("/").pop()!;

// The body with its values replaced by their types: what a caller could compare.
const shapeOf = (value: unknown): unknown =>
  value && typeof value === "object"
    ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]))
    : typeof value;

describe("inviting members", () => {
  it("answers the same for an email with an account and one without, and adds nobody", async () => {
    const { owner, workspaceId } = await setup("leak");
    const existing = await makeUser("leak-existing");
    const unknown = uniqueEmail("leak-unknown");
    const forExisting = await invite(owner, workspaceId, existing.email);
    const forUnknown = await invite(owner, workspaceId, unknown);
    expect(forExisting.status).toBe(201);
    expect(forUnknown.status).toBe(forExisting.status);
    expect(shapeOf(forUnknown.body)).toEqual(shapeOf(forExisting.body));
    expect(forExisting.body).toMatchObject({
      status: "invited",
      invitation: { email: existing.email, status: "pending", acceptPath: expect.stringMatching(/^\/invitations\/./) },
    });
    expect(JSON.stringify(forExisting.body)).not.toContain(existing.id);
    // Nothing joined: the existing user still cannot see the private workspace.
    expect(await db.membership.count({ where: { workspaceId, userId: existing.id } })).toBe(0);
    expectError(await call(workspace.GET, { token: existing.token, params: { id: workspaceId } }), 404);
    // Only the token's hash is stored.
    const stored = await db.invitation.findUniqueOrThrow({ where: { id: forExisting.body.invitation.id } });
    expect(stored.tokenHash).not.toContain(tokenOf(forExisting.body.invitation.acceptPath));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(13 * 24 * 3600 * 1000);
  });

  it("makes the invitee a member only when they accept, with the invited role", async () => {
    const { owner, workspaceId } = await setup("accept");
    const invitee = await makeUser("accept-invitee");
    const invited = (await invite(owner, workspaceId, invitee.email, "moderator")).body.invitation;
    const listed = await call(mine.GET, { token: invitee.token });
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: invited.id,
        role: "moderator",
        status: "pending",
        workspace: { id: workspaceId, name: "Invitations accept" },
        invitedBy: { name: "Test accept-owner" },
      }),
    ]);
    const viaLink = await call(link.GET, { token: invitee.token, params: { token: tokenOf(invited.acceptPath) } });
    expect(viaLink.body).toMatchObject({ id: invited.id, workspace: { id: workspaceId } });
    expectError(await call(workspace.GET, { token: invitee.token, params: { id: workspaceId } }), 404);

    const accepted = await answer(accept.POST, invitee, invited.id);
    expect(accepted).toMatchObject({ status: 200, body: { status: "accepted" } });
    expect((await call(workspace.GET, { token: invitee.token, params: { id: workspaceId } })).body.role).toBe(
      "moderator",
    );
    expect((await call(mine.GET, { token: invitee.token })).body.items).toEqual([]);
    expectError(await answer(accept.POST, invitee, invited.id), 409);
    const audit = await db.moderationAction.findFirstOrThrow({
      where: { workspaceId, action: "member_add", targetId: invitee.id },
    });
    expect(audit.actorId).toBe(invitee.id);
    // The owner's list shows members; answered invitations drop out of it.
    const list = await call(members.GET, { token: owner.token, params: { id: workspaceId } });
    expect(list.body.items.map((member: { userId: string }) => member.userId)).toContain(invitee.id);
    expect(list.body.invitations).toEqual([]);
  });

  it("lets someone who signs up later accept, but signing up alone joins nothing", async () => {
    const { owner, workspaceId } = await setup("later");
    const email = uniqueEmail("later");
    const invited = (await invite(owner, workspaceId, email)).body.invitation;
    const signedUp = await call(users.POST, {
      method: "POST",
      body: { email, name: "Later", password: "long enough password" },
    });
    expect(await db.membership.count({ where: { workspaceId, userId: signedUp.body.id } })).toBe(0);
    const { createToken } = await import("@/lib/tokens/tokens");
    const person = { id: signedUp.body.id, email, token: (await createToken(signedUp.body.id, "t")).token };
    expect((await answer(accept.POST, person, invited.id)).status).toBe(200);
    expect(await db.membership.count({ where: { workspaceId, userId: person.id } })).toBe(1);
  });

  it("declines: no membership, the owner sees it declined, and a new invitation can follow", async () => {
    const { owner, workspaceId } = await setup("decline");
    const invitee = await makeUser("decline-invitee");
    const invited = (await invite(owner, workspaceId, invitee.email)).body.invitation;
    expect(await answer(decline.POST, invitee, invited.id)).toMatchObject({
      status: 200,
      body: { status: "declined" },
    });
    expectError(await answer(accept.POST, invitee, invited.id), 409);
    expect(await db.membership.count({ where: { workspaceId, userId: invitee.id } })).toBe(0);
    const list = await call(members.GET, { token: owner.token, params: { id: workspaceId } });
    expect(list.body.invitations).toEqual([expect.objectContaining({ id: invited.id, status: "declined" })]);
    // Asking again renews it: a new link, pending again; the old link is dead.
    const again = (await invite(owner, workspaceId, invitee.email)).body.invitation;
    expect(again.status).toBe("pending");
    expectError(await call(link.GET, { token: invitee.token, params: { token: tokenOf(invited.acceptPath) } }), 404);
    expect((await answer(accept.POST, invitee, again.id)).status).toBe(200);
  });

  it("refuses an expired invitation and shows it expired", async () => {
    const { owner, workspaceId } = await setup("expiry");
    const invitee = await makeUser("expiry-invitee");
    const invited = (await invite(owner, workspaceId, invitee.email)).body.invitation;
    await db.invitation.update({ where: { id: invited.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await answer(accept.POST, invitee, invited.id), 409);
    expect(await db.membership.count({ where: { workspaceId, userId: invitee.id } })).toBe(0);
    expect((await call(mine.GET, { token: invitee.token })).body.items).toEqual([]);
    const list = await call(members.GET, { token: owner.token, params: { id: workspaceId } });
    expect(list.body.invitations).toEqual([expect.objectContaining({ id: invited.id, status: "expired" })]);
    // An expired invitation may be sent again.
    expect((await invite(owner, workspaceId, invitee.email)).status).toBe(201);
  });

  it("lets owners cancel: the link and the invitation stop working", async () => {
    const { owner, workspaceId } = await setup("cancel");
    const invitee = await makeUser("cancel-invitee");
    const invited = (await invite(owner, workspaceId, invitee.email)).body.invitation;
    const cancelled = await call(invitationRoute.DELETE, {
      method: "DELETE",
      token: owner.token,
      params: { id: workspaceId, invitationId: invited.id },
    });
    expect(cancelled.status).toBe(204);
    expectError(await answer(accept.POST, invitee, invited.id), 404);
    expectError(await call(link.GET, { token: invitee.token, params: { token: tokenOf(invited.acceptPath) } }), 404);
    expect(await db.membership.count({ where: { workspaceId, userId: invitee.id } })).toBe(0);
  });

  it("lets nobody else accept: another account, a wrong token, a member of the workspace", async () => {
    const { owner, workspaceId } = await setup("else");
    const invitee = await makeUser("else-invitee");
    const other = await makeUser("else-other");
    const invited = (await invite(owner, workspaceId, invitee.email, "owner")).body.invitation;
    for (const someone of [other, owner]) {
      expectError(await answer(accept.POST, someone, invited.id), 404);
      expectError(await answer(decline.POST, someone, invited.id), 404);
      expectError(await call(link.GET, { token: someone.token, params: { token: tokenOf(invited.acceptPath) } }), 403);
      expect((await call(mine.GET, { token: someone.token })).body.items).toEqual([]);
    }
    expectError(await call(link.GET, { token: invitee.token, params: { token: "not-the-token" } }), 404);
    expectError(await call(link.GET, { params: { token: tokenOf(invited.acceptPath) } }), 401);
    expectError(await call(accept.POST, { method: "POST", params: { invitationId: invited.id } }), 401);
    expect(await db.membership.count({ where: { workspaceId, userId: other.id } })).toBe(0);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: "pending" });
  });

  it("still refuses a second invitation to a pending email, and an email that is already a member", async () => {
    const { owner, workspaceId } = await setup("twice");
    const email = uniqueEmail("twice");
    expect((await invite(owner, workspaceId, email)).status).toBe(201);
    expectError(await invite(owner, workspaceId, email), 409);
    expectError(await invite(owner, workspaceId, owner.email), 409);
  });
});
