import "server-only";
import { createHash } from "node:crypto";
import { reanchorAll, type AnchorResult } from "@/lib/anchoring/reanchor";
import { resolveSelectors } from "@/lib/anchoring/resolve-selectors";
import { saveAnchors } from "@/lib/documents/replace-document-text";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus } from "@/lib/policies/item-visibility";

// A web source is a page (any IRI) that annotations target without the page being imported:
// a Document row of kind `webSource`, its `sourceUrl` the page's IRI, its title the IRI (or a
// given title), its text empty. Its annotations keep the selectors and quote they came with,
// at start = end = 0 (there is no stored text to count in). Because it is a Document, threads,
// links, search, collections and exports work on them as on any passage. When a document whose
// sourceUrl is that IRI is imported, attachWebSource moves them onto it, anchored by their quotes.

type Tx = Prisma.TransactionClient;

export type WebSelector =
  | { type: "TextQuoteSelector"; exact: string; prefix?: string; suffix?: string }
  | { type: "TextPositionSelector"; start: number; end: number };

// Serializes the creation of one web source (same workspace and IRI) between transactions.
const WEB_SOURCE_LOCK = 1464157012;

// The IRI as it is compared: without its fragment (a fragment names a part of the same page).
export const normalizeSourceUrl = (url: string) => url.trim().replace(/#.*$/, "");

export async function findOrCreateWebSource(
  tx: Tx,
  { workspaceId, url, title, creatorId }: { workspaceId: string; url: string; title?: string; creatorId: string },
) {
  const sourceUrl = normalizeSourceUrl(url);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WEB_SOURCE_LOCK}::int, hashtext(${`${workspaceId}:${sourceUrl}`}))`;
  const existing = await tx.document.findFirst({
    where: { workspaceId, kind: "webSource", sourceUrl, deletedAt: null },
    select: { id: true, workspaceId: true, sourceUrl: true },
  });
  if (existing) return existing;
  return tx.document.create({
    data: {
      workspaceId,
      kind: "webSource",
      title: title?.trim() || sourceUrl,
      sourceUrl,
      sourceFormat: "web",
      text: "",
      // Never the hash of a real text, so never taken for a duplicate of one.
      contentHash: `web-source:${createHash("sha256").update(sourceUrl).digest("hex")}`,
      createdById: creatorId,
    },
    select: { id: true, workspaceId: true, sourceUrl: true },
  });
}

export type WebSourceAnnotationInput = {
  workspaceId: string;
  url: string;
  title?: string;
  selectors: WebSelector[];
  body: string;
  // The body as sanitized HTML when the caller rendered it; null renders it when read.
  bodyHtml?: string | null;
  tags: string[];
  creatorId: string;
  status?: ItemStatus;
  // Quoted provenance of an imported annotation ({ author, createdAt, source }).
  importedFrom?: Prisma.InputJsonValue;
  canonical?: string | null;
  via?: string | null;
};

// One annotation on a web page, in the caller's transaction (the caller has authorized it).
export async function createWebSourceAnnotation(tx: Tx, input: WebSourceAnnotationInput) {
  const source = await findOrCreateWebSource(tx, input);
  const quote = input.selectors.find((selector) => selector.type === "TextQuoteSelector");
  return tx.annotation.create({
    data: {
      workspaceId: input.workspaceId,
      documentId: source.id,
      creatorId: input.creatorId,
      motivation: input.body.trim() ? "commenting" : "highlighting",
      selectors: input.selectors,
      start: 0,
      end: 0,
      quote: quote?.exact ?? "",
      prefix: quote?.prefix ?? "",
      suffix: quote?.suffix ?? "",
      body: input.body,
      bodyHtml: input.bodyHtml ?? null,
      tags: input.tags,
      status: input.status ?? "visible",
      ...(input.importedFrom !== undefined ? { importedFrom: input.importedFrom } : {}),
      canonical: input.canonical ?? null,
      via: input.via ?? null,
    },
  });
}

export type AttachSummary = { anchored: number; moved: number; orphaned: number };

// A document was imported whose sourceUrl is a web source's IRI: its annotations move onto the
// document, anchored by their selectors as a new annotation is (else by the fuzzy search of the
// re-anchoring of revisions, as moved), those not found become orphans of the document; the web source is gone.
export async function attachWebSource(
  tx: Tx,
  document: { id: string; workspaceId: string; sourceUrl: string | null; text: string; version: number },
): Promise<AttachSummary | null> {
  if (!document.sourceUrl) return null;
  const sourceUrl = normalizeSourceUrl(document.sourceUrl);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WEB_SOURCE_LOCK}::int, hashtext(${`${document.workspaceId}:${sourceUrl}`}))`;
  const sources = await tx.document.findMany({
    where: { workspaceId: document.workspaceId, kind: "webSource", sourceUrl, deletedAt: null },
    select: { id: true },
  });
  if (!sources.length) return null;
  const sourceIds = sources.map((source) => source.id);
  const annotations = await tx.annotation.findMany({
    where: { documentId: { in: sourceIds } },
    select: { id: true, quote: true, prefix: true, suffix: true, selectors: true },
  });
  await tx.annotation.updateMany({ where: { documentId: { in: sourceIds } }, data: { documentId: document.id } });
  const results = annotations.map((annotation): AnchorResult => {
    // Found by its selectors as a new annotation would be: anchored; else only a near match: moved.
    const exact = resolveSelectors(document.text, annotation.selectors as WebSelector[]);
    if (exact) return { status: "anchored", ...exact };
    return reanchorAll("", document.text, [{ ...annotation, start: 0, end: 0, hasPosition: false }])[0]!;
  });
  await saveAnchors(
    tx,
    annotations.map((annotation, index) => ({ id: annotation.id, result: results[index]! })),
    document.version,
  );
  await tx.document.updateMany({ where: { id: { in: sourceIds } }, data: { deletedAt: new Date() } });
  const summary: AttachSummary = { anchored: 0, moved: 0, orphaned: 0 };
  for (const result of results) summary[result.status] += 1;
  return summary;
}
