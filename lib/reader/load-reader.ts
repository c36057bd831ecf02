import "server-only";
import { createHash } from "node:crypto";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listAnchors } from "@/lib/annotations/annotation-services";
import { getSessionUser } from "@/lib/auth/current-user";
import { findDocument } from "@/lib/documents/find-document";
import { presentDocument } from "@/lib/documents/presenters";
import { loadStructure } from "@/lib/documents/structure/load-structure";
import { outlineOf } from "@/lib/documents/structure/outline";
import { orNotFound } from "@/lib/pages/or-not-found";
import { canEditDocument } from "@/lib/policies/document-policy";
import { abilitiesFor } from "@/lib/policies/workspace-policy";
import { renderTextHtml } from "./render-text-html";
import { segmentText } from "./segment-text";
import { rememberRenderedText, renderedTextFor, type RenderedText } from "./rendered-text-cache";

// For pages: the document if the visitor may read it (the same check as the
// API); otherwise a 404 page.
export const loadDocumentForPage = cache(async (documentId: string) => {
  const user = await getSessionUser();
  const { document, access } = await orNotFound(() => findDocument(user, documentId, "read"));
  return {
    user,
    document,
    access,
    abilities: abilitiesFor(access),
    canEdit: canEditDocument(access, document.createdById, user?.id),
  };
});

// For the pages that change a document (details, new version): a 404 page for anyone else.
export async function loadEditableDocumentForPage(documentId: string) {
  const loaded = await loadDocumentForPage(documentId);
  if (!loaded.canEdit) notFound();
  return loaded;
}

// The reader page renders the text with its highlights on the server; the
// annotation cards are fetched by the browser from the API after the text has
// painted, so a document with a thousand annotations opens as fast as a static page.
export const loadReader = cache(async (documentId: string) => {
  const { user, document, access, abilities, canEdit } = await loadDocumentForPage(documentId);
  const [text, structure] = await Promise.all([
    readerText(document, abilities.canModerate, user?.id),
    loadStructure(document),
  ]);
  return {
    user,
    workspace: access.workspace,
    abilities,
    canEdit,
    document: presentDocument(document, { includeText: false }),
    // The reader page sends it once (components/reader/reader-text.tsx); the compare page
    // draws it itself.
    text,
    outline: outlineOf(document.text, structure.blocks),
    pageCount: structure.pageCount,
    highlightsKey: text.key,
  };
});

type ReadableDocument = Awaited<ReturnType<typeof findDocument>>["document"];

// The text with the highlights this reader may see, rendered (or taken from the cache
// when neither the text nor its highlights have changed). Its key changes whenever the
// rendered highlights change, so client effects re-attach to them.
export async function readerText(
  document: ReadableDocument,
  canModerate: boolean,
  viewerId: string | undefined,
): Promise<RenderedText> {
  const anchors = await listAnchors(document.id, canModerate, viewerId);
  const key = createHash("sha1")
    .update(
      `${document.id}|${document.version}|${document.title}|${anchors.map((anchor) => `${anchor.id}:${anchor.start}:${anchor.end}:${anchor.color}`).join(",")}`,
    )
    .digest("hex");
  const cached = renderedTextFor(key);
  if (cached) return rememberRenderedText(cached);
  const structure = await loadStructure(document);
  const { html, annotationIds } = renderTextHtml(segmentText(document.text, anchors), structure.blocks, {
    title: document.title,
  });
  return rememberRenderedText({ key, html, annotationIds });
}
