import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyModeration, notifyReply } from "@/lib/notifications/notify-events";
import type { ModerationActionInput } from "@/lib/validations/moderation";
import type { ModerationTarget } from "./targets";

// The notifications of a moderation decision, in its transaction: hiding, restoring,
// approving (a pending item made visible) and resolving a thread tell the people concerned.
// A reply approved after pre-moderation is then announced as a new reply would have been.
export async function notifyModerationAction(
  tx: Prisma.TransactionClient,
  {
    target,
    action,
    recorded,
    summary,
  }: {
    target: ModerationTarget;
    action: ModerationActionInput["action"];
    recorded: { id: string; actorId: string; reason: string | null };
    summary?: string;
  },
) {
  const decision =
    action === "hide"
      ? "hide"
      : action === "restore"
        ? target.status === "pending"
          ? "approve"
          : "restore"
        : action === "resolve-thread"
          ? "resolve"
          : null;
  if (!decision) return;
  const reply =
    target.type === "reply"
      ? await tx.reply.findUniqueOrThrow({
          where: { id: target.id },
          select: {
            id: true,
            workspaceId: true,
            authorId: true,
            annotationId: true,
            linkId: true,
            parentId: true,
            mentionedIds: true,
            stance: true,
            bodyHtml: true,
          },
        })
      : null;
  await notifyModeration(tx, {
    actionId: recorded.id,
    moderatorId: recorded.actorId,
    action: decision,
    reason: decision === "resolve" ? (summary ?? recorded.reason) : recorded.reason,
    workspaceId: target.workspaceId,
    documentIds: target.documentIds,
    target: {
      type: target.type,
      id: target.id,
      authorId: target.authorId,
      annotationId: target.type === "annotation" ? target.id : (reply?.annotationId ?? null),
    },
  });
  if (reply && decision !== "hide") await notifyReply(tx, reply, target.documentIds);
}
