import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { visibleItemSql } from "@/lib/policies/item-visibility";
import { rolesWith } from "@/lib/policies/workspace-policy";
import type { ListNotificationsInput, MarkNotificationsReadInput } from "@/lib/validations/notification";
import { describeNotification, notificationHref } from "./describe";
import { announceToUser } from "./fan-out";
import type { NotificationKind } from "./kinds";
import type { NotificationData } from "./types";

type Row = {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  readAt: Date | null;
  actorId: string | null;
  actorName: string | null;
  workspaceId: string;
  workspaceName: string;
  documentId: string | null;
  documentTitle: string | null;
  annotationId: string | null;
  replyId: string | null;
  linkId: string | null;
  invitationId: string | null;
  data: NotificationData;
};

export function presentNotification(row: Row) {
  return {
    id: row.id,
    kind: row.kind,
    text: describeNotification(row),
    href: notificationHref(row),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? "" } : null,
    workspace: { id: row.workspaceId, name: row.workspaceName },
    document: row.documentId ? { id: row.documentId, title: row.documentTitle ?? "" } : null,
    annotationId: row.annotationId,
    replyId: row.replyId,
    linkId: row.linkId,
    data: row.data,
  };
}
export type PresentedNotification = ReturnType<typeof presentNotification>;

// Which of my notifications I may still see, decided again when read: I am still a member
// (invitations aside), what they point to still exists and passes the one visibility rule
// for me (a moderation notice is about my own item, which may now be hidden from me).
function stillVisibleSql(userId: string) {
  const moderates = Prisma.sql`(m.role::text = ANY(${rolesWith("moderate")}::text[]))`;
  return Prisma.sql`
    (m.id IS NOT NULL OR n.kind = 'invitation')
    AND (n."documentId" IS NULL OR (d.id IS NOT NULL AND d."deletedAt" IS NULL))
    AND (n."replyId" IS NULL OR EXISTS (SELECT 1 FROM "Reply" r WHERE r.id = n."replyId" AND r."deletedAt" IS NULL
      AND (n.kind = 'moderation' OR ${visibleItemSql("r", "authorId", userId, moderates)})))
    AND (n."annotationId" IS NULL OR EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = n."annotationId" AND a."deletedAt" IS NULL
      AND (n.kind = 'moderation' OR ${visibleItemSql("a", "creatorId", userId, moderates)})))
    AND (n."linkId" IS NULL OR EXISTS (SELECT 1 FROM "PassageLink" l WHERE l.id = n."linkId" AND l."deletedAt" IS NULL
      AND (n.kind = 'moderation' OR ${visibleItemSql("l", "creatorId", userId, moderates)})))`;
}

const FROM = (userId: string) => Prisma.sql`
  FROM "Notification" n
  JOIN "Workspace" w ON w.id = n."workspaceId"
  LEFT JOIN "Membership" m ON m."workspaceId" = n."workspaceId" AND m."userId" = n."recipientId"
  LEFT JOIN "Document" d ON d.id = n."documentId"
  LEFT JOIN "User" actor ON actor.id = n."actorId"
  WHERE n."recipientId" = ${userId} AND ${stillVisibleSql(userId)}`;

export async function countUnread(userId: string): Promise<number> {
  const [row] = await db.$queryRaw<
    { count: number }[]
  >`SELECT count(*)::int AS count ${FROM(userId)} AND n."readAt" IS NULL`;
  return row?.count ?? 0;
}

// My notifications, newest first, a page at a time (the cursor is the last one's id).
export async function listNotifications(actor: Actor, input: ListNotificationsInput) {
  const userId = signedIn(actor).id;
  const after = input.cursor
    ? Prisma.sql`AND (n."createdAt", n.id) < (SELECT "createdAt", id FROM "Notification" WHERE id = ${input.cursor} AND "recipientId" = ${userId})`
    : Prisma.empty;
  const unread = input.unread ? Prisma.sql`AND n."readAt" IS NULL` : Prisma.empty;
  const [rows, unreadCount] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT n.id, n.kind, n."createdAt", n."readAt", n."actorId", actor.name AS "actorName", n."workspaceId",
             w.name AS "workspaceName", n."documentId", d.title AS "documentTitle", n."annotationId", n."replyId",
             n."linkId", n."invitationId", n.data
      ${FROM(userId)} ${unread} ${after}
      ORDER BY n."createdAt" DESC, n.id DESC
      LIMIT ${input.limit + 1}`,
    countUnread(userId),
  ]);
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(presentNotification),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
    unreadCount,
  };
}

// Marks mine read (the ones named, or all); every open bell of mine hears of it.
export async function markNotificationsRead(actor: Actor, input: MarkNotificationsReadInput) {
  const userId = signedIn(actor).id;
  const read = await db.$transaction(async (transaction) => {
    const { count } = await transaction.notification.updateMany({
      where: { recipientId: userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    if (count) await announceToUser(transaction, userId);
    return count;
  });
  return { read, unreadCount: await countUnread(userId) };
}
