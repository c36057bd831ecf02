import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { listDocumentLinks } from "@/lib/links/link-services";
import { loadReader } from "./load-reader";

// Two documents of a workspace side by side with the links between them.
// Each is authorized like the reader page (404 for what the visitor may not read).
export async function loadCompare(workspaceId: string, leftId: string, rightId: string) {
  const [left, right] = await Promise.all([loadReader(leftId), loadReader(rightId)]);
  if (left.workspace.id !== workspaceId || right.workspace.id !== workspaceId) notFound();
  const links = (await listDocumentLinks(left.user, leftId)).filter((link) => {
    const documents = [link.from.documentId, link.to.documentId];
    return (
      documents.includes(leftId) &&
      documents.includes(rightId) &&
      (leftId !== rightId || link.from.documentId === link.to.documentId)
    );
  });
  const side = (loaded: typeof left) => ({
    id: loaded.document.id,
    title: loaded.document.title,
    authors: loaded.document.authors,
    html: loaded.text.html,
    annotationIds: loaded.text.annotationIds,
  });
  return { left: side(left), right: side(right), links, abilities: left.abilities, userId: left.user?.id ?? null };
}

export async function listDocumentTitles(workspaceId: string) {
  return db.document.findMany({
    where: { workspaceId, deletedAt: null },
    select: { id: true, title: true },
    orderBy: { createdAt: "asc" },
  });
}
