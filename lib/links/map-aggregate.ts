import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleItemSql } from "@/lib/policies/item-visibility";

// The debate map's overview counts every visible link of a workspace, per pair of documents and
// relation: at 5,000 links that is most of a request's time. The counts change only when the
// workspace's map version does (a counter bumped by triggers in the writing transaction, see the
// map_version migration), so they are kept per (workspace, version, visibility class) in this
// process. The class follows the one visibility rule: moderators see every live item; other
// readers see the visible ones, plus their own pending ones, so a reader with a pending link or
// linked passage gets counts of their own; everyone else shares one entry.

// Links a reader may see, with both ends live, visible and in live documents, as SQL.
export function visibleLinksSql(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
  return Prisma.sql`
    FROM "PassageLink" l
    JOIN "Annotation" fa ON fa.id = l."fromAnnotationId" AND fa."deletedAt" IS NULL
    JOIN "Document" fd ON fd.id = fa."documentId" AND fd."deletedAt" IS NULL
    JOIN "Annotation" ta ON ta.id = l."toAnnotationId" AND ta."deletedAt" IS NULL
    JOIN "Document" td ON td.id = ta."documentId" AND td."deletedAt" IS NULL
    WHERE l."workspaceId" = ${workspaceId} AND l."deletedAt" IS NULL
      AND ${visibleItemSql("l", "creatorId", viewerId, canModerate)}
      AND ${visibleItemSql("fa", "creatorId", viewerId, canModerate)}
      AND ${visibleItemSql("ta", "creatorId", viewerId, canModerate)}`;
}

export type MapPair = { from: string; to: string; relation: string; count: number };
// Per document: the links touching it (a link inside one document counts once) and its linked passages.
export type MapDocumentCount = { id: string; title: string; links: number; passages: number };
export type MapAggregate = { pairs: MapPair[]; perDocument: MapDocumentCount[] };

async function countLinks(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
  const visible = visibleLinksSql(workspaceId, viewerId, canModerate);
  const [pairs, perDocument] = await Promise.all([
    db.$queryRaw<MapPair[]>`
      SELECT fa."documentId" AS "from", ta."documentId" AS "to", l.relation::text AS relation, count(*)::int AS count
      ${visible}
      GROUP BY 1, 2, 3`,
    db.$queryRaw<MapDocumentCount[]>`
      WITH ends AS (
        SELECT l.id AS link, fa."documentId" AS document, fa.id AS passage ${visible}
        UNION ALL
        SELECT l.id, ta."documentId", ta.id ${visible}
      )
      SELECT d.id, d.title, count(DISTINCT e.link)::int AS links, count(DISTINCT e.passage)::int AS passages
      FROM ends e JOIN "Document" d ON d.id = e.document
      GROUP BY d.id, d.title, d."createdAt"
      ORDER BY links DESC, d."createdAt" ASC, d.id ASC`,
  ]);
  return { pairs, perDocument };
}

// The workspace's map version, and whether this reader has pending items that the map counts
// for them alone (a pending link, or a pending passage at an end of a link).
async function versionFor(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
  const ownPending =
    canModerate || !viewerId
      ? Prisma.sql`FALSE`
      : Prisma.sql`(
          EXISTS (SELECT 1 FROM "PassageLink" l WHERE l."workspaceId" = ${workspaceId} AND l."creatorId" = ${viewerId}
                    AND l.status = 'pending' AND l."deletedAt" IS NULL)
          OR EXISTS (SELECT 1 FROM "Annotation" a WHERE a."creatorId" = ${viewerId} AND a."workspaceId" = ${workspaceId}
                    AND a.status = 'pending' AND a."deletedAt" IS NULL
                    AND (EXISTS (SELECT 1 FROM "PassageLink" f WHERE f."fromAnnotationId" = a.id)
                      OR EXISTS (SELECT 1 FROM "PassageLink" t WHERE t."toAnnotationId" = a.id))))`;
  const [row] = await db.$queryRaw<Array<{ version: number; ownPending: boolean }>>`
    SELECT coalesce((SELECT version FROM "WorkspaceMapVersion" WHERE "workspaceId" = ${workspaceId}), 0) AS version,
           ${ownPending} AS "ownPending"`;
  return row!;
}

type Entry = { version: number; aggregate: Promise<MapAggregate> };
const MAX_ENTRIES = 256;
const globalForMap = globalThis as unknown as { mapAggregates?: Map<string, Entry> };
const entries = (globalForMap.mapAggregates ??= new Map<string, Entry>());

export async function loadMapAggregate(
  workspaceId: string,
  viewerId: string | undefined,
  canModerate: boolean,
): Promise<MapAggregate> {
  // The version is read before the counts, so an entry never holds counts older than its version.
  const { version, ownPending } = await versionFor(workspaceId, viewerId, canModerate);
  const visibility = canModerate ? "moderator" : ownPending ? `reader:${viewerId}` : "reader";
  const key = `${workspaceId}:${visibility}`;
  const cached = entries.get(key);
  if (cached && cached.version >= version) {
    // Most recently used last, so the oldest entry is the first to go.
    entries.delete(key);
    entries.set(key, cached);
    return cached.aggregate;
  }
  const aggregate = countLinks(workspaceId, ownPending ? viewerId : undefined, canModerate);
  entries.delete(key);
  entries.set(key, { version, aggregate });
  aggregate.catch(() => {
    if (entries.get(key)?.aggregate === aggregate) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return aggregate;
}
