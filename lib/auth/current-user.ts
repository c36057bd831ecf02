import "server-only";
import { getServerSession } from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { authOptions } from "./options";
import { userForSession, type SessionUser } from "./sessions";

export type CurrentUser = SessionUser;

// next-auth's cookie name: the __Secure- one when the site is served over https.
const sessionCookieName = () =>
  process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";

// Session ids by cookie value. The cookie is an encrypted JWT; decrypting it (a key
// derivation included) on every request was the largest single cost of an authenticated
// read, and a value always decrypts to the same id. Bounded; the oldest entry goes first.
const DECODED_COOKIES_SIZE = 2000;
type DecodedCookie = { sessionId: string; expiresAt: number; payload: JWT };
const decodedCookies = new Map<string, DecodedCookie>();

async function decodeCookie(value: string): Promise<DecodedCookie | null> {
  let decoded = decodedCookies.get(value);
  if (!decoded) {
    const payload = await decode({ token: value, secret: process.env.NEXTAUTH_SECRET ?? "" }).catch(() => null);
    if (typeof payload?.sid !== "string" || typeof payload.exp !== "number") return null;
    decoded = { sessionId: payload.sid, expiresAt: payload.exp * 1000, payload };
    decodedCookies.set(value, decoded);
    if (decodedCookies.size > DECODED_COOKIES_SIZE) decodedCookies.delete(decodedCookies.keys().next().value!);
  }
  return decoded.expiresAt > Date.now() ? decoded : null;
}

// Sessions slide: a cookie more than a day old is re-issued with a fresh lifetime, as
// next-auth does. Only a route handler may set cookies; a page's render leaves it be.
const SESSION_MAX_AGE = authOptions.session!.maxAge!;
const REISSUE_AFTER_MS = 24 * 60 * 60 * 1000;

async function reissueIfOld(name: string, decoded: DecodedCookie) {
  if (decoded.expiresAt - Date.now() > SESSION_MAX_AGE * 1000 - REISSUE_AFTER_MS) return;
  const claims: JWT = { ...decoded.payload };
  for (const stamp of ["iat", "exp", "jti"]) delete claims[stamp];
  const value = await encode({ token: claims, secret: process.env.NEXTAUTH_SECRET ?? "", maxAge: SESSION_MAX_AGE });
  try {
    (await cookies()).set(name, value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: name.startsWith("__Secure-"),
      maxAge: SESSION_MAX_AGE,
    });
  } catch {
    // Rendering a page: cookies are read-only there.
  }
}

// The browser session of this request: its id (from the signed cookie) and its
// user, re-read through the Session row on every request, so a revoked session or
// a deleted account loses access at once.
export const getCurrentSession = cache(async (): Promise<{ id: string; user: CurrentUser } | null> => {
  const name = sessionCookieName();
  const cookie = (await cookies()).get(name)?.value;
  // A cookie split in chunks (next-auth does that past 4 kB) goes through next-auth itself.
  const decoded = cookie ? await decodeCookie(cookie) : null;
  const id = cookie
    ? (decoded?.sessionId ?? null)
    : (((await getServerSession(authOptions)) as { sid?: unknown } | null)?.sid ?? null);
  if (typeof id !== "string") return null;
  const user = await userForSession(id);
  if (user && decoded) await reissueIfOld(name, decoded);
  return user ? { id, user } : null;
});

export const getSessionUser = cache(async (): Promise<CurrentUser | null> => (await getCurrentSession())?.user ?? null);
