import "server-only";
import { db } from "@/lib/db";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visibleItemWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type { Pagination } from "@/lib/validations/common";

export async function listDocuments(actor: Actor, workspaceId: string, page: Pagination) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  // Counted as the reader lists them for this person: visible, their own pending, hidden for moderators.
  const counted = { deletedAt: null, ...visibleItemWhere("creatorId", actor?.id, can(access, "moderate")) };
  const rows = await db.document.findMany({
    where: { workspaceId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      title: true,
      authors: true,
      sourceUrl: true,
      publishedAt: true,
      publishedPrecision: true,
      version: true,
      metadataVersion: true,
      createdAt: true,
      updatedAt: true,
      text: false,
      _count: { select: { annotations: { where: counted } } },
    },
  });
  const items = rows.slice(0, page.limit).map(({ _count, publishedAt, createdAt, updatedAt, ...document }) => ({
    ...document,
    publishedAt: publishedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    annotationCount: _count.annotations,
  }));
  return { items, nextCursor: rows.length > page.limit ? rows[page.limit - 1]!.id : null };
}
