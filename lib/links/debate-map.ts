import "server-only";
import { db } from "@/lib/db";
import { authorizeWorkspace, type Actor } from "@/lib/policies/authorize-workspace";
import { visibleLinkWhere, visiblePassageWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";
import { listWorkspaceLinks } from "./link-services";

const MAX_PASSAGES = 2000;

// The workspace as a graph: passages (grouped by document) and the links between them.
// Unlinked passages are left out unless asked for, so the map shows the argument.
export async function loadDebateMap(
  actor: Actor,
  workspaceId: string,
  { includeUnlinked }: { includeUnlinked: boolean },
) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const canModerate = can(access, "moderate");
  const [links, totalLinks] = await Promise.all([
    listWorkspaceLinks(actor, workspaceId, { limit: MAX_PASSAGES }),
    db.passageLink.count({ where: { workspaceId, ...visibleLinkWhere(actor?.id, canModerate) } }),
  ]);
  const linkedIds = Array.from(new Set(links.flatMap((link) => [link.from.annotationId, link.to.annotationId])));
  const passages = await db.annotation.findMany({
    where: {
      workspaceId,
      ...visiblePassageWhere(actor?.id, canModerate),
      ...(includeUnlinked ? { anchorStatus: { not: "orphaned" as const } } : { id: { in: linkedIds } }),
    },
    select: { id: true, documentId: true, quote: true, tags: true, creator: { select: { id: true, name: true } } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
    take: MAX_PASSAGES,
  });
  // Titles of the documents drawn, not of the whole workspace.
  const documents = await db.document.findMany({
    where: { id: { in: [...new Set(passages.map((passage) => passage.documentId))] }, deletedAt: null },
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
  });
  const totalPassages = includeUnlinked
    ? await db.annotation.count({
        where: { workspaceId, ...visiblePassageWhere(actor?.id, canModerate), anchorStatus: { not: "orphaned" } },
      })
    : passages.length;
  const shown = new Set(passages.map((passage) => passage.id));
  return {
    documents,
    // What the map leaves out, so it can say so: links and passages over its limit.
    totals: { links: totalLinks, passages: Math.max(totalPassages, passages.length) },
    passages: passages.map((passage) => ({
      id: passage.id,
      documentId: passage.documentId,
      quote: passage.quote,
      tags: passage.tags,
      creator: passage.creator,
    })),
    links: links
      .filter((link) => shown.has(link.from.annotationId) && shown.has(link.to.annotationId))
      .map((link) => ({
        id: link.id,
        from: link.from.annotationId,
        to: link.to.annotationId,
        relation: link.relation,
        creatorId: link.creator.id,
        rationale: link.rationale,
        rationaleHtml: link.rationaleHtml,
      })),
  };
}
export type DebateMapData = Awaited<ReturnType<typeof loadDebateMap>>;
