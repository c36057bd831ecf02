import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visibleItemSql, visiblePassageWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import { DEFAULT_CLUSTERS, MAX_EXPANDED_PASSAGES, OTHERS_ID } from "./map-limits";

export { DEFAULT_CLUSTERS, MAX_EXPANDED_PASSAGES };
import { renderMarkdown } from "@/lib/markdown/render-markdown";

// The debate map at any size. The overview draws documents as clusters and every link the
// reader may see, aggregated per pair of documents and relation (counted in SQL); the most
// linked documents are drawn one by one and the rest as one "other documents" cluster. A
// document expands on demand into its passages and their links. Nothing is dropped silently.

// Links a reader may see, with both ends live, visible and in live documents, as SQL.
function visibleLinksSql(workspaceId: string, viewerId: string | undefined, canModerate: boolean) {
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

export type MapCluster = { id: string; kind: "document" | "others"; title: string; links: number; passages: number };
export type MapEdge = { from: string; to: string; relation: string; count: number };

export async function loadMapOverview(
  actor: Actor,
  workspaceId: string,
  { maxClusters = DEFAULT_CLUSTERS }: { maxClusters?: number } = {},
) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const visible = visibleLinksSql(workspaceId, actor?.id, can(access, "moderate"));
  const [pairs, perDocument] = await Promise.all([
    db.$queryRaw<Array<{ from: string; to: string; relation: string; count: number }>>`
      SELECT fa."documentId" AS "from", ta."documentId" AS "to", l.relation::text AS relation, count(*)::int AS count
      ${visible}
      GROUP BY 1, 2, 3`,
    // Per document: the links touching it (a link inside one document counts once) and its linked passages.
    db.$queryRaw<Array<{ id: string; title: string; links: number; passages: number }>>`
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
  // The busiest documents are drawn one by one; the rest share one "other documents" cluster,
  // so every link is still drawn (and counted) at the level shown.
  const drawn = new Set(perDocument.slice(0, maxClusters).map((cluster) => cluster.id));
  const others = perDocument.slice(maxClusters);
  const bucket = (documentId: string) => (drawn.has(documentId) ? documentId : OTHERS_ID);
  const merged = new Map<string, MapEdge>();
  for (const pair of pairs) {
    const from = bucket(pair.from);
    const to = bucket(pair.to);
    const key = `${from}>${to}:${pair.relation}`;
    const edge = merged.get(key);
    if (edge) edge.count += pair.count;
    else merged.set(key, { from, to, relation: pair.relation, count: pair.count });
  }
  const edges = [...merged.values()].sort(
    (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  const totalLinks = pairs.reduce((sum, pair) => sum + pair.count, 0);
  const othersLinks = pairs
    .filter((pair) => !drawn.has(pair.from) || !drawn.has(pair.to))
    .reduce((sum, pair) => sum + pair.count, 0);
  const clusters: MapCluster[] = perDocument.slice(0, maxClusters).map((cluster) => ({ ...cluster, kind: "document" }));
  if (others.length) {
    clusters.push({
      id: OTHERS_ID,
      kind: "others",
      title: `${others.length.toLocaleString("en")} other document${others.length === 1 ? "" : "s"}`,
      links: othersLinks,
      passages: others.reduce((sum, cluster) => sum + cluster.passages, 0),
    });
  }
  return {
    clusters,
    edges,
    totals: { documents: perDocument.length, links: totalLinks },
    // Documents not drawn one by one (they are the "other documents" cluster), and the links touching them.
    others: { documents: others.length, links: othersLinks },
  };
}
export type MapOverview = Awaited<ReturnType<typeof loadMapOverview>>;

// One cluster opened: the document's linked passages (or all of them), every visible link
// touching them, and the passages at the other ends (with their documents' titles).
export async function loadMapDocument(
  actor: Actor,
  workspaceId: string,
  documentId: string,
  { includeUnlinked, maxPassages = MAX_EXPANDED_PASSAGES }: { includeUnlinked: boolean; maxPassages?: number },
) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const canModerate = can(access, "moderate");
  const document = await db.document.findFirst({
    where: { id: documentId, workspaceId, deletedAt: null },
    select: { id: true, title: true },
  });
  if (!document) throw new AppError("not_found", "Document not found.");
  const visible = visibleLinksSql(workspaceId, actor?.id, canModerate);
  const links = await db.$queryRaw<
    Array<{
      id: string;
      from: string;
      to: string;
      relation: string;
      creatorId: string;
      rationale: string;
      rationaleHtml: string | null;
    }>
  >`
    SELECT l.id, l."fromAnnotationId" AS "from", l."toAnnotationId" AS "to", l.relation::text AS relation,
           l."creatorId", l.rationale, l."rationaleHtml"
    ${visible} AND (fa."documentId" = ${documentId} OR ta."documentId" = ${documentId})
    ORDER BY l."createdAt" ASC, l.id ASC`;
  const linkedIds = [...new Set(links.flatMap((link) => [link.from, link.to]))];
  const passageWhere = { workspaceId, ...visiblePassageWhere(actor?.id, canModerate) };
  const select = {
    id: true,
    documentId: true,
    quote: true,
    tags: true,
    creator: { select: { id: true, name: true } },
  } as const;
  // This document's passages (capped, counted), then the other ends of their links.
  const [own, ownTotal] = await Promise.all([
    db.annotation.findMany({
      where: {
        ...passageWhere,
        documentId,
        ...(includeUnlinked ? { anchorStatus: { not: "orphaned" as const } } : { id: { in: linkedIds } }),
      },
      select,
      orderBy: [{ start: "asc" }, { id: "asc" }],
      take: maxPassages,
    }),
    db.annotation.count({
      where: {
        ...passageWhere,
        documentId,
        ...(includeUnlinked ? { anchorStatus: { not: "orphaned" as const } } : { id: { in: linkedIds } }),
      },
    }),
  ]);
  const ownIds = new Set(own.map((passage) => passage.id));
  const kept = links.filter((link) => ownIds.has(link.from) || ownIds.has(link.to));
  const otherIds = [...new Set(kept.flatMap((link) => [link.from, link.to]))].filter((id) => !ownIds.has(id));
  const others = otherIds.length
    ? await db.annotation.findMany({ where: { ...passageWhere, id: { in: otherIds } }, select })
    : [];
  const passages = [...own, ...others];
  const documentIds = [...new Set(passages.map((passage) => passage.documentId))];
  const documents = await db.document.findMany({
    where: { id: { in: documentIds }, deletedAt: null },
    select: { id: true, title: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    document,
    documents,
    passages: passages.map((passage) => ({
      id: passage.id,
      documentId: passage.documentId,
      quote: passage.quote,
      tags: passage.tags,
      creator: passage.creator,
    })),
    links: kept.map((link) => ({ ...link, rationaleHtml: link.rationaleHtml ?? renderMarkdown(link.rationale) })),
    totals: { passages: ownTotal, links: links.length },
    // Passages of this document drawn only as the other end of a drawn link are not left out.
    leftOut: {
      passages: ownTotal - passages.filter((passage) => passage.documentId === documentId).length,
      links: links.length - kept.length,
    },
  };
}
export type MapDocument = Awaited<ReturnType<typeof loadMapDocument>>;
