import { describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as member from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import { db } from "@/lib/db";
import { addMemberByInvitation, call, expectError, makeUser, uniqueEmail } from "../support/api";

async function workspaceOf(owner: { token: string }, visibility: "private" | "public" = "private") {
  const result = await call(workspaces.POST, {
    method: "POST",
    token: owner.token,
    body: { name: `WS ${visibility}`, visibility },
  });
  expect(result.status).toBe(201);
  return result.body as { id: string };
}

async function addMember(owner: { token: string }, workspaceId: string, email: string, role: string) {
  return call(members.POST, { method: "POST", token: owner.token, params: { id: workspaceId }, body: { email, role } });
}

describe("workspaces", () => {
  it("makes the creator the owner and lists it among mine", async () => {
    const owner = await makeUser("owner");
    const created = await call(workspaces.POST, {
      method: "POST",
      token: owner.token,
      body: { name: "Axis debate", visibility: "private" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Axis debate",
      visibility: "private",
      role: "owner",
      abilities: { canManageMembers: true },
    });
    const mine = await call(workspaces.GET, { token: owner.token });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(mine.body).toHaveProperty("nextCursor", null);
  });

  it("paginates my workspaces with cursor and limit", async () => {
    const owner = await makeUser("pager");
    for (let index = 0; index < 3; index += 1) await workspaceOf(owner);
    const first = await call(workspaces.GET, { token: owner.token, path: "/api/v1/workspaces?limit=2" });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call(workspaces.GET, {
      token: owner.token,
      path: `/api/v1/workspaces?limit=2&cursor=${first.body.nextCursor}`,
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(3);
    expectError(await call(workspaces.GET, { token: owner.token, path: "/api/v1/workspaces?limit=500" }), 400);
  });

  it("hides a private workspace from non-members (404) and anonymous callers (404)", async () => {
    const owner = await makeUser("private-owner");
    const stranger = await makeUser("stranger");
    const { id } = await workspaceOf(owner);
    expectError(await call(workspace.GET, { token: stranger.token, params: { id } }), 404);
    expectError(await call(workspace.GET, { params: { id } }), 404);
    expectError(await call(members.GET, { token: stranger.token, params: { id } }), 404);
    expectError(await call(workspace.GET, { token: stranger.token, params: { id: "does-not-exist" } }), 404);
  });

  it("lets anyone read a public workspace but only members change it", async () => {
    const owner = await makeUser("public-owner");
    const stranger = await makeUser("public-stranger");
    const { id } = await workspaceOf(owner, "public");
    const read = await call(workspace.GET, { token: stranger.token, params: { id } });
    expect(read).toMatchObject({ status: 200, body: { role: null, abilities: { canRead: true, canAnnotate: false } } });
    expect((await call(workspace.GET, { params: { id } })).status).toBe(200);
    expectError(
      await call(workspace.PATCH, {
        method: "PATCH",
        token: stranger.token,
        params: { id },
        body: { name: "Mine now" },
      }),
      403,
    );
    expectError(await addMember(stranger, id, stranger.email, "owner"), 403);
  });

  it("lets only owners rename or change settings", async () => {
    const owner = await makeUser("settings-owner");
    const moderator = await makeUser("settings-mod");
    const { id } = await workspaceOf(owner);
    await addMemberByInvitation(owner.token, id, moderator, "moderator");
    expectError(
      await call(workspace.PATCH, { method: "PATCH", token: moderator.token, params: { id }, body: { name: "X" } }),
      403,
    );
    const renamed = await call(workspace.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id },
      body: { name: "Renamed", preModeration: true },
    });
    expect(renamed.body).toMatchObject({ name: "Renamed", preModeration: true });
    expectError(await call(workspace.PATCH, { method: "PATCH", token: owner.token, params: { id }, body: {} }), 400);
  });
});

describe("members", () => {
  it("makes an existing user a member once they accept, and the member then sees the workspace", async () => {
    const owner = await makeUser("m-owner");
    const researcher = await makeUser("m-researcher");
    const { id } = await workspaceOf(owner);
    await addMemberByInvitation(owner.token, id, researcher, "researcher");
    const seen = await call(workspace.GET, { token: researcher.token, params: { id } });
    expect(seen.body).toMatchObject({
      role: "researcher",
      abilities: { canAnnotate: true, canModerate: false, canManageMembers: false },
    });
    expectError(await addMember(owner, id, researcher.email, "viewer"), 409);
    const audit = await db.moderationAction.findFirst({
      where: { workspaceId: id, action: "member_add", targetId: researcher.id },
    });
    expect(audit?.actorId).toBe(researcher.id);
  });

  it("records an invitation for an email without an account", async () => {
    const owner = await makeUser("i-owner");
    const { id } = await workspaceOf(owner);
    const email = uniqueEmail("newcomer");
    const invited = await addMember(owner, id, email, "viewer");
    expect(invited).toMatchObject({
      status: 201,
      body: { status: "invited", invitation: { email, role: "viewer", status: "pending" } },
    });
    const list = await call(members.GET, { token: owner.token, params: { id } });
    expect(list.body.invitations.map((invitation: { email: string }) => invitation.email)).toEqual([email]);
    expectError(await addMember(owner, id, email, "viewer"), 409);
  });

  it("allows member management to owners only", async () => {
    const owner = await makeUser("r-owner");
    const moderator = await makeUser("r-mod");
    const viewer = await makeUser("r-viewer");
    const { id } = await workspaceOf(owner);
    await addMemberByInvitation(owner.token, id, moderator, "moderator");
    await addMemberByInvitation(owner.token, id, viewer, "viewer");
    expectError(await addMember(moderator, id, uniqueEmail(), "viewer"), 403);
    expectError(await addMember(viewer, id, uniqueEmail(), "viewer"), 403);
    expectError(
      await call(member.PATCH, {
        method: "PATCH",
        token: moderator.token,
        params: { id, userId: viewer.id },
        body: { role: "owner" },
      }),
      403,
    );
    expectError(
      await call(member.DELETE, { method: "DELETE", token: viewer.token, params: { id, userId: moderator.id } }),
      403,
    );
    const promoted = await call(member.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id, userId: viewer.id },
      body: { role: "researcher" },
    });
    expect(promoted).toMatchObject({ status: 200, body: { role: "researcher" } });
    expectError(
      await call(member.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id, userId: viewer.id },
        body: { role: "king" },
      }),
      400,
    );
  });

  it("never leaves a workspace without an owner", async () => {
    const owner = await makeUser("last-owner");
    const other = await makeUser("other");
    const { id } = await workspaceOf(owner);
    expectError(
      await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id, userId: owner.id } }),
      409,
    );
    expectError(
      await call(member.PATCH, {
        method: "PATCH",
        token: owner.token,
        params: { id, userId: owner.id },
        body: { role: "viewer" },
      }),
      409,
    );
    await addMemberByInvitation(owner.token, id, other, "owner");
    expect(
      (await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id, userId: owner.id } })).status,
    ).toBe(204);
    expectError(await call(workspace.GET, { token: owner.token, params: { id } }), 404);
  });

  it("lets any member leave, and owners remove members", async () => {
    const owner = await makeUser("leave-owner");
    const viewer = await makeUser("leaver");
    const removed = await makeUser("removed");
    const { id } = await workspaceOf(owner);
    await addMemberByInvitation(owner.token, id, viewer, "viewer");
    await addMemberByInvitation(owner.token, id, removed, "researcher");
    expect(
      (await call(member.DELETE, { method: "DELETE", token: viewer.token, params: { id, userId: viewer.id } })).status,
    ).toBe(204);
    expect(
      (await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id, userId: removed.id } })).status,
    ).toBe(204);
    expectError(await call(workspace.GET, { token: removed.token, params: { id } }), 404);
    expectError(
      await call(member.DELETE, { method: "DELETE", token: owner.token, params: { id, userId: removed.id } }),
      404,
    );
  });
});
