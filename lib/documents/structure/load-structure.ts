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

// Locators by document and version. A version's text and structure never change (a new
// text is a new version), so a locator once built serves every later read of that version
// without loading the document's text again. Bounded: the least recently used goes first.
const LOCATOR_CACHE_SIZE = 256;
const cachedLocators = new Map<string, Locator>();
const cacheKey = (document: { id: string; version: number }) => `${document.id}@${document.version}`;

function cachedLocator(key: string): Locator | undefined {
  const locator = cachedLocators.get(key);
  if (locator) {
    cachedLocators.delete(key);
    cachedLocators.set(key, locator);
  }
  return locator;
}

function rememberLocator(key: string, locator: Locator) {
  cachedLocators.set(key, locator);
  if (cachedLocators.size > LOCATOR_CACHE_SIZE) cachedLocators.delete(cachedLocators.keys().next().value!);
}

// Locators (page and heading path of an offset) for documents' current texts, by document id.
// Computed from the current revision, so they follow every re-anchoring; a text is loaded only
// for a version not seen before.
export async function loadLocators(documentIds: Iterable<string>): Promise<Map<string, Locator>> {
  const ids = Array.from(new Set(documentIds));
  if (!ids.length) return new Map();
  const versions = await db.document.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } });
  const missing = versions.filter((document) => !cachedLocators.has(cacheKey(document)));
  const loaded = missing.length
    ? await locatorsFor(
        await db.document.findMany({
          where: { id: { in: missing.map((document) => document.id) } },
          select: { id: true, version: true, text: true, sourceFormat: true },
        }),
      )
    : new Map<string, Locator>();
  return new Map(
    versions.flatMap((document) => {
      const locator = loaded.get(document.id) ?? cachedLocator(cacheKey(document));
      return locator ? [[document.id, locator] as const] : [];
    }),
  );
}

// The same for documents already loaded with their text (a report's): one query for the
// revisions of the versions not seen before.
export async function locatorsFor(documents: StructuredDocument[]): Promise<Map<string, Locator>> {
  const found = new Map<string, Locator>();
  const missing: StructuredDocument[] = [];
  for (const document of documents) {
    const locator = cachedLocator(cacheKey(document));
    if (locator) found.set(document.id, locator);
    else missing.push(document);
  }
  if (!missing.length) return found;
  const revisions = await db.documentRevision.findMany({
    where: { OR: missing.map((document) => ({ documentId: document.id, version: document.version })) },
    select: { documentId: true, blocks: true, pageCount: true },
  });
  const byDocument = new Map(revisions.map((revision) => [revision.documentId, revision]));
  for (const document of missing) {
    const { blocks, pageCount } = structureOf(document, byDocument.get(document.id));
    const locator = createLocator(document.text, blocks, pageCount);
    rememberLocator(cacheKey(document), locator);
    found.set(document.id, locator);
  }
  return found;
}

// The place of an annotation's start; none for an orphan (its offsets belong to an older text).
export function placeOf(
  locators: Map<string, Locator>,
  annotation: { documentId: string; start: number; anchorStatus: string },
): Place {
  const locate = locators.get(annotation.documentId);
  return locate && annotation.anchorStatus !== "orphaned" ? locate(annotation.start) : NO_PLACE;
}
