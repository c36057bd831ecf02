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
  const [anchors, structure] = await Promise.all([
    listAnchors(documentId, abilities.canModerate, user?.id),
    loadStructure(document),
  ]);
  // Changes whenever the rendered highlights change, so client effects re-attach to them.
  const highlightsKey = createHash("sha1")
    .update(
      `${document.id}|${document.version}|${anchors.map((anchor) => `${anchor.id}:${anchor.start}:${anchor.end}:${anchor.color}`).join(",")}`,
    )
    .digest("hex");
  return {
    user,
    workspace: access.workspace,
    abilities,
    canEdit,
    document: presentDocument(document, { includeText: false }),
    text: renderedText(`${highlightsKey}|${document.title}`, () =>
      renderTextHtml(segmentText(document.text, anchors), structure.blocks, { title: document.title }),
    ),
    outline: outlineOf(document.text, structure.blocks),
    pageCount: structure.pageCount,
    highlightsKey,
  };
});

// Rendered texts by highlightsKey: re-reading a document whose text and
// highlights have not changed skips segmenting and rendering.
const RENDERED = new Map<string, ReturnType<typeof renderTextHtml>>();
const MAX_RENDERED = 200;

function renderedText(key: string, render: () => ReturnType<typeof renderTextHtml>) {
  const cached = RENDERED.get(key);
  if (cached) return cached;
  const rendered = render();
  RENDERED.set(key, rendered);
  if (RENDERED.size > MAX_RENDERED) RENDERED.delete(RENDERED.keys().next().value!);
  return rendered;
}
