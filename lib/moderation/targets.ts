import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TargetType } from "@/lib/validations/moderation";

// What moderation needs to know about an item, whatever its kind.
export type ModerationTarget = {
  type: TargetType;
  id: string;
  workspaceId: string;
  documentIds: string[];
  status: "visible" | "hidden" | "pending";
  authorId: string;
  version: number;
  isLocked: boolean;
  isPinned: boolean;
  isResolved: boolean;
  isFeatured: boolean;
  // The thread a change belongs to (live updates): the annotation or link itself, or a reply's.
  threadId: string;
};

export async function loadTarget(type: TargetType, id: string): Promise<ModerationTarget> {
  if (type === "annotation") {
    const row = await db.annotation.findFirst({ where: { id, deletedAt: null } });
    if (row)
      return {
        type,
        id,
        workspaceId: row.workspaceId,
        documentIds: [row.documentId],
        status: row.status,
        authorId: row.creatorId,
        version: row.version,
        isLocked: row.lockedAt !== null,
        isPinned: row.pinnedAt !== null,
        isResolved: row.resolvedAt !== null,
        isFeatured: row.featuredAt !== null,
        threadId: id,
      };
  } else if (type === "reply") {
    const row = await db.reply.findFirst({
      where: { id, deletedAt: null },
      include: {
        annotation: { select: { documentId: true } },
        link: { select: { from: { select: { documentId: true } }, to: { select: { documentId: true } } } },
      },
    });
    if (row) {
      const documentIds = row.annotation
        ? [row.annotation.documentId]
        : Array.from(new Set([row.link!.from.documentId, row.link!.to.documentId]));
      return {
        type,
        id,
        workspaceId: row.workspaceId,
        documentIds,
        status: row.status,
        authorId: row.authorId,
        version: row.version,
        isLocked: false,
        isPinned: row.pinnedAt !== null,
        isResolved: false,
        isFeatured: false,
        threadId: row.annotationId ?? row.linkId!,
      };
    }
  } else {
    const row = await db.passageLink.findFirst({
      where: { id, deletedAt: null },
      include: { from: { select: { documentId: true } }, to: { select: { documentId: true } } },
    });
    if (row) {
      return {
        type,
        id,
        workspaceId: row.workspaceId,
        documentIds: Array.from(new Set([row.from.documentId, row.to.documentId])),
        status: row.status,
        authorId: row.creatorId,
        version: row.version,
        isLocked: row.lockedAt !== null,
        isPinned: row.pinnedAt !== null,
        isResolved: false,
        isFeatured: false,
        threadId: id,
      };
    }
  }
  throw new AppError("not_found", `That ${type} was not found.`);
}
