import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import type { NotificationData } from "@/lib/notifications/types";
import { absoluteUrl } from "./config";
import { notificationHref, type MailNotification } from "./templates/describe-notification";

const include = {
  actor: { select: { name: true } },
  recipient: { select: { id: true, email: true } },
  workspace: { select: { name: true, visibility: true } },
} satisfies Prisma.NotificationInclude;

export type MailableNotification = MailNotification & { recipientId: string; email: string; openUrl: string };

// Loads notifications (inside the transaction that holds their rows) as mail shows them,
// leaving out those whose recipient can no longer read the workspace (they left it, or it
// turned private): nobody is mailed about what they may not see.
export async function loadMailable(tx: Prisma.TransactionClient, ids: string[]): Promise<MailableNotification[]> {
  if (ids.length === 0) return [];
  const rows = await tx.notification.findMany({
    where: { id: { in: ids } },
    include,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const recipients = [...new Set(rows.map((row) => row.recipientId))];
  const workspaces = [...new Set(rows.map((row) => row.workspaceId))];
  const memberships = await tx.membership.findMany({
    where: { userId: { in: recipients }, workspaceId: { in: workspaces } },
    select: { userId: true, workspaceId: true },
  });
  const isMember = new Set(memberships.map((m) => `${m.userId}:${m.workspaceId}`));
  const documentIds = [...new Set(rows.flatMap((row) => (row.documentId ? [row.documentId] : [])))];
  const titles = new Map(
    (await tx.document.findMany({ where: { id: { in: documentIds } }, select: { id: true, title: true } })).map(
      (document) => [document.id, document.title],
    ),
  );
  return rows.flatMap((row) => {
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(row.kind)) return [];
    const canRead = row.workspace.visibility === "public" || isMember.has(`${row.recipientId}:${row.workspaceId}`);
    // An invitation is to a workspace its recipient has not joined yet.
    if (!canRead && row.kind !== "invitation") return [];
    const notification: MailNotification = {
      id: row.id,
      kind: row.kind as NotificationKind,
      actorName: row.actor?.name ?? null,
      workspaceName: row.workspace.name,
      documentTitle: row.documentId ? (titles.get(row.documentId) ?? null) : null,
      documentId: row.documentId,
      annotationId: row.annotationId,
      replyId: row.replyId,
      data: (row.data ?? {}) as NotificationData,
    };
    return [
      {
        ...notification,
        recipientId: row.recipientId,
        email: row.recipient.email,
        openUrl: absoluteUrl(notificationHref(notification)),
      },
    ];
  });
}

// Locks the named notifications that are still to be mailed, skipping rows another worker
// holds (it is mailing them): two workers never mail one notification twice.
export async function lockUnmailed(tx: Prisma.TransactionClient, where: Prisma.Sql): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Notification" WHERE "emailedAt" IS NULL AND ${where}
    ORDER BY "createdAt", id FOR UPDATE SKIP LOCKED`;
  return rows.map((row) => row.id);
}

// Marked only after the SMTP server accepted the mail.
export async function markEmailed(tx: Prisma.TransactionClient, ids: string[]) {
  if (ids.length > 0) await tx.notification.updateMany({ where: { id: { in: ids } }, data: { emailedAt: new Date() } });
}

// Mailing holds row locks while the SMTP server answers: the transaction may take that long.
export const MAIL_TRANSACTION = { timeout: 120_000 } as const;
