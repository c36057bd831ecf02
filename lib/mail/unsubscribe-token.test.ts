import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUnsubscribeToken, UNSUBSCRIBE_TTL_MS, verifyUnsubscribeToken } from "./unsubscribe-token";

describe("unsubscribe tokens", () => {
  beforeEach(() => {
    vi.stubEnv("NEXTAUTH_SECRET", "a test secret of reasonable length");
  });

  it("carry the user and the scope until they expire", () => {
    const now = Date.UTC(2026, 10, 29);
    const token = signUnsubscribeToken("user-1", "mention", now);
    expect(verifyUnsubscribeToken(token, now + 1000)).toEqual({
      userId: "user-1",
      scope: "mention",
      expiresAt: new Date(now + UNSUBSCRIBE_TTL_MS),
    });
    expect(verifyUnsubscribeToken(token, now + UNSUBSCRIBE_TTL_MS - 1)?.scope).toBe("mention");
    expect(verifyUnsubscribeToken(token, now + UNSUBSCRIBE_TTL_MS)).toBeNull();
  });

  it("refuse tokens that were altered, forged with another secret, or malformed", () => {
    const token = signUnsubscribeToken("user-1", "digest");
    const [payload, signature] = token.split(".") as [string, string];
    const altered = Buffer.from(
      Buffer.from(payload, "base64url").toString("utf8").replace("user-1", "user-2"),
    ).toString("base64url");
    expect(verifyUnsubscribeToken(`${altered}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${signature.slice(0, -2)}AA`)).toBeNull();
    vi.stubEnv("NEXTAUTH_SECRET", "another secret entirely");
    expect(verifyUnsubscribeToken(token)).toBeNull();
    for (const bad of ["", ".", "abc", `${payload}.${signature}.x`, "x".repeat(500)])
      expect(verifyUnsubscribeToken(bad)).toBeNull();
  });

  it("refuse scopes that are not a kind, the digest or all", () => {
    const payload = Buffer.from(JSON.stringify({ u: "user-1", s: "everything", x: Date.now() + 1000 })).toString(
      "base64url",
    );
    const real = signUnsubscribeToken("user-1", "all");
    expect(verifyUnsubscribeToken(`${payload}.${real.split(".")[1]}`)).toBeNull();
  });
});
