import "server-only";
import { db } from "@/lib/db";
import { type Actor, authorizeWorkspace } from "@/lib/policies/authorize-workspace";
import { visibleItemWhere } from "@/lib/policies/item-visibility";
import { can } from "@/lib/policies/workspace-policy";

// A workspace's web sources by URL, each with the passages this person may see on it (their
// quotes, comments and tags) and the threads under them, oldest first. Sources with nothing
// this person may see are left out.
export async function listWebSources(actor: Actor, workspaceId: string) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  const canModerate = can(access, "moderate");
  const visible = { deletedAt: null, ...visibleItemWhere("creatorId", actor?.id, canModerate) };
  const sources = await db.document.findMany({
    where: { workspaceId, kind: "webSource", deletedAt: null, annotations: { some: visible } },
    orderBy: [{ sourceUrl: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      sourceUrl: true,
      annotations: {
        where: visible,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          quote: true,
          body: true,
          bodyHtml: true,
          tags: true,
          status: true,
          createdAt: true,
          creator: { select: { id: true, name: true } },
          replies: {
            where: { deletedAt: null, ...visibleItemWhere("authorId", actor?.id, canModerate) },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              parentId: true,
              body: true,
              bodyHtml: true,
              stance: true,
              createdAt: true,
              author: { select: { id: true, name: true } },
            },
          },
        },
      },
    },
  });
  return sources.map((source) => ({ ...source, url: source.sourceUrl ?? source.title }));
}
export type WebSource = Awaited<ReturnType<typeof listWebSources>>[number];
