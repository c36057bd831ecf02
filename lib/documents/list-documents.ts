import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visibleItemWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import type { ListDocumentsQuery } from "@/lib/validations/document";

// The API pages with a cursor; the workspace page by page number (`offset`), so that it can
// link to any page and back.
type ListOptions = Omit<ListDocumentsQuery, "sort"> & { sort?: ListDocumentsQuery["sort"]; offset?: number };

const ORDER: Record<ListDocumentsQuery["sort"], Prisma.DocumentOrderByWithRelationInput[]> = {
  added: [{ createdAt: "desc" }, { id: "desc" }],
  published: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

// A page of a workspace's documents in the order asked, narrowed by the filters, with the
// number of passages this person sees on each and the number of documents that match. A
// document "is discussed" when it has a passage this person may see.
export async function listDocuments(actor: Actor, workspaceId: string, options: ListOptions) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  // Counted as the reader lists them for this person: visible, their own pending, hidden for moderators.
  const counted = { deletedAt: null, ...visibleItemWhere("creatorId", actor?.id, can(access, "moderate")) };
  const where: Prisma.DocumentWhereInput = {
    workspaceId,
    kind: "document",
    deletedAt: null,
    ...(options.format ? { sourceFormat: options.format } : {}),
    ...(options.author ? { authors: { has: options.author } } : {}),
    ...(options.from || options.to
      ? {
          publishedAt: {
            ...(options.from ? { gte: new Date(Date.UTC(options.from, 0, 1)) } : {}),
            ...(options.to ? { lt: new Date(Date.UTC(options.to + 1, 0, 1)) } : {}),
          },
        }
      : {}),
    ...(options.discussed === "yes" ? { annotations: { some: counted } } : {}),
    ...(options.discussed === "no" ? { annotations: { none: counted } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.document.findMany({
      where,
      orderBy: ORDER[options.sort ?? "added"],
      take: options.limit + 1,
      ...(options.cursor
        ? { cursor: { id: options.cursor }, skip: 1 }
        : options.offset
          ? { skip: options.offset }
          : {}),
      select: {
        id: true,
        title: true,
        authors: true,
        sourceUrl: true,
        sourceFormat: true,
        publishedAt: true,
        publishedPrecision: true,
        version: true,
        metadataVersion: true,
        createdAt: true,
        updatedAt: true,
        _count: { select: { annotations: { where: counted } } },
      },
    }),
    db.document.count({ where }),
  ]);
  const items = rows.slice(0, options.limit).map(({ _count, publishedAt, createdAt, updatedAt, ...document }) => ({
    ...document,
    publishedAt: publishedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    annotationCount: _count.annotations,
  }));
  return { items, nextCursor: rows.length > options.limit ? rows[options.limit - 1]!.id : null, total };
}

// How many live documents (not web sources) a workspace holds, read from an index alone
// (Document_workspaceId_kind_deletedAt_idx): the ORM's count selects ids in a subquery, which
// at 10,000 documents scanned the table (5 ms) instead.
export async function countLiveDocuments(workspaceId: string): Promise<number> {
  const [{ count }] = await db.$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM "Document"
    WHERE "workspaceId" = ${workspaceId} AND kind = 'document' AND "deletedAt" IS NULL`;
  return count;
}

// The authors named on a workspace's documents, most frequent first (for the author filter).
export async function listDocumentAuthors(workspaceId: string, limit = 300): Promise<string[]> {
  const rows = await db.$queryRaw<{ author: string }[]>`
    SELECT author FROM "Document", unnest(authors) AS author
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL
    GROUP BY author ORDER BY count(*) DESC, author LIMIT ${limit}`;
  return rows.map((row) => row.author);
}
