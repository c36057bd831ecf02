import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleLinkWhere } from "@/lib/policies/item-visibility";
import type { LinkRelation } from "@/lib/validations/debate";

type End = { documentId: string; start: number; end: number };

// A passage whose range overlaps `end`'s in the same document.
const overlapping = (end: End) => ({
  documentId: end.documentId,
  deletedAt: null,
  start: { lt: end.end },
  end: { gt: end.start },
});

// A link the viewer can see that already says the same thing: the same relation between two
// passages that overlap these two (the same passages included), in either direction.
export async function findDuplicateLink(
  viewer: { id: string | undefined; canModerate: boolean },
  workspaceId: string,
  relation: LinkRelation,
  from: End,
  to: End,
) {
  return db.passageLink.findFirst({
    where: {
      workspaceId,
      relation,
      AND: [
        visibleLinkWhere(viewer.id, viewer.canModerate),
        {
          OR: [
            { from: overlapping(from), to: overlapping(to) },
            { from: overlapping(to), to: overlapping(from) },
          ],
        },
      ],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
}

// The 409 a near-duplicate link is refused with (the precedent of document imports): the
// existing link's id, so the client can open it or add its rationale to that link's thread.
export function duplicateLinkError(existingId: string, relation: LinkRelation) {
  return new AppError(
    "duplicate",
    `These passages (or passages overlapping them) are already linked as "${relation}". Open that link, or send allowDuplicate=true to link them again.`,
    undefined,
    undefined,
    { existingId },
  );
}
