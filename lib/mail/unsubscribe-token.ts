// Pure (node:crypto and the secret from the environment), so end-to-end tests can make a link too.
import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";

// What an unsubscribe link stops: one kind of notification, the daily digest, or every mail.
export type UnsubscribeScope = NotificationKind | "digest" | "all";
export const UNSUBSCRIBE_SCOPES: readonly UnsubscribeScope[] = [...NOTIFICATION_KINDS, "digest", "all"];

// Links in mails work for 60 days without signing in.
export const UNSUBSCRIBE_TTL_MS = 60 * 24 * 60 * 60 * 1000;

const secret = () => {
  const value = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed.");
  return value;
};

const sign = (payload: string) =>
  createHmac("sha256", secret()).update(`unsubscribe:${payload}`).digest().subarray(0, 24).toString("base64url");

// `<payload>.<signature>`: the payload names the user, the scope and the expiry (base64url JSON);
// the signature is an HMAC with the app secret, so nobody can make or alter one.
export function signUnsubscribeToken(userId: string, scope: UnsubscribeScope, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, s: scope, x: now + UNSUBSCRIBE_TTL_MS })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

export type UnsubscribeClaim = { userId: string; scope: UnsubscribeScope; expiresAt: Date };

// The token's claim, or null when it is malformed, forged or expired.
export function verifyUnsubscribeToken(token: string, now = Date.now()): UnsubscribeClaim | null {
  if (token.length > 400) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claim = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      u?: unknown;
      s?: unknown;
      x?: unknown;
    };
    if (typeof claim.u !== "string" || typeof claim.x !== "number") return null;
    if (!UNSUBSCRIBE_SCOPES.includes(claim.s as UnsubscribeScope)) return null;
    if (claim.x <= now) return null;
    return { userId: claim.u, scope: claim.s as UnsubscribeScope, expiresAt: new Date(claim.x) };
  } catch {
    return null;
  }
}

export const unsubscribePath = (token: string) => `/unsubscribe/${token}`;
// The one-click endpoint (RFC 8058): a POST without a session turns the scope off.
export const oneClickUnsubscribePath = (token: string) => `/api/unsubscribe/${token}`;
