import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./options";
import { userForSession, type SessionUser } from "./sessions";

export type CurrentUser = SessionUser;

// The browser session of this request: its id (from the signed cookie) and its
// user, re-read through the Session row on every request, so a revoked session or
// a deleted account loses access at once.
export const getCurrentSession = cache(async (): Promise<{ id: string; user: CurrentUser } | null> => {
  const session = await getServerSession(authOptions);
  const id = (session as { sid?: unknown } | null)?.sid;
  if (typeof id !== "string") return null;
  const user = await userForSession(id);
  return user ? { id, user } : null;
});

export const getSessionUser = cache(async (): Promise<CurrentUser | null> => (await getCurrentSession())?.user ?? null);
