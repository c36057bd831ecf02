import "server-only";
import { db } from "@/lib/db";

// Browser sessions. The session cookie is a signed JWT that carries a session id;
// a request counts as signed in only while that row exists and is not revoked, so
// signing out, "sign out everywhere" and a password change take effect on the next request.

export type SessionUser = { id: string; email: string; name: string };

// How stale lastSeenAt may get before a request refreshes it (saves a write per request).
const LAST_SEEN_RESOLUTION = "5 minutes";

export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const session = await db.session.create({ data: { userId, userAgent: userAgent?.slice(0, 300) ?? null } });
  return session.id;
}

// The user of a live session, in one statement: refreshes lastSeenAt now and then,
// and reads the user through the session so a revoked or unknown session reads nothing.
export async function userForSession(sessionId: string): Promise<SessionUser | null> {
  const rows = await db.$queryRaw<SessionUser[]>`
    WITH seen AS (
      UPDATE "Session" SET "lastSeenAt" = now()
      WHERE id = ${sessionId} AND "revokedAt" IS NULL
        AND "lastSeenAt" < now() - ${LAST_SEEN_RESOLUTION}::interval
    )
    SELECT u.id, u.email, u.name FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId} AND s."revokedAt" IS NULL`;
  return rows[0] ?? null;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

// Revokes every live session of a user, except `keep` (the caller's own, after a password change).
export async function revokeUserSessions(userId: string, keep?: string | null): Promise<number> {
  const { count } = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}
