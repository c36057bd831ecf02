import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listAnnotations, listWorkspaceTags } from "@/lib/annotations/annotation-services";
import { getSessionUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { findDocument } from "@/lib/documents/find-document";
import { presentDocument } from "@/lib/documents/presenters";
import { AppError } from "@/lib/errors";
import { abilitiesFor } from "@/lib/policies/workspace-policy";
import { segmentText } from "./segment-text";

// Everything the reader page shows, after the same authorization as the API;
// a document the visitor may not read is a 404 page.
export const loadDocumentForPage = cache(async (documentId: string) => {
  const user = await getSessionUser();
  try {
    const { document, access } = await findDocument(user, documentId, "read");
    return { user, document, access, abilities: abilitiesFor(access) };
  } catch (error) {
    if (error instanceof AppError && ["not_found", "forbidden", "unauthenticated"].includes(error.code)) notFound();
    throw error;
  }
});

export async function loadReader(documentId: string) {
  const { user, document, access, abilities } = await loadDocumentForPage(documentId);
  const [annotations, tags, stanceRows] = await Promise.all([
    listAnnotations(user, documentId),
    listWorkspaceTags(document.workspaceId),
    db.reply.groupBy({
      by: ["annotationId", "stance"],
      where: { annotation: { documentId }, deletedAt: null, status: "visible" },
    }),
  ]);
  const stances = new Map<string, string[]>();
  for (const row of stanceRows) if (row.annotationId) (stances.get(row.annotationId) ?? stances.set(row.annotationId, []).get(row.annotationId)!).push(row.stance);
  const anchored = annotations.filter((annotation) => annotation.anchorStatus !== "orphaned");
  const paragraphs = segmentText(
    document.text,
    anchored.map(({ id, start, end, color }) => ({ id, start, end, color })),
  );
  return {
    user,
    workspace: access.workspace,
    abilities,
    document: presentDocument(document, { includeText: false }),
    paragraphs,
    annotations: annotations.map((annotation) => ({ ...annotation, stances: stances.get(annotation.id) ?? [] })),
    tags,
  };
}
export type ReaderData = Awaited<ReturnType<typeof loadReader>>;
export type ReaderAnnotation = ReaderData["annotations"][number];
