import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { canSeeItem } from "@/lib/policies/item-visibility";
import { can, type Permission } from "@/lib/policies/workspace-policy";

// What a thread hangs on: an annotation or a passage link.
export type ThreadSubject = { kind: "annotation"; id: string } | { kind: "link"; id: string };

// Loads the subject, checks the actor's permission in its workspace, and says
// which documents a change to its thread concerns (for live updates).
export async function findThreadSubject(actor: Actor, subject: ThreadSubject, permission: Permission) {
  const row =
    subject.kind === "annotation"
      ? await db.annotation.findFirst({
          where: { id: subject.id, deletedAt: null },
          select: { workspaceId: true, documentId: true, lockedAt: true, status: true, creatorId: true },
        })
      : await db.passageLink.findFirst({
          where: { id: subject.id, deletedAt: null },
          select: {
            workspaceId: true,
            lockedAt: true,
            status: true,
            creatorId: true,
            from: { select: { documentId: true } },
            to: { select: { documentId: true } },
          },
        });
  const what = subject.kind === "annotation" ? "Annotation" : "Link";
  if (!row) throw new AppError("not_found", `${what} not found.`);
  const access = await authorizeWorkspace(actor, row.workspaceId, permission);
  const canModerate = can(access, "moderate");
  if (!canSeeItem(row.status, row.creatorId, actor?.id, canModerate))
    throw new AppError("not_found", `${what} not found.`);
  const documentIds =
    "documentId" in row ? [row.documentId] : Array.from(new Set([row.from.documentId, row.to.documentId]));
  return { workspaceId: row.workspaceId, documentIds, lockedAt: row.lockedAt, access, canModerate };
}

export const subjectWhere = (subject: ThreadSubject) =>
  subject.kind === "annotation" ? { annotationId: subject.id } : { linkId: subject.id };
