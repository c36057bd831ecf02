import "server-only";
import { createHash } from "node:crypto";
import { notFound } from "next/navigation";
import { cache } from "react";
import { codePointLength } from "@/lib/anchoring/selectors";
import { listAnchors } from "@/lib/annotations/annotation-services";
import { getSessionUser } from "@/lib/auth/current-user";
import { documentText, findDocumentDetails } from "@/lib/documents/find-document";
import { presentDocumentDetails } from "@/lib/documents/presenters";
import { loadStructure, type DocumentStructure } from "@/lib/documents/structure/load-structure";
import { outlineOf, type OutlineEntry } from "@/lib/documents/structure/outline";
import { orNotFound } from "@/lib/pages/or-not-found";
import { canEditDocument } from "@/lib/policies/document-policy";
import { abilitiesFor } from "@/lib/policies/workspace-policy";
import { renderTextHtml } from "./render-text-html";
import { anchorSignature } from "./anchor-signature";
import { segmentText } from "./segment-text";
import { rememberRenderedText, renderedTextFor, type RenderedText } from "./rendered-text-cache";

// For pages: the document (without its text: documentText) if the visitor may read it (the
// same check as the API); otherwise a 404 page.
export const loadDocumentForPage = cache(async (documentId: string) => {
  const user = await getSessionUser();
  const { document, access } = await orNotFound(() => findDocumentDetails(user, documentId, "read"));
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
// The text itself is read from the database only when neither its rendering nor its
// structure is cached.
export const loadReader = cache(async (documentId: string) => {
  const { user, document, access, abilities, canEdit } = await loadDocumentForPage(documentId);
  const [text, structure] = await Promise.all([
    readerText(document, abilities.canModerate, user?.id),
    readerStructure(document),
  ]);
  return {
    user,
    workspace: access.workspace,
    abilities,
    canEdit,
    document: presentDocumentDetails(document, structure.length),
    // The reader page sends it once (components/reader/reader-text.tsx); the compare page
    // draws it itself.
    text,
    outline: structure.outline,
    pageCount: structure.pageCount,
    highlightsKey: text.key,
  };
});

// A document as the reader's caches need it: its text is read (documentText) only to render.
type ReadableDocument = {
  id: string;
  version: number;
  contentHash: string;
  title: string;
  sourceFormat: string;
  text?: string;
};

// The text with the highlights this reader may see, rendered (or taken from the cache
// when neither the text nor its highlights have changed). Its key changes whenever the
// rendered highlights or the text (a new version) change, so client effects re-attach to
// them. A cached text costs one small query (the anchors' digest, anchor-signature.ts):
// the anchors themselves are loaded only to render.
export async function readerText(
  document: ReadableDocument,
  canModerate: boolean,
  viewerId: string | undefined,
): Promise<RenderedText> {
  const signature = await anchorSignature(document.id, canModerate, viewerId);
  const key = createHash("sha1")
    .update(`${document.id}|${document.version}|${document.contentHash}|${document.title}|${signature}`)
    .digest("hex");
  const cached = renderedTextFor(key);
  if (cached) return rememberRenderedText(cached);
  const [anchors, structure] = await Promise.all([
    listAnchors(document.id, canModerate, viewerId),
    readerStructure(document),
  ]);
  const text = await textOf(document);
  const { html, annotationIds } = renderTextHtml(segmentText(text, anchors), structure.blocks, {
    title: document.title,
  });
  return rememberRenderedText({ key, html, annotationIds });
}

// A version's text and structure never change (a new text is a new version): its blocks,
// outline and length (in code points) are computed once per process. Bounded: the least
// recently used goes first.
type ReaderStructure = DocumentStructure & { outline: OutlineEntry[]; length: number };
const STRUCTURES = new Map<string, Promise<ReaderStructure>>();
const MAX_STRUCTURES = 200;

function readerStructure(document: ReadableDocument): Promise<ReaderStructure> {
  const key = `${document.id}@${document.version}|${document.contentHash}`;
  let structure = STRUCTURES.get(key);
  if (structure) STRUCTURES.delete(key);
  else {
    structure = (async () => {
      const text = await textOf(document);
      const loaded = await loadStructure({ ...document, text });
      return { ...loaded, outline: outlineOf(text, loaded.blocks), length: codePointLength(text) };
    })();
    structure.catch(() => STRUCTURES.delete(key));
  }
  STRUCTURES.set(key, structure);
  if (STRUCTURES.size > MAX_STRUCTURES) STRUCTURES.delete(STRUCTURES.keys().next().value!);
  return structure;
}

// A version's text, read once however many callers miss their caches at the same time (a cold
// reader renders its text and computes its structure together): the read in flight is shared.
const TEXT_READS = new Map<string, Promise<string>>();

function textOf(document: ReadableDocument): Promise<string> {
  if (document.text !== undefined) return Promise.resolve(document.text);
  const key = `${document.id}@${document.version}`;
  let read = TEXT_READS.get(key);
  if (!read) {
    read = documentText(document).finally(() => TEXT_READS.delete(key));
    TEXT_READS.set(key, read);
  }
  return read;
}
