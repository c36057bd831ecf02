import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

const PREFIX = "cpt_";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createToken(userId: string, name: string) {
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId, name, tokenHash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) },
  });
  return { id: row.id, name: row.name, token, prefix: row.prefix, createdAt: row.createdAt };
}

export async function listTokens(userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

export async function deleteToken(userId: string, tokenId: string) {
  const { count } = await db.apiToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw notFound("Token");
}

export async function userForToken(token: string) {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row) return null;
  // Record use at most once a minute to keep reads cheap.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: row.id, user: row.user };
}
