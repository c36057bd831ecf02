import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visiblePassageWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import { visibleLinksSql } from "@/lib/policies/item-visibility";
import { loadMapAggregate, type MapAggregate } from "./map-aggregate";
import { DEFAULT_CLUSTERS, MAX_EXPANDED_PASSAGES, OTHERS_ID } from "./map-limits";

export { DEFAULT_CLUSTERS, MAX_EXPANDED_PASSAGES };
import { renderMarkdown } from "@/lib/markdown/render-markdown";

// The debate map at any size. The overview draws documents as clusters and every link the
// reader may see, aggregated per pair of documents and relation (counted in SQL and cached per
// map version, see map-aggregate.ts); the most linked documents are drawn one by one and the
// rest as one "other documents" cluster. A document expands on demand into its passages and
// their links. Nothing is dropped silently.

export type MapCluster = { id: string; kind: "document" | "others"; title: string; links: number; passages: number };
export type MapEdge = { from: string; to: string; relation: string; count: number };

export async function loadMapOverview(
  actor: Actor,
  workspaceId: string,
  { maxClusters = DEFAULT_CLUSTERS }: { maxClusters?: number } = {},
) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const aggregate = await loadMapAggregate(workspaceId, actor?.id, can(access, "moderate"));
  // The same counts drawn at the same cluster count give the same overview: built once.
  const built = overviews.get(aggregate) ?? new Map<number, MapOverviewData>();
  overviews.set(aggregate, built);
  const cached = built.get(maxClusters);
  if (cached) return cached;
  const overview = buildOverview(aggregate, maxClusters);
  if (built.size >= 4) built.clear(); // a few cluster counts at a time, never one per number asked
  built.set(maxClusters, overview);
  return overview;
}

const overviews = new WeakMap<MapAggregate, Map<number, MapOverviewData>>();
type MapOverviewData = ReturnType<typeof buildOverview>;

function buildOverview({ pairs, perDocument }: MapAggregate, maxClusters: number) {
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
