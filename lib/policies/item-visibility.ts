// Who sees an annotation, reply or link in a given moderation status: hidden ones
// only moderators (and owners); pending ones also their author; visible ones anyone
// who may read the workspace.
export function canSeeItem(
  status: "visible" | "hidden" | "pending",
  authorId: string,
  viewerId: string | undefined,
  canModerate: boolean,
): boolean {
  if (status === "visible" || canModerate) return true;
  return status === "pending" && authorId === viewerId;
}

// The same rule as a query filter over annotations (Prisma `where`), so every list and
// count (the reader, the document list) shows the same items to the same person.
export function visibleAnnotationsWhere(viewerId: string | undefined, canModerate: boolean) {
  if (canModerate) return {};
  return {
    OR: [{ status: "visible" as const }, ...(viewerId ? [{ status: "pending" as const, creatorId: viewerId }] : [])],
  };
}
