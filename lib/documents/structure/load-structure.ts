import "server-only";
import { db } from "@/lib/db";
import { paragraphBlocks, parseStoredBlocks, plainTextBlocks, type Block } from "./blocks";
import { createLocator, NO_PLACE, type Locator, type Place } from "./place";

export type DocumentStructure = { blocks: Block[]; pageCount: number | null };
type StructuredDocument = { id: string; version: number; text: string; sourceFormat: string };
type StoredRevision = { blocks: unknown; pageCount: number | null } | null | undefined;

// Revisions stored before structure existed read as plain text does (text
// imports) or one paragraph per blank-line block (the rest).
function structureOf(document: StructuredDocument, revision: StoredRevision): DocumentStructure {
  const stored = parseStoredBlocks(revision?.blocks);
  return {
    blocks: stored ?? (document.sourceFormat === "text" ? plainTextBlocks : paragraphBlocks)(document.text),
    pageCount: revision?.pageCount ?? null,
  };
}

// The structure of a document's current text (the revision of its version).
export async function loadStructure(document: StructuredDocument): Promise<DocumentStructure> {
  const revision = await db.documentRevision.findUnique({
    where: { documentId_version: { documentId: document.id, version: document.version } },
    select: { blocks: true, pageCount: true },
  });
  return structureOf(document, revision);
}

// Locators (page and heading path of an offset) for documents' current texts, by document id.
// Computed when read from the current revision, so they follow every re-anchoring.
export async function loadLocators(documentIds: Iterable<string>): Promise<Map<string, Locator>> {
  const ids = Array.from(new Set(documentIds));
  if (!ids.length) return new Map();
  return locatorsFor(
    await db.document.findMany({
      where: { id: { in: ids } },
      select: { id: true, version: true, text: true, sourceFormat: true },
    }),
  );
}

// The same for documents already loaded with their text (a report's): one query for their revisions.
export async function locatorsFor(documents: StructuredDocument[]): Promise<Map<string, Locator>> {
  if (!documents.length) return new Map();
  const revisions = await db.documentRevision.findMany({
    where: { OR: documents.map((document) => ({ documentId: document.id, version: document.version })) },
    select: { documentId: true, blocks: true, pageCount: true },
  });
  const byDocument = new Map(revisions.map((revision) => [revision.documentId, revision]));
  return new Map(
    documents.map((document) => {
      const { blocks, pageCount } = structureOf(document, byDocument.get(document.id));
      return [document.id, createLocator(document.text, blocks, pageCount)];
    }),
  );
}

// The place of an annotation's start; none for an orphan (its offsets belong to an older text).
export function placeOf(
  locators: Map<string, Locator>,
  annotation: { documentId: string; start: number; anchorStatus: string },
): Place {
  const locate = locators.get(annotation.documentId);
  return locate && annotation.anchorStatus !== "orphaned" ? locate(annotation.start) : NO_PLACE;
}
