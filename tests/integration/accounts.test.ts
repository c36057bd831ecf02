import { describe, expect, it, vi } from "vitest";
import * as users from "@/app/api/v1/users/route";
import * as me from "@/app/api/v1/me/route";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[id]/route";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/tokens/tokens";
import { call, expectError, makeUser, uniqueEmail } from "../support/api";

describe("POST /api/v1/users (sign-up)", () => {
  it("creates an account with a hashed password and answers 201 { id, email, name }", async () => {
    const email = uniqueEmail("signup");
    const result = await call(users.POST, {
      method: "POST",
      body: { email: email.toUpperCase(), name: "Ada", password: "long enough password" },
    });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ id: expect.any(String), email, name: "Ada" });
    const stored = await db.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword("long enough password", stored.passwordHash!)).toBe(true);
    expect(await verifyPassword("wrong password!!", stored.passwordHash!)).toBe(false);
  });

  it("answers 409 for an email that exists, and keeps the first account", async () => {
    const email = uniqueEmail("dupe");
    await call(users.POST, { method: "POST", body: { email, name: "First", password: "long enough password" } });
    const again = await call(users.POST, {
      method: "POST",
      body: { email, name: "Second", password: "another password" },
    });
    expectError(again, 409);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("First");
  });

  it("answers 400 with field errors for missing or invalid fields", async () => {
    const result = await call(users.POST, { method: "POST", body: { email: "not-an-email", password: "short" } });
    expectError(result, 400);
    expect(Object.keys(result.body.error.fields).sort()).toEqual(["email", "name", "password"]);
  });

  it("joins nothing on sign-up: an invitation to the new email waits to be accepted", async () => {
    const owner = await makeUser("inviter");
    const workspaceId = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: "Invited" } }))
      .body.id as string;
    const email = uniqueEmail("invitee");
    const invited = await call(members.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { email, role: "viewer" },
    });
    expect(invited.status).toBe(201);
    const result = await call(users.POST, {
      method: "POST",
      body: { email, name: "Invitee", password: "long enough password" },
    });
    expect(result.status).toBe(201);
    expect(await db.membership.count({ where: { workspaceId, userId: result.body.id } })).toBe(0);
    expect(await db.invitation.findFirstOrThrow({ where: { email } })).toMatchObject({ status: "pending" });
  });

  it("rate-limits sign-ups from one address with 429 and Retry-After", async () => {
    vi.stubEnv("TRUST_PROXY", "1"); // the address comes from our proxy
    const headers = { "x-forwarded-for": "203.0.113.77" };
    const limit = Number(process.env.RATE_LIMIT_SIGNUP ?? 20);
    await db.rateLimit.upsert({
      where: { key: "signup:203.0.113.77" },
      create: { key: "signup:203.0.113.77", windowStart: new Date(), count: limit },
      update: { windowStart: new Date(), count: limit },
    });
    const result = await call(users.POST, {
      method: "POST",
      headers,
      body: { email: uniqueEmail("limited"), name: "X", password: "long enough password" },
    });
    expectError(result, 429);
    expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    vi.unstubAllEnvs();
  });
});

describe("tokens and /me", () => {
  it("identifies the caller of a bearer token, and stores only its hash", async () => {
    const user = await makeUser("me");
    const result = await call(me.GET, { token: user.token });
    expect(result).toMatchObject({ status: 200, body: { id: user.id, email: user.email, name: user.name } });
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashToken(user.token));
    expect(JSON.stringify(row)).not.toContain(user.token);
  });

  it("answers 401 without credentials and for a revoked or malformed token", async () => {
    expectError(await call(me.GET), 401);
    expectError(await call(me.GET, { token: "cpt_not-a-real-token" }), 401);
    expectError(await call(me.GET, { headers: { authorization: "Basic abc" } }), 401);
    const user = await makeUser("revoke");
    const row = await db.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect((await call(token.DELETE, { method: "DELETE", token: user.token, params: { id: row.id } })).status).toBe(
      204,
    );
    expectError(await call(me.GET, { token: user.token }), 401);
  });

  it("lists my tokens without secrets; a token cannot mint another token", async () => {
    const user = await makeUser("lister");
    const list = await call(tokens.GET, { token: user.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty("tokenHash");
    expectError(await call(tokens.POST, { method: "POST", token: user.token, body: { name: "more" } }), 403);
  });

  it("cannot revoke someone else's token (404)", async () => {
    const alice = await makeUser("alice");
    const bob = await makeUser("bob");
    const bobsToken = await db.apiToken.findFirstOrThrow({ where: { userId: bob.id } });
    expectError(await call(token.DELETE, { method: "DELETE", token: alice.token, params: { id: bobsToken.id } }), 404);
    expect(await db.apiToken.count({ where: { id: bobsToken.id } })).toBe(1);
  });
});

describe("OAuth sign-in", () => {
  const signInWith = (provider: string, email: string, profile: Record<string, unknown>) =>
    authOptions.callbacks!.signIn!({
      account: { provider, type: "oauth", providerAccountId: `${provider}-${email}` },
      user: { id: "", email, name: "Someone" },
      profile: { email, ...profile },
    });

  it("does not join a GitHub identity to an account through an email GitHub did not verify", async () => {
    const owner = await makeUser("github-victim");
    expect(await signInWith("github", owner.email, {})).toBe("/signin?error=OAuthAccountNotLinked");
    expect(await db.oAuthAccount.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("joins it through the verified primary email (as lib/auth/github.ts reports it)", async () => {
    const owner = await makeUser("github-owner");
    expect(await signInWith("github", owner.email, { email_verified: true })).toBe(true);
    expect(await db.oAuthAccount.count({ where: { userId: owner.id, provider: "github" } })).toBe(1);
  });
});
