import { describe, expect, it } from "vitest";
import * as password from "@/app/api/v1/me/password/route";
import * as sessions from "@/app/api/v1/me/sessions/route";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import * as member from "@/app/api/v1/workspaces/[id]/members/[userId]/route";
import { authOptions } from "@/lib/auth/options";
import { revokeSession, startSession, userForSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { call, expectError, makeUser, workspaceWithTeam } from "../support/api";

const PASSWORD = "correct horse battery";
const isLive = async (id: string) => (await userForSession(id)) !== null;

describe("browser sessions", () => {
  it("starts a session at sign-in and puts its id in the cookie's token", async () => {
    const user = await makeUser("session-start");
    const token = await authOptions.callbacks!.jwt!({
      token: {},
      user: { id: user.id, email: user.email, name: user.name },
      account: { provider: "credentials", type: "credentials", providerAccountId: user.id },
    });
    expect(typeof token.sid).toBe("string");
    expect(await userForSession(token.sid as string)).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  it("reads no one through an unknown or revoked session", async () => {
    const user = await makeUser("session-revoke");
    const id = await startSession(user.id, "test agent");
    expect(await isLive(id)).toBe(true);
    expect(await userForSession("no-such-session")).toBeNull();
    await revokeSession(id);
    expect(await isLive(id)).toBe(false);
  });

  it("revokes the session when next-auth signs out", async () => {
    const user = await makeUser("session-signout");
    const id = await startSession(user.id, null);
    const other = await startSession(user.id, null);
    await authOptions.events!.signOut!({ token: { sid: id }, session: null as never });
    expect(await isLive(id)).toBe(false);
    expect(await isLive(other)).toBe(true);
  });

  it("signs out everywhere: every session of the caller, and no one else's", async () => {
    const user = await makeUser("session-everywhere");
    const stranger = await makeUser("session-stranger");
    const mine = [await startSession(user.id, null), await startSession(user.id, null)];
    const theirs = await startSession(stranger.id, null);
    expect((await call(sessions.DELETE, { method: "DELETE", token: user.token })).status).toBe(204);
    for (const id of mine) expect(await isLive(id)).toBe(false);
    expect(await isLive(theirs)).toBe(true);
    expectError(await call(sessions.DELETE, { method: "DELETE" }), 401);
  });

  it("changes the password only with the current one, and then signs out the other sessions", async () => {
    const user = await makeUser("session-password");
    const id = await startSession(user.id, null);
    const change = (currentPassword: string, newPassword: string) =>
      call(password.PUT, { method: "PUT", token: user.token, body: { currentPassword, newPassword } });

    expectError(await change("not my password", "a brand new password"), 400);
    expectError(await change(PASSWORD, "short"), 400);
    expect(await isLive(id)).toBe(true);

    expect((await change(PASSWORD, "a brand new password")).status).toBe(204);
    expect(await isLive(id)).toBe(false);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const { verifyPassword } = await import("@/lib/auth/password");
    expect(await verifyPassword("a brand new password", stored.passwordHash!)).toBe(true);
    expect(await verifyPassword(PASSWORD, stored.passwordHash!)).toBe(false);
  });

  it("ends a removed member's access to the workspace on their next request", async () => {
    const team = await workspaceWithTeam("removed", "Removal");
    const read = () => call(workspace.GET, { token: team.researcher.token, params: { id: team.workspaceId } });
    expect((await read()).status).toBe(200);
    const removed = await call(member.DELETE, {
      method: "DELETE",
      token: team.owner.token,
      params: { id: team.workspaceId, userId: team.researcher.id },
    });
    expect(removed.status).toBe(204);
    expectError(await read(), 404);
  });
});
